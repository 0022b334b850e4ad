import { type Answers, type AnswerValue, checkAnswer, isAsked, scaleRange } from "../domain/questions.js";
import type { Question } from "../domain/template.js";
import type { Choice, Prompter } from "./prompter.js";

/**
 * Asks each question whose `when` holds and that has no answer yet, in template order,
 * writing into `answers` as it goes so that an interruption leaves what was answered.
 * The template decides what is asked; the prompter only shows it.
 */
export async function askQuestions(
  questions: Question[],
  prompter: Prompter,
  answers: Answers,
  today: string,
): Promise<Answers> {
  for (const question of questions) {
    if (!isAsked(question, answers) || question.id in answers) continue;
    answers[question.id] = await askOne(question, prompter, today);
  }
  return answers;
}

async function askOne(question: Question, prompter: Prompter, today: string): Promise<AnswerValue> {
  const base = { id: question.id, message: question.prompt, help: question.help };
  const accept = (raw: unknown): true | string => {
    const checked = checkAnswer(question, raw, today);
    return checked.ok ? true : checked.error;
  };
  const settle = (raw: unknown): AnswerValue => {
    const checked = checkAnswer(question, raw, today);
    return checked.ok ? checked.value : null;
  };
  const textDefault = question.default === undefined ? undefined : String(question.default);
  switch (question.type) {
    case "text":
      return settle(await prompter.input({ ...base, default: textDefault, validate: accept }));
    case "editor":
      return settle(await prompter.editor({ ...base, default: textDefault, validate: accept }));
    case "date":
      return settle(
        await prompter.input({
          ...base,
          help: base.help ?? "e.g. 2026-12-01, friday, 2w",
          default: textDefault,
          validate: accept,
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
          default: numberDefault(question),
          min: question.min,
          max: question.max,
          validate: accept,
        }),
      );
    case "confirm":
      return prompter.confirm({
        ...base,
        default: typeof question.default === "boolean" ? question.default : undefined,
      });
    case "choice":
      return prompter.select({ ...base, choices: choicesOf(question), default: textDefault });
    case "multi":
      return settle(
        await prompter.checkbox({
          ...base,
          choices: choicesOf(question),
          default: Array.isArray(question.default) ? question.default : undefined,
          validate: accept,
        }),
      );
    case "scale": {
      const { min, max } = scaleRange(question);
      const choices = Array.from({ length: max - min + 1 }, (_, i) => ({
        value: String(min + i),
        name: scaleLabel(min + i, min, max),
      }));
      return settle(await prompter.select({ ...base, choices, default: textDefault }));
    }
  }
}

function choicesOf(question: Question): Choice[] {
  return (question.choices ?? []).map((c) =>
    typeof c === "string" ? { value: c, name: c } : { value: c.value, name: c.name ?? c.value },
  );
}

function numberDefault(question: Question): number | undefined {
  return typeof question.default === "number" ? question.default : undefined;
}

function scaleLabel(value: number, min: number, max: number): string {
  if (value === min) return `${value} - not yet`;
  if (value === max) return `${value} - a strength`;
  return String(value);
}
