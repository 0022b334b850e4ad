import { Command, Help } from "commander";
import { registerActions } from "./cli/actions.js";
import { registerDrill } from "./cli/drill.js";
import { registerInit } from "./cli/init.js";
import type { GlobalOptions, Kit, Raw, Runner } from "./cli/kit.js";
import { registerPlan } from "./cli/plan.js";
import { registerRep } from "./cli/rep.js";
import { registerReview } from "./cli/review.js";
import { registerSession } from "./cli/session.js";
import { registerTemplates } from "./cli/templates.js";
import type { Context } from "./context.js";
import type { TextSink } from "./ui/output.js";

export type { GlobalOptions };

declare const __COACH_VERSION__: string | undefined;
const VERSION = typeof __COACH_VERSION__ === "string" ? __COACH_VERSION__ : "0.0.0-dev";

export interface ProgramDeps {
  stdout: TextSink;
  stderr: TextSink;
  context(globals: GlobalOptions): Context;
}

/**
 * The commander program: names, flags and help only. Each command's code is imported
 * when that command runs, so `coach --help` loads none of zod, yaml or inquirer.
 */
export function buildProgram(deps: ProgramDeps): Command {
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
    .configureHelp({
      showGlobalOptions: true,
      // Sorted here, not with commander's sortSubcommands: that compares with localeCompare,
      // whose first call starts ICU's collator, a fifth of `coach --help`'s time. Names are ASCII.
      visibleCommands(this: Help, command: Command) {
        return Help.prototype.visibleCommands.call(this, command).sort((a, b) => (a.name() < b.name() ? -1 : 1));
      },
    })
    .showSuggestionAfterError();
  program.addHelpText(
    "after",
    "\nExamples:\n  $ coach plan alex-kim          plan the next 1:1 with a rep\n  $ coach init ~/coaching        make a workspace to share through git\n\nExit codes: 0 ok, 1 runtime failure, 2 bad input, 130 interrupted.",
  );

  const kit: Kit = {
    act:
      (load: () => Promise<Runner>, toRaw: (args: unknown[], opts: Raw) => Raw = (_, opts) => opts) =>
      async (...params: unknown[]) => {
        const command = params.at(-1) as Command;
        const ctx = deps.context(command.optsWithGlobals<GlobalOptions>());
        const runner = await load();
        await runner(toRaw(params.slice(0, -2), command.opts()), ctx);
      },
  };
  registerInit(program, kit);
  registerRep(program, kit);
  registerTemplates(program, kit);
  registerPlan(program, kit);
  registerSession(program, kit);
  registerActions(program, kit);
  registerDrill(program, kit);
  registerReview(program, kit);

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

function allCommands(command: Command): Command[] {
  return [command, ...command.commands.flatMap(allCommands)];
}
