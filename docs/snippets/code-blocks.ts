/**
 * A ```ts block of a Markdown file. An HTML comment on the line before the fence can say more:
 * `<!-- snippet: run -->` (a whole program: run it) or `<!-- snippet-context: … -->`
 * (declarations the reader is assumed to have, prepended for the type check).
 */
export interface CodeBlock {
  /** The line of the opening fence, from 1. */
  readonly line: number;
  readonly code: string;
  readonly context: string;
  readonly run: boolean;
}

const FENCE = /^```(\S*)\s*$/;
const DIRECTIVE = /^<!--\s*snippet(-context)?:\s*([\s\S]*?)\s*-->$/;

/** The code blocks of one language in a Markdown text, in order. */
export const codeBlocks = (markdown: string, language: string): CodeBlock[] => {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const opening = FENCE.exec(lines[i] ?? '');
    if (opening === null) continue;
    let end = i + 1;
    while (end < lines.length && !/^```\s*$/.test(lines[end] ?? '')) end++;
    if (opening[1] === language) {
      const directive = DIRECTIVE.exec(lines[i - 1]?.trim() ?? '');
      const kind = directive?.[1];
      const text = directive?.[2] ?? '';
      blocks.push({
        line: i + 1,
        code: lines.slice(i + 1, end).join('\n'),
        context: kind === undefined ? '' : text,
        run: directive !== null && kind === undefined && text === 'run',
      });
    }
    i = end;
  }
  return blocks;
};
