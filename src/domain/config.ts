import * as z from "zod/mini";
import { badInput } from "../errors.js";
import { closest, isSlug, slugify } from "./ids.js";
import { once } from "./once.js";
import { type FieldsProblem, strictObject } from "./strict.js";

/** What the buyer must have said or done before a deal moves on; `id` names it in deals and answers. */
export interface Gate {
  id: string;
  text: string;
}

export interface Stage {
  id: string;
  name: string;
  description: string;
  gates: Gate[];
  skills: string[];
}

/** The four agreements of a qualified buyer (DOMAIN.md), the default qualification gates. */
export const FOUR_AGREEMENTS: Gate[] = [
  { id: "need-admitted", text: "The buyer admits a need, in their own words" },
  { id: "open-to-solutions", text: "The buyer is open to changing how it is done today" },
  { id: "agreed-to-discuss", text: "The buyer agreed to look at a solution with us" },
  { id: "can-decide", text: "The buyer can make the decision, or has brought in who can" },
];

/** The default process, modelled on common needs-based selling (DOMAIN.md). */
export const DEFAULT_STAGES: Stage[] = [
  {
    id: "prospecting",
    name: "Prospecting",
    description: "Approach the buyer and earn the first conversation.",
    gates: [{ id: "meeting-accepted", text: "A meeting the buyer accepted" }],
    skills: ["pre-call-planning", "opening-statement"],
  },
  {
    id: "discovery",
    name: "Discovery",
    description: "Interview the buyer about needs, wants and problems; listen most of the time.",
    gates: [{ id: "needs-stated", text: "Needs stated in the buyer's own words" }],
    skills: ["open-questions", "active-listening", "paraphrasing"],
  },
  {
    id: "qualification",
    name: "Qualification",
    description: "Confirm the four agreements: a need, openness, willingness to discuss, ability to decide.",
    gates: FOUR_AGREEMENTS,
    skills: ["four-agreements", "decision-process"],
  },
  {
    id: "solution",
    name: "Solution",
    description: "Show value tied to the needs the buyer stated.",
    gates: [{ id: "fit-confirmed", text: "The buyer confirms the fit" }],
    skills: ["value-statements", "tailoring-to-needs"],
  },
  {
    id: "negotiation",
    name: "Negotiation",
    description: "Validate, handle objections and agree terms.",
    gates: [
      { id: "objections-resolved", text: "Objections resolved" },
      { id: "terms-agreed", text: "Terms agreed" },
    ],
    skills: ["objection-handling", "validating-concerns"],
  },
  {
    id: "closing",
    name: "Closing",
    description: "Ask for and secure the commitment.",
    gates: [{ id: "order-signed", text: "A signed order" }],
    skills: ["asking-for-commitment"],
  },
  {
    id: "account-care",
    name: "Account care",
    description: "Serve and grow the account after the sale.",
    gates: [
      { id: "issues-solved", text: "Issues solved at the root" },
      { id: "referrals-given", text: "Referrals given" },
    ],
    skills: ["service-recovery", "asking-for-referrals"],
  },
];

/** Skills practised at every stage: the mindset side and adapting to a buyer's style. */
export const DEFAULT_CORE_SKILLS = ["self-talk", "purpose", "style-adaptation"];

const DEFAULT_CADENCE = { one_on_one_days: 7, drill_days: 7 };
const DEFAULT_REVIEW_DAYS = 90;

/** coach.yaml. Every field is optional: a missing one takes the default. Built on first use. */
export const configSchema = once(() => {
  const slug = z.string().check(z.refine(isSlug, "use a lowercase slug such as 'open-questions'"));
  const days = z.number({ error: "expected a number of days, such as 7" }).check(
    z.int("expected a whole number of days, such as 7"),
    z.positive("expected at least 1 day"),
    // Beyond it, dates leave the calendar (a review "from -271764-03") or cannot be made at all.
    z.maximum(3650, "expected at most 3650 days (ten years)"),
  );
  // A plain string is the gate's text, and its id the slug of that text.
  const gate = z.pipe(
    z.transform((value: unknown) => (typeof value === "string" ? { id: slugify(value), text: value } : value)),
    strictObject({ id: z.union([slug, z.literal("")]), text: z.string().check(z.minLength(1)) }),
  );
  const stage = strictObject(
    {
      id: slug,
      name: z.string().check(z.minLength(1)),
      description: z._default(z.string(), ""),
      gates: z._default(z.array(gate), []),
      skills: z._default(z.array(slug), []),
    },
    gateIdProblems,
  ) satisfies z.ZodMiniType<Stage, unknown>;
  return strictObject(
    {
      manager: z._default(z.string(), ""),
      stages: z._default(z.array(stage).check(z.minLength(1, "a workspace needs at least one stage")), DEFAULT_STAGES),
      core_skills: z._default(z.array(slug), DEFAULT_CORE_SKILLS),
      cadence: z._default(
        strictObject({
          one_on_one_days: z._default(days, DEFAULT_CADENCE.one_on_one_days),
          drill_days: z._default(days, DEFAULT_CADENCE.drill_days),
        }),
        DEFAULT_CADENCE,
      ),
      defaults: z._default(
        strictObject({
          review_days: z._default(days, DEFAULT_REVIEW_DAYS),
        }),
        { review_days: DEFAULT_REVIEW_DAYS },
      ),
    },
    stageIdProblems,
  );
});

