import type { Context } from "../context.js";
import { type RoundSpecs, roundId, roundSpecs } from "../domain/asking/rounds.js";
import type { PendingRound } from "../domain/drill-record.js";
import type { RoundResult } from "../domain/record.js";
import type { Rep } from "../domain/rep.js";
import { rubricScore } from "../domain/rubric.js";
import type { Round } from "../domain/template.js";
import { InterruptedError } from "../errors.js";
import { type Asker, EDITOR_ESCAPE, type PendingAsk } from "../ui/ask.js";
import { roundIntro, rubric, scoreLine, turnHeader } from "../ui/drill-view.js";
import { nothingSaved, withDraftOnCancel } from "./interview.js";

/** Each rep's results, in round order. */
export type ResultsByRep = Map<string, RoundResult[]>;

export interface RoundFlowOptions {
  /** The drill being played, named in a missing-answers error. */
  templateId: string;
  rounds: Round[];
  reps: Rep[];
  asker: Asker;
  ctx: Pick<Context, "out">;
  /** Saves each rep's rounds done so far as drafts, synchronously (the process may be going down). */
  saveDrafts(results: ResultsByRep, pending: Map<string, PendingRound>): string[];
  /** A resumed draft: the rounds already scored are not played again; a half-typed response is offered back. */
  resumed?: { results: ResultsByRep; pending: Map<string, PendingRound> };
}

/** What is known of one rep's turn at a round. */
interface Turn {
  rep: Rep;
  specs: RoundSpecs;
  response?: string;
  score?: number;
  /** The rubric items ticked, when the score was computed from them. */
  met?: number[];
  notes?: string;
  /** The response typed before an interruption, offered to edit. */
  typedBefore?: string;
}

/**
 * Plays the rounds: from the answers file where it has them, else from the person at
 * the terminal (scenario, timer, responses, rubric, scores per rep, notes). Without a
 * terminal, every round left unscored is named in one missing-answers error.
 */
export async function playRounds(options: RoundFlowOptions): Promise<ResultsByRep> {
  const { rounds, reps, asker } = options;
  const results: ResultsByRep = new Map(reps.map((rep) => [rep.id, [...(options.resumed?.results.get(rep.id) ?? [])]]));
  const pending = new Map<string, PendingRound>(options.resumed?.pending);
  const onCancel = (half: PendingAsk | undefined) => {
    const typed = half?.spec.path[0] === "rounds" && half.spec.id.endsWith("-response") ? half : undefined;
    if (typed) {
      const index = Number(typed.spec.path[1]);
      pending.set(repOf(typed, reps), { round: index + 1, prompt: rounds[index]!.prompt, response: typed.text });
    }
    const paths = options.saveDrafts(results, pending);
    return new InterruptedError(
      paths.length
        ? `interrupted: the rounds done so far are saved as draft ${paths.length > 1 ? "records" : "record"} ${paths.join(", ")}; drafts do not count in the schedule; continue with \`coach drill ${reps[0]!.id} --resume\``
        : nothingSaved().message,
    );
  };
  await withDraftOnCancel(asker, onCancel, async () => {
    for (const [index, round] of rounds.entries()) {
      // A round a resumed draft scored already is not played again.
      const toPlay = reps.filter((rep) => results.get(rep.id)!.length <= index);
      if (!toPlay.length) continue;
      const turns = toPlay.map((rep): Turn => {
        const specs = roundSpecs(round, index, rep.id, rep.name, reps.length > 1);
        const known = (spec: keyof RoundSpecs) => asker.given(specs[spec])?.value ?? undefined;
        const met = metIndexes(known("met"));
        return {
          rep,
          specs,
          response: known("response") as string | undefined,
          score: met ? rubricScore(round.look_for, met) : (known("score") as number | undefined),
          met,
          notes: known("notes") as string | undefined,
          typedBefore: pending.get(rep.id)?.round === index + 1 ? pending.get(rep.id)!.response : undefined,
        };
      });
      if (asker.hasPerson && turns.every((t) => t.score !== undefined))
        options.ctx.out.info(`Round ${index + 1}: scored from the answers file.`);
      else if (asker.hasPerson) await playAtTerminal(options, round, index, turns, pending);
      for (const turn of turns) {
        turn.score ??= (await asker.ask(turn.specs.score)) as number | undefined;
        if (turn.score === undefined) continue;
        results.get(turn.rep.id)!.push(resultOf(round, turn));
        pending.delete(turn.rep.id);
      }
    }
  });
  asker.finish({ template: options.templateId });
  return results;
}

