import { type CountdownResult, terminalCountdown } from "./countdown.js";
import type {
  CheckboxPrompt,
  ConfirmPrompt,
  CountdownPrompt,
  InputPrompt,
  NumberPrompt,
  Prompter,
  SelectPrompt,
} from "./prompter.js";
import { PromptCancelled } from "./prompter.js";
import { wrap } from "./wrap.js";

type Inquirer = typeof import("@inquirer/prompts");

/** Loads inquirer only when the first prompt is shown: it costs ~70 ms to import. */
export async function createInquirerPrompter(): Promise<Prompter> {
  return new InquirerPrompter(await import("@inquirer/prompts"));
}

class InquirerPrompter implements Prompter {
  private pending: string | undefined;

  constructor(private readonly inquirer: Inquirer) {}

  pendingText(): string | undefined {
    return this.pending?.trim() ? this.pending : undefined;
  }

  input(prompt: InputPrompt): Promise<string> {
    return this.ask(() =>
      this.inquirer.input({
        message: withHelp(prompt),
        default: prompt.default,
        // A default (text half-typed before Ctrl-C, a due date kept) is in the line, ready to edit.
        ...(prompt.default ? { prefill: "editable" as const } : {}),
        validate: prompt.validate,
        // Runs on every keystroke: keeps the half-typed answer so Ctrl-C can save it.
        transformer: (value, { isFinal }) => {
          this.pending = isFinal ? undefined : value;
          const meaning = value.trim() ? prompt.meaning?.(value) : undefined;
          return meaning && meaning !== value.trim() ? `${value} (${meaning})` : value;
        },
      }),
    );
  }

  async editor(prompt: InputPrompt): Promise<string> {
    const written = await this.ask(() =>
      this.inquirer.editor({
        message: withHelp(prompt),
        default: prompt.default,
        validate: prompt.validate,
        waitForUserInput: false,
      }),
    );
    // The editor's screen is gone once it closes: show what came back, so the 1:1 goes on from it.
    const shown = written.replace(/\r?\n+$/, "");
    if (shown) process.stderr.write(`${shown.replace(/^/gm, "  │ ")}\n`);
    return written;
  }

  select(prompt: SelectPrompt): Promise<string> {
    return this.ask(() =>
      this.inquirer.select({
        message: withHelp(prompt),
        choices: prompt.choices,
        default: prompt.default,
        loop: false,
      }),
    );
  }

  checkbox(prompt: CheckboxPrompt): Promise<string[]> {
    const choices = prompt.choices.map((c) => ({ ...c, checked: prompt.default?.includes(c.value) ?? false }));
    return this.ask(() =>
      this.inquirer.checkbox({
        message: withHelp(prompt),
        choices,
        validate: prompt.validate ? (items) => prompt.validate!(items.map((i) => i.value)) : undefined,
        loop: false,
      }),
    );
  }

  confirm(prompt: ConfirmPrompt): Promise<boolean> {
    return this.ask(() => this.inquirer.confirm({ message: withHelp(prompt), default: prompt.default }));
  }

  async number(prompt: NumberPrompt): Promise<number> {
    const value = await this.ask(() =>
      this.inquirer.number({
        message: withHelp(prompt),
        default: prompt.default,
        min: prompt.min,
        max: prompt.max,
        required: true,
        validate: prompt.validate ? (n) => (n === undefined ? "enter a number" : prompt.validate!(n)) : undefined,
      }),
    );
    return value as number;
  }

  /** Drawn on stderr, so a timer never mixes into data on stdout. */
  countdown(prompt: CountdownPrompt): Promise<CountdownResult> {
    return terminalCountdown(prompt.seconds, process.stdin, process.stderr);
  }

  private async ask<T>(show: () => Promise<T>): Promise<T> {
    this.pending = undefined;
    try {
      const answer = await show();
      this.pending = undefined;
      return answer;
    } catch (error) {
      if (error instanceof Error && error.name === "ExitPromptError") throw new PromptCancelled();
      throw error;
    }
  }
}

/**
 * The question and its help, wrapped at word boundaries to the terminal: inquirer itself
 * breaks a long line wherever the terminal ends, mid-word. The first line leaves room for
 * inquirer's "? " in front of it.
 */
export function withHelp(prompt: { message: string; help?: string }, columns = process.stdout.columns): string {
  const width = columns && columns > 20 ? columns - 1 : 79;
  const lines = prompt.message.split("\n").map((line, i) => wrap(line, i === 0 ? width - 2 : width));
  if (prompt.help) lines.push(wrap(`(${prompt.help})`, width, "  "));
  return lines.join("\n");
}
