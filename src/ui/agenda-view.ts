import { isGoalsConversation } from "../domain/goals-first.js";
import { describeActionTiming } from "../domain/history.js";
import type { PlanInput } from "../domain/plan-record.js";
import { ratingsFrom } from "../domain/questions.js";
import { STYLE_ADAPTATION } from "../domain/rep.js";
import { followUpList, type SessionInput } from "../domain/session-record.js";
import { GROW_STEPS } from "../domain/template-terms.js";
import type { Style } from "./style.js";
import { wrap } from "./wrap.js";

/** A screen: a list of blocks, each a title and its items. */
interface Block {
  title: string;
  items: string[];
}

const GROW_TITLES: Record<string, string> = {
  goal: "Goal",
  reality: "Reality",
  options: "Options",
  will: "Way forward",
};

/**
 * What the terminal shows after `coach plan`: a compact agenda, not the whole record. The
 * cautions come first and again last, just above the record's path, so the one thing that
 * must not be missed ("Block it now.") is still on screen when the command returns.
 */
export function planAgenda(input: PlanInput, path: string, style: Style, width: number): string {
  const { rep, focus } = input;
  const blocks: Block[] = [];
  if (input.lastSession) blocks.push({ title: "", items: [input.lastSession] });
  if (input.followUps.length)
    blocks.push({
      title: `Follow up (${input.followUps.length})`,
      items: input.followUps.map(
        (t) => `${t.action.id} ${t.action.text} (${t.action.owner}; ${describeActionTiming(t, input.date)})`,
      ),
    });
  if (rep.style) blocks.push({ title: `Adapting to ${rep.name} (${rep.style})`, items: [STYLE_ADAPTATION[rep.style]] });
  if (input.drillsDue.length) blocks.push({ title: "Drills due", items: input.drillsDue });
  const questions = input.sessionTemplate?.questions ?? [];
  const steps = [...GROW_STEPS, undefined].map((step) => ({
    title: step ? GROW_TITLES[step]! : "Also",
    items: questions.filter((q) => q.grow === step).map((q) => q.prompt),
  }));
  for (const step of steps.filter((s) => s.items.length)) blocks.push({ ...step, title: `Ask: ${step.title}` });
  const head = `1:1 plan: ${rep.name}, ${input.date}. Focus: ${focus.topic ?? focus.stage.name} (${focus.reason}).`;
  return screen(style, width, head, input.warnings, blocks, `Full plan: ${path}`);
}

/**
 * What the terminal shows after `coach session`: what was agreed and rated, with the
 * cautions first and last, then the record's path.
 */
export function sessionSummary(input: SessionInput, path: string, style: Style, width: number): string {
  const said: Record<string, string> = { done: "done", tried: "tried", open: "not yet", dropped: "dropped" };
  const blocks: Block[] = [];
  const followUps = followUpList(input);
  if (followUps.length)
    blocks.push({
      title: "Follow-ups",
      items: followUps.map(
        (f) => `${f.action} ${f.text ?? ""}: ${said[f.status]}${f.due ? ` (now due ${f.due})` : ""}`,
      ),
    });
  const ratings = Object.entries(ratingsFrom(input.questions, input.answers));
  if (ratings.length)
    blocks.push({ title: "Ratings", items: [ratings.map(([skill, value]) => `${skill} ${value}/5`).join(", ")] });
  if (input.actions.length)
    blocks.push({
      title: `Commitments (${input.actions.length})`,
      items: input.actions.map((a) => `${a.id} ${a.text} (${a.owner}, ${a.due ? `due ${a.due}` : "no due date"})`),
    });
  const about = isGoalsConversation(input.template) ? `${input.rep.name}'s own goals` : input.stage.name;
  const head = `1:1 recorded: ${input.rep.name}, ${input.date}: ${input.template.title} (${about}).`;
  return screen(style, width, head, sessionCautions(input), blocks, `Full record: ${path}`);
}

/** What the manager should act on after a 1:1: nothing agreed, a commitment without a date, work taken over. */
export function sessionCautions(input: SessionInput): string[] {
  const cautions: string[] = [];
  if (!input.actions.length)
    cautions.push(
      `No commitment was made: agree on one with ${input.rep.name} (\`coach actions add ${input.rep.id}\`).`,
    );
  const undated = input.actions.filter((a) => !a.due);
  if (undated.length)
    cautions.push(
      `${undated.length === 1 ? "A commitment has" : `${undated.length} commitments have`} no due date: ` +
        `set one with \`coach actions edit ${undated[0]!.id} --due friday\`.`,
    );
  if (input.tookOver)
    cautions.push(
      `You did part of ${input.rep.name}'s work: next time coach them to do it, so the skill stays with them.`,
    );
  return cautions;
}

function screen(style: Style, width: number, head: string, cautions: string[], blocks: Block[], last: string): string {
  const caution = cautions.map((c) => style.yellow(wrap(c, width, "! ", "  ")));
  const lines = [wrap(head, width), ...caution];
  for (const block of blocks) {
    lines.push("");
    if (block.title) lines.push(style.bold(block.title));
    const bullet = block.title ? "- " : "";
    for (const item of block.items) lines.push(wrap(item, width, bullet, " ".repeat(bullet.length)));
  }
  if (cautions.length) lines.push("", ...caution);
  lines.push("", last);
  return lines.join("\n");
}
