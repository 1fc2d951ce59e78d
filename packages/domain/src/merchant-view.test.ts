import {
  concluded,
  disputed,
  informationProvided,
  informationRequested,
  orderStopped,
  returned,
  shippedWithTracking,
  stopRequested,
} from './__fixtures__/orders';
import { fold } from './evolve';
import { toMerchantView } from './merchant-view';

describe('toMerchantView (SR-1)', () => {
  it('shows what the merchant reported and its own next steps, never risk notes or reasons', () => {
    const state = fold([
      stopRequested({ riskNotes: ['device fingerprint seen in 14 fraud cases'] }),
      shippedWithTracking({ carrier: 'GLS', trackingNumber: 'GLS-7' }),
      disputed(),
      informationRequested(),
      informationProvided(),
      returned({ trackingNumber: 'GLS-7' }),
      concluded(),
    ]);
    const view = toMerchantView(state);
    expect(view).toEqual({
      orderId: '4711',
      status: 'resolved-fraud',
      liability: 'none',
      settlementLines: [],
      nextSteps: [],
      reported: {
        stopped: null,
        serviceNotInterruptibleAt: null,
        shipments: [
          {
            key: 'GLS-7',
            carrier: 'GLS',
            trackingNumber: 'GLS-7',
            shippedAt: '2026-03-01T15:00:00Z',
            reportedAt: '2026-03-02T12:00:00Z',
            amount: null,
            taxAmount: null,
            collected: null,
            returnedAt: '2026-03-06T10:00:00Z',
            recallRequestedByMerchantAt: null,
          },
        ],
        informationProvidedAt: ['2026-03-23T08:00:00Z'],
        returnsAfterSettlement: [],
      },
    });
    expect(JSON.stringify(view)).not.toContain('fingerprint');
  });

  it('keeps only the merchant’s next steps', () => {
    const view = toMerchantView(fold([stopRequested(), orderStopped()]));
    expect([view.reported.stopped, view.nextSteps.map((s) => s.actor)]).toEqual([
      { stoppedAt: '2026-03-02T10:00:00Z', method: 'invoice-removed' },
      ['merchant'],
    ]);
  });
});
