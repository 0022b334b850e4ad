import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import * as z from "zod/mini";
import type { Context } from "../context.js";
import type { Config } from "../domain/config.js";
import { addDaysIso } from "../domain/dates.js";
import { countDeals, type DealCounts, sumDealCounts } from "../domain/deal.js";
import { completedSessions, countable } from "../domain/history.js";
import { type RepCoachingFacts, repCoachingFacts, teamMaturity } from "../domain/maturity.js";
import type { RecordSummary, StoredRecord } from "../domain/record.js";
import type { Rep } from "../domain/rep.js";
import {
  byIdOnly,
  fromProfile,
  type Period,
  type RepReview,
  type ReviewedRep,
  reviewRep,
  summarizeRep,
} from "../domain/review.js";
import type { RepWeeks } from "../domain/svg-charts.js";
import { type RemovedRep, removedRep, type TeamRow, teamReview, teamRow } from "../domain/team-review.js";
import { parseSince, SINCE_FORMS } from "../domain/when.js";
import { badInput, CoachError } from "../errors.js";
import { loadBuiltInTemplates } from "../store/builtin-templates.js";
import { loadDeals } from "../store/deals.js";
import { writeUserFile } from "../store/files.js";
import { listRepFolders, readRecords, readRepFolder, recordsDir } from "../store/records.js";
import { findRep, unknownRep } from "../store/reps.js";
import { loadTemplates } from "../store/templates.js";
import { type Workspace, workspaceOf } from "../store/workspace.js";
import type { Parsed } from "../store/yaml-file.js";
import { type Act, withExamples } from "./define.js";
import { parseOptions } from "./options.js";

const FORMATS = ["text", "md", "html", "json", "csv"] as const;
type Format = (typeof FORMATS)[number];

const reviewOptionsSchema = z.object({
  rep: z.optional(z.string()),
  team: z._default(z.boolean(), false),
  all: z._default(z.boolean(), false),
  since: z.optional(z.string()),
  format: z.optional(
    z.pipe(z.string().check(z.toLowerCase()), z.enum(FORMATS, { error: "expected text, md, html, json or csv" })),
  ),
  out: z.optional(z.string().check(z.minLength(1))),
});
type ReviewOptions = z.infer<typeof reviewOptionsSchema>;

/** argv -> options -> load (one rep's records at a time) -> decide -> render -> write or print. */
export async function runReview(raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const options = parseOptions(reviewOptionsSchema, raw);
  if (options.team && options.rep !== undefined)
    throw badInput(
      "invalid_option",
      "give a rep or --team, not both",
      "e.g. `coach review alex-kim` or `coach review --team`",
    );
  const format = chooseFormat(options, ctx);
  if (format === "csv" && options.rep !== undefined)
    throw badInput(
      "invalid_option",
      "--format csv is for the team review: one row per rep",
      "use `coach review --team --format csv`, or --format md for one rep",
    );
  const workspace = await workspaceOf(ctx);
  const period = periodOf(options.since, workspace.config, ctx.today);

  const report =
    options.rep !== undefined
      ? await reviewOne(workspace, options.rep, period, ctx)
      : await reviewTeam(workspace, period, ctx, options.all);
  if (!options.out && format === "json") return ctx.out.printJson(report.json);
  const text = await render(report, format, workspace.config, ctx, Boolean(options.out));
  if (!options.out) return ctx.out.data(text);
  const file = resolve(ctx.cwd, options.out);
  writeUserFile(file, text.endsWith("\n") ? text : `${text}\n`, workspace.root);
  if (ctx.out.json)
    return ctx.out.printJson({ written: [file], id: report.kind === "rep" ? report.review.rep : "team" });
  ctx.out.info(`Review written to ${file}`);
}

/** `--json` alone means JSON; with `--out` it means "tell me what was written" and --format picks the file's format. */
function chooseFormat(options: ReviewOptions, ctx: Context): Format {
  if (!ctx.out.json) return options.format ?? "text";
  if (options.out) return options.format ?? "json";
  if (options.format && options.format !== "json") {
    throw badInput(
      "invalid_option",
      `--json prints JSON; it cannot go with --format ${options.format}`,
      `drop --json, or add --out FILE to write the ${options.format} report to a file`,
    );
  }
  return "json";
}

