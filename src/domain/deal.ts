import * as z from "zod/mini";
import { badInput } from "../errors.js";
import type { Config, Gate, Stage } from "./config.js";
import { requireStage } from "./config.js";
import { closest, slugify } from "./ids.js";
import { inline } from "./markdown.js";
import { once } from "./once.js";
import { BEHAVIOUR_STYLES, type BehaviourStyle } from "./rep.js";

export const DEAL_SCHEMA = "coach/deal@1";
export const DEAL_STATUSES = ["open", "won", "lost", "walked-away"] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];
export const CLOSED_STATUSES = ["won", "lost", "walked-away"] as const;
export type ClosedDealStatus = (typeof CLOSED_STATUSES)[number];

/** Built on first use: a run that reads deals through no file of theirs needs none of it. */
const dealSchemas = once(() => {
  const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD"));

  /** What the buyer said or did for one gate of one deal. */
  const gateEvidence = z.object({
    met: z.boolean(),
    evidence: z._default(z.string(), ""),
    date: day,
  });

  /** The front matter of `reps/<rep>/deals/<deal-id>.md` (DESIGN.md, "Deals and gates"). */
  const deal = z.object({
    schema: z.literal(DEAL_SCHEMA, { error: `expected schema: ${DEAL_SCHEMA}` }),
    id: z.string().check(z.minLength(1)),
    rep: z.string().check(z.minLength(1)),
    name: z.string().check(z.minLength(1)),
    stage: z.string().check(z.minLength(1)),
    value: z._default(z.nullable(z.number().check(z.nonnegative())), null),
    expected_close: z._default(z.nullable(day), null),
    opened: day,
    status: z.enum(DEAL_STATUSES, { error: `expected one of ${DEAL_STATUSES.join(", ")}` }),
    closed_on: z._default(z.nullable(day), null),
    note: z._default(z.nullable(z.string()), null),
    /** The buyer's behaviour style, when the rep knows it: pre-call warm-ups rehearse it. */
    buyer_style: z.optional(z.enum(BEHAVIOUR_STYLES, { error: `expected one of ${BEHAVIOUR_STYLES.join(", ")}` })),
    gates: z._default(z.record(z.string(), gateEvidence), {}),
  });
  return { gateEvidence, deal };
});
export const gateEvidenceSchema = () => dealSchemas().gateEvidence;
export const dealSchema = () => dealSchemas().deal;
export type GateEvidence = z.infer<ReturnType<typeof gateEvidenceSchema>>;
export type Deal = z.infer<ReturnType<typeof dealSchema>>;

export interface NewDeal {
  id: string;
  rep: string;
  name: string;
  stage: string;
  value: number | null;
  expectedClose: string | null;
  buyerStyle?: BehaviourStyle;
  today: string;
}

export function newDeal(input: NewDeal): Deal {
  return {
    schema: DEAL_SCHEMA,
    id: input.id,
    rep: input.rep,
    name: input.name,
    stage: input.stage,
    value: input.value,
    expected_close: input.expectedClose,
    opened: input.today,
    status: "open",
    closed_on: null,
    note: null,
    ...(input.buyerStyle ? { buyer_style: input.buyerStyle } : {}),
    gates: {},
  };
}

