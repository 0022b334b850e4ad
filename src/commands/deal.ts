import { join } from "node:path";
import type { Command } from "commander";
import * as z from "zod/mini";
import type { Context } from "../context.js";
import { requireStage } from "../domain/config.js";
import {
  assertOpen,
  CLOSED_STATUSES,
  closeDeal,
  DEAL_STATUSES,
  moveToStage,
  newDeal,
  passedGateWarnings,
  recordGate,
  renderDealBody,
  requireGate,
} from "../domain/deal.js";
import { assertSafeName } from "../domain/ids.js";
import { inline } from "../domain/markdown.js";
import { BEHAVIOUR_STYLES } from "../domain/rep.js";
import { notOneOfMessage } from "../domain/strict.js";
import { badInput } from "../errors.js";
import { type DealFile, loadDeals } from "../store/deals.js";
import { requireRep } from "../store/reps.js";
import { workspaceOf } from "../store/workspace.js";
import { renderDealList } from "../ui/deal-view.js";
import { dueOrFail } from "./actions.js";
import { type Act, withExamples } from "./define.js";
import { parseOptions } from "./options.js";

/** The deal file's reader and writer bring `yaml`, which `deal list` does without (it reads through the index). */
const dealFile = () => import("../store/deal-file.js");

const text = (what: string) => z.string().check(z.trim(), z.minLength(1, what));
const buyerStyleSchema = z.pipe(
  z.string().check(z.trim(), z.toLowerCase()),
  z.enum(BEHAVIOUR_STYLES, { error: (issue) => notOneOfMessage(issue.input, BEHAVIOUR_STYLES) }),
);

const addOptionsSchema = z.object({
  rep: z.string(),
  name: text("a deal needs a name").check(z.maxLength(100, "keep the name under 100 characters")),
  stage: z.optional(z.string().check(z.trim(), z.toLowerCase())),
  value: z.optional(
    z.pipe(
      z.string().check(
        z.overwrite((typed) => typed.replace(/[,_ ]/g, "")),
        z.regex(/^\d+(\.\d+)?$/, "expected an amount such as 48000"),
      ),
      z.transform(Number),
    ),
  ),
  close: z.optional(z.string()),
  buyerStyle: z.optional(buyerStyleSchema),
});

/** `coach deal add <rep> <name>`: a new deal file, at the first stage unless `--stage` says otherwise. */
export async function runDealAdd(raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const options = parseOptions(addOptionsSchema, raw);
  assertSafeName("the deal name", options.name);
  const workspace = await workspaceOf(ctx);
  const rep = await requireRep(workspace.root, options.rep);
  const stage = options.stage ? requireStage(workspace.config, options.stage) : workspace.config.stages[0]!;
  const expectedClose = options.close === undefined ? null : dueOrFail(options.close, ctx.today, "--close");
  const { createDeal } = await dealFile();
  const made = createDeal(workspace, options.name, (id) =>
    newDeal({
      id,
      rep: rep.id,
      name: options.name,
      stage: stage.id,
      value: options.value ?? null,
      expectedClose,
      buyerStyle: options.buyerStyle,
      today: ctx.today,
    }),
  );
  report(ctx, workspace.root, made, `Added deal '${made.deal.id}' for ${rep.name} at ${stage.id}`);
}

const listOptionsSchema = z.object({
  rep: z.optional(z.string()),
  open: z.optional(z.boolean()),
  all: z.optional(z.boolean()),
});

/** `coach deal list [rep] [--open|--all]`: open deals by default. */
export async function runDealList(raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const options = parseOptions(listOptionsSchema, raw);
  if (options.open && options.all)
    throw badInput("invalid_option", "choose one of --open, --all", "see `coach deal list --help`");
  const workspace = await workspaceOf(ctx);
  const rep = options.rep === undefined ? undefined : await requireRep(workspace.root, options.rep);
  let broken = 0;
  const deals = await loadDeals(workspace.root, rep?.id, (problem) => {
    broken++;
    ctx.out.warn(`skipped a broken deal: ${problem}`);
  });
  const shown = options.all ? deals : deals.filter((deal) => deal.status === "open");
  if (ctx.out.json) return ctx.out.printJson(shown);
  if (shown.length === 0) {
    const whose = rep ? ` for ${rep.name}` : "";
    ctx.out.info(
      deals.length && !options.all
        ? `No open deals${whose}; \`coach deal list --all\` shows the closed ones.`
        : broken
          ? `No deals to list${whose}: ${broken} broken deal${broken === 1 ? "" : "s"} skipped; fix the front matter by hand`
          : `No deals${whose} yet. Add one: coach deal add <rep> "Acme renewal"`,
    );
    return;
  }
  ctx.out.data(renderDealList(workspace.config, shown, ctx.out.style, !rep, ctx.out.width));
}

