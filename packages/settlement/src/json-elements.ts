import { SettlementError } from './settlement-error';

/** The text of one element of a JSON array and the line it starts on. */
export interface JsonElement {
  readonly text: string;
  readonly line: number;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

/**
 * The elements of the transactions array of a JSON report, one at a time, so that a report of
 * any length is read with memory for one transaction: the array is the document itself, or the
 * value of the top-level `transactions` key (as the Settlements API returns it). Only the
 * structure (strings, brackets, commas) is scanned here; each element is parsed by JSON.parse.
 * Throws a FORMAT SettlementError when the document has no such array, is cut short, or holds
 * an element longer than `maxElementChars`.
 */
export async function* jsonElements(
  chunks: AsyncIterable<string>,
  file: string,
  maxElementChars: number,
): AsyncGenerator<JsonElement> {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let line = 1;
  // Depth of the transactions array's elements; 0 until the array is found.
  let elementDepth = 0;
  let arrayDone = false;
  let started = false;
  // The last string met directly in the top-level object: the key of the value that follows.
  let keyStart = -1;
  let key = '';
  // The part of the element in progress read from earlier chunks.
  let pending = '';
  let elementLine = 0;

  const fail = (message: string): never => {
    throw new SettlementError('FORMAT', `${file}: ${message}`);
  };

  for await (const chunk of chunks) {
    const elements: JsonElement[] = [];
    // Index in this chunk where the element in progress starts (0 when it began earlier).
    let elementStart = pending === '' ? -1 : 0;
    const endElement = (end: number): void => {
      elements.push({ text: pending + chunk.slice(elementStart, end), line: elementLine });
      pending = '';
      elementStart = -1;
    };
    for (let i = 0; i < chunk.length; i += 1) {
      const c = chunk.charAt(i);
      if (c === '\n') line += 1;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') {
          inString = false;
          if (keyStart >= 0) {
            key += chunk.slice(keyStart, i);
            keyStart = -1;
          }
        }
        continue;
      }
      if (!started) {
        if (WHITESPACE.has(c) || c === '\uFEFF') continue;
        if (c !== '[' && c !== '{')
          fail('expected a JSON array of transactions or an object with a "transactions" array');
        started = true;
        if (c === '[') elementDepth = 1;
      }
      const atElements = elementDepth > 0 && !arrayDone && depth === elementDepth;
      if (atElements && elementStart < 0 && !WHITESPACE.has(c) && c !== ',' && c !== ']') {
        elementStart = i;
        elementLine = line;
      }
      if (c === '"') {
        inString = true;
        // Strings directly in the top-level object: the last one before a value is its key.
        if (depth === 1 && elementDepth !== 1) {
          keyStart = i + 1;
          key = '';
        }
      } else if (c === '[' || c === '{') {
        depth += 1;
        if (c === '[' && depth === 2 && elementDepth === 0 && key === 'transactions')
          elementDepth = 2;
      } else if (c === ']' || c === '}') {
        if (atElements && c === ']') {
          if (elementStart >= 0) endElement(i);
          arrayDone = true;
        }
        depth -= 1;
        if (depth < 0) fail(`unexpected "${c}" on line ${line}`);
      } else if (c === ',' && atElements && elementStart >= 0) endElement(i);
    }
    if (keyStart >= 0) {
      key += chunk.slice(keyStart);
      keyStart = 0;
    }
    if (elementStart >= 0) {
      pending += chunk.slice(elementStart);
      if (pending.length > maxElementChars)
        fail(
          `the transaction starting on line ${elementLine} is over ${maxElementChars} characters`,
        );
    }
    yield* elements;
  }
  if (!started) fail('the file is empty');
  if (elementDepth === 0) fail('no "transactions" array found');
  if (!arrayDone || depth !== 0 || inString) fail('the JSON ends before it is complete');
}
