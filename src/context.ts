import type { Output } from "./ui/output.js";
import type { Prompter } from "./ui/prompter.js";

/** What every command gets besides its own options: no globals, so tests can fake all of it. */
export interface Context {
  out: Output;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** What "today" is (YYYY-MM-DD): COACH_TODAY or the local date. */
  today: string;
  /** `--workspace`, if given. */
  workspaceFlag: string | undefined;
  /** Prompts can be shown: stdin and stdout are a terminal, or a test supplied a prompter. */
  interactive: boolean;
  prompter(): Promise<Prompter>;
  /** All of stdin, or undefined as soon as more than `maxBytes` arrive (the rest is left unread). */
  readStdin(maxBytes: number): Promise<Uint8Array | undefined>;
}
