// Every ```ts block of README.md, docs/*.md and packages/*/README.md is type-checked (strict,
// node16 resolution) against the built packages, as a reader would paste it; blocks marked
// `<!-- snippet: run -->` are whole programs and are run. See docs/development.md.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { codeBlocks } from './code-blocks';

jest.setTimeout(120_000);

const root = join(__dirname, '..', '..');
const markdownFiles = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((file) => file.endsWith('.md'))
    .map((file) => `docs/${file}`),
  ...readdirSync(join(root, 'packages')).map((name) => `packages/${name}/README.md`),
].sort();

interface Snippet {
  readonly id: string;
  readonly file: string;
  readonly run: boolean;
}

const folder = join(root, '.tmp', `snippets-${randomBytes(4).toString('hex')}`);
const snippets: Snippet[] = [];

beforeAll(() => {
  mkdirSync(folder, { recursive: true });
  for (const markdown of markdownFiles) {
    for (const [index, block] of codeBlocks(
      readFileSync(join(root, markdown), 'utf8'),
      'ts',
    ).entries()) {
      // Numbered within its file (line numbers move with every edit above a block).
      const id = `${markdown}#${index + 1}`;
      const file = `${markdown.replace(/[^a-z0-9]+/gi, '-')}-${block.line}.mts`;
      // The context first, on one line, so that error lines match the block's lines + 1.
      writeFileSync(join(folder, file), `${block.context}\n${block.code}\nexport {};\n`);
      snippets.push({ id, file, run: block.run });
    }
  }
  writeFileSync(
    join(folder, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: 'ES2022',
        lib: ['ES2022'],
        module: 'node16',
        moduleResolution: 'node16',
        types: ['node'],
        skipLibCheck: true,
      },
      include: ['*.mts'],
    }),
  );
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

const failureOutput = (error: unknown): string =>
  error instanceof Error && 'stdout' in error && typeof error.stdout === 'string'
    ? `${error.stdout}${'stderr' in error && typeof error.stderr === 'string' ? error.stderr : ''}`
    : String(error);

describe('the code blocks of README.md and docs/', () => {
  it('are found where expected (a block that disappears is noticed)', () => {
    expect(snippets.map(({ id, run }) => (run ? `${id} (run)` : id))).toEqual([
      'README.md#1 (run)',
      'docs/audit.md#1',
      'docs/domain.md#1',
      'docs/eventstoredb.md#1',
      'docs/eventstoredb.md#2',
      'docs/eventstoredb.md#3',
      'docs/policy.md#1',
      'docs/postgresql.md#1',
      'docs/reconcile.md#1',
      'docs/reconcile.md#2',
      'docs/store.md#1 (run)',
      'docs/store.md#2',
      'docs/store.md#3',
      'packages/audit/README.md#1',
      'packages/domain/README.md#1 (run)',
      'packages/eventstoredb/README.md#1',
      'packages/postgresql/README.md#1',
      'packages/settlement/README.md#1',
      'packages/store/README.md#1 (run)',
    ]);
  });

  it('type-check against the built packages (strict, node16)', () => {
    const tsc = require.resolve('typescript/bin/tsc');
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', folder], { cwd: folder, encoding: 'utf8' });
    } catch (error) {
      output = failureOutput(error);
    }
    expect(output).toBe('');
  });

  it('that are whole programs run and print what the docs say', () => {
    const tsx = join(root, 'node_modules', '.bin', 'tsx');
    const outputs = snippets
      .filter(({ run }) => run)
      .map(({ id, file }) => {
        try {
          return [id, execFileSync(tsx, [file], { cwd: folder, encoding: 'utf8' })];
        } catch (error) {
          return [id, failureOutput(error)];
        }
      });
    expect(outputs).toEqual([
      ['README.md#1', "awaiting-merchant-response [ 'SR-2', 'SR-1' ]\n"],
      ['docs/store.md#1', ''],
      ['packages/domain/README.md#1', 'awaiting-merchant-response undetermined\n'],
      ['packages/store/README.md#1', "awaiting-merchant-response [ 'SR-2', 'SR-1' ]\n"],
    ]);
  });
});
