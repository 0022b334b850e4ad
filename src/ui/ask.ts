import { answerAt, pathLabel, promptIdOf, type QuestionSpec } from "../domain/asking/spec.js";
import {
  type AnswerValue,
  checkAnswer,
  defaultAnswer,
  describeQuestion,
  type MissingQuestion,
  scaleRange,
} from "../domain/questions.js";
import { parseDue } from "../domain/when.js";
import { badInput } from "../errors.js";
import type { Choice, Prompter } from "./prompter.js";

/** Where answers come from: an answers file (or nothing), and a person at a terminal (or nobody). */
export interface AnswerSources {
  /** The parsed `--answers` file. */
  file?: unknown;
  /** Its name in messages (`answers.yaml`, `<stdin>`). */
  source?: string;
  /** The day relative dates are read from (`friday` is the Friday after it). */
  today: string;
  /** The person at a terminal, loaded on the first question put to them (inquirer costs ~70 ms). */
  person?: () => Promise<Prompter>;
}

/** The half-typed text of the question open when Ctrl-C came. */
export interface PendingAsk {
  spec: QuestionSpec;
  text: string;
}

/**
 * Asks one question spec at a time. The answers file answers what it has, checked by the
 * same validator a person's answer is; a person at a terminal answers the rest; without
 * one, a default is taken, and a question with neither is noted as missing and the run
 * goes on, so that `finish()` reports every missing answer in one error.
 */
export class Asker {
  readonly missing: MissingQuestion[] = [];
  private open: QuestionSpec | undefined;
  private prompter: Prompter | undefined;

  constructor(private readonly sources: AnswerSources) {}

  /** The day relative dates in answers are read from. */
  get today(): string {
    return this.sources.today;
  }

  /** Somebody is at a terminal to answer what the file leaves out. */
  get hasPerson(): boolean {
    return this.sources.person !== undefined;
  }

  /** The person's prompter (for a drill's timer); only when `hasPerson`. */
  async personPrompter(): Promise<Prompter> {
    this.prompter ??= await this.sources.person!();
    return this.prompter;
  }

  /** The checked answer the file gives, without asking anybody; `undefined` if it gives none. */
  given(spec: QuestionSpec): { value: AnswerValue } | undefined {
    const found = answerAt(this.sources.file, spec);
    if (!found) return undefined;
    const checked = checkAnswer(spec, found.raw, this.sources.today);
    if (!checked.ok)
      throw badInput(
        "invalid_answer",
        `${this.sources.source ?? "answers"}: ${pathLabel(spec)}: ${checked.error}`,
        "fix the answer and run again",
      );
    return { value: checked.value };
  }

  /** The answer: from the file, else the person, else the default; `undefined` when missing. */
  async ask(spec: QuestionSpec): Promise<AnswerValue | undefined> {
    const fromFile = this.given(spec);
    if (fromFile) return fromFile.value;
    if (this.hasPerson && !spec.fileOnly) return this.askPerson(spec);
    if (spec.presence) return false;
    const fallback = defaultAnswer(spec);
    if (fallback !== undefined) {
      const checked = checkAnswer(spec, fallback, this.sources.today);
      return checked.ok ? checked.value : null;
    }
    this.noteMissing(spec);
    return undefined;
  }

  /** Shows the spec to the person, whatever the file says (a follow-on prompt such as $EDITOR). */
  async askPerson(spec: QuestionSpec): Promise<AnswerValue> {
    const prompter = await this.personPrompter();
    this.open = spec;
    const answer = await showToPerson(spec, prompter, this.sources.today);
    this.open = undefined;
    return answer;
  }

  /** What was typed into the open prompt, for a draft saved on Ctrl-C. */
  pending(): PendingAsk | undefined {
    const text = this.prompter?.pendingText?.();
    return this.open && text ? { spec: this.open, text } : undefined;
  }

  /** One exit-2 error naming every missing answer, if any; `details` adds to its `--json` fields. */
  finish(details: Record<string, unknown> = {}): void {
    if (!this.missing.length) return;
    const error = missingAnswersError(this.missing);
    Object.assign(error.details, details);
    throw error;
  }

  private noteMissing(spec: QuestionSpec): void {
    const same = this.missing.find((m) => m.id === spec.id && m.key === spec.key);
    if (same && spec.rep) {
      same.reps = [...(same.reps ?? []), spec.rep];
      return;
    }
    if (same) return;
    this.missing.push({ ...describeQuestion(spec), ...(spec.rep ? { reps: [spec.rep] } : {}) });
  }
}

export function missingAnswersError(missing: MissingQuestion[]) {
  return badInput(
    "missing_answers",
    `missing answers: ${missing.map((m) => m.id).join(", ")}`,
    "answer them in a terminal, or give them with --answers FILE",
    { missing },
  );
}

