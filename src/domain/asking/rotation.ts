import type { Question, Template } from "../template.js";
import { GROW_STEPS } from "../template-terms.js";

// A template may hold a bank of questions per GROW step (`ask: {reality: 3}`): consecutive
// 1:1s on one stage then ask different ones, so the rep meets fresh questions, not a form.

/**
 * The questions one session asks, in the template's order: in a step with `ask: N`, every
 * required question and N minus those from the step's optional ones, taking first the ones
 * after those asked last time (`lastAsked`: the question ids of the previous session on this
 * template), round the bank. A `when` question comes with the question it depends on.
 */
export function questionsToAsk(
  template: Template,
  lastAsked: readonly string[] = [],
  /** Questions this 1:1 has answered already (a resumed draft): they stay, whatever the turn says. */
  answered: readonly string[] = [],
): Question[] {
  const questions = template.questions ?? [];
  const chosen = new Set<string>(answered);
  for (const question of questions)
    if (!question.when && (!question.grow || !template.ask?.[question.grow])) chosen.add(question.id);
  for (const step of GROW_STEPS) {
    const count = template.ask?.[step];
    if (!count) continue;
    const counted = questions.filter((q) => q.grow === step && !q.when);
    const required = counted.filter((q) => q.required);
    const bank = counted.filter((q) => !q.required);
    for (const q of required) chosen.add(q.id);
    for (const q of inTurn(bank, lastAsked).slice(0, Math.max(0, count - required.length))) chosen.add(q.id);
  }
  // In order, so a chain of `when`s follows its first question (a `when` names an earlier one).
  for (const question of questions) if (question.when && chosen.has(question.when.question)) chosen.add(question.id);
  return questions.filter((q) => chosen.has(q.id));
}

/**
 * The bank starting just after the last question asked from it, round to the start; those
 * asked last time go to the back, so a bank of 2N questions alternates between two sets of N.
 */
function inTurn(bank: Question[], lastAsked: readonly string[]): Question[] {
  const asked = new Set(lastAsked);
  const lastIndex = bank.reduce((last, q, i) => (asked.has(q.id) ? i : last), -1);
  const rotated = [...bank.slice(lastIndex + 1), ...bank.slice(0, lastIndex + 1)];
  return [...rotated.filter((q) => !asked.has(q.id)), ...rotated.filter((q) => asked.has(q.id))];
}
