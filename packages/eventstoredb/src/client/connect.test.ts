import { clientKindOf } from './connect';

describe('clientKindOf', () => {
  it('opens kurrentdb:// URLs with the KurrentDB client and esdb:// ones with the 6.x client', () => {
    expect(
      [
        'kurrentdb://localhost:2113?tls=false',
        'kurrentdb+discover://cluster.example.com:2113',
        'kurrent://localhost:2113',
        'kdb://localhost:2113',
        'esdb://localhost:2113?tls=false',
        'esdb+discover://cluster.example.com:2113',
      ].map(clientKindOf),
    ).toEqual(['kurrentdb', 'kurrentdb', 'kurrentdb', 'kurrentdb', 'eventstoredb', 'eventstoredb']);
  });
});
