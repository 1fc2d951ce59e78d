// Every ```ts block of docs/reconcile.md and packages/settlement/README.md is type-checked
// (strict, node16 resolution) against the built packages, as a reader would paste it.
// `pnpm test` builds before Jest.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import ts from 'typescript';

const root = join(__dirname, '..');
const documents = ['docs/reconcile.md', 'packages/settlement/README.md'];

const tsBlocks = (markdown: string): { line: number; code: string }[] => {
  const blocks: { line: number; code: string }[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    if (!/^```ts\s*$/.test(lines[i] ?? '')) continue;
    let end = i + 1;
    while (end < lines.length && !/^```\s*$/.test(lines[end] ?? '')) end += 1;
    blocks.push({ line: i + 1, code: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return blocks;
};

describe('the TypeScript blocks of docs/reconcile.md and the settlement README', () => {
  it('compile against the public API', () => {
    const folder = join(root, '.tmp', `reconcile-snippets-${randomBytes(4).toString('hex')}`);
    mkdirSync(folder, { recursive: true });
    try {
      const files = documents.flatMap((document) =>
        tsBlocks(readFileSync(join(root, document), 'utf8')).map((block) => {
          const file = join(folder, `${document.replace(/[^a-z0-9]+/gi, '-')}-${block.line}.mts`);
          writeFileSync(file, `${block.code}\nexport {};\n`);
          return file;
        }),
      );
      expect(files).toHaveLength(3);
      const program = ts.createProgram(files, {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        lib: ['lib.es2022.d.ts'],
        module: ts.ModuleKind.Node16,
        moduleResolution: ts.ModuleResolutionKind.Node16,
        types: ['node'],
        typeRoots: [join(root, 'node_modules', '@types')],
        skipLibCheck: true,
      });
      const problems = ts
        .getPreEmitDiagnostics(program)
        .map(
          (d) =>
            `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
        );
      expect(problems).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