/** `coach deal show <deal>` */
export async function runDealShow(raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const { deal: id } = parseOptions(z.object({ deal: z.string() }), raw);
  const workspace = await workspaceOf(ctx);
  const { requireDeal } = await dealFile();
  const { deal } = requireDeal(workspace.root, id);
  if (ctx.out.json) return ctx.out.printJson(deal);
  ctx.out.data(renderDealBody(workspace.config, deal));
}

const gateOptionsSchema = z.object({
  deal: z.string(),
  gate: text("name the gate, e.g. can-decide").check(z.toLowerCase()),
  evidence: z.optional(z.string().check(z.trim())),
  notMet: z.optional(z.boolean()),
});

/** `coach deal gate <deal> <gate-id> --evidence "..."`: what the buyer said or did, or `--not-met`. */
export async function runDealGate(raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const options = parseOptions(gateOptionsSchema, raw);
  if (options.evidence !== undefined) assertSafeName("--evidence", options.evidence);
  const met = !options.notMet;
  if (met && !options.evidence)
    throw badInput(
      "invalid_option",
      `--evidence: say what the buyer said or did that shows '${options.gate}' is met`,
      'e.g. --evidence "The CFO confirmed she signs off on the budget"; or --not-met',
    );
  const workspace = await workspaceOf(ctx);
  const { gate } = requireGate(workspace.config, options.gate);
  const evidence = { met, evidence: options.evidence ?? "", date: ctx.today };
  const { updateDeal } = await dealFile();
  const updated = updateDeal(workspace, options.deal, (deal) => {
    assertOpen(deal, "record a gate");
    return recordGate(deal, gate.id, evidence);
  });
  const what = met ? `met: ${inline(evidence.evidence)}` : "not met";
  report(ctx, workspace.root, updated, `${updated.deal.name}: '${gate.id}' ${what}`);
}

const stageOptionsSchema = z.object({ deal: z.string(), stage: text("name the stage").check(z.toLowerCase()) });

/** `coach deal stage <deal> <stage>`: moving on past a gate without evidence is allowed, and said. */
export async function runDealStage(raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const options = parseOptions(stageOptionsSchema, raw);
  const workspace = await workspaceOf(ctx);
  requireStage(workspace.config, options.stage);
  const { updateDeal } = await dealFile();
  const updated = updateDeal(workspace, options.deal, (deal) => {
    assertOpen(deal, "change its stage");
    return moveToStage(workspace.config, deal, options.stage);
  });
  for (const warning of passedGateWarnings(workspace.config, updated.deal)) ctx.out.warn(warning);
  report(ctx, workspace.root, updated, `${updated.deal.name} is now at ${updated.deal.stage}`);
}

const styleOptionsSchema = z.object({ deal: z.string(), style: buyerStyleSchema });

/** `coach deal style <deal> <style>`: the buyer's behaviour style, rehearsed in pre-call warm-ups. */
export async function runDealStyle(raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const options = parseOptions(styleOptionsSchema, raw);
  const workspace = await workspaceOf(ctx);
  const { updateDeal } = await dealFile();
  const updated = updateDeal(workspace, options.deal, (deal) => ({ ...deal, buyer_style: options.style }));
  report(ctx, workspace.root, updated, `${updated.deal.name}: the buyer's style is ${options.style}`);
}

const closeOptionsSchema = z.object({
  deal: z.string(),
  status: z.pipe(
    z.string().check(z.trim(), z.toLowerCase()),
    z.enum(CLOSED_STATUSES, { error: (issue) => notOneOfMessage(issue.input, CLOSED_STATUSES) }),
  ),
  note: z.optional(z.string().check(z.trim())),
});

