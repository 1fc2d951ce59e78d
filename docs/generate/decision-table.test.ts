import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assessLiability, fold } from '@order-liability/domain';
import { decisionRows, renderDecisionTable } from './decision-table';

describe('docs/decision-table.md', () => {
  it('is what the code decides (run `pnpm docs` after changing a rule)', () => {
    expect(readFileSync(join(__dirname, '..', 'decision-table.md'), 'utf8')).toBe(
      renderDecisionTable(),
    );
  });

  it('cites, in each row, only rules the decision itself gives as reasons', () => {
    const uncited = decisionRows.flatMap((row) => {
      const reasons: readonly string[] = assessLiability(fold(row.events), row.policy).reasons;
      return row.rule
        .split(', ')
        .filter((rule) => !reasons.includes(rule))
        .map((rule) => `${row.situation}: ${rule}`);
    });
    expect(uncited).toEqual([]);
  });
});
