import { CsvLineTracker } from './csv-line-tracker';

describe('CsvLineTracker: the line each record starts on', () => {
  it('counts one line a record plus the line breaks in its fields', () => {
    const lines = new CsvLineTracker();
    expect(lines.record(['type', 'amount'])).toBe(1);
    expect(lines.record(['SALE', 'two\r\nlines'])).toBe(2);
    expect(lines.record([''])).toBe(4);
    expect(lines.record(['FEE', 'a\nb\rc'])).toBe(5);
    expect(lines.nextLine()).toBe(8);
  });

  it('meets a skipped record in its place, though the parser reported it ahead of the records before it', () => {
    const lines = new CsvLineTracker();
    expect(lines.hasSkips()).toBe(false);
    // Reported while the parser was ahead: after 3 records (header included), ending on line 4.
    lines.skip({ afterRecords: 3, endLine: 4, reason: 'Invalid Closing Quote' });
    lines.skip({ afterRecords: 4, endLine: 0, reason: 'Quote Not Closed' });
    expect(lines.skippedBefore()).toEqual([]);
    expect(lines.hasSkips()).toBe(true);
    lines.record(['type']);
    expect(lines.skippedBefore()).toEqual([]);
    lines.record(['SALE']);
    expect(lines.skippedBefore()).toEqual([]);
    lines.record(['SALE']);
    expect(lines.skippedBefore()).toEqual([{ line: 4, reason: 'Invalid Closing Quote' }]);
    expect(lines.record(['FEE'])).toBe(5);
    expect(lines.skippedAtEnd()).toEqual([{ line: 6, reason: 'Quote Not Closed' }]);
    expect(lines.hasSkips()).toBe(false);
  });
});
