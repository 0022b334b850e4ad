/** Exit codes of the public contract (DESIGN.md, "Exit codes"). */
export const EXIT = { ok: 0, failure: 1, badInput: 2, interrupted: 130 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * Every `code` an error can carry (`--json` errors show it): scripts match on these, so a new
 * one is added here, never made up where it is thrown. Usage errors come from commander.
 */
export const ERROR_CODES = [
  "action_closed",
  "ambiguous_action",
  "ambiguous_deal",
  "ambiguous_rep",
  "deal_closed",
  "draft_action",
  "file_too_big",
  "follow_up_failed",
  "git_busy",
  "git_commit_failed",
  "git_detached",
  "git_failed",
  "git_fetch_failed",
  "git_missing",
  "git_push_failed",
  "interrupted",
  "invalid_answer",
  "invalid_env",
  "invalid_id",
  "invalid_name",
  "invalid_option",
  "invalid_record",
  "invalid_since",
  "invalid_template",
  "invalid_utf8",
  "invalid_when",
  "invalid_workspace",
  "invalid_yaml",
  "lock_failed",
  "lock_timeout",
  "missing_answers",
  "missing_rep",
  "no_draft",
  "no_drill",
  "no_plan",
  "no_template",
  "no_templates",
  "not_a_repository",
  "outside_workspace",
  "plan_held",
  "record_exists",
  "rep_exists",
  "sync_conflict",
  "unexpected",
  "unknown_action",
  "unknown_deal",
  "unknown_draft",
  "unknown_gate",
  "unknown_goal",
  "unknown_plan",
  "unknown_process",
  "unknown_rep",
  "unknown_skill",
  "unknown_stage",
  "unknown_template",
  "unreadable_answers",
  "workspace_exists",
  "write_failed",
] as const;
export const USAGE_CODES = [
  "unknown_command",
  "unknown_option",
  "missing_argument",
  "option_missing_argument",
  "missing_mandatory_option_value",
  "conflicting_option",
  "excess_arguments",
  "invalid_argument",
  "usage",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number] | (typeof USAGE_CODES)[number];

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
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly exitCode: ExitCode;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: CoachErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "CoachError";
    this.code = code;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? EXIT.badInput;
    this.details = options.details ?? {};
  }
}

/** Bad input from the user: exit 2. */
export function badInput(
  code: ErrorCode,
  message: string,
  hint?: string,
  details?: Record<string, unknown>,
): CoachError {
  return new CoachError(code, message, { hint, details, exitCode: EXIT.badInput });
}

/** Something failed at run time (I/O, a lock held too long): exit 1. */
export function runtimeFailure(code: ErrorCode, message: string, cause?: unknown): CoachError {
  return new CoachError(code, message, { exitCode: EXIT.failure, cause });
}

/** Raised when the user presses Ctrl-C; carries what to tell them (where the draft is). */
export class InterruptedError extends CoachError {
  constructor(message: string) {
    super("interrupted", message, { exitCode: EXIT.interrupted });
  }
}

/** What a file-system error code says about a path the workspace holds, and what to do about it. */
const MISPLACED: Record<string, [problem: string, fix: string]> = {
  EISDIR: ["a folder where coach expects a file", "move or rename the folder"],
  ENOTDIR: ["not a folder, or under a file, where coach expects a folder", "move or rename the file"],
  EEXIST: ["a file where coach makes a folder", "move or rename the file"],
  ENOENT: ["missing (a broken symlink?)", "restore it or remove the link"],
  ELOOP: ["a symlink loop", "remove the link"],
  EACCES: ["not readable or writable by you", "check its permissions"],
  EPERM: ["not readable or writable by you", "check its permissions"],
};

/**
 * A file-system error that reached main.ts unhandled: the workspace was changed by hand (a
 * folder where a record should be, `reps` made a file, a broken symlink), so it is bad input
 * naming the path (exit 2), not an unexpected error. Undefined for anything else.
 */
export function misplacedPath(error: unknown): CoachError | undefined {
  const { code, path } = error as NodeJS.ErrnoException;
  const known = code === undefined ? undefined : MISPLACED[code];
  if (!(error instanceof Error) || typeof path !== "string" || !known) return undefined;
  return badInput("invalid_workspace", `${path}: ${known[0]}`, `${known[1]}, then run again`);
}
