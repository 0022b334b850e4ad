import { decideFocus, type FocusChosenBy, MINDSET_SESSION } from "../domain/asking/focus-choice.js";
import type { Config, Stage } from "../domain/config.js";
import type { Goal } from "../domain/goals.js";
import { GOALS_FIRST_REASON, GOALS_SESSION, goalsConversationDue } from "../domain/goals-first.js";
import { closest } from "../domain/ids.js";
import { mindsetNeeded } from "../domain/mindset-focus.js";
import { chooseFocus, pickTemplate } from "../domain/plan.js";
import type { LoadedRecord, StoredRecord } from "../domain/record.js";
import type { Rep } from "../domain/rep.js";
import type { LoadedTemplate, Template } from "../domain/template.js";
import { badInput } from "../errors.js";
import { requireTemplate } from "../store/templates.js";
import { draftsTemplate } from "./draft-resume.js";

export interface SessionSetup {
  /** The plan followed, if any. */
  plan: StoredRecord | undefined;
  template: Template;
  stage: Stage;
  /** One line on where the questions come from, for the terminal. */
  why: string;
  /**
   * Who chose the focus: the manager (`--template`, a plan followed), else the tool's
   * suggestion until the rep's `focus_choice` says otherwise; a resumed draft keeps its own.
   */
  chosenBy: FocusChosenBy | undefined;
  /** What the suggestion is called when it is not the stage's own session ("the goals conversation"). */
  topic?: string;
}

export interface SetupOptions {
  plan?: string;
  template?: string;
  /** The session's date: a back-dated session follows only plans made by then. */
  date: string;
}

/**
 * What the session follows: a resumed draft keeps its plan and template; otherwise the
 * plan asked for (`--plan ID|latest`), else the rep's latest plan not yet held. The
 * questions come from `--template`, else the plan's session template, else the session
 * template for the rep's focus stage, chosen as `coach plan` chooses it.
 */
export function chooseSessionSetup(
  config: Config,
  rep: Rep,
  records: StoredRecord[],
  templates: LoadedTemplate[],
  options: SetupOptions,
  resumed: LoadedRecord | undefined,
): SessionSetup {
  const stageOf = (id: string | null | undefined) => config.stages.find((s) => s.id === id);
  if (resumed) {
    const { record: draft } = resumed;
    const plan = records.find(({ record }) => record.type === "plan" && record.id === draft.plan);
    const { template } = draftsTemplate(templates, resumed, "session", rep.id);
    const stage = stageOf(draft.stage) ?? chooseFocus(config, rep, records).stage;
    const chosenBy = draft.focus_chosen_by as FocusChosenBy | undefined;
    return { plan, template, stage, why: `resuming the draft of ${draft.date}`, chosenBy };
  }
  const plan = choosePlan(rep, records, options.plan, options.date);
  const planTemplate = typeof plan?.record.session_template === "string" ? plan.record.session_template : undefined;
  if (options.template || planTemplate) {
    const template = requireTemplate(templates, (options.template ?? planTemplate)!, "session").template;
    const single = template.stages.filter((s) => s !== "any");
    const stage =
      stageOf(plan?.record.stage) ??
      (single.length === 1 ? stageOf(single[0]) : undefined) ??
      chooseFocus(config, rep, records).stage;
    const why = plan ? `following plan ${plan.record.id}` : "chosen with --template";
    const said = options.template && plan ? `${why}, with --template ${template.id}` : why;
    return { plan, template, stage, why: said, chosenBy: "manager", topic: topicOf(template) };
  }
  const focus = chooseFocus(config, rep, records, plan?.record.stage ?? undefined);
  const goalsSession = templates.find((t) => t.template.id === GOALS_SESSION && t.template.kind === "session");
  if (!plan && goalsSession && goalsConversationDue(rep, records)) {
    const why = `no plan to follow; ${GOALS_FIRST_REASON}`;
    const template = goalsSession.template;
    return { plan, template, stage: focus.stage, why, chosenBy: "tool", topic: topicOf(template) };
  }
  const mindset = plan ? undefined : mindsetNeeded(config, records);
  const mindsetSession = mindset && templates.find((t) => t.template.id === MINDSET_SESSION);
  if (mindset && mindsetSession) {
    const why = `no plan to follow; ${mindset.reason}`;
    const template = mindsetSession.template;
    return { plan, template, stage: focus.stage, why, chosenBy: "tool", topic: topicOf(template) };
  }
  const picked = pickTemplate(templates, "session", focus.stage.id);
  if (!picked)
    throw badInput(
      "no_template",
      `no session template for stage '${focus.stage.id}'`,
      "add one under templates/session/ or pass --template",
    );
  const why = plan
    ? `following plan ${plan.record.id}`
    : `no plan to follow; focus ${focus.stage.name}: ${focus.reason}`;
  return { plan, template: picked.template, stage: focus.stage, why, chosenBy: plan ? "manager" : "tool" };
}

/** What the suggestion is called when its session is not a stage's own (a plan's may be either). */
function topicOf(template: Template): string | undefined {
  if (template.id === GOALS_SESSION) return "the goals conversation";
  if (template.id === MINDSET_SESSION) return "the mindset session";
  return undefined;
}

/** The setup once the rep has answered `focus_choice`: `keep` leaves it, a goal, stage or skill changes the questions. */
export function applyFocusChoice(
  config: Config,
  templates: LoadedTemplate[],
  setup: SessionSetup,
  choice: string,
  goals: readonly Goal[],
): SessionSetup {
  const decision = decideFocus(config, choice, setup.stage, goals);
  if (decision.chosenBy === "tool") return setup;
  const template = decision.template
    ? requireTemplate(templates, decision.template, "session").template
    : pickTemplate(templates, "session", decision.stage.id)?.template;
  if (!template)
    throw badInput(
      "no_template",
      `no session template for stage '${decision.stage.id}'`,
      "add one under templates/session/, or keep the suggested focus",
    );
  return { plan: setup.plan, template, stage: decision.stage, why: decision.why, chosenBy: "rep" };
}

/** `--plan ID`, `--plan latest`, or by default the latest plan not yet held (none is fine). */
function choosePlan(
  rep: Rep,
  records: StoredRecord[],
  wanted: string | undefined,
  date: string,
): StoredRecord | undefined {
  const plans = records.filter(({ record }) => record.type === "plan" && record.status !== "draft");
  const notHeld = plans.filter(({ record }) => record.status === "planned" && record.date <= date);
  if (wanted === undefined) return notHeld.at(-1);
  if (wanted === "latest") {
    const latest = notHeld.at(-1);
    if (!latest)
      throw badInput(
        "no_plan",
        `${rep.id} has no plan waiting to be held`,
        `make one with \`coach plan ${rep.id}\`, or leave out --plan`,
      );
    return latest;
  }
  const plan = plans.find(({ record }) => record.id === wanted);
  if (!plan) {
    const guess = closest(
      wanted,
      plans.map(({ record }) => record.id),
    );
    throw badInput(
      "unknown_plan",
      `no plan '${wanted}' for ${rep.id}`,
      guess ? `did you mean '${guess}'?` : "use --plan latest, or leave it out",
    );
  }
  if (plan.record.status !== "planned") {
    const held = typeof plan.record.held_in === "string" ? ` in ${plan.record.held_in}` : "";
    throw badInput(
      "plan_held",
      `plan '${wanted}' was already held${held}`,
      `make a new one with \`coach plan ${rep.id}\`, or leave out --plan`,
    );
  }
  return plan;
}
