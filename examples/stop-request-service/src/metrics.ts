import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';

/** The service's Prometheus metrics, in a registry of its own (one per app). */
export interface ServiceMetrics {
  readonly registry: Registry;
  readonly requests: Counter<'method' | 'route' | 'status'>;
  readonly commands: Counter<'command' | 'outcome'>;
  readonly cases: Gauge;
}

export const createMetrics = (casesCount: () => number): ServiceMetrics => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'stop_request_service_' });
  return {
    registry,
    requests: new Counter({
      name: 'stop_request_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status code.',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    commands: new Counter({
      name: 'stop_request_commands_total',
      help: 'Commands run, by type and outcome (recorded, duplicate or the refusal code).',
      labelNames: ['command', 'outcome'],
      registers: [registry],
    }),
    cases: new Gauge({
      name: 'stop_request_cases',
      help: 'Cases known to the catch-up projection.',
      registers: [registry],
      collect() {
        this.set(casesCount());
      },
    }),
  };
};
