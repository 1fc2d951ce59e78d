import type { Command } from '@order-liability/domain';
import { orderStreamName } from '@order-liability/store';
import { type ExportRecord, toJsonLine } from '../export-record';
import { HOUR_MS, isoTime } from '../generate/iso-time';
import { recordHistory } from '../generate/record-history';

// Every case starts at T0; times are hours after it.
export const T0 = '2026-03-02T10:00:00Z';
export const at = (hours: number): string => isoTime(Date.parse(T0) + hours * HOUR_MS);

const DAY = 24;

const requestStop = (orderId: string): Command => ({
  type: 'RequestStop',
  data: {
    orderId,
    merchantId: 'merchant-1',
    purchaseKind: 'goods',
    currency: 'DKK',
    totalAmount: 125000,
    totalTaxAmount: 25000,
    requestedAt: at(0),
    riskNotes: ['velocity'],
  },
});

const trackedShipment = (orderId: string): Command => ({
  type: 'ReportShipment',
  data: {
    orderId,
    carrier: 'PostNord',
    trackingNumber: `PN-${orderId}`,
    shippedAt: at(-DAY),
    reportedAt: at(2),
  },
});

const dispute = (orderId: string): Command => ({
  type: 'RecordDispute',
  data: { orderId, disputedAt: at(5 * DAY) },
});

const conclude = (orderId: string, outcome: 'fraud' | 'not-fraud'): Command => ({
  type: 'ConcludeInvestigation',
  data: { orderId, concludedAt: at(10 * DAY), outcome },
});

const book = (orderId: string): Command => ({
  type: 'BookSettlement',
  data: { orderId, bookedAt: at(11 * DAY) },
});

/** Klarna covers it: tracked PostNord parcel shipped before the stop, answered in time (SR-10). */
export const klarnaCase = (orderId: string): Command[] => [
  requestStop(orderId),
  trackedShipment(orderId),
  dispute(orderId),
  conclude(orderId, 'fraud'),
  book(orderId),
];

// Event ids are unique across streams, as a store keeps them (FNV-1a of the order id).
export const eventIdOf = (orderId: string, revision: number): string => {
  let hash = 0x811c9dc5;
  for (const char of orderId) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return `00000000-0000-4000-8000-${hash.toString(16).padStart(8, '0')}${revision.toString(16).padStart(4, '0')}`;
};

/** The records of a legal history decided by the domain, revisions from 0. */
export const recordsOf = (orderId: string, commands: readonly Command[]): ExportRecord[] => {
  const history = recordHistory(commands);
  if (history.rejected.length > 0)
    throw new Error(
      `fixture ${orderId}: ${history.rejected.map((r) => r.error.message).join('; ')}`,
    );
  return history.events.map((event, revision) => ({
    streamId: orderStreamName(orderId),
    revision,
    type: event.type,
    data: event.data,
    metadata: {
      eventId: eventIdOf(orderId, revision),
      schemaVersion: 1,
    },
  }));
};

const fraudLines = [
  { kind: 'fraud-return', label: 'Returnering (bedrageri)', amount: -125000, currency: 'DKK' },
  { kind: 'fraud-policy', label: 'Bedrageripolicy', amount: 100000, currency: 'DKK' },
] as const;