/** A round with the person: the scenario, each rep's turn (timer, response), the rubric, the scores. */
async function playAtTerminal(
  options: RoundFlowOptions,
  round: Round,
  index: number,
  turns: Turn[],
  pending: Map<string, PendingRound>,
): Promise<void> {
  const { asker, ctx, rounds } = options;
  const clinic = turns.length > 1;
  const prompter = await asker.personPrompter();
  ctx.out.screen(roundIntro(ctx.out.style, round, index, rounds.length, ctx.out.columns));
  for (const turn of turns) {
    if (turn.score !== undefined || turn.response !== undefined) continue;
    if (clinic) ctx.out.screen(turnHeader(ctx.out.style, turn.rep.name));
    const suffix = clinic ? `-${turn.rep.id}` : "";
    if (round.timebox && prompter.countdown)
      await prompter.countdown({
        id: `${roundId(index)}-timer${suffix}`,
        message: round.prompt,
        seconds: round.timebox,
      });
    turn.response = await askResponse(asker, turn);
    pending.set(turn.rep.id, { round: index + 1, prompt: round.prompt, response: turn.response });
  }
  ctx.out.screen(rubric(ctx.out.style, round, ctx.out.columns));
  for (const turn of turns) {
    if (turn.score !== undefined) continue;
    turn.met = metIndexes(await asker.askPerson(turn.specs.met)) ?? [];
    turn.score = rubricScore(round.look_for, turn.met);
    ctx.out.screen(
      scoreLine(
        ctx.out.style,
        round,
        { met: turn.met, score: turn.score, ...(clinic ? { name: turn.rep.name } : {}) },
        ctx.out.columns,
      ),
    );
    turn.notes ??= (await asker.ask(turn.specs.notes)) as string;
  }
}

async function askResponse(asker: Asker, turn: Turn): Promise<string> {
  const { response } = turn.specs;
  const message = `What did ${turn.rep.name} say? (a short summary, or '${EDITOR_ESCAPE}' to write it in $EDITOR)`;
  const offered = turn.typedBefore ? { default: turn.typedBefore } : {};
  const typed = String((await asker.askPerson({ ...response, ...offered, prompt: message })) ?? "");
  if (typed.trim() !== EDITOR_ESCAPE) return typed;
  const editor = { ...response, type: "editor" as const, promptId: `${response.promptId}-editor` };
  const written = String((await asker.askPerson({ ...editor, prompt: `${turn.rep.name}'s response` })) ?? "");
  // An editor leaves a final newline that nobody typed on purpose.
  return written.replace(/\r?\n+$/, "");
}

function repOf(pending: PendingAsk, reps: Rep[]): string {
  return pending.spec.rep ?? reps[0]!.id;
}

/** A checked `met` answer (indexes as strings) as numbers; undefined when none was given. */
function metIndexes(value: unknown): number[] | undefined {
  return Array.isArray(value) ? value.map(Number).sort((a, b) => a - b) : undefined;
}

function resultOf(round: Round, turn: Turn): RoundResult {
  return {
    prompt: round.prompt,
    response: turn.response ?? "",
    score: turn.score!,
    ...(turn.met ? { met: turn.met } : {}),
    notes: turn.notes ?? "",
    skill: round.skill,
  };
}
