import * as E from 'fp-ts/Either';
import {
  concluded,
  disputed,
  given,
  informationProvided,
  informationRequested,
  ORDER_ID,
  orderStopped,
  recallRequested,
  reportShipment,
  returned,
  serviceNotInterruptible,
  settlementBooked,
  shippedWithoutTracking,
  shippedWithTracking,
  stopRequested,
} from './__fixtures__/orders';
import type { Command } from './commands';
import { decide } from './decide';
import type { Event } from './events';
import { fold } from './evolve';
import { initialState } from './state';

const accepted = (events: Event[]) => E.right(events);
const refusedWith = (result: E.Either<{ code: string; message: string }, Event[]>) =>
  E.isLeft(result) ? result.left.code : 'accepted';

describe('RequestStop', () => {
  const command: Command = { type: 'RequestStop', data: stopRequested().data };

  it('given no history, records StopRequested (SR-2)', () => {
    expect(given()(command)).toEqual(accepted([stopRequested()]));
  });

  it('given a stop already requested, is refused with STOP_ALREADY_REQUESTED', () => {
    expect(refusedWith(given(stopRequested())(command))).toBe('STOP_ALREADY_REQUESTED');
  });

  it('with tax above the total, is refused with INVALID_AMOUNT', () => {
    const result = given()({
      type: 'RequestStop',
      data: { ...stopRequested().data, totalTaxAmount: 125001 },
    });
    expect(result).toEqual(
      E.left({
        code: 'INVALID_AMOUNT',
        message:
          'totalTaxAmount 125001 is above totalAmount 125000. Send the VAT included in the gross total.',
      }),
    );
  });

  it('with a fractional amount, is refused with INVALID_AMOUNT even though the codec notices it', () => {
    const result = given()({
      type: 'RequestStop',
      data: { ...stopRequested().data, totalAmount: 1250.5 },
    });
    expect(result).toEqual(
      E.left({
        code: 'INVALID_AMOUNT',
        message:
          'RequestStop was refused: data.totalAmount: expected a non-negative whole amount in minor units (a safe integer, no decimals), got 1250.5. Correct the field and send the command again.',
      }),
    );
  });

  it('with an unknown currency, is refused with INVALID_COMMAND', () => {
    const result = given()({
      type: 'RequestStop',
      data: { ...stopRequested().data, currency: 'XYZ' },
    });
    expect(refusedWith(result)).toBe('INVALID_COMMAND');
  });
});

describe('commands before a stop request', () => {
  it.each<Command>([
    { type: 'ConfirmStopped', data: orderStopped().data },
    reportShipment(),
    { type: 'RecordDispute', data: disputed().data },
    { type: 'BookSettlement', data: { orderId: ORDER_ID, bookedAt: '2026-04-02T08:00:00Z' } },
  ])('$type is refused with STOP_NOT_REQUESTED', (command) => {
    expect(decide(command, initialState)).toEqual(
      E.left({
        code: 'STOP_NOT_REQUESTED',
        message: 'No stop was requested for this order. Send RequestStop first.',
      }),
    );
  });
});

describe('a command for another order', () => {
  it('is refused with INVALID_COMMAND', () => {
    const result = given(stopRequested())({
      type: 'RecordDispute',
      data: { orderId: '9999', disputedAt: '2026-03-20T08:00:00Z' },
    });
    expect(E.isLeft(result) && result.left).toEqual({
      code: 'INVALID_COMMAND',
      message:
        "The command is for order 9999 but this case is order 4711. Send it to its own order's stream.",
    });
  });
});

describe('ConfirmStopped (SR-3, SR-4)', () => {
  const command: Command = { type: 'ConfirmStopped', data: orderStopped().data };

  it('given a stop request, records OrderStopped', () => {
    expect(given(stopRequested())(command)).toEqual(accepted([orderStopped()]));
  });

  it('given a shipped parcel, is refused with ALREADY_SHIPPED', () => {
    expect(refusedWith(given(stopRequested(), shippedWithTracking())(command))).toBe(
      'ALREADY_SHIPPED',
    );
  });

  it('given the order already stopped, is refused with ORDER_STOPPED', () => {
    expect(refusedWith(given(stopRequested(), orderStopped())(command))).toBe('ORDER_STOPPED');
  });

  it('given a concluded investigation, is refused with ALREADY_CONCLUDED', () => {
    expect(refusedWith(given(stopRequested(), concluded())(command))).toBe('ALREADY_CONCLUDED');
  });
});