/** `--since WHEN` (default: coach.yaml's defaults.review_days back) to today, both ends included. */
function periodOf(since: string | undefined, config: Config, today: string): Period {
  if (since === undefined) return { from: addDaysIso(today, -config.defaults.review_days), to: today };
  const from = parseSince(since, today);
  if (!from) throw badInput("invalid_since", `--since '${since}' is not a date`, `use ${SINCE_FORMS}`);
  if (from > today)
    throw badInput(
      "invalid_since",
      `--since ${from} is after today (${today})`,
      "a review covers the past: use a date up to today",
    );
  return { from, to: today };
}

type Report =
  | { kind: "rep"; review: RepReview; skipped: string[]; json: unknown }
  | { kind: "team"; rows: ReturnType<typeof teamReview>; weeks: RepWeeks[]; skipped: string[]; json: unknown };

async function reviewOne(workspace: Workspace, id: string, period: Period, ctx: Context): Promise<Report> {
  const rep = await reviewedRep(workspace.root, id, ctx);
  const { records, skipped } = await readRecords(workspace.root, rep.id);
  warnSkipped(skipped, ctx);
  const review = {
    ...reviewRep(workspace.config, rep, records, period),
    deals: await repDeals(workspace.root, rep.id, period, ctx),
  };
  return { kind: "rep", review, skipped, json: { ...review, skipped } };
}

/** A rep with a profile, or the bare id of a removed rep whose records folder remains. */
async function reviewedRep(root: string, id: string, ctx: Context): Promise<ReviewedRep> {
  const rep = await findRep(root, id);
  if (rep) return fromProfile(rep);
  if (existsSync(recordsDir(root, id))) {
    ctx.out.warn(`${id} has records but no profile (reps/${id}/rep.yaml); reviewing the records alone`);
    return byIdOnly(id, false);
  }
  throw unknownRep(root, id);
}

/** One rep at a time, so a team of any size is reviewed in the memory of its largest rep. */
async function reviewTeam(workspace: Workspace, period: Period, ctx: Context, withArchived: boolean): Promise<Report> {
  const rows: TeamRow[] = [];
  const deals: DealCounts[] = [];
  const removed: RemovedRep[] = [];
  const skipped: string[] = [];
  const weeks: RepWeeks[] = [];
  const facts: RepCoachingFacts[] = [];
  const isStageKeyed = await stageKeyedSessions(workspace, ctx);
  for (const folder of listRepFolders(workspace.root)) {
    const read = await readRepFolder(workspace.root, folder);
    // An archived rep (`coach rep remove`) is left out unless --all asks for them.
    if (!withArchived && read.profile?.ok && read.profile.value.archived) continue;
    warnSkipped(read.skipped, ctx);
    skipped.push(...read.skipped);
    const rep = teamMember(folder, read.profile, ctx);
    const review = summarizeRep(workspace.config, rep, read.records, period);
    if (rep.profile) {
      rows.push(teamRow(review));
      deals.push(await repDeals(workspace.root, folder, period, ctx));
      const repWeek = repWeeks(rep, read.records, period);
      weeks.push(repWeek);
      facts.push(
        repCoachingFacts({
          records: read.records,
          period,
          start: repWeek.start ?? undefined,
          actions: review.actions,
          isStageKeyed,
        }),
      );
    } else {
      const kept = countable(read.records);
      if (kept.length)
        removed.push(
          removedRep(
            review,
            kept.length,
            kept.reduce((last, { record }) => (record.date > last ? record.date : last), ""),
          ),
        );
    }
  }
  const reviewed = teamReview(period, rows, removed);
  const maturity = teamMaturity(facts, reviewed.on_cadence.share);
  const team = { ...reviewed, deals: sumDealCounts(deals), maturity };
  return { kind: "team", rows: team, weeks, skipped, json: { ...team, skipped } };
}

/**
 * A 1:1 is keyed to the process when its template works on named stages (not \`any\`), or it
 * coached a deal. A broken workspace template does not stop the review: the built-ins decide.
 */
async function stageKeyedSessions(workspace: Workspace, ctx: Context): Promise<(session: RecordSummary) => boolean> {
  let templates: { id: string; stages: string[] }[];
  try {
    templates = (await loadTemplates(workspace.root, workspace.config)).map(({ template }) => template);
  } catch (error) {
    if (!(error instanceof CoachError)) throw error;
    ctx.out.warn(`${error.message}; stage-keyed 1:1s are counted by the built-in templates`);
    templates = await loadBuiltInTemplates();
  }
  const keyed = new Set(templates.filter((t) => !t.stages.includes("any")).map((t) => t.id));
  return (session) =>
    typeof session.deal === "string" || (typeof session.template === "string" && keyed.has(session.template));
}

