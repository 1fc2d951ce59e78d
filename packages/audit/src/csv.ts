// RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled.
const needsQuotes = /[",\r\n]/;
// OWASP CSV injection: a spreadsheet runs a cell starting with one of these as a formula.
const formulaStart = /^[=+\-@\t\r]/;

const quoted = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/**
 * One CSV field. Numbers are written as numbers; text that a spreadsheet would take for a
 * formula gets a leading single quote and is quoted, as OWASP recommends.
 */
export const csvField = (value: string | number): string => {
  if (typeof value === 'number') return String(value);
  if (formulaStart.test(value)) return quoted(`'${value}`);
  return needsQuotes.test(value) || value !== value.trim() ? quoted(value) : value;
};

/** One CSV record, CRLF-terminated as RFC 4180 says. */
export const csvRow = (fields: readonly (string | number)[]): string =>
  `${fields.map(csvField).join(',')}\r\n`;
