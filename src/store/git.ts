import { spawnSync } from "node:child_process";
import { CoachError, EXIT } from "../errors.js";

export interface GitResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

/**
 * The system `git`, run in the workspace. It never waits for a person: no credential
 * prompt (GIT_TERMINAL_PROMPT=0), no editor, stdin closed, and messages in English so
 * the ones we read mean what we expect.
 */
export function git(cwd: string, env: NodeJS.ProcessEnv, ...args: string[]): GitResult {
  const result = spawnSync("git", args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...env, GIT_TERMINAL_PROMPT: "0", GIT_EDITOR: "true", GIT_MERGE_AUTOEDIT: "no", LC_ALL: "C" },
  });
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === "ENOENT";
    throw new CoachError(
      missing ? "git_missing" : "git_failed",
      missing ? "git is not installed" : `could not run git: ${result.error.message}`,
      {
        exitCode: EXIT.failure,
        hint: missing ? "install git (https://git-scm.com), then run `coach sync` again" : undefined,
      },
    );
  }
  return { ok: result.status === 0, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

/** Lines of a git command's output, or none when it failed. */
export function gitLines(cwd: string, env: NodeJS.ProcessEnv, ...args: string[]): string[] {
  const result = git(cwd, env, ...args);
  return result.ok && result.stdout ? result.stdout.split("\n") : [];
}