describe('ReportServiceNotInterruptible (SR-4)', () => {
  const command: Command = {
    type: 'ReportServiceNotInterruptible',
    data: serviceNotInterruptible().data,
  };
  const service = stopRequested({ purchaseKind: 'service' });

  it('given a service order, records ServiceCouldNotBeInterrupted', () => {
    expect(given(service)(command)).toEqual(accepted([serviceNotInterruptible()]));
  });

  it('given an order for goods, is refused with NOT_A_SERVICE', () => {
    expect(refusedWith(given(stopRequested())(command))).toBe('NOT_A_SERVICE');
  });

  it('given the service already stopped, is refused with ORDER_STOPPED', () => {
    expect(refusedWith(given(service, orderStopped())(command))).toBe('ORDER_STOPPED');
  });

  it('given it was already reported, is refused with INVALID_COMMAND', () => {
    expect(refusedWith(given(service, serviceNotInterruptible())(command))).toBe('INVALID_COMMAND');
  });
});

describe('ReportShipment (SR-5, SR-6)', () => {
  it('with a recallable carrier, records ShippedWithTracking then RecallRequested by klarna at reportedAt', () => {
    expect(given(stopRequested())(reportShipment())).toEqual(
      accepted([
        shippedWithTracking(),
        recallRequested({ requestedBy: 'klarna', requestedAt: '2026-03-02T12:00:00Z' }),
      ]),
    );
  });

  it('matches the carrier ignoring case and spacing (A-5), and keeps the name as reported, trimmed', () => {
    expect(
      given(stopRequested())(
        reportShipment({ carrier: '  schenker   PRIVPAK ', trackingNumber: 'SP-9' }),
      ),
    ).toEqual(
      accepted([
        shippedWithTracking({ carrier: 'schenker   PRIVPAK', trackingNumber: 'SP-9' }),
        recallRequested({ trackingNumber: 'SP-9' }),
      ]),
    );
  });

  it('matches a configured alias such as "DB Schenker Privpak" (A-5)', () => {
    const result = given(stopRequested())(
      reportShipment({ carrier: 'db schenker privpak', trackingNumber: 'SP-1' }),
    );
    expect(E.isRight(result) && result.right.map((e) => e.type)).toEqual([
      'ShippedWithTracking',
      'RecallRequested',
    ]);
  });

  it('with another carrier, records only ShippedWithTracking (the recall is the merchant’s job)', () => {
    expect(
      given(stopRequested())(
        reportShipment({ carrier: 'GLS', trackingNumber: 'GLS-7', collected: true }),
      ),
    ).toEqual(
      accepted([shippedWithTracking({ carrier: 'GLS', trackingNumber: 'GLS-7', collected: true })]),
    );
  });

  it('with a blank tracking number, records ShippedWithoutTracking and no recall', () => {
    expect(given(stopRequested())(reportShipment({ trackingNumber: '   ' }))).toEqual(
      accepted([shippedWithoutTracking({ carrier: 'PostNord' })]),
    );
  });

  it('without tracking number or carrier, records ShippedWithoutTracking without a carrier', () => {
    const { orderId, shippedAt, reportedAt } = reportShipment().data;
    expect(
      given(stopRequested())({ type: 'ReportShipment', data: { orderId, shippedAt, reportedAt } }),
    ).toEqual(accepted([shippedWithoutTracking()]));
  });

  it('with a tracking number but no carrier, is refused with INVALID_COMMAND', () => {
    expect(refusedWith(given(stopRequested())(reportShipment({ carrier: '' })))).toBe(
      'INVALID_COMMAND',
    );
  });

  it('with an equal currency, accepts it and does not store it', () => {
    expect(given(stopRequested())(reportShipment({ carrier: 'GLS', currency: 'DKK' }))).toEqual(
      accepted([shippedWithTracking({ carrier: 'GLS' })]),
    );
  });

  it('with another currency, is refused with CURRENCY_MISMATCH', () => {
    expect(given(stopRequested())(reportShipment({ currency: 'SEK' }))).toEqual(
      E.left({
        code: 'CURRENCY_MISMATCH',
        message: 'The shipment is in SEK but the order is in DKK. Send the amounts in DKK.',
      }),
    );
  });

  it('given the order stopped, is refused with ORDER_STOPPED', () => {
    expect(refusedWith(given(stopRequested(), orderStopped())(reportShipment()))).toBe(
      'ORDER_STOPPED',
    );
  });

  it('given a concluded investigation, is refused with ALREADY_CONCLUDED', () => {
    expect(refusedWith(given(stopRequested(), concluded())(reportShipment()))).toBe(
      'ALREADY_CONCLUDED',
    );
  });

  it('given the same tracking number reported, is refused with INVALID_COMMAND', () => {
    const parcel = { amount: 50000, taxAmount: 10000 };
    expect(
      refusedWith(
        given(
          stopRequested(),
          shippedWithTracking(parcel),
        )(reportShipment({ carrier: 'GLS', ...parcel })),
      ),
    ).toBe('INVALID_COMMAND');
  });

  describe('money (pinned details)', () => {
    const parcelOne = shippedWithTracking({
      trackingNumber: 'PN-1',
      amount: 75000,
      taxAmount: 15000,
    });

    it.each([
      ['a negative amount', { amount: -1, taxAmount: 0 }],
      ['a fractional amount', { amount: 100.5, taxAmount: 0 }],
      ['a negative taxAmount', { amount: 100, taxAmount: -1 }],
      ['a taxAmount above amount', { amount: 100, taxAmount: 101 }],
      ['a taxAmount without amount', { taxAmount: 10 }],
      ['an amount without taxAmount', { amount: 100 }],
      ['an amount beyond a safe integer', { amount: 2 ** 53, taxAmount: 0 }],
    ])('%s is INVALID_AMOUNT', (_name, money) => {
      expect(refusedWith(given(stopRequested())(reportShipment(money)))).toBe('INVALID_AMOUNT');
    });

    it('parcels summing over the order total are INVALID_AMOUNT', () => {
      expect(
        given(
          stopRequested(),
          parcelOne,
        )(reportShipment({ trackingNumber: 'PN-2', amount: 50001, taxAmount: 10000 })),
      ).toEqual(
        E.left({
          code: 'INVALID_AMOUNT',
          message:
            "The parcels would sum to 125001 (tax 25000), over the order's 125000 (tax 25000). Report each parcel's own amount.",
        }),
      );
    });

    it('parcels whose tax sums over the order tax are INVALID_AMOUNT', () => {
      expect(
        refusedWith(
          given(
            stopRequested(),
            parcelOne,
          )(reportShipment({ trackingNumber: 'PN-2', amount: 50000, taxAmount: 10001 })),
        ),
      ).toBe('INVALID_AMOUNT');
    });

    it('parcels that sum exactly to the order are accepted', () => {
      expect(
        given(
          stopRequested(),
          parcelOne,
        )(
          reportShipment({
            carrier: 'GLS',
            trackingNumber: 'GLS-2',
            amount: 50000,
            taxAmount: 10000,
          }),
        ),
      ).toEqual(
        accepted([
          shippedWithTracking({
            carrier: 'GLS',
            trackingNumber: 'GLS-2',
            amount: 50000,
            taxAmount: 10000,
          }),
        ]),
      );
    });

    it('a shipment without amount once a parcel is reported is SHIPMENT_AMOUNT_REQUIRED', () => {
      expect(
        refusedWith(given(stopRequested(), parcelOne)(reportShipment({ trackingNumber: 'PN-2' }))),
      ).toBe('SHIPMENT_AMOUNT_REQUIRED');
    });

    it('any shipment after a whole-order one is SHIPMENT_AMOUNT_REQUIRED', () => {
      expect(
        refusedWith(
          given(
            stopRequested(),
            shippedWithTracking(),
          )(reportShipment({ trackingNumber: 'PN-2', amount: 100, taxAmount: 20 })),
        ),
      ).toBe('SHIPMENT_AMOUNT_REQUIRED');
    });
  });
});