/** An export with one planted fault of every kind, and the line numbers of the faults. */
export const plantedExport = () => {
  const lines: string[] = [];
  const add = (record: ExportRecord | string): number => {
    lines.push(typeof record === 'string' ? record : toJsonLine(record));
    return lines.length;
  };
  const addAll = (records: readonly ExportRecord[]): void => {
    for (const record of records) add(record);
  };
  const replaceData = (record: ExportRecord | undefined, data: unknown): ExportRecord => {
    if (record === undefined) throw new Error('fixture: no such record');
    return { ...record, data };
  };
  const required = (record: ExportRecord | undefined): ExportRecord =>
    replaceData(record, record?.data);

  addAll(recordsOf('clean', klarnaCase('clean')));

  // lines-differ: the booked Bedrageripolicy line paid out the gross instead of the net.
  const differ = recordsOf('differ', klarnaCase('differ'));
  differ[5] = replaceData(differ[5], {
    orderId: 'differ',
    bookedAt: at(11 * DAY),
    lines: [fraudLines[0], { ...fraudLines[1], amount: 125000 }],
  });
  addAll(differ);

  // booked-without-fraud: a settlement booked although the investigation found no fraud.
  addAll([
    ...recordsOf('without-fraud', [
      requestStop('without-fraud'),
      trackedShipment('without-fraud'),
      dispute('without-fraud'),
      conclude('without-fraud', 'not-fraud'),
    ]),
    {
      streamId: 'order-without-fraud',
      revision: 5,
      type: 'SettlementBooked',
      data: { orderId: 'without-fraud', bookedAt: at(11 * DAY), lines: fraudLines },
    },
  ]);

  // fraud-not-booked: the booking never happened.
  addAll(recordsOf('not-booked', klarnaCase('not-booked').slice(0, 4)));

  // booked-twice: the same booking once more, a day later.
  const twice = recordsOf('twice', klarnaCase('twice'));
  addAll([
    ...twice,
    replaceData(
      {
        ...required(twice[5]),
        revision: 6,
        metadata: { eventId: eventIdOf('twice', 6), schemaVersion: 1 },
      },
      {
        orderId: 'twice',
        bookedAt: at(12 * DAY),
        lines: fraudLines,
      },
    ),
  ]);

  addAll(recordsOf('undetermined', [requestStop('undetermined')]));
  addAll(
    recordsOf('stopped', [
      requestStop('stopped'),
      {
        type: 'ConfirmStopped',
        data: { orderId: 'stopped', stoppedAt: at(3), method: 'invoice-removed' },
      },
    ]),
  );
  addAll(
    recordsOf('untracked', [
      requestStop('untracked'),
      {
        type: 'ReportShipment',
        data: { orderId: 'untracked', carrier: 'GLS', shippedAt: at(-DAY), reportedAt: at(2) },
      },
      dispute('untracked'),
      conclude('untracked', 'fraud'),
      book('untracked'),
    ]),
  );
  addAll(
    recordsOf('split', [
      requestStop('split'),
      {
        type: 'ReportShipment',
        data: {
          orderId: 'split',
          carrier: 'PostNord',
          trackingNumber: 'PN-split',
          shippedAt: at(-DAY),
          reportedAt: at(2),
          amount: 75000,
          taxAmount: 15000,
        },
      },
      {
        type: 'ReportShipment',
        data: {
          orderId: 'split',
          carrier: 'GLS',
          shippedAt: at(-DAY),
          reportedAt: at(3),
          amount: 50000,
          taxAmount: 10000,
        },
      },
      dispute('split'),
      conclude('split', 'fraud'),
      book('split'),
    ]),
  );

  const notJson = add('{"streamId":"order-clean", this is not JSON');

  // A revision gap: revision 2 (Klarna's recall request) is missing.
  const gap = recordsOf('gap', [requestStop('gap'), trackedShipment('gap'), dispute('gap')]);
  add(required(gap[0]));
  add(required(gap[1]));
  const gapLine = add(required(gap[3]));

  // A duplicate: revision 1 read twice.
  const dup = recordsOf('dup', [
    requestStop('dup'),
    {
      type: 'ConfirmStopped',
      data: { orderId: 'dup', stoppedAt: at(3), method: 'returned-in-order-system' },
    },
  ]);
  addAll(dup);
  const dupLine = add(required(dup[1]));

  // An event the codecs refuse (30 February), then one of a type nobody knows.
  add(required(recordsOf('codec', [requestStop('codec')])[0]));
  const codecLine = add({
    streamId: 'order-codec',
    revision: 1,
    type: 'Disputed',
    data: { orderId: 'codec', disputedAt: '2026-02-30T10:00:00Z' },
  });
  const unknownLine = add({
    streamId: 'order-codec',
    revision: 2,
    type: 'OrderTeleported',
    data: { orderId: 'codec' },
  });

  return { lines, notJson, gapLine, dupLine, codecLine, unknownLine };
};
