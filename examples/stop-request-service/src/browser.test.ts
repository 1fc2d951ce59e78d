// A real browser fills the merchant's form: headless Chromium (Debian's `chromium`) driven by
// puppeteer-core. Screenshots are kept in .tmp/stop-request-service/ (the README shows a copy).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { findChromium } from './find-chromium';
import {
  auth,
  formPath,
  requestStopBody,
  startTestService,
  streamTypes,
  type TestService,
} from './test-support';

const chromium = findChromium();
const ARTIFACTS = join(__dirname, '..', '..', '..', '.tmp', 'stop-request-service');
const describeInBrowser = 'path' in chromium ? describe : describe.skip;
const title =
  'path' in chromium
    ? 'the merchant form in headless Chromium'
    : `the merchant form in headless Chromium (SKIPPED: ${chromium.missing})`;

/** The text of the element with this id on the page's HTML; undefined when absent. */
const textOf = (html: string, id: string): string | undefined =>
  new RegExp(`id="${id}">([^<]*)<`).exec(html)?.[1];

describeInBrowser(title, () => {
  let service: TestService;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    service = await startTestService();
    base = await service.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await puppeteer.launch({
      executablePath: 'path' in chromium ? chromium.path : '',
      headless: true,
      // As root (CI containers) Chromium runs only without its sandbox.
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser.close();
    await service.close();
  });

  it('fills the two-parcel answer, submits, sees the decision, submits it again by reloading and sees the same', async () => {
    const opened = await service.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: auth,
      payload: requestStopBody('BROWSER-1'),
    });
    expect(opened.statusCode).toBe(201);
    const page = await browser.newPage();
    await page.setViewport({ width: 900, height: 900 });
    await page.goto(`${base}${formPath('BROWSER-1')}`);
    await page.click('input[name=answer][value=shipped]');
    await page.type('input[name=carrier1]', 'PostNord');
    await page.type('input[name=trackingNumber1]', '00370712345678');
    await page.type('input[name=amount1]', '750,00');
    await page.type('input[name=taxAmount1]', '150,00');
    await page.type('input[name=carrier2]', 'GLS');
    await page.type('input[name=trackingNumber2]', 'GLS-99');
    await page.type('input[name=amount2]', '500,00');
    await page.type('input[name=taxAmount2]', '100,00');
    // A datetime-local input takes its value in this form whatever the browser's locale.
    await page.evaluate(`
      document.querySelector('input[name=shippedAt1]').value = '2026-03-01T14:30';
      document.querySelector('input[name=shippedAt2]').value = '2026-03-01T15:00';
    `);
    await page.screenshot({ path: join(ARTIFACTS, 'form-two-parcels.png'), fullPage: true });

    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    const decided = await page.content();
    expect(textOf(decided, 'status')).toBe('Shipped');
    expect(textOf(decided, 'liability')).toBe('Klarna');
    expect(decided).toContain('Thank you: your answer is recorded.');
    await page.screenshot({ path: join(ARTIFACTS, 'answer-recorded.png'), fullPage: true });
    const recorded = [
      'StopRequested',
      'ShippedWithTracking',
      'RecallRequested',
      'ShippedWithTracking',
    ];
    expect(await streamTypes(service.store, 'BROWSER-1')).toEqual(recorded);

    // Reloading the result posts the same form again (same idempotency key): the same
    // decision, and nothing more recorded. A plain GET would show no "Thank you".
    await page.reload();
    const again = await page.content();
    expect(textOf(again, 'status')).toBe('Shipped');
    expect(textOf(again, 'liability')).toBe('Klarna');
    expect(again).toContain('Thank you: your answer is recorded.');
    expect(await streamTypes(service.store, 'BROWSER-1')).toEqual(recorded);
    const metrics = await service.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain(
      'stop_request_commands_total{command="ReportShipment",outcome="recorded"} 2',
    );
    expect(metrics.body).toContain(
      'stop_request_commands_total{command="ReportShipment",outcome="duplicate"} 2',
    );
  }, 60_000);
});
