import type { Config, Stage } from "./config.js";
import type { LoadedTemplate, Question, Template } from "./template.js";

/** Where a template made from coach.yaml comes from, in `templates list` and the plan. */
export const GENERATED = "generated";

const EVIDENCE_HELP = "Evidence is the buyer's side: what the buyer said or did, not what the rep did or sent.";

/**
 * A plan and a session template for each stage that has none written for it, made from
 * the stage's gates and skills: a team's own process works before anyone writes templates,
 * and the plan says the questions were generated. Ids follow the built-ins (`plan-<stage>`).
 */
export function generatedTemplates(config: Config, templates: LoadedTemplate[]): LoadedTemplate[] {
  const taken = new Set(templates.map(({ template }) => template.id));
  const hasOwn = (kind: Template["kind"], stage: string) =>
    templates.some(({ template }) => template.kind === kind && template.stages.includes(stage));
  const made: LoadedTemplate[] = [];
  for (const stage of config.stages) {
    for (const kind of ["plan", "session"] as const) {
      if (hasOwn(kind, stage.id)) continue;
      const id = taken.has(`${kind}-${stage.id}`) ? `${kind}-${stage.id}-generated` : `${kind}-${stage.id}`;
      taken.add(id);
      const template = kind === "plan" ? planFor(stage, id) : sessionFor(stage, id);
      made.push({ template, source: GENERATED });
    }
  }
  return made;
}

/** The plan's note that its questions were generated, and how to write your own. */
export function generatedNote(stage: Stage, made: Template[]): string {
  const what = made.map((t) => `${t.kind} template ${t.id}`).join(" and the ");
  const files = made.map((t) => `templates/${t.kind}/${t.id}.yaml`).join(" and ");
  return (
    `The ${what} were generated from the gates and skills of ${stage.name} in coach.yaml, ` +
    `as none is written for it; write ${files} to use your own questions.`
  );
}

function base(stage: Stage, id: string, kind: Template["kind"], minutes: number): Omit<Template, "questions"> {
  return {
    id,
    title: `${stage.name}: ${kind === "plan" ? "prepare the 1:1" : "coach the stage"} (generated)`,
    kind,
    stages: [stage.id],
    coaching_kind: "training",
    focus: "skillset",
    minutes,
    description:
      `Generated from the gates and skills of ${stage.name} in coach.yaml, as no ${kind} template is written ` +
      `for it. Write templates/${kind}/${id}.yaml to use your own questions instead.`,
  };
}

const open = (id: string, prompt: string, extra: Partial<Question> = {}): Question => ({
  id,
  prompt,
  type: "text",
  required: true,
  ...extra,
});

function gateQuestions(stage: Stage, extra: Partial<Question> = {}): Question[] {
  return stage.gates.map((gate) =>
    open(`gate-${gate.id}`, `In the deals at ${stage.name}, what has a buyer said or done that shows '${gate.text}'?`, {
      help: `${EVIDENCE_HELP} Leave it empty if there is none yet.`,
      required: false,
      ...extra,
    }),
  );
}

function skillRatings(stage: Stage): Question[] {
  return stage.skills.map((skill) => ({
    id: `rate-${skill}`,
    prompt: `Rate together: how well do you do ${skill.replaceAll("-", " ")} at ${stage.name} today, 1 to 5?`,
    type: "scale",
    skill,
    required: true,
    grow: "reality",
  }));
}

function planFor(stage: Stage, id: string): Template {
  return {
    ...base(stage, id, "plan", 10),
    questions: [
      open("outcome", `What should the rep be able to do at ${stage.name} after this 1:1 that they cannot do today?`),
      ...gateQuestions(stage),
      open("observed", `What did you last see or hear this rep do at ${stage.name}, on a call or in writing?`, {
        help: "If you have seen nothing yet, note which call you will join or which document you will read.",
      }),
      open("opening_question", "Which open question will you start with?"),
    ],
  };
}

function sessionFor(stage: Stage, id: string): Template {
  return {
    ...base(stage, id, "session", 30),
    questions: [
      open("goal", `What would you like to do better at ${stage.name} by the end of the month?`, { grow: "goal" }),
      ...gateQuestions(stage, { grow: "reality" }),
      ...skillRatings(stage),
      open("options", `What could you try on your next call at ${stage.name}? Name a few options.`, {
        type: "list",
        grow: "options",
      }),
      open("borrow", `What has worked at ${stage.name} for someone else on the team that you could borrow?`, {
        grow: "options",
        required: false,
      }),
      open("will", "Which of these will you do, on which call, and by when?", { grow: "will" }),
      open("obstacle", "What might get in the way, and what will you do if it does?", {
        grow: "will",
        required: false,
      }),
    ],
  };
}