/** Renders a spec with the prompt that fits its type; the answer is checked as a file's would be. */
async function showToPerson(spec: QuestionSpec, prompter: Prompter, today: string): Promise<AnswerValue> {
  const skippable = spec.skippable === true;
  const typedSkip = skippable && ["text", "editor", "date", "list"].includes(spec.type);
  const help = typedSkip ? withSkipHelp(spec) : spec.help;
  const base = { id: promptIdOf(spec), message: spec.prompt, help };
  const accept = (raw: unknown): true | string => {
    if (skippable && isSkip(raw)) return true;
    const checked = checkAnswer(spec, raw, today);
    return checked.ok ? true : checked.error;
  };
  const settle = (raw: unknown): AnswerValue => {
    if (skippable && isSkip(raw)) return null;
    const checked = checkAnswer(spec, raw, today);
    return checked.ok ? checked.value : null;
  };
  const textDefault = spec.default === undefined || spec.default === null ? undefined : String(spec.default);
  switch (spec.type) {
    case "text":
      return settle(await prompter.input({ ...base, default: textDefault, validate: accept }));
    case "editor":
      return settle(await inlineOrEditor(base, prompter, textDefault, accept));
    case "date":
      return settle(
        await prompter.input({
          ...base,
          help: base.help ?? "e.g. 2026-12-01, friday, 2w",
          default: textDefault,
          validate: accept,
          meaning: (typed) => parseDue(typed, today),
        }),
      );
    case "list":
      return settle(
        await prompter.input({
          ...base,
          help: base.help ?? "separate items with ';'",
          default: textDefault,
          validate: accept,
        }),
      );
    case "number":
      return settle(
        await prompter.number({
          ...base,
          default: typeof spec.default === "number" ? spec.default : undefined,
          min: spec.min,
          max: spec.max,
          validate: accept,
        }),
      );
    case "confirm":
      return prompter.confirm({ ...base, default: typeof spec.default === "boolean" ? spec.default : undefined });
    case "choice":
      return prompter.select({ ...base, choices: choicesOf(spec), default: textDefault });
    case "multi":
      return settle(
        await prompter.checkbox({
          ...base,
          choices: choicesOf(spec),
          default: Array.isArray(spec.default) ? spec.default : undefined,
          validate: accept,
        }),
      );
    case "scale": {
      const { min, max } = scaleRange(spec);
      const choices = spec.choices
        ? choicesOf(spec)
        : Array.from({ length: max - min + 1 }, (_, i) => ({
            value: String(min + i),
            name: scaleLabel(min + i, min, max, spec.anchors),
          }));
      const skip = skippable ? [{ value: SKIP, name: "skip it (recorded as skipped)" }] : [];
      return settle(await prompter.select({ ...base, choices: [...choices, ...skip], default: textDefault }));
    }
  }
}

/** Typed alone at a required question (or chosen at a rating), skips it: the record says skipped. */
export const SKIP = "-";

function isSkip(raw: unknown): boolean {
  return typeof raw === "string" && raw.trim() === SKIP;
}

function withSkipHelp(spec: QuestionSpec): string {
  const skip = `'${SKIP}' skips it`;
  if (!spec.help) return skip;
  // A help text that is a sentence of its own gets the hint as another sentence, not ".;".
  return /[.!?]$/.test(spec.help) ? `${spec.help} ${skip}.` : `${spec.help}; ${skip}`;
}

/** Typed alone as an answer, opens the editor instead. */
export const EDITOR_ESCAPE = "e";

/**
 * A long answer is typed inline by default: an editor taking over the screen mid-1:1 (vi,
 * with no $EDITOR) traps a manager who did not ask for it. `e` opens it on purpose; the
 * question stays on screen above the prompt.
 */
async function inlineOrEditor(
  base: { id: string; message: string; help?: string },
  prompter: Prompter,
  textDefault: string | undefined,
  accept: (raw: unknown) => true | string,
): Promise<string> {
  const help = base.help
    ? `${base.help}; or '${EDITOR_ESCAPE}' to write it in $EDITOR`
    : `type the answer, or '${EDITOR_ESCAPE}' and Enter to write it in $EDITOR`;
  const typed = await prompter.input({ ...base, help, default: textDefault, validate: accept });
  if (typed.trim() !== EDITOR_ESCAPE) return typed;
  const written = await prompter.editor({ ...base, id: `${base.id}-editor`, default: textDefault, validate: accept });
  // An editor leaves a final newline that nobody typed on purpose.
  return written.replace(/\r?\n+$/, "");
}

function choicesOf(spec: QuestionSpec): Choice[] {
  return (spec.choices ?? []).map((c) =>
    typeof c === "string" ? { value: c, name: c } : { value: c.value, name: c.name ?? c.value },
  );
}

/** A rating's anchors (what a 1, a 3 and a 5 look like) say more than "not yet" and "a strength". */
function scaleLabel(value: number, min: number, max: number, anchors?: QuestionSpec["anchors"]): string {
  const anchor = anchors?.[value as 1 | 3 | 5];
  if (anchor) return `${value} - ${anchor}`;
  if (value === min) return `${value} - not yet`;
  if (value === max) return `${value} - a strength`;
  return String(value);
}
