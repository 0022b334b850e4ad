import { Command } from "commander";
import type { Context } from "./context.js";
import type { TextSink } from "./ui/output.js";

declare const __COACH_VERSION__: string | undefined;
const VERSION = typeof __COACH_VERSION__ === "string" ? __COACH_VERSION__ : "0.0.0-dev";

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

type Raw = Record<string, unknown>;
type Runner = (raw: Raw, ctx: Context) => Promise<void>;

/**
 * The commander program: names, flags and help only. Each command's code is imported
 * when that command runs, so `coach --help` loads none of zod, yaml or inquirer.
 */
export function buildProgram(deps: ProgramDeps): Command {
  const program = new Command("coach")
    .description("Plan, hold and review sales coaching: 1:1s keyed to your sales process, drills, and kept commitments.")
    .version(VERSION, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .option("-w, --workspace <dir>", "workspace folder (default: COACH_WORKSPACE, the nearest coach.yaml, or ~/.local/share/coach)")
    .option("--json", "machine-readable output on stdout")
    .option("--no-color", "no colour (NO_COLOR is honoured too)")
    .option("-q, --quiet", "print only data and errors")
    .configureHelp({ sortSubcommands: true, showGlobalOptions: true })
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => deps.stdout.write(s), writeErr: (s) => deps.stderr.write(s), outputError: () => {} });
  program.addHelpText("after", `\nExamples:\n  $ coach plan alex-kim          plan the next 1:1 with a rep\n  $ coach init ~/coaching         make a workspace to share through git\n\nExit codes: 0 ok, 1 runtime failure, 2 bad input, 130 interrupted.`);

  const act = (load: () => Promise<Runner>, toRaw: (args: unknown[], opts: Raw) => Raw = (_, opts) => opts) =>
    async (...params: unknown[]) => {
      const command = params.at(-1) as Command;
      const ctx = deps.context(command.optsWithGlobals<GlobalOptions>());
      const runner = await load();
      await runner(toRaw(params.slice(0, -2), command.opts()), ctx);
    };
  const writeOptions = (command: Command) =>
    command
      .option("--answers <file>", "answers by question id, for scripts ('-' reads stdin)")
      .option("--date <YYYY-MM-DD>", "back-date the record");
  const example = (command: Command, ...lines: string[]) => command.addHelpText("after", `\nExamples:\n${lines.map((l) => `  $ ${l}`).join("\n")}`);

  example(
    program
      .command("init")
      .argument("[dir]", "folder to make a workspace in", ".")
      .description("create a workspace: coach.yaml, templates/, reps/ (never overwrites)")
      .action(act(async () => (await import("./commands/init.js")).runInit, ([dir], opts) => ({ ...opts, dir }))),
    "coach init ~/coaching",
  );

  const rep = program.command("rep").description("add, list and show reps");
  example(
    rep
      .command("add")
      .argument("<name>", "the rep's full name")
      .option("--role <role>", "role, e.g. 'Account Executive'")
      .option("--style <style>", "behaviour style: driver, expressive, amiable or analytical")
      .option("--goal <goal>", "a goal of the rep's own (repeatable)", (value: string, previous: string[] = []) => [...previous, value])
      .option("--focus <stage>", "the stage to focus coaching on")
      .description("add a rep to the workspace")
      .action(act(async () => (await import("./commands/rep.js")).runRepAdd, ([name], opts) => ({ ...opts, name }))),
    'coach rep add "Alex Kim" --role "Account Executive" --style driver --goal "Make senior AE"',
  );
  example(rep.command("list").description("list the reps").action(act(async () => (await import("./commands/rep.js")).runRepList)), "coach rep list --json");
  example(
    rep
      .command("show")
      .argument("<rep>", "rep id or name")
      .description("show a rep's profile")
      .action(act(async () => (await import("./commands/rep.js")).runRepShow, ([id], opts) => ({ ...opts, rep: id }))),
    "coach rep show alex-kim",
  );

  const templates = program.command("templates").description("list, show and validate question templates");
  example(
    templates
      .command("list")
      .option("--kind <kind>", "plan, session or drill")
      .option("--stage <stage>", "only templates for this stage")
      .description("list built-in and workspace templates")
      .action(act(async () => (await import("./commands/templates.js")).runTemplatesList)),
    "coach templates list --kind session --stage discovery",
  );
  example(
    templates
      .command("show")
      .argument("<id>", "template id")
      .description("show a template's questions or rounds")
      .action(act(async () => (await import("./commands/templates.js")).runTemplatesShow, ([id], opts) => ({ ...opts, id }))),
    "coach templates show session-discovery",
  );
  example(
    templates
      .command("validate")
      .argument("[path...]", "files or folders (default: the workspace's templates/)")
      .description("check templates; each problem is reported as file:line:col")
      .action(act(async () => (await import("./commands/templates.js")).runTemplatesValidate, ([paths], opts) => ({ ...opts, paths }))),
    "coach templates validate templates/session/my-discovery.yaml",
  );

  example(
    writeOptions(
      program
        .command("plan")
        .argument("[rep]", "rep id or name (asked for in a terminal)")
        .option("--stage <stage>", "focus stage (default: the rep's focus, else the weakest or least-coached stage)")
        .option("--template <id>", "plan template to use")
        .option("--resume", "continue the rep's draft plan"),
    )
      .description("plan the next 1:1: focus stage and why, open commitments, questions to ask")
      .action(act(async () => (await import("./commands/plan.js")).runPlan, ([id], opts) => ({ ...opts, rep: id }))),
    "coach plan alex-kim",
    "coach plan alex-kim --stage discovery --answers prep.yaml",
  );

  for (const command of allCommands(program)) {
    command.exitOverride().configureOutput({ writeOut: (s) => deps.stdout.write(s), writeErr: (s) => deps.stderr.write(s), outputError: () => {} });
  }
  return program;
}

function allCommands(command: Command): Command[] {
  return [command, ...command.commands.flatMap(allCommands)];
}
