// Issue 13: `--format html` rendered in headless Chromium shows the figures of the JSON
// report, draws its charts without a network, sorts its findings and shows each discrepant
// case's timeline. UPDATE_SCREENSHOT=1 also writes the screenshot shown in docs/audit.md.
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { systemChromium } from './__fixtures__/chromium';
import { captureIo } from './__fixtures__/cli-io';
import { tempDir } from './__fixtures__/lines';
import { runCli } from './cli/run-cli';
import type { AuditReport } from './report';

const DOCS_SCREENSHOT = resolve(__dirname, '../../../docs/images/audit-report.png');

let dir = '';
let removeDir: () => Promise<void> = () => Promise.resolve();
let browser: Browser | undefined;
let page: Page;
let report: AuditReport;
const blocked: string[] = [];
const pageErrors: string[] = [];

const cli = async (...argv: string[]): Promise<string> => {
  const captured = captureIo();
  const code = await runCli(argv, captured.io);
  if (code === 2) throw new Error(captured.stderr());
  return captured.stdout();
};

beforeAll(async () => {
  const executablePath = systemChromium();
  ({ dir, remove: removeDir } = await tempDir());
  const source = join(dir, 'events.jsonl.gz');
  await cli('generate', '--orders', '1500', '--seed', '2026', '--faults', '--output', source);
  report = JSON.parse(await cli('audit', '--input', source)) as AuditReport;
  await cli('audit', '--input', source, '--format', 'html', '--out', join(dir, 'report.html'));
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  page = await browser.newPage({ viewport: { width: 1240, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  // Nothing but the file itself may load: the page must work without a network.
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) await route.continue();
    else {
      blocked.push(url);
      await route.abort();
    }
  });
  await page.goto(pathToFileURL(join(dir, 'report.html')).href);
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await removeDir();
});

const figure = async (key: string): Promise<number> =>
  Number((await page.locator(`[data-figure="${key}"]`).textContent())?.replace(/,/g, ''));

describe('the HTML report in Chromium (issue 13)', () => {
  it('loads with no error and no request beyond the file', () => {
    expect([pageErrors, blocked]).toEqual([[], []]);
  });

  it('shows the figures of the JSON report', async () => {
    const { summary } = report;
    expect(await Promise.all(['orders', 'events', 'discrepancies', 'invalid'].map(figure))).toEqual(
      [summary.orders, summary.events, summary.discrepancies, summary.invalid],
    );
    for (const [liability, orders] of Object.entries(summary.byLiability))
      expect([liability, await figure(`liability-${liability}`)]).toEqual([liability, orders]);
    for (const [currency, totals] of Object.entries(summary.totals))
      expect(
        await Promise.all(
          ['fraudReturn', 'fraudPolicy'].map(async (kind) =>
            Number(
              await page
                .locator(`[data-money="${currency}-expected-${kind}"]`)
                .getAttribute('data-sort'),
            ),
          ),
        ),
      ).toEqual([totals.fraudReturn, totals.fraudPolicy]);
  });

  it('draws the charts with the same numbers', async () => {
    // Runs in the page, where Chart.js is loaded: the data of each chart, as JSON.
    const script = `JSON.stringify(Object.fromEntries(['liability', 'kinds', 'money'].map((name) => {
      const chart = Chart.getChart(document.getElementById('chart-' + name));
      return [name, chart === undefined ? null : { labels: chart.data.labels, values: chart.data.datasets.map((set) => set.data) }];
    })))`;
    const charts: unknown = JSON.parse(await page.evaluate<string>(script));
    const kinds = new Map<string, number>();
    for (const found of report.discrepancies)
      kinds.set(found.kind, (kinds.get(found.kind) ?? 0) + 1);
    expect(charts).toMatchObject({
      liability: {
        labels: Object.keys(report.summary.byLiability),
        values: [Object.values(report.summary.byLiability)],
      },
      kinds: { labels: [...kinds.keys()], values: [[...kinds.values()]] },
    });
    // Three series (order value, payout recomputed, payout booked) over the days.
    expect(charts).toHaveProperty('money.values.length', 3);
  });

  it('sorts the findings by a column, up and down', async () => {
    const orders = () => page.locator('#findings tbody tr td:first-child').allTextContents();
    const ids = report.discrepancies.map((found) => found.orderId);
    expect(await orders()).toEqual(ids);
    const header = page.locator('#findings th').first();
    await header.locator('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    expect(await orders()).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
    await header.locator('button').click();
    expect(await orders()).toEqual([...ids].sort((a, b) => b.localeCompare(a)));
  });

  it('shows each discrepant case as a timeline ending with the rules that decided it', async () => {
    for (const orderId of new Set(report.discrepancies.map((found) => found.orderId))) {
      const steps = page.locator(`[id="case-${encodeURIComponent(orderId)}"] .timeline li`);
      expect(await steps.count()).toBeGreaterThan(0);
      const decided = await cli(
        'decide',
        '--input',
        join(dir, 'events.jsonl.gz'),
        '--order',
        orderId,
      ).catch(() => '');
      const reasons = /reasons: {3}(.*)\n/.exec(decided)?.[1]?.split(', ').join(' ');
      expect(await steps.last().locator('.rules').textContent()).toBe(reasons);
    }
  });

  it('saves a screenshot', async () => {
    const path = join(dir, 'audit-report.png');
    await page.screenshot({ path, fullPage: true });
    const png = await readFile(path);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    if (process.env['UPDATE_SCREENSHOT'] === '1') {
      await mkdir(join(DOCS_SCREENSHOT, '..'), { recursive: true });
      await copyFile(path, DOCS_SCREENSHOT);
    }
  });
});
