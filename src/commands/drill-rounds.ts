import type { Context } from "../context.js";
import { type GivenRound, givenForRep, missingRounds, type RepRoundAnswer, roundId } from "../domain/drill-answers.js";
import type { PendingRound } from "../domain/drill-record.js";
import type { RoundResult } from "../domain/record.js";
import type { Rep } from "../domain/rep.js";
import type { Round } from "../domain/template.js";
import { InterruptedError } from "../errors.js";
import { roundIntro, rubric, SCORE_CHOICES, turnHeader } from "../ui/drill-view.js";
import { PromptCancelled, type Prompter } from "../ui/prompter.js";
import { missingAnswersError } from "./interview.js";

/** Each rep's results, in round order. */
export type ResultsByRep = Map<string, RoundResult[]>;

export interface RoundFlowOptions {
  /** The drill being played, named in a missing-answers error. */
  templateId: string;
  rounds: Round[];
  reps: Rep[];
  /** Rounds from an answers file, by position. */
  given: GivenRound[];
  ctx: Context;
  /** Saves each rep's rounds done so far as drafts, synchronously (the process may be going down). */
  saveDrafts(results: ResultsByRep, pending: Map<string, PendingRound>): string[];
  prompter?: Prompter;
}

/** Typed at the response prompt to write the response in $EDITOR instead. */
export const EDITOR_ESCAPE = "e";

/**
 * Plays the rounds: from the answers file where it has them, else from the person at
 * the terminal (scenario, timer, responses, rubric, scores per rep, notes). Without a
 * terminal, any round left unscored is an exit-2 error naming every such round.
 */
export async function playRounds(options: RoundFlowOptions): Promise<ResultsByRep> {
  const { rounds, reps, given, ctx } = options;
  if (!ctx.interactive) {
    const missing = missingRounds(
      rounds,
      given,
      reps.map((r) => r.id),
    );
    if (missing.length) {
      // The drill was chosen by the schedule: tell a script which one, so it can pin it with --template.
      const error = missingAnswersError(missing);
      Object.assign(error.details, { template: options.templateId });
      throw error;
    }
    return new Map(
      reps.map((rep) => [rep.id, rounds.map((round, index) => resultOf(round, givenForRep(given[index], rep.id)))]),
    );
  }
  const prompter = options.prompter ?? (await ctx.prompter());
  const results: ResultsByRep = new Map(reps.map((rep) => [rep.id, []]));
  const pending = new Map<string, PendingRound>();
  let typing: { rep: string; round: number } | undefined;
  try {
    for (const [index, round] of rounds.entries()) {
      const known = reps.map((rep) => givenForRep(given[index], rep.id));
      if (known.every((k) => k.score !== undefined)) {
        for (const [i, rep] of reps.entries()) results.get(rep.id)!.push(resultOf(round, known[i]!));
        ctx.out.info(`Round ${index + 1}: scored from the answers file.`);
        continue;
      }
      ctx.out.screen(roundIntro(ctx.out.style, round, index, rounds.length));
      for (const [i, rep] of reps.entries()) {
        if (known[i]!.score !== undefined || known[i]!.response !== undefined) continue;
        const suffix = reps.length > 1 ? `-${rep.id}` : "";
        if (reps.length > 1) ctx.out.screen(turnHeader(ctx.out.style, rep.name));
        if (round.timebox && prompter.countdown)
          await prompter.countdown({
            id: `${roundId(index)}-timer${suffix}`,
            message: round.prompt,
            seconds: round.timebox,
          });
        typing = { rep: rep.id, round: index + 1 };
        known[i]!.response = await askResponse(prompter, `${roundId(index)}-response${suffix}`, rep.name);
        typing = undefined;
        pending.set(rep.id, { round: index + 1, response: known[i]!.response! });
      }
      ctx.out.screen(rubric(ctx.out.style, round));
      for (const [i, rep] of reps.entries()) {
        const answer = known[i]!;
        const suffix = reps.length > 1 ? `-${rep.id}` : "";
        const whose = reps.length > 1 ? ` for ${rep.name}` : "";
        if (answer.score === undefined) {
          answer.score = Number(
            await prompter.select({
              id: `${roundId(index)}-score${suffix}`,
              message: `Score${whose}, against what to look for:`,
              choices: SCORE_CHOICES,
            }),
          );
          answer.notes ??= await prompter.input({
            id: `${roundId(index)}-notes${suffix}`,
            message: `Notes${whose} (optional):`,
            default: "",
          });
        }
        results.get(rep.id)!.push(resultOf(round, answer));
        pending.delete(rep.id);
      }
    }
    return results;
  } catch (error) {
    if (!(error instanceof PromptCancelled)) throw error;
    const halfTyped = prompter.pendingText?.();
    if (typing && halfTyped) pending.set(typing.rep, { round: typing.round, response: halfTyped });
    const paths = options.saveDrafts(results, pending);
    throw new InterruptedError(
      paths.length
        ? `interrupted: the rounds done so far are saved as draft ${paths.length > 1 ? "records" : "record"} ${paths.join(", ")}; drafts do not count in the schedule, so run the drill again to score it`
        : "interrupted before anything was answered; nothing was saved",
    );
  }
}

async function askResponse(prompter: Prompter, id: string, name: string): Promise<string> {
  const typed = await prompter.input({
    id,
    message: `What did ${name} say? (a short summary, or '${EDITOR_ESCAPE}' to write it in $EDITOR)`,
    default: "",
  });
  if (typed.trim() !== EDITOR_ESCAPE) return typed;
  // An editor leaves a final newline that nobody typed on purpose.
  const written = await prompter.editor({ id: `${id}-editor`, message: `${name}'s response`, default: "" });
  return written.replace(/\r?\n+$/, "");
}

function resultOf(round: Round, answer: RepRoundAnswer): RoundResult {
  return {
    prompt: round.prompt,
    response: answer.response ?? "",
    score: answer.score!,
    notes: answer.notes ?? "",
    skill: round.skill,
  };
}