describe('RequestRecall (SR-5, A-4)', () => {
  const recallByMerchant: Command = {
    type: 'RequestRecall',
    data: recallRequested({ trackingNumber: 'GLS-7', requestedBy: 'merchant' }).data,
  };
  const glsParcel = shippedWithTracking({ carrier: 'GLS', trackingNumber: 'GLS-7' });

  it('given the parcel, records RecallRequested', () => {
    expect(given(stopRequested(), glsParcel)(recallByMerchant)).toEqual(
      accepted([recallRequested({ trackingNumber: 'GLS-7', requestedBy: 'merchant' })]),
    );
  });

  it('for an unknown tracking number, is refused with UNKNOWN_PARCEL', () => {
    expect(refusedWith(given(stopRequested(), shippedWithTracking())(recallByMerchant))).toBe(
      'UNKNOWN_PARCEL',
    );
  });

  it('for a parcel already back, is refused with INVALID_COMMAND', () => {
    expect(
      refusedWith(
        given(stopRequested(), glsParcel, returned({ trackingNumber: 'GLS-7' }))(recallByMerchant),
      ),
    ).toBe('INVALID_COMMAND');
  });
});

describe('RegisterReturn (SR-8)', () => {
  const twoParcels = [
    stopRequested(),
    shippedWithTracking({ trackingNumber: 'PN-1', amount: 75000, taxAmount: 15000 }),
    shippedWithoutTracking({ amount: 50000, taxAmount: 10000 }),
  ];

  it('of one tracked parcel, records Returned for it', () => {
    const command: Command = {
      type: 'RegisterReturn',
      data: returned({ trackingNumber: 'PN-1' }).data,
    };
    expect(given(...twoParcels)(command)).toEqual(accepted([returned({ trackingNumber: 'PN-1' })]));
  });

  it('of an untracked parcel by its position (#2), records Returned for it', () => {
    const command: Command = {
      type: 'RegisterReturn',
      data: returned({ trackingNumber: '#2' }).data,
    };
    expect(given(...twoParcels)(command)).toEqual(accepted([returned({ trackingNumber: '#2' })]));
  });

  it('of an unknown parcel, is refused with UNKNOWN_PARCEL', () => {
    const command: Command = {
      type: 'RegisterReturn',
      data: returned({ trackingNumber: 'XX' }).data,
    };
    expect(refusedWith(given(...twoParcels)(command))).toBe('UNKNOWN_PARCEL');
  });

  it('with nothing shipped, is refused with UNKNOWN_PARCEL', () => {
    expect(
      refusedWith(given(stopRequested())({ type: 'RegisterReturn', data: returned().data })),
    ).toBe('UNKNOWN_PARCEL');
  });

  it('of a parcel already returned, is refused with INVALID_COMMAND', () => {
    const command: Command = {
      type: 'RegisterReturn',
      data: returned({ trackingNumber: 'PN-1' }).data,
    };
    expect(refusedWith(given(...twoParcels, returned({ trackingNumber: 'PN-1' }))(command))).toBe(
      'INVALID_COMMAND',
    );
  });

  it('given the order stopped, is refused with ORDER_STOPPED', () => {
    expect(
      refusedWith(
        given(stopRequested(), orderStopped())({ type: 'RegisterReturn', data: returned().data }),
      ),
    ).toBe('ORDER_STOPPED');
  });
});

