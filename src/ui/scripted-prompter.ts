import { badInput } from "../errors.js";
import type { CountdownResult } from "./countdown.js";
import type {
  CheckboxPrompt,
  ConfirmPrompt,
  CountdownPrompt,
  InputPrompt,
  NumberPrompt,
  Prompter,
  SelectPrompt,
  Validate,
} from "./prompter.js";

/**
 * A person at a terminal, scripted for tests: answers prompts from a map of prompt id to
 * what they would type. Runs the prompts' own validators, and fails loudly on a prompt
 * nobody scripted rather than inventing an answer. (`--answers` files are read by the
 * `Asker`, which reports what they leave out.)
 */
export class ScriptedPrompter implements Prompter {
  /** Ids asked so far, in order: tests assert on the flow with it. */
  readonly asked: string[] = [];

  constructor(private readonly answers: Record<string, unknown>) {}

  async input(prompt: InputPrompt): Promise<string> {
    const value = this.take(prompt.id, prompt.default);
    if (typeof value !== "string" && typeof value !== "number") throw this.wrongType(prompt.id, "text", value);
    return this.check(prompt.id, String(value), prompt.validate);
  }

  editor(prompt: InputPrompt): Promise<string> {
    return this.input(prompt);
  }

  async select(prompt: SelectPrompt): Promise<string> {
    const value = String(this.take(prompt.id, prompt.default));
    if (!prompt.choices.some((c) => c.value === value)) {
      throw badInput(
        "invalid_answer",
        `answer '${prompt.id}': '${value}' is not one of ${prompt.choices.map((c) => c.value).join(", ")}`,
      );
    }
    return value;
  }

  async checkbox(prompt: CheckboxPrompt): Promise<string[]> {
    const raw = this.take(prompt.id, prompt.default);
    const values = (Array.isArray(raw) ? raw : [raw]).map(String);
    const unknown = values.find((v) => !prompt.choices.some((c) => c.value === v));
    if (unknown !== undefined) {
      throw badInput(
        "invalid_answer",
        `answer '${prompt.id}': '${unknown}' is not one of ${prompt.choices.map((c) => c.value).join(", ")}`,
      );
    }
    return this.check(prompt.id, values, prompt.validate);
  }

  async confirm(prompt: ConfirmPrompt): Promise<boolean> {
    const value = this.take(prompt.id, prompt.default);
    if (typeof value !== "boolean") throw this.wrongType(prompt.id, "true or false", value);
    return value;
  }

  async number(prompt: NumberPrompt): Promise<number> {
    const value = this.take(prompt.id, prompt.default);
    const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
    if (typeof number !== "number" || Number.isNaN(number)) throw this.wrongType(prompt.id, "a number", value);
    return this.check(prompt.id, number, prompt.validate);
  }

  /** A timer that has already run out: scripted runs never wait. Recorded in `asked`. */
  async countdown(prompt: CountdownPrompt): Promise<CountdownResult> {
    this.asked.push(prompt.id);
    return { elapsed: prompt.seconds, stoppedBy: "time" };
  }

  private take(id: string, fallback: unknown): unknown {
    this.asked.push(id);
    const value = Object.hasOwn(this.answers, id) ? this.answers[id] : fallback;
    if (value === undefined || value === null) {
      throw badInput("missing_answers", `missing answers: ${id}`, "script an answer for it", {
        missing: [{ id }],
      });
    }
    return value;
  }

  private check<T>(id: string, value: T, validate?: Validate<T>): T {
    const verdict = validate?.(value) ?? true;
    if (verdict !== true) throw badInput("invalid_answer", `answer '${id}': ${verdict}`);
    return value;
  }

  private wrongType(id: string, expected: string, value: unknown) {
    return badInput("invalid_answer", `answer '${id}': expected ${expected}, got ${JSON.stringify(value)}`);
  }
}
