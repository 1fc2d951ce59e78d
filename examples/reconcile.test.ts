// `pnpm example reconcile` runs the built command line (`pnpm test` builds before Jest).
import { runReconcileExample } from './reconcile';

jest.setTimeout(60_000);

describe('the reconcile example', () => {
  it('finds the four planted differences and exits 1', async () => {
    const lines: string[] = [];
    const code = await runReconcileExample((line) => lines.push(line));
    expect(code).toBe(1);
    expect(
      lines
        .filter((line) => /^\| `ORD-/.test(line))
        .map((line) => line.split(' | ').slice(0, 2).join(' | ')),
    ).toEqual([
      '| `ORD-1002` | amount-differs',
      '| `ORD-1002` | duplicate-in-settlement',
      '| `ORD-1005` | missing-in-settlement',
      '| `ORD-1006` | unexpected-in-settlement',
    ]);
    expect(lines.at(-2)).toBe(
      'reconciled 6 orders with 15 report rows: 4 findings, 0 invalid rows',
    );
  });
});