describe('disputes, overdue invoices and information (SR-7, SR-12, A-7)', () => {
  const shipped = [stopRequested(), shippedWithTracking()];

  it('RecordDispute records Disputed', () => {
    expect(given(...shipped)({ type: 'RecordDispute', data: disputed().data })).toEqual(
      accepted([disputed()]),
    );
  });

  it('RecordInvoiceOverdue records InvoiceOverdue', () => {
    const data = { orderId: ORDER_ID, observedAt: '2026-04-15T08:00:00Z' };
    expect(given(...shipped)({ type: 'RecordInvoiceOverdue', data })).toEqual(
      accepted([{ type: 'InvoiceOverdue', data }]),
    );
  });

  it('RecordDispute on a stopped order is refused with ORDER_STOPPED', () => {
    expect(
      refusedWith(
        given(stopRequested(), orderStopped())({ type: 'RecordDispute', data: disputed().data }),
      ),
    ).toBe('ORDER_STOPPED');
  });

  it('RecordDispute after the conclusion is refused with ALREADY_CONCLUDED', () => {
    expect(
      refusedWith(given(...shipped, concluded())({ type: 'RecordDispute', data: disputed().data })),
    ).toBe('ALREADY_CONCLUDED');
  });

  it('RequestInformation records InformationRequested with its topic', () => {
    const data = { ...informationRequested().data, topic: 'proof of delivery' };
    expect(given(...shipped, disputed())({ type: 'RequestInformation', data })).toEqual(
      accepted([{ type: 'InformationRequested', data }]),
    );
  });

  it('ProvideInformation answers an open request', () => {
    expect(
      given(
        ...shipped,
        disputed(),
        informationRequested(),
      )({
        type: 'ProvideInformation',
        data: informationProvided().data,
      }),
    ).toEqual(accepted([informationProvided()]));
  });

  it('ProvideInformation with nothing requested is refused with INVALID_COMMAND', () => {
    expect(
      refusedWith(
        given(...shipped)({ type: 'ProvideInformation', data: informationProvided().data }),
      ),
    ).toBe('INVALID_COMMAND');
  });
});

