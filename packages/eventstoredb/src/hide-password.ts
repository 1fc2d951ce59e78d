// The password of a connection string (esdb://user:password@host…), as written and decoded.
const passwordsOf = (connectionString: string): string[] => {
  const userInfo = /^[a-z][a-z0-9+.-]*:\/\/([^@/?#]*)@/i.exec(connectionString)?.[1];
  const colon = userInfo?.indexOf(':') ?? -1;
  if (userInfo === undefined || colon < 0) return [];
  const written = userInfo.slice(colon + 1);
  let decoded = written;
  try {
    decoded = decodeURIComponent(written);
  } catch {
    // Not percent-encoded text: only the written form can show up.
  }
  return [...new Set([written, decoded])].filter((password) => password !== '');
};

/**
 * `text` with every occurrence of the connection string's password replaced by as many `*`, so
 * that a message quoting the string keeps its layout (the client points at a position with ^).
 */
export const hidePassword = (text: string, connectionString: string): string =>
  passwordsOf(connectionString).reduce(
    (hidden, password) => hidden.split(password).join('*'.repeat(password.length)),
    text,
  );

/**
 * Runs `parse` (synchronous) with console.warn caught, then warns what it warned with the
 * password hidden: the EventStoreDB client prints the whole connection string, password
 * included, for an unknown or unsupported option.
 */
export const withPasswordHiddenFromWarnings = <T>(connectionString: string, parse: () => T): T => {
  const warned: unknown[][] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    warned.push(args);
  };
  try {
    return parse();
  } finally {
    console.warn = warn;
    for (const args of warned)
      console.warn(
        ...args.map((arg) => (typeof arg === 'string' ? hidePassword(arg, connectionString) : arg)),
      );
  }
};
