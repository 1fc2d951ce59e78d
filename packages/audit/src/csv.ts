// RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled.
const needsQuotes = /[",\r\n]/;

export const csvField = (value: string | number): string => {
  const text = String(value);
  return needsQuotes.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One CSV record, CRLF-terminated as RFC 4180 says. */
export const csvRow = (fields: readonly (string | number)[]): string =>
  `${fields.map(csvField).join(',')}\r\n`;