describe('ConcludeInvestigation (SR-9, SR-11)', () => {
  const command: Command = { type: 'ConcludeInvestigation', data: concluded().data };

  it('records InvestigationConcluded', () => {
    expect(given(stopRequested(), shippedWithTracking(), disputed())(command)).toEqual(
      accepted([concluded()]),
    );
  });

  it('a second time is refused with ALREADY_CONCLUDED', () => {
    expect(refusedWith(given(stopRequested(), concluded())(command))).toBe('ALREADY_CONCLUDED');
  });

  it('on a stopped order is refused with ORDER_STOPPED', () => {
    expect(refusedWith(given(stopRequested(), orderStopped())(command))).toBe('ORDER_STOPPED');
  });
});

describe('BookSettlement (SR-9)', () => {
  const command: Command = {
    type: 'BookSettlement',
    data: { orderId: ORDER_ID, bookedAt: '2026-04-02T08:00:00Z' },
  };

  it('after a fraud conclusion, records SettlementBooked with the lines of the current decision', () => {
    expect(given(stopRequested(), shippedWithTracking(), disputed(), concluded())(command)).toEqual(
      accepted([settlementBooked({ reasons: ['SR-5', 'SR-10', 'SR-7', 'SR-9'] })]),
    );
  });

  it('uses the policy it is given: without a tracking number only the return line is booked', () => {
    expect(given(stopRequested(), shippedWithoutTracking(), concluded())(command)).toEqual(
      accepted([
        settlementBooked({
          lines: [
            {
              kind: 'fraud-return',
              label: 'Returnering (bedrageri)',
              amount: -125000,
              currency: 'DKK',
            },
          ],
          liability: 'merchant',
          exposure: [
            {
              key: '#1',
              gross: 125000,
              tax: 25000,
              currency: 'DKK',
              covered: false,
              rules: ['SR-6'],
            },
          ],
          reasons: ['SR-6', 'SR-10', 'SR-9'],
        }),
      ]),
    );
  });

  it('before a conclusion, is refused with NOT_CONCLUDED', () => {
    expect(refusedWith(given(stopRequested(), shippedWithTracking())(command))).toBe(
      'NOT_CONCLUDED',
    );
  });

  it('a second time, is refused with ALREADY_SETTLED', () => {
    expect(
      refusedWith(
        given(stopRequested(), shippedWithTracking(), concluded(), settlementBooked())(command),
      ),
    ).toBe('ALREADY_SETTLED');
  });

  it('after a not-fraud conclusion, is refused with INVALID_COMMAND (SR-11: nothing to settle)', () => {
    expect(
      refusedWith(
        given(stopRequested(), shippedWithTracking(), concluded({ outcome: 'not-fraud' }))(command),
      ),
    ).toBe('INVALID_COMMAND');
  });

  it('with every parcel returned, is refused with INVALID_COMMAND (nothing exposed)', () => {
    expect(
      refusedWith(given(stopRequested(), shippedWithTracking(), returned(), concluded())(command)),
    ).toBe('INVALID_COMMAND');
  });
});

