import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The version of @order-liability/audit, from its package.json: two folders up from this file
 * in src/cli, in dist/cli and in the start-up bundle dist/cli/main.js, and shipped in the
 * tarball.
 */
export const packageVersion = (): string => {
  const manifest: unknown = JSON.parse(
    readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'),
  );
  const version: unknown =
    typeof manifest === 'object' && manifest !== null
      ? Reflect.get(manifest, 'version')
      : undefined;
  return typeof version === 'string' ? version : 'unknown';
};
