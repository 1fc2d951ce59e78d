import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

const TEST_KIT = [
  'describeEventStoreContract',
  'describeStoreScenarios',
  'FaultInjectingEventStore',
  'runConcurrentCommands',
  'runCatchUpUnderWriters',
  'RawWritingInMemoryEventStore',
  'stopRequested',
  'rawMetadata',
];

describe('the public surface', () => {
  it('is importable from plain node, without Jest; the production entry has no test kit, the testing entry has it', () => {
    // A separate node process has no Jest globals: the contract suite must not touch them on import.
    const script = `
      const store = require('./packages/store/src/index.ts');
      const testing = require('./packages/store/src/testing/index.ts');
      const kit = ${JSON.stringify(TEST_KIT)};
      console.log(JSON.stringify({
        jest: typeof globalThis.describe,
        exports: ['InMemoryEventStore', 'handle', 'EventStoreError',
          'CommandRejectedError', 'orderStreamName', 'prepareEvents', 'toRecordedEvent',
          'checkExpectedRevision', 'readWithInvalidHandling', 'defaultUpcasters']
          .map((name) => [name, typeof store[name]]),
        kitOnProduction: kit.filter((name) => name in store),
        kitOnTesting: kit.map((name) => [name, typeof testing[name]]),
        writeRawOnProduction: 'writeRaw' in store.InMemoryEventStore.prototype,
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
        ['EventStoreError', 'function'],
        ['CommandRejectedError', 'function'],
        ['orderStreamName', 'function'],
        ['prepareEvents', 'function'],
        ['toRecordedEvent', 'function'],
        ['checkExpectedRevision', 'function'],
        ['readWithInvalidHandling', 'function'],
        ['defaultUpcasters', 'object'],
      ],
      kitOnProduction: [],
      kitOnTesting: TEST_KIT.map((name) => [name, 'function']),
      writeRawOnProduction: false,
      stream: 'order-4711',
    });
  });
});