async function repDeals(root: string, rep: string, period: Period, ctx: Context): Promise<DealCounts> {
  return countDeals(await loadDeals(root, rep, (problem) => ctx.out.warn(`skipped a broken deal: ${problem}`)), period);
}

/** What the weeks-by-reps grid needs of a rep: the dates of its 1:1s and when coaching became due. */
function repWeeks(rep: ReviewedRep, records: StoredRecord[], period: Period): RepWeeks {
  const kept = countable(records);
  const first = kept.reduce<string | null>(
    (min, { record }) => (min === null || record.date < min ? record.date : min),
    null,
  );
  return {
    rep: rep.id,
    name: rep.name,
    sessions: completedSessions(kept)
      .map((s) => s.date)
      .filter((date) => date >= period.from && date <= period.to),
    start: [rep.added, first].filter((d): d is string => Boolean(d)).sort()[0] ?? null,
  };
}

/** The rep of a folder; a broken profile does not stop a team review: the rep is listed by id, with a warning. */
function teamMember(folder: string, profile: Parsed<Rep> | undefined, ctx: Context): ReviewedRep {
  if (profile?.ok) return { ...fromProfile(profile.value), id: folder };
  if (profile) ctx.out.warn(`could not read ${folder}'s profile: ${profile.problem}`);
  return byIdOnly(folder, Boolean(profile));
}

function warnSkipped(skipped: string[], ctx: Context): void {
  ctx.out.skippedRecords(skipped);
}

/**
 * Each format's renderer is loaded only by the runs that write that format: csv-stringify for
 * CSV, and the terminal-cell measures (ui/wrap.ts) for text.
 */
async function render(report: Report, format: Format, config: Config, ctx: Context, toFile: boolean): Promise<string> {
  if (format === "json") return JSON.stringify(report.json, null, 2);
  const style = toFile ? ctx.out.plain : ctx.out.style;
  const width = toFile ? 80 : ctx.out.width;
  const skipped = report.skipped.length;
  if (report.kind === "rep") {
    if (format === "html")
      return (await import("../domain/review-html.js")).renderRepReviewHtml(report.review, config, skipped);
    if (format === "md")
      return (await import("../domain/review-markdown.js")).renderRepReviewMarkdown(report.review, config, skipped);
    return (await import("../ui/review-text.js")).renderRepReviewText(report.review, config, style, width, skipped);
  }
  if (format === "csv") return (await import("../domain/csv.js")).teamCsv(report.rows);
  const every = config.cadence.one_on_one_days;
  if (format === "html") {
    const [{ renderTeamHtml }, { weekGrid }] = await Promise.all([
      import("../domain/review-html.js"),
      import("../domain/svg-charts.js"),
    ]);
    // The grid follows the report's order: overdue reps first.
    const order = new Map(report.rows.reps.map((row, i) => [row.rep, i]));
    const reps = [...report.weeks].sort((a, b) => (order.get(a.rep) ?? 0) - (order.get(b.rep) ?? 0));
    return renderTeamHtml(report.rows, weekGrid(report.rows.period, reps, every), skipped, every);
  }
  if (format === "md")
    return (await import("../domain/review-markdown.js")).renderTeamMarkdown(report.rows, skipped, every);
  return (await import("../ui/review-text.js")).renderTeamText(report.rows, style, width, skipped, every);
}

/** `coach review [rep] | coach review --team` */
export function defineReview(command: Command, act: Act): Command {
  return withExamples(
    command
      .argument("[rep]", "rep id or name (default: the whole team)")
      .option("--team", "one row per rep, overdue reps first")
      .option("--all", "with --team: include archived reps")
      .option(
        "--since <when>",
        "start of the period, e.g. 2026-09-01, 30d, 12w, 3m (default: coach.yaml's defaults.review_days, 90 days)",
      )
      .option("--format <format>", "text, md, html, json or csv (csv: --team only) (default: text; --json means json)")
      .option("--out <file>", "write the report to a file instead of the terminal")
      .action(act(runReview, ["rep"])),
    "coach review alex-kim",
    "coach review --team --since 30d",
    "coach review alex-kim --format md --out alex-review.md",
    "coach review --team --json",
    "coach review --team --format html --out team.html",
    "coach review --team --format csv --out team.csv",
  );
}
