/**
 * A file that cannot be used, with a Chinese message that says what to do. No Node API here: the task pane
 * and the playground throw and show it too (guard.ts re-exports it for the command line's imports).
 */
export class InputError extends Error {
  constructor(
    message: string,
    readonly status: 'unreadable' | 'not-a-roster' = 'unreadable',
  ) {
    super(message);
  }
}
