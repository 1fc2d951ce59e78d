// Properties of the readers: exact amounts for any value and currency, and the same JSON
// transactions whatever the layout of the document and wherever its chunks break.
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { currencyDigits } from '@order-liability/domain';
import { jsonElements } from './json-elements';
import { parseAmount } from './parse-amount';
import { readCsvRows } from './read-csv';

const numRuns = Number(process.env['PROPERTY_RUNS'] ?? 300);

const majorUnits = (minor: bigint, digits: number): string => {
  const sign = minor < 0n ? '-' : '';
  const magnitude = (minor < 0n ? -minor : minor).toString().padStart(digits + 1, '0');
  return digits === 0
    ? `${sign}${magnitude}`
    : `${sign}${magnitude.slice(0, -digits)}.${magnitude.slice(-digits)}`;
};

describe('parseAmount, for any amount and currency', () => {
  it('reads the decimal major units of an amount back as exactly its minor units', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(2n ** 53n) + 1n, max: 2n ** 53n - 1n }),
        fc.constantFrom('DKK', 'JPY', 'KWD', 'EUR', 'CLP'),
        (minor, currency) => {
          const text = majorUnits(minor, currencyDigits(currency));
          expect(parseAmount(text, currency)).toEqual({ ok: true, minor: Number(minor) });
          expect(parseAmount(minor.toString(), currency)).toEqual({
            ok: true,
            minor: Number(minor),
          });
        },
      ),
      { numRuns },
    );
  });
});

// The regular-expression reading parseAmount replaced (character by character, for speed): it
// must accept and refuse exactly the same texts, with the same values and reasons.
const referenceAmount = (text: string, currency: string, decimalMarks: readonly string[]) => {
  const failed = (reason: string) => ({ ok: false, reason });
  const minorOf = (whole: string, fraction: string, shown: string) => {
    const value =
      whole.length + fraction.length <= 15
        ? Number(whole) * 10 ** fraction.length + (fraction === '' ? 0 : Number(fraction))
        : Number(BigInt(whole + fraction));
    return Number.isSafeInteger(value)
      ? { ok: true, minor: value }
      : failed(`amount ${JSON.stringify(shown)} is too large`);
  };
  const signed = (parsed: { ok: boolean; minor?: number }, negative: boolean) =>
    parsed.ok && negative && parsed.minor !== 0
      ? { ok: true, minor: -(parsed.minor ?? 0) }
      : parsed;
  const trimmed = text.trim();
  if (trimmed === '') return failed('amount is missing');
  const negative = trimmed.startsWith('-');
  if (/^[+-]?\d+$/.test(trimmed))
    return signed(minorOf(trimmed.replace(/^[+-]/, ''), '', trimmed), negative);
  const mark = decimalMarks.find((m) => trimmed.includes(m));
  const parts = mark === undefined ? [] : trimmed.split(mark);
  const [whole, fraction] = parts;
  if (
    parts.length !== 2 ||
    whole === undefined ||
    fraction === undefined ||
    !/^[+-]?\d+$/.test(whole) ||
    !/^\d+$/.test(fraction)
  )
    return failed(`amount ${JSON.stringify(text)} is not a number`);
  const digits = currencyDigits(currency);
  const significant = fraction.slice(0, digits).padEnd(digits, '0');
  if (/[^0]/.test(fraction.slice(digits)))
    return failed(
      `amount ${JSON.stringify(text)} has more decimals than ${currency} has (${digits})`,
    );
  return signed(minorOf(whole.replace(/^[+-]/, ''), significant, trimmed), negative);
};

describe('parseAmount, for any text', () => {
  it('accepts and refuses exactly what the regular-expression reading did, with the same values and reasons', () => {
    const amountText = fc.oneof(
      fc.string({
        unit: fc.constantFrom(
          '0',
          '1',
          '5',
          '9',
          '-',
          '+',
          '.',
          ',',
          ' ',
          '\u00a0',
          'e',
          'ab',
          '٣',
        ),
        maxLength: 24,
      }),
      // Well-formed decimals of every length, the 15-digit edge and beyond included.
      fc
        .tuple(
          fc.constantFrom('', '-', '+'),
          fc.stringMatching(/^\d{1,19}$/),
          fc.constantFrom('.', ','),
          fc.stringMatching(/^\d{0,6}$/),
        )
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(
        amountText,
        fc.constantFrom('DKK', 'JPY', 'KWD', 'CLP', 'XXX', 'NOPE'),
        fc.constantFrom(['.'], ['.', ','], [','], ['ab'], ['-'], ['0'], ['']),
        (text, currency, marks) => {
          expect(parseAmount(text, currency, marks)).toEqual(
            referenceAmount(text, currency, marks),
          );
        },
      ),
      { numRuns: numRuns * 10 },
    );
  });
});

