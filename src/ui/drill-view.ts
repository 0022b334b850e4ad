import { daysBetween } from "../domain/dates.js";
import { averageScore, type DealCall, type DrillMode } from "../domain/drill-record.js";
import type { RoundResult } from "../domain/record.js";
import { describeMet, itemTags, MUST_UNMET_CAP } from "../domain/rubric.js";
import type { SkillDue } from "../domain/schedule.js";
import type { Round, Template } from "../domain/template.js";
import { formatClock } from "./countdown.js";
import type { Style } from "./style.js";
import { visibleWidth, wrap } from "./wrap.js";

const MODE_TITLES: Record<DrillMode, string> = {
  "pre-call": "Pre-call warm-up",
  practice: "Practice",
  clinic: "Clinic",
  huddle: "Huddle",
};

/** `text` after `first`, wrapped at word boundaries under itself when the terminal's width is known. */
function fitToWidth(text: string, width: number | undefined, first = ""): string {
  return width ? wrap(text, width, first) : first + text;
}

/** What is about to be drilled, for whom, and why this drill. */
export function drillIntro(
  style: Style,
  opts: { mode: DrillMode; template: Template; rounds: Round[]; names: string[]; reason: string; deal?: DealCall },
  width?: number,
): string {
  const seconds = opts.rounds.reduce((sum, r) => sum + (r.timebox ?? 0), 0);
  const length = seconds ? `, ${formatClock(seconds)} of timed answers` : "";
  const lines = [
    style.bold(`${MODE_TITLES[opts.mode]}: ${opts.template.title} (${opts.template.id})`),
    `For ${opts.names.join(" and ")}${opts.deal ? `, before the call on ${opts.deal.name}` : ""}: ${opts.rounds.length} round(s)${length}.`,
    `Why this drill: ${opts.reason}.`,
  ];
  if (opts.deal) lines.push(rehearsalLine(opts.deal));
  return lines.map((line) => fitToWidth(line, width)).join("\n");
}

/** "The deal is at qualification; rehearsing 'can-decide', the first gate without evidence; the buyer is analytical." */
export function rehearsalLine(deal: DealCall, rehearsed = true): string {
  const first = rehearsed
    ? `rehearsing '${deal.gate}', its first gate without evidence`
    : `'${deal.gate}' is its first gate without evidence`;
  const gate = deal.gate ? first : "every gate so far has evidence";
  return `${deal.name} is at ${deal.stage}; ${gate}${deal.buyerStyle ? `; the buyer is ${deal.buyerStyle}` : ""}.`;
}

export function roundIntro(style: Style, round: Round, index: number, total: number, width?: number): string {
  const timebox = round.timebox ? `, ${round.timebox} s` : "";
  return [
    "",
    style.bold(`Round ${index + 1} of ${total}`) + style.dim(` (${round.skill}${timebox})`),
    fitToWidth(round.scenario.trim(), width, `${style.cyan("Scenario:")} `),
    fitToWidth(round.prompt.trim(), width, `${style.cyan("Prompt:")} `),
  ].join("\n");
}

export function turnHeader(style: Style, name: string): string {
  return style.bold(`${name}'s turn`);
}

/** The rubric, shown after the responses and before the items are ticked. */
export function rubric(style: Style, round: Round, width?: number): string {
  const musts = round.look_for.some((item) => item.must);
  const rule = musts ? ` (without every 'must' item the score is at most ${MUST_UNMET_CAP})` : "";
  return [
    style.cyan("Look for:") + style.dim(rule),
    ...round.look_for.map((item, n) =>
      fitToWidth(`${item.text.trim()}${style.dim(itemTags(item))}`, width, `  ${n + 1}. `),
    ),
  ].join("\n");
}

/** "Score: 2 of 5 (2 of 3 items; a must-have item missed, so at most 2)". */
export function scoreLine(
  style: Style,
  round: Round,
  turn: { met: number[]; score: number; name?: string },
  width?: number,
): string {
  const head = style.bold(`Score${turn.name ? ` for ${turn.name}` : ""}: ${turn.score} of 5`);
  return fitToWidth(`(${describeMet(round.look_for, turn.met)})`, width, `${head} `);
}

export interface RepOutcome {
  id: string;
  name: string;
  results: RoundResult[];
  /** The drilled skill's place in the rep's schedule after this drill. */
  next: SkillDue | undefined;
}

/** One line per rep: the scores, the average and when the skill comes back. */
export function drillSummary(outcomes: RepOutcome[], skill: string, date: string): string {
  const width = Math.max(...outcomes.map((o) => visibleWidth(o.id)));
  return outcomes
    .map(({ id, results, next }) => {
      const scores = results.map((r) => r.score).join(" ");
      const back = next
        ? `; ${skill} next due ${next.due}${next.interval_days !== null ? ` (in ${daysBetween(date, next.due)} days)` : ""}`
        : "";
      return `${id}${" ".repeat(width - visibleWidth(id))}  scores ${scores}  average ${averageScore(results)?.toFixed(1)}${back}`;
    })
    .join("\n");
}
