// Every package builds to dist/ and can be required from a plain `node` script (issue 3).
// `pnpm test` builds before it runs Jest.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..');

const script = `
const domain = require('@order-liability/domain');
const store = require('@order-liability/store');
const names = [
  typeof domain.decide, typeof domain.fold, typeof domain.assessLiability, typeof domain.toMerchantView,
  typeof store.InMemoryEventStore, typeof store.handle,
  typeof require('@order-liability/store/testing').describeEventStoreContract,
  typeof store.describeEventStoreContract,
  typeof require('@order-liability/eventstoredb').EventStoreDBEventStore,
  typeof require('@order-liability/postgresql').PostgreSQLEventStore,
  typeof require('@order-liability/audit').auditFile,
];
const state = domain.fold([{ type: 'StopRequested', data: { orderId: '1', merchantId: 'm', purchaseKind: 'goods',
  currency: 'DKK', totalAmount: 100, totalTaxAmount: 20, requestedAt: '2026-03-02T09:00:00Z' } }]);
console.log(JSON.stringify([names, domain.assessLiability(state).status]));
`;

describe('the built packages', () => {
  it('are required by a plain node script, the contract suite (on the testing entry only) touching no Jest global on load', () => {
    const output = execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual([
      [
        'function',
        'function',
        'function',
        'function',
        'function',
        'function',
        'function',
        'undefined',
        'function',
        'function',
        'function',
      ],
      'awaiting-merchant-response',
    ]);
  });
});
