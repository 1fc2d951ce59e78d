import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configSchema } from './config';
import { startTestService, type TestService } from './test-support';

const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

/** The first cells of the rows of the table under this heading. */
const firstCells = (heading: string, header: string): string[] => {
  const section = readme.slice(readme.indexOf(heading));
  const table = section.slice(section.indexOf(header)).split('\n');
  const rows: string[] = [];
  for (const line of table.slice(2)) {
    if (!line.startsWith('|')) break;
    rows.push((line.split('|')[1] ?? '').trim().replace(/`/g, ''));
  }
  return rows;
};

describe('the README', () => {
  it('lists exactly the environment variables the configuration reads', () => {
    expect(firstCells('## Configuration', '| Variable').sort()).toEqual(
      Object.keys(configSchema.shape).sort(),
    );
  });

  describe('the API table', () => {
    const routes: string[] = [];
    let service: TestService;
    beforeAll(async () => {
      service = await startTestService({
        onRoute: (route) => {
          if (route.method !== 'HEAD') routes.push(`${route.method} ${route.url}`);
        },
      });
    });
    afterAll(async () => {
      await service.close();
    });

    it('lists exactly the routes the service serves, but the merchant form', () => {
      const listed = firstCells('## The JSON API', '| Route').map((route) =>
        route.replace(/\{(\w+)\}/g, ':$1'),
      );
      expect(listed.sort()).toEqual(routes.filter((route) => !route.includes('/form')).sort());
    });
  });
});
