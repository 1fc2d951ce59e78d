import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: string | undefined;

/**
 * Chart.js's browser build, to inline into the HTML report so that it needs no network when
 * it is opened. Read from the installed chart.js package (its UMD file is not among the
 * package's exports, so it is found next to the entry point).
 */
export const chartLibrary = (): string => {
  cached ??= readFileSync(join(dirname(require.resolve('chart.js')), 'chart.umd.min.js'), 'utf8');
  // The file has no `</script`; this keeps it so whatever the version.
  return cached.replace(/<\/script/gi, '<\\/script');
};
