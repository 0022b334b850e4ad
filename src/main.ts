import { CommanderError } from "commander";
import { buildProgram, type GlobalOptions } from "./cli.js";
import type { Context } from "./context.js";
import { isCalendarDate } from "./domain/calendar-date.js";
import { printable } from "./domain/ids.js";
import { CoachError, type ErrorCode, EXIT, misplacedPath, USAGE_CODES } from "./errors.js";
import { Output, type TextSink, wantsColor } from "./ui/output.js";
import { PromptCancelled, type Prompter } from "./ui/prompter.js";
import { loadStyle, PLAIN, type Style } from "./ui/style.js";

export interface Deps {
  stdout: TextSink;
  stderr: TextSink;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** A prompter to use instead of a terminal (tests); its presence makes the run interactive. */
  prompter?: Prompter;
}

/** Runs one `coach` command line and returns its exit code. Nothing else exits. */
export async function run(argv: string[], deps: Deps): Promise<number> {
  const args = argv.length === 0 ? ["--help"] : argv;
  const early = globalsFromArgv(args);
  // Loaded before commander parses, so every Output below is made synchronously.
  const colour = await loadStyle(wantsColor(deps.env, deps.stdout, early.color !== false));
  let out = makeOutput(deps, early, colour);
  try {
    const program = await buildProgram(args, {
      stdout: deps.stdout,
      stderr: deps.stderr,
      context: (globals) => {
        out = makeOutput(deps, globals, colour);
        return makeContext(deps, globals, out);
      },
    });
    await program.parseAsync(args, { from: "user" });
    return EXIT.ok;
  } catch (error) {
    return report(explainNoPrompts(error, deps), out, deps.env);
  }
}

/**
 * `coach plan sam-lee | head` at a terminal: the answers are missing because stdout is a
 * pipe, not for want of a person, so "answer them in a terminal" would read as nonsense.
 */
function explainNoPrompts(error: unknown, deps: Deps): unknown {
  if (!(error instanceof CoachError) || error.code !== "missing_answers") return error;
  if (deps.prompter || deps.stdout.isTTY || !deps.stdin.isTTY) return error;
  return new CoachError(error.code, error.message, {
    hint:
      "stdout is not a terminal (it goes to a pipe or a file), so nothing can be asked; " +
      "run the command without the pipe or redirect, or give the answers with --answers FILE",
    details: error.details,
    exitCode: error.exitCode,
  });
}

/** The process-bound entry: real streams, real environment. */
export async function main(): Promise<void> {
  // `coach review --team | head`: the reader has all it wants; stop quietly, as cat does.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? EXIT.ok);
  });
  process.exitCode = await run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    // Node builds process.stdin on first use, at a few milliseconds' cost: only runs that read it pay.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
  });
}

function makeOutput(deps: Deps, globals: GlobalOptions, colour: Style): Output {
  return new Output(deps.stdout, deps.stderr, {
    json: Boolean(globals.json),
    quiet: Boolean(globals.quiet),
    style: wantsColor(deps.env, deps.stdout, globals.color !== false) ? colour : PLAIN,
  });
}

function makeContext(deps: Deps, globals: GlobalOptions, out: Output): Context {
  // stdout first: output to a file or a pipe settles it without building process.stdin.
  const interactive = Boolean(deps.prompter) || (Boolean(deps.stdout.isTTY) && Boolean(deps.stdin.isTTY));
  return {
    out,
    env: deps.env,
    cwd: deps.cwd,
    today: todayFrom(deps.env),
    workspaceFlag: globals.workspace,
    interactive,
    prompter: async () => deps.prompter ?? (await import("./ui/inquirer-prompter.js")).createInquirerPrompter(),
    readStdin: (maxBytes) => readAll(deps.stdin, maxBytes),
  };
}

function todayFrom(env: NodeJS.ProcessEnv): string {
  const fixed = env.COACH_TODAY;
  if (fixed !== undefined && fixed !== "") {
    // Date.parse would take 2026-02-30 for March 2nd.
    if (!isCalendarDate(fixed)) {
      throw new CoachError("invalid_env", `COACH_TODAY='${printable(fixed)}' is not a real calendar date`, {
        hint: "use YYYY-MM-DD, or unset it",
      });
    }
    return fixed;
  }
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function readAll(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Uint8Array | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    const onData = (chunk: Buffer | string) => {
      const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      bytes += buffer.length;
      if (bytes <= maxBytes) return void chunks.push(buffer);
      // Stop at the limit: a pipe that never ends (`yes |`) must not fill the memory first.
      stream.removeListener("data", onData);
      stream.pause();
      resolve(undefined);
    };
    stream.on("data", onData);
    stream.on("end", () => resolve(Buffer.concat(chunks)));
    stream.on("error", reject);
  });
}

/** Flags needed to report an error that happens before commander has parsed them. */
function globalsFromArgv(argv: string[]): GlobalOptions {
  return {
    json: argv.includes("--json"),
    quiet: argv.includes("-q") || argv.includes("--quiet"),
    color: !argv.includes("--no-color"),
  };
}

function report(error: unknown, out: Output, env: NodeJS.ProcessEnv): number {
  if (error instanceof CommanderError) {
    if (["commander.helpDisplayed", "commander.version", "commander.help"].includes(error.code)) return EXIT.ok;
    return printError(
      out,
      new CoachError(usageCode(error.code), usageMessage(error.message), { hint: "see `coach --help`" }),
    );
  }
  if (error instanceof CoachError) return printError(out, error);
  if (error instanceof PromptCancelled)
    return printError(
      out,
      new CoachError("interrupted", "interrupted; nothing was saved", { exitCode: EXIT.interrupted }),
    );
  const misplaced = misplacedPath(error);
  if (misplaced) return printError(out, misplaced);
  const debug = (env.DEBUG ?? "").split(",").includes("coach");
  const message = error instanceof Error ? error.message : String(error);
  printError(
    out,
    new CoachError("unexpected", `unexpected error: ${message}`, {
      exitCode: EXIT.failure,
      hint: debug ? undefined : "run again with DEBUG=coach for details",
    }),
  );
  if (debug && error instanceof Error && error.stack) out.error(error.stack);
  return EXIT.failure;
}

/** "error: unknown command 'pln'\n(Did you mean plan?)" -> "unknown command 'pln'; did you mean 'plan'?" */
function usageMessage(message: string): string {
  return message
    .replace(/^error: /, "")
    .replace(/\n\(Did you mean (.+)\?\)/, (_, guess: string) => `; did you mean '${guess}'?`)
    .replace(/\s*\n\s*/g, " ")
    .trim();
}

function printError(out: Output, error: CoachError): number {
  if (out.json) {
    out.errorJson({
      error: {
        code: error.code,
        message: error.message,
        ...(error.hint ? { hint: error.hint } : {}),
        ...error.details,
      },
    });
  } else {
    out.error(
      error.hint
        ? `${error.message}${/[?.]$/.test(error.message) ? " " : "; "}${capitalizeAfterQuestion(error.message, error.hint)}`
        : error.message,
    );
  }
  return error.exitCode;
}

/** "did you mean 'plan'?" reads on into "See `coach --help`", not "; see". */
function capitalizeAfterQuestion(message: string, hint: string): string {
  return /[?.]$/.test(message) ? hint.charAt(0).toUpperCase() + hint.slice(1) : hint;
}

/** "commander.unknownOption" -> "unknown_option"; one commander adds later reads as "usage". */
function usageCode(commanderCode: string): ErrorCode {
  const code = commanderCode.replace("commander.", "").replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return (USAGE_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : "usage";
}
