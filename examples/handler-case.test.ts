import { runHandlerCase } from './handler-case';

describe('the main example (handler-case)', () => {
  it('runs the case through the handler and prints the stream and the decision', async () => {
    const lines: string[] = [];
    await runHandlerCase((line) => lines.push(line));
    expect(lines.filter((line) => !line.startsWith('   ') && !line.startsWith('  next'))).toEqual([
      '== Order DK-2026-0042 through handle() on the in-memory store ==',
      'RequestStop           -> appended 0 StopRequested; now awaiting-merchant-response, liability undetermined',
      'ReportShipment        -> appended 1 ShippedWithTracking, 2 RecallRequested; now shipped, liability klarna',
      'RecordDispute         -> appended 3 Disputed; now under-investigation, liability klarna',
      'ConcludeInvestigation -> appended 4 InvestigationConcluded; now resolved-fraud, liability klarna',
      'BookSettlement        -> appended 5 SettlementBooked; now settled, liability klarna',
      'ReportShipment sent again as stop-form-DK-2026-0042 -> duplicate: true, returns revisions 1, 2 of the first submission',
      'Stream order-DK-2026-0042 (revision, type, data):',
      'Decision: liability klarna, status settled (SR-5, SR-10, SR-7, SR-9)',
      '  Returnering (bedrageri)      -1.250,00 DKK',
      '  Bedrageripolicy               1.000,00 DKK',
    ]);
  });
});
