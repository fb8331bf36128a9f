/**
 * The error type for a user's mistake: the CLI prints its message (which
 * already says where and what was expected) and exits 2, with no stack trace.
 */
export class UserError extends Error {
  override name = 'UserError'
}
