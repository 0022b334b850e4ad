import type { Command } from "commander";
import type { Context } from "../context.js";

export interface GlobalOptions {
  workspace?: string;
  json?: boolean;
  quiet?: boolean;
  color?: boolean;
}

export type Raw = Record<string, unknown>;
export type Runner = (raw: Raw, ctx: Context) => Promise<void>;

/** What each command group's registration needs from the program. */
export interface Kit {
  /**
   * An action that imports the command's code only when it runs (so `--help` stays
   * fast), hands it the parsed flags and the context, and nothing else.
   */
  act(
    load: () => Promise<Runner>,
    toRaw?: (args: unknown[], opts: Raw) => Raw,
  ): (...params: unknown[]) => Promise<void>;
}

/** `--answers` and `--date`, taken by every command that writes a record. */
export function withWriteOptions(command: Command): Command {
  return command
    .option("--answers <file>", "answers by question id, for scripts ('-' reads stdin)")
    .option("--date <YYYY-MM-DD>", "back-date the record");
}

/** Every command's help ends with examples. */
export function withExamples(command: Command, ...lines: string[]): Command {
  return command.addHelpText("after", `\nExamples:\n${lines.map((line) => `  $ ${line}`).join("\n")}`);
}

/** Collects a repeatable option into a list. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