describe('malformed commands (SR-14)', () => {
  it('an unknown command type is INVALID_COMMAND naming the known types', () => {
    const result = decide({ type: 'Teleport', data: {} } as never, fold([stopRequested()]));
    expect(refusedWith(result)).toBe('INVALID_COMMAND');
  });

  it('a null optional field is INVALID_COMMAND', () => {
    const result = given(stopRequested())({
      type: 'RegisterReturn',
      data: { ...returned().data, trackingNumber: null },
    } as never);
    expect(refusedWith(result)).toBe('INVALID_COMMAND');
  });

  it('refusing records nothing and leaves the state unchanged', () => {
    const state = fold([stopRequested(), orderStopped()]);
    const before = JSON.stringify(state);
    expect(refusedWith(decide(reportShipment(), state))).toBe('ORDER_STOPPED');
    expect(JSON.stringify(state)).toBe(before);
  });
});

describe('ReportShipment: VAT bound (SR-9 pays out no VAT)', () => {
  it('parcels whose amounts excluding VAT would sum over the order excluding VAT are INVALID_AMOUNT', () => {
    const first = reportShipment({ trackingNumber: 'PN-1', amount: 62500, taxAmount: 0 });
    const second = reportShipment({ trackingNumber: 'PN-2', amount: 62500, taxAmount: 0 });
    const history = [stopRequested(), shippedWithTracking(first.data), recallRequested()];
    expect([refusedWith(given(stopRequested())(first)), given(...history)(second)]).toEqual([
      'accepted',
      E.left({
        code: 'INVALID_AMOUNT',
        message:
          "The parcels would sum to 125000 excluding VAT, over the order's 100000 excluding VAT. Report each parcel's own VAT in taxAmount.",
      }),
    ]);
  });

  it('exactly the order excluding VAT is accepted', () => {
    const history = [
      stopRequested(),
      shippedWithTracking({ trackingNumber: 'PN-1', amount: 50000, taxAmount: 0 }),
    ];
    expect(
      refusedWith(
        given(...history)(
          reportShipment({ trackingNumber: 'PN-2', amount: 75000, taxAmount: 25000 }),
        ),
      ),
    ).toBe('accepted');
  });
});

describe('answer times: an answer dated before the stop request', () => {
  it('ReportShipment with reportedAt before requestedAt is INVALID_COMMAND', () => {
    expect(
      given(stopRequested())(reportShipment({ reportedAt: '2026-03-02T08:59:59.999Z' })),
    ).toEqual(
      E.left({
        code: 'INVALID_COMMAND',
        message:
          'reportedAt 2026-03-02T08:59:59.999Z is before the stop request at 2026-03-02T09:00:00Z. Send the time the answer was given.',
      }),
    );
  });

  it('ReportServiceNotInterruptible with reportedAt before requestedAt is INVALID_COMMAND; at requestedAt it is accepted', () => {
    const service = stopRequested({ purchaseKind: 'service' });
    const answer = (reportedAt: string): Command => ({
      type: 'ReportServiceNotInterruptible',
      data: { orderId: ORDER_ID, reportedAt },
    });
    expect([
      refusedWith(given(service)(answer('2026-03-01T09:00:00Z'))),
      refusedWith(given(service)(answer('2026-03-02T09:00:00Z'))),
    ]).toEqual(['INVALID_COMMAND', 'accepted']);
  });
});

