import * as E from 'fp-ts/Either';
import { decodeEvent } from '@order-liability/domain';
import { type ExportRecord, toJsonLine } from '../export-record';

// The record after which a line is cut off mid-way.
const CUT_AFTER = 100;
// 25,00 more paid out than the policy allows.
const OVERPAID = 2500;

/**
 * The lines of an export with five faults planted, as a careless migration or a double
 * booking would leave them: the first booking pays out 25,00 too much (`lines-differ`), the
 * second is lost (`fraud-not-booked`), the third is booked again at the next revision with
 * its own event id (`booked-twice`), the line after record 100 is cut off mid-line (not
 * JSON), and the last stream gets a dispute dated 30 February (invalid event). Each fault is
 * described in `planted` as it is made. Streams the records, holding one record at a time.
 */
export function* withPlantedFaults(
  records: Iterable<ExportRecord>,
  planted: string[],
): Generator<string> {
  let bookings = 0;
  let index = 0;
  let last: ExportRecord | undefined;
  for (const record of records) {
    last = record;
    const at = index;
    index += 1;
    if (record.type === 'SettlementBooked') {
      bookings += 1;
      if (bookings === 2) {
        planted.push(`${record.streamId}: its booking was lost (fraud-not-booked)`);
        continue;
      }
      const event = decodeEvent({ type: record.type, data: record.data });
      if (bookings === 1 && E.isRight(event) && event.right.type === 'SettlementBooked') {
        const booked = event.right.data.lines.map((line) =>
          line.kind === 'fraud-policy' ? { ...line, amount: line.amount + OVERPAID } : line,
        );
        planted.push(`${record.streamId}: 25,00 too much paid out (lines-differ)`);
        yield toJsonLine({ ...record, data: { ...event.right.data, lines: booked } });
        continue;
      }
    }
    yield toJsonLine(record);
    // A booking is the last event of its stream, so a second one fits at the next revision.
    if (record.type === 'SettlementBooked' && bookings === 3) {
      planted.push(`${record.streamId}: booked a second time (booked-twice)`);
      yield toJsonLine({ ...record, revision: record.revision + 1, metadata: {} });
    }
    if (at === CUT_AFTER) {
      planted.push(`line after record ${CUT_AFTER}: cut off mid-line (not JSON)`);
      yield toJsonLine(record).slice(0, 60);
    }
  }
  if (last !== undefined) {
    planted.push(`${last.streamId}: a dispute dated 30 February (invalid event)`);
    yield toJsonLine({
      streamId: last.streamId,
      revision: last.revision + 1,
      type: 'Disputed',
      data: { orderId: last.streamId.replace(/^order-/, ''), disputedAt: '2026-02-30T10:00:00Z' },
    });
  }
}
