import { auth, formPath, requestStopBody, startTestService } from './test-support';

describe('when the store is unavailable', () => {
  it('the API answers 503 STORE_UNAVAILABLE and the form a page saying to retry, never 500', async () => {
    const service = await startTestService();
    try {
      await service.app.inject({
        method: 'POST',
        url: '/api/cases',
        headers: auth,
        payload: requestStopBody('DOWN-1'),
      });
      await service.store.close();
      const api = await service.app.inject({
        method: 'POST',
        url: '/api/cases/DOWN-1/disputes',
        headers: auth,
        payload: { disputedAt: '2026-03-05T08:00:00Z' },
      });
      expect(api.statusCode).toBe(503);
      expect(api.json()).toEqual({
        code: 'STORE_UNAVAILABLE',
        message: 'The event store is unavailable; retry later.',
      });
      const form = await service.app.inject({ method: 'GET', url: formPath('DOWN-1') });
      expect(form.statusCode).toBe(503);
      expect(form.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(form.body).toContain('<h1>The form is unavailable</h1>');
      expect(form.body).not.toContain('DOWN-1');
    } finally {
      await service.close();
    }
  });
});

describe('a form post the service cannot read', () => {
  it('gets a page (413 for a body over the limit), not JSON', async () => {
    const service = await startTestService();
    try {
      await service.app.inject({
        method: 'POST',
        url: '/api/cases',
        headers: auth,
        payload: requestStopBody('BIG-1'),
      });
      const response = await service.app.inject({
        method: 'POST',
        url: formPath('BIG-1'),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `idempotencyKey=big-1-key-1&carrier1=${'x'.repeat(70_000)}`,
      });
      expect(response.statusCode).toBe(413);
      expect(response.body).toContain('<h1>The answer could not be read</h1>');
    } finally {
      await service.close();
    }
  });
});
