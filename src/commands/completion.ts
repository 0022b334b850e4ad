import { type Command, Option } from "commander";
import * as z from "zod/mini";
import { buildProgram, COMMANDS } from "../cli.js";
import type { Context } from "../context.js";
import {
  bashScript,
  type CommandSpec,
  type Completes,
  fishScript,
  SHELLS,
  VALUE_KINDS,
  type ValueKind,
} from "../domain/completion.js";
import { allSkills } from "../domain/config.js";
import { openActions } from "../domain/history.js";
import { BEHAVIOUR_STYLES } from "../domain/rep.js";
import { badInput } from "../errors.js";
import { listDealPaths } from "../store/deals.js";
import { readRecords } from "../store/records.js";
import { loadAllReps } from "../store/reps.js";
import { loadTemplates } from "../store/templates.js";
import { workspaceOf } from "../store/workspace.js";
import { type Act, withExamples } from "./define.js";
import { parseOptions } from "./options.js";

const completionOptionsSchema = z.object({
  shell: z.optional(z.enum(SHELLS, { error: `expected ${SHELLS.join(", ")}` })),
  list: z.optional(z.enum(VALUE_KINDS, { error: `expected ${VALUE_KINDS.join(", ")}` })),
});

/** `coach completion bash|zsh|fish` prints the script; `--list KIND` is what the script asks when Tab is pressed. */
export async function runCompletion(raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const options = parseOptions(completionOptionsSchema, raw);
  if (options.list) {
    const ids = await listIds(options.list, ctx);
    if (ids.length) ctx.out.data(ids.join("\n"));
    return;
  }
  if (!options.shell)
    throw badInput("invalid_option", "name a shell: bash, zsh or fish", "e.g. `coach completion bash`");
  const commands = commandSpecs(await programTree());
  ctx.out.data(options.shell === "fish" ? fishScript(commands) : bashScript(commands, options.shell === "zsh"));
}

/** The workspace's ids of one kind, one a line; nothing (never an error) where there is no workspace. */
async function listIds(kind: ValueKind, ctx: Context): Promise<string[]> {
  const workspace = await workspaceOf(ctx);
  const root = workspace.root;
  switch (kind) {
    case "rep":
      return (await loadAllReps(root, () => {})).filter((rep) => !rep.archived).map((rep) => rep.id);
    case "template":
      return (await loadTemplates(root, workspace.config)).map((t) => t.template.id);
    case "stage":
      return workspace.config.stages.map((s) => s.id);
    case "skill":
      return allSkills(workspace.config);
    case "action":
      return openActions((await readRecords(root)).records, ctx.today).map((t) => t.action.id);
    case "deal":
      return listDealPaths(root).map((deal) => deal.id);
  }
}

/** Every command defined in full (a run defines only its own), with sinks that discard: only names, flags and arguments are read. */
async function programTree(): Promise<Command> {
  const discard = { write: () => true };
  const program = await buildProgram([], {
    stdout: discard,
    stderr: discard,
    context: () => {
      throw new Error("the completion tree never runs a command");
    },
  });
  const neverRuns: Act = () => async () => {};
  for (const entry of COMMANDS) {
    const command = program.commands.find((c) => c.name() === entry.name);
    if (command) (await entry.define())(command, neverRuns);
  }
  return program;
}

const FIXED_WORDS: Record<string, string[]> = {
  owner: ["rep", "manager"],
  style: [...BEHAVIOUR_STYLES],
  kind: ["plan", "session", "drill"],
};
const FORMATS: Record<string, string[]> = {
  review: ["text", "md", "html", "json", "csv"],
  actions: ["text", "csv"],
};

/** What an option's value completes to, by the option's name. */
function optionValue(option: Option, path: string[]): Completes | "free" | null {
  if (!option.required && !option.optional) return null;
  const name = option.attributeName();
  if (name === "stage" || name === "focus") return { ids: "stage" };
  if (name === "template") return { ids: "template" };
  if (name === "skill") return { ids: "skill" };
  if (name === "deal") return { ids: "deal" };
  if (name === "plan") return { words: ["latest"] };
  if (name === "out" || name === "answers") return { files: "file" };
  if (name === "workspace") return { files: "dir" };
  if (name === "format") return { words: FORMATS[path.join(" ")] ?? ["text", "md", "json"] };
  if (name === "shell") return { words: [...SHELLS] };
  return FIXED_WORDS[name] ? { words: FIXED_WORDS[name] } : "free";
}

/** An argument completes by its name: `<rep>`, `[rep...]`, `<action-id>`, a template's `<id>`, a `[dir]`. */
function argumentValue(name: string, path: string[]): Completes {
  if (name === "rep") return { ids: "rep" };
  if (name === "action-id") return { ids: "action" };
  if (name === "deal") return { ids: "deal" };
  if (name === "shell") return { words: [...SHELLS] };
  if (name === "id" && path[0] === "templates") return { ids: "template" };
  if (name === "dir") return { files: "dir" };
  if (name === "path") return { files: "file" };
  return null;
}

function commandSpecs(command: Command, path: string[] = []): CommandSpec[] {
  const visible = command.commands.filter((c) => !(c as unknown as { _hidden?: boolean })._hidden);
  const options = command.options
    .filter((o) => !o.hidden)
    .map((o) => ({
      flags: [o.short, o.long].filter((f): f is string => Boolean(f)),
      description: o.description,
      value: optionValue(o, path),
    }));
  if (path.length === 0) options.push({ flags: ["-h", "--help"], description: "show help", value: null });
  const spec: CommandSpec = {
    path,
    description: command.description(),
    subcommands: visible.map((c) => c.name()),
    options,
    args: command.registeredArguments.map((a) => ({ completes: argumentValue(a.name(), path), many: a.variadic })),
  };
  return [spec, ...visible.flatMap((c) => commandSpecs(c, [...path, c.name()]))];
}

export function defineCompletion(command: Command, act: Act): Command {
  return withExamples(
    command
      .argument("[shell]", "bash, zsh or fish")
      // What the printed script asks when Tab is pressed; not for people.
      .addOption(new Option("--list <kind>", "ids of one kind, one a line").hideHelp())
      .action(act(runCompletion, ["shell"])),
    "coach completion bash > ~/.local/share/bash-completion/completions/coach",
    "source <(coach completion zsh)",
    "coach completion fish > ~/.config/fish/completions/coach.fish",
  );
}
