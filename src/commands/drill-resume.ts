import type { Context } from "../context.js";
import type { DrillMode, PendingRound } from "../domain/drill-record.js";
import { DRILL_MODES, type LoadedRecord, type RoundResult } from "../domain/record.js";
import type { Rep } from "../domain/rep.js";
import type { Round } from "../domain/template.js";
import { badInput } from "../errors.js";
import { latestDraft } from "../store/drafts.js";
import { readRecordFile } from "../store/record-file.js";
import { readRecords } from "../store/records.js";
import { requireRep } from "../store/reps.js";
import type { Workspace } from "../store/workspace.js";
import { draftToResume } from "./draft-resume.js";

/** A drill interrupted by Ctrl-C, as `--resume` continues it: the same drill, day and reps, the rounds done. */
export interface ResumedDrill {
  template: string;
  mode: DrillMode;
  skill: string;
  stage: string | null;
  deal?: string;
  date: string;
  reps: Rep[];
  /** Each rep's draft record (a clinic keeps one per rep), by rep id. */
  drafts: Map<string, LoadedRecord>;
  results: Map<string, RoundResult[]>;
  pending: Map<string, PendingRound>;
}

/**
 * The rep's latest drill draft; for a clinic, every participant's draft of the same drill
 * and day, so the clinic goes on with everyone who was in it.
 */
export async function resumeDrill(workspace: Workspace, rep: Rep, ctx: Context): Promise<ResumedDrill> {
  const { records } = await readRecords(workspace.root, rep.id);
  const huddle = records.find(({ record }) => record.status === "draft" && record.mode === "huddle");
  if (huddle && !latestDraft(workspace.root, records, rep.id, "drill"))
    throw badInput(
      "invalid_option",
      "a huddle is three minutes: run it again rather than resume it",
      `\`coach drill ${rep.id} --huddle\`, and throw the draft away with \`coach drafts discard ${huddle.record.id}\``,
    );
  const draft = draftToResume(workspace.root, rep, records, "drill", true, ctx)!;
  const { record } = draft;
  const participants = Array.isArray(record.participants) ? (record.participants as string[]) : [rep.id];
  const reps: Rep[] = [];
  for (const id of participants) reps.push(id === rep.id ? rep : await requireRep(workspace.root, id));
  const drafts = new Map<string, LoadedRecord>([[rep.id, draft]]);
  for (const other of reps.filter((r) => r.id !== rep.id)) {
    const sameDrill = (await readRecords(workspace.root, other.id)).records.filter(
      (d) => d.record.template === record.template && d.record.date === record.date,
    );
    const found = latestDraft(workspace.root, sameDrill, other.id, "drill");
    // A clinic draft is saved only for reps with something done; the others start the drill afresh.
    if (found) drafts.set(other.id, { path: found.path, record: readRecordFile(workspace.root, found.path).record });
  }
  const mode = DRILL_MODES.find((m) => m === record.mode) ?? "practice";
  if (typeof record.skill !== "string" || !record.skill || !record.template)
    throw badInput(
      "invalid_record",
      `${draft.path}: the draft names no drill or skill`,
      "discard it with `coach drafts discard`",
    );
  const pending = new Map<string, PendingRound>();
  for (const [id, { record: saved }] of drafts) {
    const round = saved.pending_round as PendingRound | undefined;
    if (round && typeof round.response === "string") pending.set(id, round);
  }
  return {
    template: record.template,
    mode,
    skill: record.skill,
    stage: record.stage ?? null,
    ...(typeof record.deal === "string" ? { deal: record.deal } : {}),
    date: record.date,
    reps,
    drafts,
    results: new Map(reps.map((r) => [r.id, [...(drafts.get(r.id)?.record.rounds ?? [])]])),
    pending,
  };
}

/**
 * A draft's scored rounds are the first rounds by position, so the rounds built again on
 * resume must still begin with them. A warm-up's rounds come from its deal as it is now:
 * once the rehearsed gate has evidence, or the buyer's style changed (or the drill's file was
 * edited), going on would skip a round or pair a score with another round's prompt. The
 * draft stays where it is until discarded; the warm-up is started again on the deal as it is.
 */
export function checkRoundsStillMatch(resumed: ResumedDrill, rounds: Round[], startAgain: string): void {
  for (const [id, results] of resumed.results) {
    let changed = results.findIndex((result, i) => rounds[i]?.prompt !== result.prompt);
    // A response half-typed before the Ctrl-C belongs to its round too (an older draft kept no prompt).
    const typed = resumed.pending.get(id);
    if (changed === -1 && typed?.prompt !== undefined && rounds[typed.round - 1]?.prompt !== typed.prompt)
      changed = typed.round - 1;
    if (changed === -1) continue;
    const draft = resumed.drafts.get(id)!;
    throw badInput(
      "invalid_option",
      `${draft.path}: round ${changed + 1} of the draft is no longer round ${changed + 1} of the drill (${
        resumed.deal ? `deal '${resumed.deal}' or ` : ""
      }the drill changed since it was interrupted)`,
      `start it again with \`${startAgain}\`, and throw the draft away with \`coach drafts discard ${draft.record.id}\``,
    );
  }
}
