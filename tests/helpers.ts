import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Readable } from "node:stream";
import { run } from "../src/main.js";
import type { Prompter } from "../src/ui/prompter.js";
import { ROOT } from "./helpers-paths.js";

export { ROOT };
export const BIN = join(ROOT, "bin", "coach.js");
export const TODAY = "2026-11-22";

const made: string[] = [];

/** Removes the folders tempDir made; tests/setup.ts runs it after every test of every file. */
export function removeTempDirs(): void {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
}

/** A fresh empty folder, removed after the test. */
export function tempDir(prefix = "coach-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

class Sink {
  text = "";
  constructor(
    readonly isTTY = false,
    readonly columns?: number,
  ) {}
  write(chunk: string) {
    this.text += chunk;
    return true;
  }
}

export interface RunOptions {
  workspace?: string;
  prompter?: Prompter;
  /** What is piped in: text, or a stream (one that never ends, say). */
  stdin?: string | Buffer | Readable;
  env?: Record<string, string>;
  cwd?: string;
  /** The terminal's width, as a terminal reports it. */
  columns?: number;
}

/** Runs the CLI in-process, as a command test: a scripted prompter stands in for a person. */
export async function coach(argv: string[], options: RunOptions = {}): Promise<Result> {
  const stdout = new Sink(false, options.columns);
  const stderr = new Sink();
  const code = await run(argv, {
    stdout,
    stderr,
    stdin: options.stdin instanceof Readable ? options.stdin : Readable.from([options.stdin ?? ""]),
    env: {
      COACH_TODAY: TODAY,
      NO_COLOR: "1",
      HOME: options.cwd ?? tmpdir(),
      ...(options.workspace ? { COACH_WORKSPACE: options.workspace } : {}),
      ...options.env,
    },
    cwd: options.cwd ?? options.workspace ?? tmpdir(),
    prompter: options.prompter,
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Runs the built bin/coach.js in a child process with no terminal, as a script would. */
export function coachBin(
  argv: string[],
  options: { cwd?: string; env?: Record<string, string>; input?: string; bin?: string } = {},
): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [options.bin ?? BIN, ...argv], {
      cwd: options.cwd ?? tmpdir(),
      env: {
        PATH: process.env.PATH ?? "",
        HOME: options.cwd ?? tmpdir(),
        COACH_TODAY: TODAY,
        NO_COLOR: "1",
        ...options.env,
      },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}

/** Writes a file, making its folders. */
export function writeFile(path: string, text: string): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

/** Record files of a rep, as full paths, oldest first. */
export function recordFiles(workspace: string, rep: string): string[] {
  const dir = join(workspace, "reps", rep, "records");
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith(".md"))
      .sort()
      .map((name) => join(dir, name));
  } catch {
    return [];
  }
}

export function read(path: string): string {
  return readFileSync(path, "utf8");
}

/** The record a plan or session wrote, read from the path its screen ends with ("Full plan: <path>"). */
export function writtenRecord(result: Result): string {
  const path = /^Full (?:plan|record): (.+)$/m.exec(result.stdout)?.[1];
  if (!path) throw new Error(`no record path in:\n${result.stdout}`);
  return read(path);
}

/** The manager's self-check before every plan, answered with no doubt. */
export const SELF_CHECK_ANSWERS = {
  self_coaching_works: true,
  self_can_coach: true,
  self_integrity: true,
  self_believe: true,
  self_ask: true,
  self_hands_off: true,
  self_time: true,
};

/** Answers for the required questions of every built-in stage plan and the self-check. */
export const PROSPECTING_PLAN_ANSWERS = {
  ...SELF_CHECK_ANSWERS,
  self_expectation: "Runs discovery alone by January",
  outcome: "One new opening line to try this week",
  gate_evidence: "Acme accepted a call",
  observed: "Heard two cold calls on Tuesday",
  opening_question: "What did the buyer say in the first minute?",
};

/** What a person at a terminal answers: the required ones, and Enter on the optional ones. */
export const PLAN_ANSWERS_IN_A_TERMINAL = { ...PROSPECTING_PLAN_ANSWERS, rep_goal: "", rep_mindset: "" };
