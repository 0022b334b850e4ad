import { Command, Help } from "commander";
import type { Act, Define } from "./commands/define.js";
import type { Context } from "./context.js";
import type { TextSink } from "./ui/output.js";
import { VERSION } from "./version.js";

export interface GlobalOptions {
  workspace?: string;
  json?: boolean;
  quiet?: boolean;
  color?: boolean;
}

export interface ProgramDeps {
  stdout: TextSink;
  stderr: TextSink;
  context(globals: GlobalOptions): Context;
}

interface CommandEntry {
  name: string;
  /** How top-level help shows it, as commander would once the command is defined. */
  term: string;
  description: string;
  define(): Promise<Define>;
}

/**
 * What top-level help lists. A command's module (its flags, schema and run function) is
 * imported only when that command runs or shows its help: `coach --help` and `--version`
 * load no command code, and with it no zod, yaml or inquirer.
 */
export const COMMANDS: CommandEntry[] = [
  {
    name: "init",
    term: "init [dir]",
    description: "create a workspace: coach.yaml, templates/, reps/ (never overwrites)",
    define: async () => (await import("./commands/init.js")).defineInit,
  },
  {
    name: "rep",
    term: "rep",
    description: "add, list and show reps",
    define: async () => (await import("./commands/rep.js")).defineRep,
  },
  {
    name: "templates",
    term: "templates",
    description: "list, show and validate question templates; list the methodology packs",
    define: async () => (await import("./commands/templates.js")).defineTemplates,
  },
  {
    name: "plan",
    term: "plan [options] [rep]",
    description: "plan the next 1:1: focus stage and why, open commitments, questions to ask",
    define: async () => (await import("./commands/plan.js")).definePlan,
  },
  {
    name: "session",
    term: "session [options] [rep]",
    description: "hold and record a 1:1: follow up commitments, ask, rate skills, agree new commitments",
    define: async () => (await import("./commands/session.js")).defineSession,
  },
  {
    name: "actions",
    term: "actions [options] [rep]",
    description: "list commitments (the action plans), add one, close one",
    define: async () => (await import("./commands/actions.js")).defineActions,
  },
  {
    name: "drafts",
    term: "drafts [rep]",
    description: "list unfinished plans, sessions and drills with how to resume them; discard one",
    define: async () => (await import("./commands/drafts.js")).defineDrafts,
  },
  {
    name: "deal",
    term: "deal",
    description: "add and list deals; record each gate with the buyer's evidence; move, close",
    define: async () => (await import("./commands/deal.js")).defineDeal,
  },
  {
    name: "drill",
    term: "drill [options] [rep...]",
    description: "run a practice drill round by round, scored 1-5 and scheduled so weak skills come back sooner",
    define: async () => (await import("./commands/drill.js")).defineDrill,
  },
  {
    name: "review",
    term: "review [options] [rep]",
    description: "review coaching: cadence, commitments kept, skill trends, coverage, next steps",
    define: async () => (await import("./commands/review.js")).defineReview,
  },
  {
    name: "calendar",
    term: "calendar [options] [rep...]",
    description: "the next 1:1s (recurring), commitments' due dates and the week's drills, as an iCalendar file",
    define: async () => (await import("./commands/calendar.js")).defineCalendar,
  },
  {
    name: "sync",
    term: "sync [options]",
    description: "share the workspace through git: commit coach's files, pull (rebasing that commit), push",
    define: async () => (await import("./commands/sync.js")).defineSync,
  },
  {
    name: "completion",
    term: "completion [shell]",
    description: "print a shell completion script: commands, options, and the workspace's ids",
    define: async () => (await import("./commands/completion.js")).defineCompletion,
  },
];

/** The commander program for `argv`: every command named, and the one that will run defined in full. */
export async function buildProgram(argv: string[], deps: ProgramDeps): Promise<Command> {
  const program = new Command("coach")
    .description(
      "Plan, hold and review sales coaching: 1:1s keyed to your sales process, drills, and kept commitments.",
    )
    .version(VERSION, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .option(
      "-w, --workspace <dir>",
      "workspace folder (default: COACH_WORKSPACE, the nearest coach.yaml, or ~/.local/share/coach)",
    )
    .option("--json", "machine-readable output on stdout")
    .option("--no-color", "no colour (NO_COLOR is honoured too)")
    .option("-q, --quiet", "print only data and errors")
    .showSuggestionAfterError();
  const notDefined = new Map<Command, string>();
  program.configureHelp({
    showGlobalOptions: true,
    // Sorted here, not with commander's sortSubcommands: that compares with localeCompare,
    // whose first call starts ICU's collator, a fifth of `coach --help`'s time. Names are ASCII.
    visibleCommands(this: Help, command: Command) {
      return Help.prototype.visibleCommands.call(this, command).sort((a, b) => (a.name() < b.name() ? -1 : 1));
    },
    // Global means the program's own options: `actions add --help` must not list
    // `--open`/`--overdue`, which belong to `coach actions` alone.
    visibleGlobalOptions(this: Help, command: Command) {
      return Help.prototype.visibleGlobalOptions.call(this, command).filter((o) => program.options.includes(o));
    },
    subcommandTerm(this: Help, command: Command) {
      return notDefined.get(command) ?? Help.prototype.subcommandTerm.call(this, command);
    },
  });
  program.addHelpText(
    "after",
    "\nExamples:\n  $ coach plan alex-kim          plan the next 1:1 with a rep\n  $ coach init ~/coaching        make a workspace to share through git\n\nExit codes: 0 ok, 1 runtime failure, 2 bad input, 130 interrupted.",
  );

  const act: Act =
    (runCommand, argumentKeys = []) =>
    async (...params: unknown[]) => {
      const command = params.at(-1) as Command;
      const ctx = deps.context(command.optsWithGlobals<GlobalOptions>());
      const { rawInput } = await import("./commands/define.js");
      await runCommand(rawInput(command, params.slice(0, -2), argumentKeys), ctx);
    };
  const running = commandToRun(argv);
  for (const entry of COMMANDS) {
    const command = program.command(entry.name).description(entry.description);
    if (entry.name === running) (await entry.define())(command, act);
    else notDefined.set(command, entry.term);
  }

  // exitOverride and configureOutput must reach every subcommand: the contract's exit
  // codes come from main.ts, never from commander calling process.exit itself.
  for (const command of allCommands(program)) {
    command.exitOverride().configureOutput({
      writeOut: (s) => deps.stdout.write(s),
      writeErr: (s) => deps.stderr.write(s),
      outputError: () => {},
    });
  }
  return program;
}

/**
 * The command commander will dispatch to: the first word that is not a global option
 * (or its value), or the one after `help`.
 */
function commandToRun(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") return argv[i + 1];
    if (arg === "-w" || arg === "--workspace") i++;
    else if (!arg.startsWith("-")) return arg === "help" ? argv[i + 1] : arg;
  }
  return undefined;
}

function allCommands(command: Command): Command[] {
  return [command, ...command.commands.flatMap(allCommands)];
}