// The two checks below span several entries of a list. They run through strictObject's
// `alongside`, in the same pass as each field's own check, so one run reports them with the
// rest of the file. So they read the entries as written (a gate written as a string is
// already {id, text} here) and skip an entry whose id is itself wrong: that is its own problem.

/** Stage ids name stages in templates, deals and records, so each is used once; the second one is reported. */
function stageIdProblems({ stages }: Record<string, unknown>): FieldsProblem[] {
  const seen = new Set<string>();
  return entries(stages).flatMap(({ id }, index) => {
    if (typeof id !== "string" || !isSlug(id)) return [];
    const twice = seen.has(id);
    seen.add(id);
    return twice
      ? [{ path: ["stages", index, "id"], message: `stage id '${id}' is used twice; give one of them its own id` }]
      : [];
  });
}

/** A gate whose text gives no slug needs its own id; ids name gates in deals, so they are unique per stage. */
function gateIdProblems({ gates }: Record<string, unknown>): FieldsProblem[] {
  const seen = new Set<string>();
  return entries(gates).flatMap((gate, index) => {
    const { id, text } = gate;
    const isId = typeof id === "string" && isSlug(id);
    // An empty text is the text's own problem, not a missing id.
    const problem =
      id === "" && typeof text === "string" && text !== ""
        ? `give this gate an id: {id: a-slug, text: "${text}"}`
        : isId && seen.has(id)
          ? `gate id '${id}' is used twice in this stage; give one of them its own id`
          : undefined;
    if (isId) seen.add(id);
    return problem ? [{ path: ["gates", index], message: problem }] : [];
  });
}

/** A list's entries that are mappings, each at its index; anything else is its own problem (and reads as {}). */
function entries(list: unknown): Record<string, unknown>[] {
  if (!Array.isArray(list)) return [];
  return list.map((entry) => (typeof entry === "object" && entry !== null && !Array.isArray(entry) ? entry : {}));
}

export type Config = z.infer<ReturnType<typeof configSchema>>;

/** What an empty coach.yaml gives (a test holds the two together). */
export const DEFAULT_CONFIG: Config = {
  manager: "",
  stages: DEFAULT_STAGES,
  core_skills: DEFAULT_CORE_SKILLS,
  cadence: DEFAULT_CADENCE,
  defaults: { review_days: DEFAULT_REVIEW_DAYS },
};

export function stageById(config: Config, id: string): Stage | undefined {
  return config.stages.find((stage) => stage.id === id);
}

/** Every skill the workspace knows: each stage's, then the core ones. */
export function allSkills(config: Config): string[] {
  return [...new Set([...config.stages.flatMap((s) => s.skills), ...config.core_skills])];
}

/** The stage a skill is practised at, if any (core skills belong to none). */
export function stageOfSkill(config: Config, skill: string): Stage | undefined {
  return config.stages.find((stage) => stage.skills.includes(skill));
}

/** A stage named by the user: unknown ones are an exit-2 error with a did-you-mean. */
export function requireStage(config: Config, id: string): Stage {
  const stage = stageById(config, id);
  if (stage) return stage;
  const stages = config.stages.map((s) => s.id);
  const guess = closest(id, stages);
  throw badInput(
    "unknown_stage",
    `no stage '${id}'`,
    guess ? `did you mean '${guess}'?` : `stages: ${stages.join(", ")}`,
  );
}

/** A skill named by the user: unknown ones are an exit-2 error with a did-you-mean. */
export function requireSkill(config: Config, id: string): string {
  const skills = allSkills(config);
  if (skills.includes(id)) return id;
  const guess = closest(id, skills);
  throw badInput(
    "unknown_skill",
    `no skill '${id}'`,
    guess
      ? `did you mean '${guess}'? See the skills of each stage in coach.yaml`
      : "see the skills of each stage in coach.yaml",
  );
}
