import { inline } from "./markdown.js";
import { type CoachRecord, type DRILL_MODES, RECORD_SCHEMA, type RoundResult } from "./record.js";
import type { BehaviourStyle, Rep } from "./rep.js";
import { describeMet, itemTags } from "./rubric.js";
import type { Round, Template } from "./template.js";

export type DrillMode = (typeof DRILL_MODES)[number];

/** A round answered but not yet scored when the drill was interrupted. */
export interface PendingRound {
  round: number;
  /** The round's prompt, so a resume can tell the text still belongs to the round in its place. */
  prompt?: string;
  response: string;
}

/** The deal a warm-up or huddle prepares a call on, and what it rehearses of it. */
export interface DealCall {
  id: string;
  name: string;
  stage: string;
  /** The first gate without buyer-side evidence, rehearsed in a round of its own. */
  gate?: string;
  /** That gate's text, as coach.yaml words it (the id when it has none). */
  gateText?: string;
  buyerStyle?: BehaviourStyle;
}

/** "**Deal:** Acme renewal (acme-renewal, at qualification; rehearses 'can-decide'; buyer's style: analytical)". */
export function dealLine(deal: DealCall): string {
  const parts = [
    `${deal.id}, at ${deal.stage}`,
    deal.gate ? `rehearses '${deal.gate}'` : "",
    deal.buyerStyle ? `buyer's style: ${deal.buyerStyle}` : "",
  ].filter(Boolean);
  return `**Deal:** ${inline(deal.name)} (${parts.join("; ")})`;
}

/** One rep's run of a drill: what the record is built from. */
export interface DrillRun {
  id: string;
  rep: Rep;
  date: string;
  status: "completed" | "draft";
  template: Template;
  /** The rounds played (a warm-up may play fewer than the template has). */
  rounds: Round[];
  /** Results of the rounds done, in order. */
  results: RoundResult[];
  stage: string | null;
  skill: string;
  mode: DrillMode;
  deal?: DealCall;
  /** Everyone in a clinic, this rep included. */
  participants?: string[];
  pending?: PendingRound;
}

export function buildDrillRecord(run: DrillRun): CoachRecord {
  return {
    schema: RECORD_SCHEMA,
    id: run.id,
    type: "drill",
    rep: run.rep.id,
    date: run.date,
    status: run.status,
    template: run.template.id,
    stage: run.stage,
    coaching_kind: "training",
    focus: run.template.focus,
    skill: run.skill,
    mode: run.mode,
    ...(run.deal ? { deal: run.deal.id } : {}),
    ...(run.deal?.gate ? { gate: run.deal.gate } : {}),
    ...(run.participants ? { participants: run.participants } : {}),
    rounds: run.results,
    ...(run.pending ? { pending_round: run.pending } : {}),
  };
}

export function averageScore(results: RoundResult[]): number | null {
  return results.length ? Math.round((results.reduce((sum, r) => sum + r.score, 0) / results.length) * 10) / 10 : null;
}

const MODE_NAMES: Record<DrillMode, string> = {
  "pre-call": "pre-call warm-up",
  practice: "one-on-one practice",
  clinic: "clinic",
  huddle: "huddle before a call (unscored)",
};

/** The readable body: each round's scenario, the response, the rubric and the score. */
export function renderDrillBody(run: DrillRun, names: Map<string, string> = new Map()): string {
  const others = (run.participants ?? []).filter((id) => id !== run.rep.id).map((id) => names.get(id) ?? id);
  const mode = `${MODE_NAMES[run.mode]}${others.length ? ` with ${others.join(", ")}` : ""}`;
  const average = averageScore(run.results);
  const facts = [
    `**Mode:** ${mode}`,
    `**Skill:** ${run.skill}${run.stage ? ` (stage: ${run.stage})` : ""}`,
    run.deal ? dealLine(run.deal) : "",
    average !== null ? `**Average score:** ${average} of 5 over ${run.results.length} round(s)` : "",
  ].filter(Boolean);
  const sections = [
    `# Drill: ${run.template.title}, ${run.rep.name}, ${run.date}${run.status === "draft" ? " (draft)" : ""}`,
    facts.join("\n"),
  ];
  run.rounds.forEach((round, index) => {
    const result = run.results[index];
    const pending = run.pending?.round === index + 1 ? run.pending : undefined;
    sections.push(renderRound(round, index + 1, result, pending));
  });
  return `\n${sections.join("\n\n")}\n`;
}

function renderRound(
  round: Round,
  number: number,
  result: RoundResult | undefined,
  pending: PendingRound | undefined,
): string {
  const parts = [
    `## Round ${number}: ${round.skill}${round.timebox ? ` (${round.timebox} s)` : ""}`,
    `**Scenario:** ${inline(round.scenario)}`,
    `**Prompt:** ${inline(round.prompt)}`,
  ];
  const response = result?.response ?? pending?.response;
  if (response !== undefined) parts.push(`**Response:**\n\n${quote(response)}`);
  const met = result?.met;
  const mark = (index: number) => (met ? (met.includes(index) ? "met: " : "not met: ") : "");
  const items = round.look_for.map((item, index) => `- ${mark(index)}${inline(item.text.trim())}${itemTags(item)}`);
  parts.push(`**Look for:**\n\n${items.join("\n")}`);
  if (result) {
    const why = met ? ` (${describeMet(round.look_for, met)})` : "";
    parts.push(`**Score:** ${result.score} of 5${why}`);
    if (result.notes.trim()) parts.push(`**Notes:**\n\n${quote(result.notes)}`);
  } else {
    parts.push("_Not scored yet._");
  }
  return parts.join("\n\n");
}

function quote(text: string): string {
  if (!text.trim()) return "_(none)_";
  return text
    .split(/\r?\n/)
    .map((line) => `> ${line}`.trimEnd())
    .join("\n");
}
