/** Exit codes of the command line: clean, findings, usage or I/O error. */
export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;
