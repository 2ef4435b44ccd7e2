/**
 * Exit codes of the query subcommands, so scripts can branch on the outcome (documented in the README).
 */
export const ExitCode = {
  ok: 0,
  /** The server answered with an error, sent something unreadable, or could not be reached. */
  serverError: 1,
  /** Wrong flags or arguments. */
  usage: 2,
  /** The trace (or other addressed thing) does not exist. */
  notFound: 3,
  /** The server wants an API key (missing or not accepted). */
  unauthorized: 4,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
