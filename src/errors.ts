/** Exit codes of the public contract (DESIGN.md, "Exit codes"). */
export const EXIT = { ok: 0, failure: 1, badInput: 2, interrupted: 130 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface CoachErrorOptions {
  /** What the user can do about it; printed after the message. */
  hint?: string;
  exitCode?: ExitCode;
  /** Extra fields for the `--json` error object (e.g. `missing`). */
  details?: Record<string, unknown>;
  cause?: unknown;
}

/**
 * The one error type of the CLI. Anything may throw it; only main.ts turns it
 * into a message and an exit code. `code` is machine-readable (`--json`).
 */
export class CoachError extends Error {
  readonly code: string;
  readonly hint: string | undefined;
  readonly exitCode: ExitCode;
  readonly details: Record<string, unknown>;

  constructor(code: string, message: string, options: CoachErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "CoachError";
    this.code = code;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? EXIT.badInput;
    this.details = options.details ?? {};
  }
}

/** Bad input from the user: exit 2. */
export function badInput(code: string, message: string, hint?: string, details?: Record<string, unknown>): CoachError {
  return new CoachError(code, message, { hint, details, exitCode: EXIT.badInput });
}

/** Something failed at run time (I/O, a lock held too long): exit 1. */
export function runtimeFailure(code: string, message: string, cause?: unknown): CoachError {
  return new CoachError(code, message, { exitCode: EXIT.failure, cause });
}

/** Raised when the user presses Ctrl-C; carries what to tell them (where the draft is). */
export class InterruptedError extends CoachError {
  constructor(message: string) {
    super("interrupted", message, { exitCode: EXIT.interrupted });
  }
}
