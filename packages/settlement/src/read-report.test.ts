import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { utf8Chunks } from './open-text';
import { readCsvRows } from './read-csv';
import { readJsonRows } from './read-json';
import { readSettlementReport } from './read-report';
import type { ReportRow } from './transaction';

const reports = join(__dirname, '__fixtures__', 'reports');
const fixture = (name: string): string => join(reports, name);

const readAll = async (path: string, maxRowChars?: number): Promise<ReportRow[]> => {
  const rows: ReportRow[] = [];
  for await (const row of readSettlementReport(
    path,
    maxRowChars === undefined ? {} : { maxRowChars },
  ))
    rows.push(row);
  return rows;
};

const summary = (rows: readonly ReportRow[]): string[] =>
  rows.map((row) =>
    row.kind === 'invalid'
      ? `${row.row.line} invalid: ${row.row.reason}`
      : `${row.transaction.line} ${row.transaction.type}/${row.transaction.detailedType} ${row.transaction.amount} ${row.transaction.currency} ${row.transaction.fraudType ?? '-'}`,
  );

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'settlement-read-'));

describe('readSettlementReport: Klarna settlement reports as a stream of rows', () => {
  it('reads a ";" CSV with decimal-comma major units, RFC 4180 quotes and a quoted line break', async () => {
    const rows = await readAll(fixture('payout-1.csv'));
    expect(summary(rows)).toEqual([
      '2 SALE/PURCHASE 125000 DKK -',
      '3 FEE/PURCHASE_FEE_PERCENTAGE -3125 DKK -',
      '4 REVERSAL/FRAUD_POLICY_CHARGE -125000 DKK FRAUD_POLICY_CHARGE',
      '5 REVERSAL_MERCHANT_PROTECTION/FRAUD_POLICY_CREDIT_NET 100000 DKK FRAUD_POLICY_CREDIT_NET',
      '6 REVERSAL/FRAUD_POLICY_CHARGE -75000 DKK FRAUD_POLICY_CHARGE',
      '7 REVERSAL_MERCHANT_PROTECTION/FRAUD_POLICY_CREDIT_NET 60000 DKK FRAUD_POLICY_CREDIT_NET',
      '8 REVERSAL/REVERSAL -50000 DKK REVERSAL',
      '10 RETURN/PURCHASE_RETURN -20000 DKK -',
      '11 REVERSAL/FRAUD_POLICY_CHARGE -125000 DKK FRAUD_POLICY_CHARGE',
      '12 REVERSAL_MERCHANT_PROTECTION/FRAUD_POLICY_CREDIT_NET 100000 DKK FRAUD_POLICY_CREDIT_NET',
    ]);
  });

  it('keeps the fields the reconciliation reads and leaves empty ones out', async () => {
    const rows = await readAll(fixture('payout-1.csv'));
    expect(rows[2]).toEqual({
      kind: 'transaction',
      transaction: {
        file: fixture('payout-1.csv'),
        line: 4,
        type: 'REVERSAL',
        detailedType: 'FRAUD_POLICY_CHARGE',
        fraudType: 'FRAUD_POLICY_CHARGE',
        amount: -125000,
        currency: 'DKK',
        orderId: 'f2a6c7e4-1b2d-4c1e-9a37-5d0c8e1a1001',
        shortOrderId: 'K1001',
        merchantReference1: 'f2a6c7e4-1b2d-4c1e-9a37-5d0c8e1a1001',
        paymentReference: 'XISA93DJ',
        saleDate: '2026-02-28T14:02:11Z',
        reversalReference: 'DSP-1001',
      },
    });
  });

  it('reads a "," CSV with integer minor units', async () => {
    expect(summary(await readAll(fixture('payout-2.csv')))).toEqual([
      '2 SALE/PURCHASE 99500 DKK -',
      '3 REVERSAL/REVERSAL -125000 DKK REVERSAL',
      '4 REVERSAL/REVERSAL -125000 DKK REVERSAL',
      '5 REVERSAL/FRAUD_POLICY_CHARGE -125000 DKK FRAUD_POLICY_CHARGE',
      '6 REVERSAL/FRAUD_POLICY_CHARGE -125000 DKK FRAUD_POLICY_CHARGE',
      '7 FEE/DISPUTE_FEE -3500 DKK -',
    ]);
  });

  it('reads the Settlements API JSON: a top-level transactions array, each row at the line its object starts', async () => {
    expect(summary(await readAll(fixture('payout-3.json')))).toEqual([
      '3 SALE/PURCHASE 125000 DKK -',
      '18 REVERSAL/FRAUD_POLICY_CHARGE -125000 DKK FRAUD_POLICY_CHARGE',
      '31 REVERSAL_MERCHANT_PROTECTION/FRAUD_POLICY_CREDIT_NET 125000 DKK FRAUD_POLICY_CREDIT_NET',
      '44 FEE/DISPUTE_FEE -2500 DKK -',
    ]);
  });

  it('reads a plain JSON array, with decimal strings, and reports elements that are no transaction', async () => {
    const path = join(tempDir(), 'payout.json');
    writeFileSync(
      path,
      [
        '[',
        '{"type":"REVERSAL","detailed_type":"REVERSAL","amount":"-1250.00","currency_code":"DKK","order_id":"o-1, \\"quoted\\" ]"},',
        '  42,',
        '{"type":"REVERSAL","detailed_type":"REVERSAL","amount":-1250.5,"currency_code":"DKK"},',
        '{"type":"REVERSAL" "amount":1}',
        ']',
      ].join('\n'),
    );
    expect(summary(await readAll(path))).toEqual([
      '2 REVERSAL/REVERSAL -125000 DKK REVERSAL',
      '3 invalid: a transaction must be a JSON object',
      '4 REVERSAL/REVERSAL -125050 DKK REVERSAL',
      expect.stringMatching(/^5 invalid: not valid JSON: /),
    ]);
  });

  it('reads the same rows whatever the chunk boundaries, a UTF-8 character split included', async () => {
    const oneByteAtATime = (path: string): AsyncIterable<Buffer> =>
      Readable.from([...readFileSync(path)].map((byte) => Buffer.from([byte])));
    const collect = async (rows: AsyncIterable<ReportRow>): Promise<ReportRow[]> => {
      const all: ReportRow[] = [];
      for await (const row of rows) all.push(row);
      return all;
    };
    const csv = fixture('payout-1.csv');
    const json = fixture('payout-3.json');
    expect(await collect(readCsvRows(oneByteAtATime(csv), csv, 1_000_000))).toEqual(
      await readAll(csv),
    );
    expect(await collect(readJsonRows(utf8Chunks(oneByteAtATime(json)), json, 1_000_000))).toEqual(
      await readAll(json),
    );
  });

  it('reads gzip of both formats', async () => {
    const dir = tempDir();
    const csv = join(dir, 'payout-1.csv.gz');
    const json = join(dir, 'payout-3.json.gz');
    writeFileSync(csv, gzipSync(readFileSync(fixture('payout-1.csv'))));
    writeFileSync(json, gzipSync(readFileSync(fixture('payout-3.json'))));
    expect(summary(await readAll(csv))).toEqual(summary(await readAll(fixture('payout-1.csv'))));
    expect(summary(await readAll(json))).toEqual(summary(await readAll(fixture('payout-3.json'))));
  });

  it('reports malformed rows with their line and reason, and reads on', async () => {
    const path = fixture('malformed.csv');
    expect(summary(await readAll(path))).toEqual([
      '2 SALE/PURCHASE 125000 DKK -',
      '3 invalid: amount is missing',
      '4 invalid: currency_code "XYZ" is not an ISO 4217 code',
      '5 invalid: amount "12.5x" is not a number',
      '6 invalid: amount "-1250.005" has more decimals than DKK has (2)',
      '7 invalid: currency_code is missing',
      '8 FEE/DISPUTE_FEE -3500 DKK -',
    ]);
  });

  it('reports an unclosed quote as an invalid row with its line', async () => {
    const path = join(tempDir(), 'broken.csv');
    writeFileSync(
      path,
      'type,detailed_type,amount,currency_code\n\nSALE,PURCHASE,100,DKK\nSALE,"PURCHASE,100,DKK\n',
    );
    const rows = await readAll(path);
    expect(summary(rows).slice(0, 1)).toEqual(['3 SALE/PURCHASE 100 DKK -']);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual({
      kind: 'invalid',
      row: {
        file: path,
        line: 4,
        reason:
          'not a CSV record: Quote Not Closed: the parsing is finished with an opening quote at line 4',
      },
    });
  });

  it('keeps line numbers exact across CRLF, quoted line breaks and empty lines', async () => {
    const path = join(tempDir(), 'crlf.csv');
    writeFileSync(
      path,
      [
        'type,detailed_type,amount,currency_code,klarna_comment',
        'SALE,PURCHASE,100,DKK,"two\r\nlines"',
        'SALE,PURCHASE,300,DKK,',
        '',
        'FEE,DISPUTE_FEE,-35,DKK,"three\nlines\nhere"',
        'RETURN,PURCHASE_RETURN,,DKK,',
        '',
      ].join('\r\n'),
    );
    expect(summary(await readAll(path))).toEqual([
      '2 SALE/PURCHASE 100 DKK -',
      '4 SALE/PURCHASE 300 DKK -',
      '6 FEE/DISPUTE_FEE -35 DKK -',
      '9 invalid: amount is missing',
    ]);
  });

  it('refuses a file that is no settlement report, naming it', async () => {
    const dir = tempDir();
    const noAmount = join(dir, 'orders.csv');
    writeFileSync(noAmount, 'type;currency_code\nSALE;DKK\n');
    await expect(readAll(noAmount)).rejects.toThrow(
      `${noAmount}: the header has no amount column: is it a Klarna settlement report?`,
    );
    const noArray = join(dir, 'other.json');
    writeFileSync(noArray, '{"orders": []}');
    await expect(readAll(noArray)).rejects.toThrow(`${noArray}: no "transactions" array found`);
    const cut = join(dir, 'cut.json');
    writeFileSync(cut, '{"transactions": [{"type": "SALE"');
    await expect(readAll(cut)).rejects.toThrow(`${cut}: the JSON ends before it is complete`);
    expect(() => readSettlementReport(join(dir, 'payout.xlsx'))).toThrow(
      'a settlement report must be named .csv or .json (optionally .gz)',
    );
    await expect(readAll(join(dir, 'missing.csv'))).rejects.toMatchObject({
      name: 'SettlementError',
      code: 'IO',
    });
  });

  it('bounds the memory of one row: a longer JSON transaction is refused', async () => {
    const path = join(tempDir(), 'long.json');
    writeFileSync(path, `[{"type":"SALE","klarna_comment":"${'x'.repeat(200_000)}"}]`);
    await expect(readAll(path, 100_000)).rejects.toThrow(
      'the transaction starting on line 1 is over 100000 characters',
    );
  });
});
