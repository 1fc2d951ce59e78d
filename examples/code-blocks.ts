/** The code blocks of one language in a Markdown text, in order (```ts … ```). */
export const codeBlocks = (markdown: string, language: string): string[] => {
  const blocks: string[] = [];
  const fence = new RegExp(`^\`\`\`${language}\\s*\\n([\\s\\S]*?)^\`\`\`\\s*$`, 'gm');
  for (const match of markdown.matchAll(fence)) blocks.push(match[1] ?? '');
  return blocks;
};