const transaction = fc.record({
  type: fc.constantFrom('SALE', 'REVERSAL', 'FEE'),
  amount: fc.integer({ min: -1_000_000, max: 1_000_000 }),
  currency_code: fc.constant('DKK'),
  klarna_comment: fc.string({ unit: 'grapheme', maxLength: 12 }),
  nested: fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 4 })), { maxLength: 3 }),
});

const chunksOf = (text: string, cuts: readonly number[]): string[] => {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const point of points) {
    chunks.push(text.slice(from, point));
    from = point;
  }
  chunks.push(text.slice(from));
  return chunks.filter((chunk) => chunk !== '');
};

describe('jsonElements, for any report and any chunking', () => {
  it('yields each transaction as it was, at the line its object starts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(transaction, { maxLength: 8 }),
        fc.boolean(),
        fc.constantFrom(undefined, 2),
        fc.array(fc.nat(), { maxLength: 10 }),
        async (transactions, wrapped, indent, cuts) => {
          const document = JSON.stringify(
            wrapped ? { pagination: { count: 1 }, transactions, after: ['x'] } : transactions,
            null,
            indent,
          );
          const read: { value: unknown; line: number }[] = [];
          for await (const element of jsonElements(
            Readable.from(chunksOf(document, cuts)),
            'p.json',
            1_000_000,
          ))
            read.push({ value: JSON.parse(element.text), line: element.line });
          expect(read.map((r) => r.value)).toEqual(transactions);
          const lines = document.split('\n');
          const starts = read.map((r) => r.line);
          if (indent === undefined) expect(starts.every((line) => line === 1)).toBe(true);
          else {
            // Pretty-printed, each transaction opens its own line, in order.
            expect(starts.every((line) => lines[line - 1]?.trimStart() === '{')).toBe(true);
            expect(starts).toEqual([...starts].sort((a, b) => a - b));
          }
        },
      ),
      { numRuns },
    );
  });
});

const quote = (field: string, delimiter: string): string =>
  field.includes('"') || field.includes(delimiter) || /[\r\n]/.test(field)
    ? `"${field.replace(/"/g, '""')}"`
    : field;

describe('readCsvRows, for any comments, delimiter and chunking', () => {
  it('reads every row with its amount and the line it starts on', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            amount: fc.integer({ min: -1_000_000, max: 1_000_000 }),
            comment: fc.string({
              unit: fc.constantFrom('a', ';', ',', '"', '\n', '\r\n', ' ', 'ø'),
              maxLength: 6,
            }),
          }),
          { maxLength: 8 },
        ),
        fc.constantFrom(';', ','),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.nat(), { maxLength: 10 }),
        async (rows, delimiter, newline, cuts) => {
          const header = ['type', 'amount', 'currency_code', 'klarna_comment'].join(delimiter);
          const records = rows.map((row) =>
            ['SALE', String(row.amount), 'DKK', quote(row.comment, delimiter)].join(delimiter),
          );
          const text = [header, ...records].join(newline) + newline;
          const bytes = Buffer.from(text);
          const chunks = chunksOf(bytes.toString('latin1'), cuts).map((c) =>
            Buffer.from(c, 'latin1'),
          );
          const read: string[] = [];
          for await (const row of readCsvRows(Readable.from(chunks), 'p.csv', 1_000_000))
            read.push(
              row.kind === 'transaction'
                ? `${row.transaction.line} ${row.transaction.amount}`
                : `${row.row.line} invalid ${row.row.reason}`,
            );
          let line = 2;
          const expected = rows.map((row) => {
            const at = line;
            line += 1 + (row.comment.match(/\r\n|\r|\n/g)?.length ?? 0);
            return `${at} ${row.amount}`;
          });
          expect(read).toEqual(expected);
        },
      ),
      { numRuns },
    );
  });
});
