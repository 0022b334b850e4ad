import type { CountdownResult } from "./countdown.js";

/** A choice as the prompter shows it: `value` is recorded, `name` is displayed. */
export interface Choice {
  value: string;
  name: string;
}

interface PromptBase {
  /** The question id: scripted answers are looked up by it. */
  id: string;
  message: string;
  help?: string;
}

export type Validate<T> = (value: T) => true | string;

export interface InputPrompt extends PromptBase {
  default?: string;
  validate?: Validate<string>;
  /** What the typed text means, shown beside it (`friday` -> `2026-12-04`); undefined shows nothing. */
  meaning?: (typed: string) => string | undefined;
}
export interface SelectPrompt extends PromptBase {
  choices: Choice[];
  default?: string;
}
export interface CheckboxPrompt extends PromptBase {
  choices: Choice[];
  default?: string[];
  validate?: Validate<string[]>;
}
export interface ConfirmPrompt extends PromptBase {
  default?: boolean;
}
export interface NumberPrompt extends PromptBase {
  default?: number;
  min?: number;
  max?: number;
  validate?: Validate<number>;
}

export interface CountdownPrompt extends PromptBase {
  /** The timebox in seconds. */
  seconds: number;
}

/**
 * What commands need from a prompt library. The inquirer implementation is used in a
 * terminal; tests and `--answers` use the scripted one, which answers by id and runs
 * the same validators.
 */
export interface Prompter {
  input(prompt: InputPrompt): Promise<string>;
  editor(prompt: InputPrompt): Promise<string>;
  select(prompt: SelectPrompt): Promise<string>;
  checkbox(prompt: CheckboxPrompt): Promise<string[]>;
  confirm(prompt: ConfirmPrompt): Promise<boolean>;
  number(prompt: NumberPrompt): Promise<number>;
  /**
   * A visible timer for a timeboxed answer (drills): Enter starts it, Enter or zero stops
   * it. Only a terminal has one; without it nothing waits.
   */
  countdown?(prompt: CountdownPrompt): Promise<CountdownResult>;
  /** Text typed into the prompt that is open now, not yet submitted (saved in drafts). */
  pendingText?(): string | undefined;
}

/** The user pressed Ctrl-C at a prompt. */
export class PromptCancelled extends Error {
  constructor() {
    super("cancelled at a prompt");
    this.name = "PromptCancelled";
  }
}
