import { decodeTransaction, type FieldPositions, reportFieldNames } from './decode-transaction';
import { jsonElements } from './json-elements';
import type { ReportRow } from './transaction';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// A JSON transaction's values are gathered in the order of reportFieldNames.
const IN_ORDER: FieldPositions = reportFieldNames.map((_, index) => index);

const parseElement = (text: string): { value: unknown } | { error: string } => {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
};

/**
 * The rows of a JSON settlement report: a plain array of transactions, or an object with a
 * `transactions` array (other keys, e.g. `pagination`, are ignored). Each row's line is the
 * line its object starts on; an element that is not a JSON object is an invalid row.
 */
export async function* readJsonRows(
  chunks: AsyncIterable<string>,
  file: string,
  maxElementChars: number,
): AsyncGenerator<ReportRow> {
  for await (const element of jsonElements(chunks, file, maxElementChars)) {
    const place = { file, line: element.line };
    const parsed = parseElement(element.text);
    if ('error' in parsed) {
      yield { kind: 'invalid', row: { ...place, reason: `not valid JSON: ${parsed.error}` } };
      continue;
    }
    const { value } = parsed;
    if (!isObject(value)) {
      yield { kind: 'invalid', row: { ...place, reason: 'a transaction must be a JSON object' } };
      continue;
    }
    yield decodeTransaction(
      reportFieldNames.map((name) => (Object.hasOwn(value, name) ? value[name] : undefined)),
      IN_ORDER,
      file,
      element.line,
      ['.'],
    );
  }
}
