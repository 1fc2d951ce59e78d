import { EventStoreDBEventStore } from './event-store';
import { hidePassword } from './hide-password';

const SECRET = 'S3cret-pw';

const warningsOf = async (connectionString: string): Promise<string[]> => {
  const warned: string[] = [];
  const spy = jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    warned.push(args.map(String).join(' '));
  });
  try {
    await new EventStoreDBEventStore(connectionString).close();
  } finally {
    spy.mockRestore();
  }
  return warned;
};

describe('passwords in EventStoreDB connection strings', () => {
  it('given an unknown option, then the client warns about it with the password hidden, the caret still under the option', async () => {
    const url = `esdb://admin:${SECRET}@127.0.0.1:2113?tls=false&bogusKey=1`;

    expect(await warningsOf(url)).toEqual([
      [
        'Unknown option key "bogusKey", setting will be ignored.',
        'esdb://admin:*********@127.0.0.1:2113?tls=false&bogusKey=1',
        `${' '.repeat(48)}^^^^^^^^`, // under bogusKey, as without a password
      ].join('\n'),
    ]);
  });

  it('given tlsVerifyCert=false, then the warning hides the password too', async () => {
    const warned = await warningsOf(`esdb://admin:${SECRET}@127.0.0.1:2113?tlsVerifyCert=false`);

    expect(warned.map((text) => [text.includes(SECRET), text.includes('tlsVerifyCert')])).toEqual([
      [false, true],
    ]);
  });

  it('given a malformed option, then the TypeError does not show the password', () => {
    let message = '';
    try {
      new EventStoreDBEventStore(`esdb://admin:${SECRET}@127.0.0.1:2113?tls=maybe`);
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }

    expect(message).toBe(
      'connectionString: expected an EventStoreDB connection string such as esdb://localhost:2113?tls=false (Unexpected … at position 42, expected true or false.).',
    );
  });

  it('hides a percent-encoded password in both its forms', () => {
    const url = 'esdb://admin:p%40ss@host:2113';

    expect(hidePassword(`${url} and p@ss`, url)).toBe('esdb://admin:******@host:2113 and ****');
  });
});