/** The slug of the name, with -2, -3... when another deal in the workspace has it. */
export function uniqueDealId(name: string, taken: ReadonlySet<string>): string {
  const base = slugify(name);
  if (!base)
    throw badInput("invalid_name", `'${name}' has no letters or digits to make a deal id from`, 'e.g. "Acme renewal"');
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export interface StagedGate {
  stage: Stage;
  gate: Gate;
}

/** Every gate of the process, in process order, with the stage it belongs to. */
export function allGates(config: Config): StagedGate[] {
  return config.stages.flatMap((stage) => stage.gates.map((gate) => ({ stage, gate })));
}

/** A gate named by the user; an unknown one is an exit-2 error with a did-you-mean. */
export function requireGate(config: Config, gateId: string): StagedGate {
  const gates = allGates(config);
  const found = gates.find(({ gate }) => gate.id === gateId.toLowerCase());
  if (found) return found;
  const ids = gates.map(({ gate }) => gate.id);
  const guess = closest(gateId, ids);
  throw badInput(
    "unknown_gate",
    `no gate '${gateId}'`,
    guess ? `did you mean '${guess}'?` : `gates: ${ids.join(", ")}`,
  );
}

function stageIndex(config: Config, stageId: string): number {
  return config.stages.findIndex((stage) => stage.id === stageId);
}

function hasEvidence(deal: Deal, gateId: string): boolean {
  const recorded = deal.gates[gateId];
  return recorded?.met === true && recorded.evidence.trim() !== "";
}

/** The gates of the deal's stage and every earlier one that have no buyer-side evidence yet. */
export function gatesWithoutEvidence(config: Config, deal: Deal): StagedGate[] {
  const last = stageIndex(config, deal.stage);
  return allGates(config).filter(
    ({ stage, gate }) => stageIndex(config, stage.id) <= last && !hasEvidence(deal, gate.id),
  );
}

/**
 * The gates a deal has moved past without evidence: those of the stages before the deal's
 * own. The gates of its current stage are the work in hand, not yet a warning.
 */
export function gatesPassedWithoutEvidence(config: Config, deal: Deal): StagedGate[] {
  const current = stageIndex(config, deal.stage);
  return gatesWithoutEvidence(config, deal).filter(({ stage }) => stageIndex(config, stage.id) < current);
}

/** "Acme is at solution; 'can-decide' has no evidence" for each gate passed without evidence. */
export function passedGateWarnings(config: Config, deal: Deal): string[] {
  return gatesPassedWithoutEvidence(config, deal).map(
    ({ gate }) => `${deal.name} is at ${deal.stage}; '${gate.id}' has no evidence`,
  );
}

/** How many gates of the deal hold buyer-side evidence. */
export function gatesWithEvidenceCount(deal: Deal): number {
  return Object.keys(deal.gates).filter((id) => hasEvidence(deal, id)).length;
}

export function assertOpen(deal: Deal, doing: string): void {
  if (deal.status !== "open")
    throw badInput(
      "deal_closed",
      `deal '${deal.id}' is ${deal.status} (closed on ${deal.closed_on}); cannot ${doing}`,
      "open deals only: see `coach deal list`",
    );
}

export function recordGate(deal: Deal, gateId: string, evidence: GateEvidence): Deal {
  return { ...deal, gates: { ...deal.gates, [gateId]: evidence } };
}

export function moveToStage(config: Config, deal: Deal, stageId: string): Deal {
  const stage = requireStage(config, stageId.toLowerCase());
  return { ...deal, stage: stage.id };
}

export function closeDeal(deal: Deal, status: ClosedDealStatus, note: string | null, today: string): Deal {
  return { ...deal, status, closed_on: today, note: note ?? deal.note };
}

/** The readable body under the front matter: the deal and each gate, stage by stage. */
export function renderDealBody(config: Config, deal: Deal): string {
  const facts = [
    `- Rep: ${deal.rep}`,
    `- Stage: ${deal.stage}`,
    `- Status: ${deal.status}${deal.closed_on ? ` (${deal.closed_on})` : ""}`,
    `- Opened: ${deal.opened}`,
    ...(deal.value === null ? [] : [`- Value: ${deal.value}`]),
    ...(deal.expected_close ? [`- Expected close: ${deal.expected_close}`] : []),
    ...(deal.note ? [`- Note: ${inline(deal.note)}`] : []),
    ...(deal.buyer_style ? [`- Buyer's style: ${deal.buyer_style}`] : []),
  ];
  const gates = config.stages
    .filter((stage) => stage.gates.length)
    .map((stage) => {
      const lines = stage.gates.map((gate) => {
        const recorded = deal.gates[gate.id];
        const mark = recorded?.met ? "x" : " ";
        const detail = recorded
          ? ` (${recorded.met ? "met" : "not met"} ${recorded.date}${recorded.evidence ? `: ${inline(recorded.evidence)}` : ""})`
          : "";
        return `- [${mark}] ${gate.id}: ${inline(gate.text)}${detail}`;
      });
      return `### ${stage.name}\n\n${lines.join("\n")}`;
    });
  return `# Deal: ${inline(deal.name)}\n\n${facts.join("\n")}\n\n## Gates\n\n${gates.join("\n\n")}\n`;
}

/** Review JSON `deals`: open as of today; won, lost and walked away closed in the period. */
export interface DealCounts {
  open: number;
  won: number;
  lost: number;
  walked_away: number;
  /** Gates confirmed with the buyer's evidence in the period, over all of the rep's deals. */
  gates_with_evidence: number;
}

export function countDeals(deals: Deal[], period: { from: string; to: string }): DealCounts {
  const inPeriod = (date: string | null) => date !== null && date >= period.from && date <= period.to;
  const closed = (status: DealStatus) =>
    deals.filter((deal) => deal.status === status && inPeriod(deal.closed_on)).length;
  return {
    open: deals.filter((deal) => deal.status === "open").length,
    won: closed("won"),
    lost: closed("lost"),
    walked_away: closed("walked-away"),
    gates_with_evidence: deals
      .flatMap((deal) => Object.values(deal.gates))
      .filter((gate) => gate.met && gate.evidence.trim() !== "" && inPeriod(gate.date)).length,
  };
}

export function sumDealCounts(all: DealCounts[]): DealCounts {
  const sum = (key: keyof DealCounts) => all.reduce((total, counts) => total + counts[key], 0);
  return {
    open: sum("open"),
    won: sum("won"),
    lost: sum("lost"),
    walked_away: sum("walked_away"),
    gates_with_evidence: sum("gates_with_evidence"),
  };
}

/** The Markdown lines of a review's deals: a walk-away is named as the judgement it is. */
export function renderDealCounts(counts: DealCounts): string {
  const lines = [
    `- Open: ${counts.open}; won: ${counts.won}; lost: ${counts.lost}; walked away: ${counts.walked_away}`,
    `- Gates confirmed with the buyer's evidence: ${counts.gates_with_evidence}`,
  ];
  if (counts.walked_away)
    lines.push(
      `- ${counts.walked_away} walk-away${counts.walked_away === 1 ? "" : "s"} from deals that were not win/win: good judgement, time freed for the winnable ones`,
    );
  return `## Deals\n\n${lines.join("\n")}`;
}

/** A plan's "Open deals" section: each deal with the gates still to confirm up to its stage. */
export function renderOpenDeals(config: Config, deals: Deal[], repId: string): string {
  const open = deals.filter((deal) => deal.status === "open");
  if (!open.length) return "";
  const lines = open.map((deal) => {
    const missing = gatesWithoutEvidence(config, deal).map(({ gate }) => gate.id);
    const gates = missing.length ? `gates without evidence: ${missing.join(", ")}` : "every gate so far has evidence";
    return `- \`${deal.id}\` ${inline(deal.name)} (${deal.stage}; ${gates})`;
  });
  return `## Open deals\n\n${lines.join("\n")}\n\nCoach one deal: \`coach session ${repId} --deal <deal>\`.`;
}
