/** Default of --max-depth: far deeper than any event, far shallower than a stack overflow. */
export const DEFAULT_MAX_DEPTH = 256;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;

const countOpeners = (text: string, opener: string, limit: number): number => {
  let count = 0;
  for (let at = text.indexOf(opener); at >= 0 && count <= limit; at = text.indexOf(opener, at + 1))
    count += 1;
  return count;
};

/**
 * Whether JSON text nests objects and arrays deeper than `maxDepth` (the outermost value is
 * level 1), told in one loop without recursion and before anything parses it, so a record
 * nested 100,000 levels deep never reaches a recursive parser, decoder or serialiser.
 * Brackets inside strings do not count. Text that is not JSON is measured the same way.
 */
export const nestedDeeperThan = (text: string, maxDepth: number): boolean => {
  // Cheap bound first: fewer brackets than levels cannot go too deep (nearly every line).
  const openers = countOpeners(text, '{', maxDepth);
  if (openers + countOpeners(text, '[', maxDepth - openers) <= maxDepth) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) i += 1;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) inString = true;
    else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) depth -= 1;
  }
  return false;
};
