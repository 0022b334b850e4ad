import { existsSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import type { Command } from "commander";
import * as z from "zod/mini";
import type { Context } from "../context.js";
import { badInput, CoachError, type ErrorCode, EXIT } from "../errors.js";
import { git, gitLines } from "../store/git.js";
import { workspaceOf } from "../store/workspace.js";
import { type Act, withExamples } from "./define.js";
import { parseOptions } from "./options.js";

const syncOptionsSchema = z.object({
  message: z.optional(z.string().check(z.trim(), z.minLength(1, "give the commit a message"))),
});

/** What a workspace holds that the team shares; .gitignore keeps the derived index (.coach/) local. */
const SHARED_PATHS = ["coach.yaml", ".gitignore", "templates", "reps"];
const ATTEMPTS = 3;

const failure = (code: ErrorCode, message: string, hint?: string) =>
  new CoachError(code, message, { exitCode: EXIT.failure, hint });

/**
 * `coach sync`: commit coach's files, rebase that commit onto the remote's, push. A
 * conflict aborts the rebase (the commit stays, on the local branch only) and names the
 * files, so a workspace is never left in the middle of a rebase.
 */
export async function runSync(raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const options = parseOptions(syncOptionsSchema, raw);
  const root = (await workspaceOf(ctx)).root;
  const run = (...args: string[]) => git(root, ctx.env, ...args);
  const lines = (...args: string[]) => gitLines(root, ctx.env, ...args);
  if (!existsSync(root) || !run("rev-parse", "--show-toplevel").ok)
    throw badInput(
      "not_a_repository",
      `the workspace ${root} is not in a git repository`,
      `start one: cd ${root} && git init && coach sync; to share it, git remote add origin URL`,
    );
  refuseIfBusy(root, ctx.env);

  const paths = SHARED_PATHS.filter((p) => existsSync(join(root, p)));
  if (paths.length) run("add", "-A", "--", ...paths);
  const staged = paths.length ? lines("diff", "--cached", "--name-only", "--relative", "--", ...paths) : [];
  if (staged.length) {
    const message =
      options.message ?? `coach sync ${ctx.today}: ${staged.length} file${staged.length === 1 ? "" : "s"}`;
    // Only coach's paths, those with changes (git refuses a pathspec it knows nothing of, such as
    // an empty templates/): anything else a person staged stays staged, uncommitted.
    const changed = paths.filter((p) => staged.some((file) => file === p || file.startsWith(`${p}/`)));
    const commit = run("commit", "-q", "-m", message, "--", ...changed);
    if (!commit.ok) {
      const why = commit.stderr || commit.stdout;
      throw failure(
        "git_commit_failed",
        `git could not commit: ${firstLine(why)}`,
        /who you are|user\.email|identity/i.test(why)
          ? 'tell git who you are: git config user.name "Your Name" && git config user.email you@example.com'
          : undefined,
      );
    }
  }

  const branch = run("rev-parse", "--abbrev-ref", "HEAD").stdout;
  if (branch === "HEAD")
    throw failure("git_detached", "the workspace is on no branch", "git switch main, then coach sync");
  const upstream = run("rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}");
  const remotes = lines("remote");
  if (!upstream.ok && !remotes.length) {
    report(ctx, staged, 0, null);
    ctx.out.info("No remote is set, so nothing was pulled or pushed: git remote add origin URL, then coach sync.");
    return;
  }
  const remote = upstream.ok ? upstream.stdout.split("/")[0]! : remotes.includes("origin") ? "origin" : remotes[0]!;
  const remoteBranch = upstream.ok ? upstream.stdout : `${remote}/${branch}`;

  let pulled = 0;
  for (let attempt = 1; ; attempt++) {
    const fetch = run("fetch", "-q", remote);
    if (!fetch.ok)
      throw failure("git_fetch_failed", `could not fetch from ${remote}: ${firstLine(fetch.stderr)}`, kept(staged));
    if (run("rev-parse", "--verify", "-q", `refs/remotes/${remoteBranch}`).ok) {
      pulled += Number(run("rev-list", "--count", `HEAD..${remoteBranch}`).stdout) || 0;
      rebaseOnto(root, ctx.env, remoteBranch, staged);
    }
    const push = run(
      "push",
      "-q",
      ...(upstream.ok ? [] : ["-u"]),
      remote,
      `HEAD:${remoteBranch.slice(remote.length + 1)}`,
    );
    if (push.ok) break;
    // Someone pushed between our fetch and our push: fetch and rebase again.
    if (attempt < ATTEMPTS && /rejected|fetch first|non-fast-forward/.test(push.stderr)) continue;
    throw failure("git_push_failed", `could not push to ${remote}: ${firstLine(push.stderr)}`, kept(staged));
  }
  report(ctx, staged, pulled, remoteBranch);
}

/** Rebases the local commits onto the remote's; on a conflict, aborts and names the files. */
function rebaseOnto(root: string, env: NodeJS.ProcessEnv, onto: string, staged: string[]): void {
  const rebase = git(root, env, "-c", "rebase.autoStash=true", "rebase", "-q", onto);
  if (rebase.ok) return;
  const conflicted = gitLines(root, env, "diff", "--name-only", "--diff-filter=U");
  git(root, env, "rebase", "--abort");
  throw new CoachError(
    "sync_conflict",
    conflicted.length
      ? `sync stopped: your changes and ${onto}'s conflict in ${conflicted.join(", ")}; nothing was pushed`
      : `sync stopped: git could not rebase onto ${onto} (${firstLine(rebase.stderr)}); nothing was pushed`,
    {
      exitCode: EXIT.failure,
      hint: `${kept(staged)}; merge by hand (git pull --rebase, edit the files, git rebase --continue), then coach sync`,
      details: { files: conflicted },
    },
  );
}

/** A rebase or merge someone left half done is theirs to finish: sync does not stack another on it. */
function refuseIfBusy(root: string, env: NodeJS.ProcessEnv): void {
  for (const marker of ["rebase-merge", "rebase-apply", "MERGE_HEAD"]) {
    const path = git(root, env, "rev-parse", "--git-path", marker).stdout;
    if (path && existsSync(isAbsolute(path) ? path : join(root, path)))
      throw failure(
        "git_busy",
        `a git ${marker === "MERGE_HEAD" ? "merge" : "rebase"} is in progress in ${root}`,
        "finish it (git rebase --continue / git commit) or abort it (git rebase --abort / git merge --abort), then coach sync",
      );
  }
}

function kept(staged: string[]): string {
  return staged.length ? "your changes are committed on the local branch, not lost" : "nothing local was lost";
}

function firstLine(text: string): string {
  return (
    text
      .split("\n")
      .find((line) => line.trim())
      ?.replace(/^(fatal|error): /, "") ?? "no message"
  );
}

function report(ctx: Context, committed: string[], pulled: number, remote: string | null): void {
  if (ctx.out.json) {
    ctx.out.printJson({ written: committed, id: "sync", committed, pulled, pushed: remote !== null });
    return;
  }
  const parts = [
    committed.length
      ? `committed ${committed.length} file${committed.length === 1 ? "" : "s"}`
      : "nothing new to commit",
    ...(remote ? [`got ${pulled} commit${pulled === 1 ? "" : "s"} from ${remote}`, "pushed"] : []),
  ];
  ctx.out.info(`Synced: ${parts.join(", ")}.`);
}

export function defineSync(command: Command, act: Act): Command {
  return withExamples(
    command
      .option("-m, --message <text>", "the commit message (default: coach sync <date>: <n> files)")
      .action(act(runSync)),
    "coach sync",
    'coach sync --message "1:1s of the week"',
  );
}
