import type { Command } from "commander";
import type { Context } from "../context.js";
import { ARGUMENT_NAMES, type RawOptions } from "./options.js";

/** A command's run function: the flags and arguments as commander parsed them, and the context. */
export type Run = (raw: RawOptions, ctx: Context) => Promise<void>;

/**
 * Turns a run function into a commander action. `argumentKeys` names, in order, the option
 * each positional argument becomes (`["rep", "text"]`), so the schema checks them with the
 * flags, and an error about one names it as the usage does (`<text>`), not as a flag.
 */
export type Act = (run: Run, argumentKeys?: string[]) => (...params: unknown[]) => Promise<void>;

/** Adds a command's arguments, options, examples and action to a Command that has its name and description. */
export type Define = (command: Command, act: Act) => Command;

/** `--answers` and `--date`, taken by every command that writes a record. */
export function withWriteOptions(command: Command): Command {
  return command
    .option("--answers <file>", "answers by question id, for scripts ('-' reads stdin)")
    .option("--date <when>", "back-date the record: YYYY-MM-DD, yesterday, friday (the last one), 3d");
}

/** Every command's help ends with examples. */
export function withExamples(command: Command, ...lines: string[]): Command {
  return command.addHelpText("after", `\nExamples:\n${lines.map((line) => `  $ ${line}`).join("\n")}`);
}

/**
 * `--x <value>` and `--no-x` set one value in commander, so the one typed last would win
 * without a word: a command line giving both is refused as a usage error, in either order.
 */
export function refuseWithNegation(command: Command, name: string): Command {
  const typed = new Set<string>();
  const note = (flag: string) => () => {
    typed.add(flag);
    const { flags } = command.options.find((option) => option.long === `--${name}`)!;
    if (typed.size === 2)
      command.error(`${flags} and --no-${name} cannot be used together; give one of them`, {
        code: "commander.conflictingOption",
        exitCode: 2,
      });
  };
  return command.on(`option:${name}`, note(name)).on(`option:no-${name}`, note(`no-${name}`));
}

/** Collects a repeatable option into a list. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** The raw input of a run: commander's options, each argument under its key, and how the usage names them. */
export function rawInput(command: Command, args: unknown[], argumentKeys: string[]): RawOptions {
  const raw: RawOptions = { ...command.opts() };
  const names: Record<string, string> = {};
  argumentKeys.forEach((key, index) => {
    raw[key] = args[index];
    const argument = command.registeredArguments[index];
    if (argument) names[key] = `<${argument.name()}>`;
  });
  raw[ARGUMENT_NAMES] = names;
  return raw;
}
