/** The flags that print the version, as commander's `.version()` takes them. */
export const VERSION_FLAGS = '-V, --version';

/**
 * Whether the arguments are a version flag and nothing else: then the command line prints
 * the version without loading its argument parser (start-up, issue 15). Any other line, such
 * as `--version` next to a command, goes through commander as before.
 */
export const asksForVersionOnly = (argv: readonly string[]): boolean =>
  argv.length === 1 && VERSION_FLAGS.split(', ').some((flag) => flag === argv[0]);