/** `coach deal close <deal> won|lost|walked-away [--note N]` */
export async function runDealClose(raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const options = parseOptions(closeOptionsSchema, raw);
  const workspace = await workspaceOf(ctx);
  const { updateDeal } = await dealFile();
  const updated = updateDeal(workspace, options.deal, (deal) => {
    assertOpen(deal, "close it again");
    return closeDeal(deal, options.status, options.note || null, ctx.today);
  });
  const judgement =
    options.status === "walked-away" ? " (walking away from a deal that is not win/win is good judgement)" : "";
  report(ctx, workspace.root, updated, `${updated.deal.name}: ${options.status} on ${ctx.today}${judgement}`);
}

function report(ctx: Context, root: string, { deal, path }: DealFile, message: string): void {
  if (ctx.out.json) {
    ctx.out.printJson(deal);
    return;
  }
  ctx.out.data(deal.id);
  ctx.out.info(`${message} (${join(root, path)})`);
}

/** `coach deal add|list|show|gate|stage|style|close` */
export function defineDeal(deal: Command, act: Act): Command {
  withExamples(
    deal
      .command("add")
      .argument("<rep>", "rep id or name")
      .argument("<name>", "the deal's name, e.g. the account and what it buys")
      .option("--stage <stage>", "the stage it is at (default: the first stage)")
      .option("--value <amount>", "what the deal is worth, e.g. 48000")
      .option("--close <WHEN>", "expected close date: YYYY-MM-DD, friday, 3w, next month")
      .option("--buyer-style <style>", `the buyer's behaviour style: ${BEHAVIOUR_STYLES.join(", ")}`)
      .description("add a deal a rep is working")
      .action(act(runDealAdd, ["rep", "name"])),
    'coach deal add alex-kim "Acme renewal" --stage qualification --value 48000 --close 6w',
  );
  withExamples(
    deal
      .command("list")
      .argument("[rep]", "only this rep's deals")
      .option("--open", "open deals (the default)")
      .option("--all", "closed deals too")
      .description("list deals with their stage and gates")
      .action(act(runDealList, ["rep"])),
    "coach deal list",
    "coach deal list alex-kim --all --json",
  );
  withExamples(
    deal
      .command("show")
      .argument("<deal>", "deal id")
      .description("show a deal and the evidence for each gate")
      .action(act(runDealShow, ["deal"])),
    "coach deal show acme-renewal",
  );
  withExamples(
    deal
      .command("gate")
      .argument("<deal>", "deal id")
      .argument("<gate-id>", "a gate of coach.yaml, e.g. can-decide")
      .option("--evidence <text>", "what the buyer said or did that shows the gate is met")
      .option("--not-met", "record that the gate is not met (evidence optional)")
      .description("record a gate of a deal, with the buyer's evidence")
      .action(act(runDealGate, ["deal", "gate"])),
    'coach deal gate acme-renewal can-decide --evidence "The CFO said she signs off on it"',
    "coach deal gate acme-renewal can-decide --not-met",
  );
  withExamples(
    deal
      .command("stage")
      .argument("<deal>", "deal id")
      .argument("<stage>", "the stage it is at now")
      .description("move a deal to another stage")
      .action(act(runDealStage, ["deal", "stage"])),
    "coach deal stage acme-renewal solution",
  );
  withExamples(
    deal
      .command("style")
      .argument("<deal>", "deal id")
      .argument("<style>", BEHAVIOUR_STYLES.join(", "))
      .description("note the buyer's behaviour style (pre-call warm-ups rehearse it)")
      .action(act(runDealStyle, ["deal", "style"])),
    "coach deal style acme-renewal analytical",
  );
  withExamples(
    deal
      .command("close")
      .argument("<deal>", "deal id")
      .argument("<status>", CLOSED_STATUSES.join(", "))
      .option("--note <text>", "why, in a line")
      .description(`close a deal: ${DEAL_STATUSES.slice(1).join(", ")}`)
      .action(act(runDealClose, ["deal", "status"])),
    'coach deal close acme-renewal walked-away --note "No budget this year; not win/win"',
  );
  return withExamples(
    deal,
    'coach deal add alex-kim "Acme renewal"',
    "coach deal list",
    'coach deal gate acme-renewal need-admitted --evidence "Their COO said renewals slip every quarter"',
  );
}
