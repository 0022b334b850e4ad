import type { AnswerValue } from "./questions.js";
import type { Answer } from "./record.js";

/** One line of Markdown from any text: newlines folded, so a list item stays one line. */
export function inline(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, " ").trim();
}

/** An answer as readable Markdown: lists as bullets, long text as a block quote. */
export function renderAnswerValue(value: AnswerValue): string {
  if (value === null) return "_(skipped)_";
  if (value === "") return "_(no answer)_";
  if (Array.isArray(value)) return value.length ? value.map((item) => `- ${inline(item)}`).join("\n") : "_(none)_";
  if (typeof value === "boolean") return value ? "yes" : "no";
  // An editor leaves a final newline nobody typed: no empty `>` line for it.
  return String(value)
    .replace(/(?:\r?\n)+$/, "")
    .split(/\r?\n/)
    .map((line) => `> ${line}`.trimEnd())
    .join("\n");
}

export function renderAnswers(answers: Answer[]): string {
  return answers.map((a) => `**${inline(a.prompt)}**\n\n${renderAnswerValue(a.answer)}`).join("\n\n");
}
