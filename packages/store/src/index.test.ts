import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

describe('the public surface', () => {
  it('is importable from plain node, without Jest, and exports the named API', () => {
    // A separate node process has no Jest globals: the contract suite must not touch them on import.
    const script = `
      const store = require('./packages/store/src/index.ts');
      console.log(JSON.stringify({
        jest: typeof globalThis.describe,
        exports: ['InMemoryEventStore', 'handle', 'describeEventStoreContract', 'EventStoreError',
          'CommandRejectedError', 'orderStreamName', 'prepareEvents', 'toRecordedEvent',
          'checkExpectedRevision', 'readWithInvalidHandling', 'defaultUpcasters']
          .map((name) => [name, typeof store[name]]),
        stream: store.orderStreamName('4711'),
      }));`;

    const output = execFileSync(join(root, 'node_modules', '.bin', 'tsx'), ['-e', script], {
      cwd: root,
      encoding: 'utf8',
    });

    expect(JSON.parse(output)).toEqual({
      jest: 'undefined',
      exports: [
        ['InMemoryEventStore', 'function'],
        ['handle', 'function'],
        ['describeEventStoreContract', 'function'],
        ['EventStoreError', 'function'],
        ['CommandRejectedError', 'function'],
        ['orderStreamName', 'function'],
        ['prepareEvents', 'function'],
        ['toRecordedEvent', 'function'],
        ['checkExpectedRevision', 'function'],
        ['readWithInvalidHandling', 'function'],
        ['defaultUpcasters', 'object'],
      ],
      stream: 'order-4711',
    });
  });
});