describe('services (A-1): "already shipped, no tracking ID" is the form answer for a service', () => {
  const service = stopRequested({ purchaseKind: 'service' });

  it('a ReportShipment without a tracking number on a service order records ServiceCouldNotBeInterrupted', () => {
    expect(
      given(service)(
        reportShipment({ carrier: '', trackingNumber: '', amount: 125000, taxAmount: 25000 }),
      ),
    ).toEqual(accepted([serviceNotInterruptible({ reportedAt: '2026-03-02T12:00:00Z' })]));
  });

  it('a ReportShipment with a tracking number on a service order stays a shipment (a device)', () => {
    expect(given(service)(reportShipment({ carrier: 'GLS', trackingNumber: 'GLS-1' }))).toEqual(
      accepted([shippedWithTracking({ carrier: 'GLS', trackingNumber: 'GLS-1' })]),
    );
  });

  it('a currency other than the order’s is CURRENCY_MISMATCH, as for goods', () => {
    expect(
      refusedWith(given(service)(reportShipment({ trackingNumber: '', currency: 'SEK' }))),
    ).toBe('CURRENCY_MISMATCH');
  });

  it('a second answer without tracking is refused like a second non-interruptible report', () => {
    expect(
      refusedWith(
        given(service, serviceNotInterruptible())(reportShipment({ trackingNumber: '' })),
      ),
    ).toBe('INVALID_COMMAND');
  });
});

describe('after the conclusion nothing changes cover', () => {
  it('RequestRecall after InvestigationConcluded is ALREADY_CONCLUDED', () => {
    const history = [
      stopRequested(),
      shippedWithTracking({ carrier: 'GLS', trackingNumber: 'GLS-1' }),
      concluded(),
    ];
    expect(
      refusedWith(
        given(...history)({
          type: 'RequestRecall',
          data: recallRequested({ trackingNumber: 'GLS-1', requestedBy: 'merchant' }).data,
        }),
      ),
    ).toBe('ALREADY_CONCLUDED');
  });

  it('ProvideInformation after InvestigationConcluded is ALREADY_CONCLUDED', () => {
    expect(
      refusedWith(
        given(
          stopRequested(),
          shippedWithTracking(),
          informationRequested(),
          concluded(),
        )({
          type: 'ProvideInformation',
          data: informationProvided().data,
        }),
      ),
    ).toBe('ALREADY_CONCLUDED');
  });
});

describe('RegisterReturn after the settlement (SR-8)', () => {
  const settled = [stopRequested(), shippedWithTracking(), concluded(), settlementBooked()];
  const command: Command = {
    type: 'RegisterReturn',
    data: returned({ trackingNumber: 'PN-1' }).data,
  };

  it('is recorded: the goods came back after the payout', () => {
    expect(given(...settled)(command)).toEqual(accepted([returned({ trackingNumber: 'PN-1' })]));
  });

  it('a second time is INVALID_COMMAND: the parcel is already back', () => {
    expect(refusedWith(given(...settled, returned({ trackingNumber: 'PN-1' }))(command))).toBe(
      'INVALID_COMMAND',
    );
  });

  it('any other command after the settlement stays ALREADY_SETTLED', () => {
    expect(refusedWith(given(...settled)({ type: 'RecordDispute', data: disputed().data }))).toBe(
      'ALREADY_SETTLED',
    );
  });
});

describe('tracking numbers that look like a position', () => {
  it('#1 is INVALID_COMMAND: it names the first parcel shipped without tracking', () => {
    expect(
      given(
        stopRequested(),
        shippedWithoutTracking({ amount: 10000, taxAmount: 2000 }),
      )(reportShipment({ carrier: 'GLS', trackingNumber: '#1', amount: 50000, taxAmount: 10000 })),
    ).toEqual(
      E.left({
        code: 'INVALID_COMMAND',
        message:
          "Tracking number #1 has the form of a parcel's position (#n), which names parcels shipped without one. Send the carrier's tracking number.",
      }),
    );
  });
});
