import * as z from "zod";
import { badInput } from "../errors.js";
import { closest } from "./ids.js";
import { once } from "./once.js";

export interface Stage {
  id: string;
  name: string;
  description: string;
  gates: string[];
  skills: string[];
}

/** The default process, modelled on common needs-based selling (DOMAIN.md). */
export const DEFAULT_STAGES: Stage[] = [
  {
    id: "prospecting",
    name: "Prospecting",
    description: "Approach the buyer and earn the first conversation.",
    gates: ["A meeting the buyer accepted"],
    skills: ["pre-call-planning", "opening-statement"],
  },
  {
    id: "discovery",
    name: "Discovery",
    description: "Interview the buyer about needs, wants and problems; listen most of the time.",
    gates: ["Needs stated in the buyer's own words"],
    skills: ["open-questions", "active-listening", "paraphrasing"],
  },
  {
    id: "qualification",
    name: "Qualification",
    description: "Confirm the four agreements: a need, openness, willingness to discuss, ability to decide.",
    gates: ["All four agreements confirmed by the buyer"],
    skills: ["four-agreements", "decision-process"],
  },
  {
    id: "solution",
    name: "Solution",
    description: "Show value tied to the needs the buyer stated.",
    gates: ["The buyer confirms the fit"],
    skills: ["value-statements", "tailoring-to-needs"],
  },
  {
    id: "negotiation",
    name: "Negotiation",
    description: "Validate, handle objections and agree terms.",
    gates: ["Objections resolved", "Terms agreed"],
    skills: ["objection-handling", "validating-concerns"],
  },
  {
    id: "closing",
    name: "Closing",
    description: "Ask for and secure the commitment.",
    gates: ["A signed order"],
    skills: ["asking-for-commitment"],
  },
  {
    id: "account-care",
    name: "Account care",
    description: "Serve and grow the account after the sale.",
    gates: ["Issues solved at the root", "Referrals given"],
    skills: ["service-recovery", "asking-for-referrals"],
  },
];

/** Skills practised at every stage: the mindset side and adapting to a buyer's style. */
export const DEFAULT_CORE_SKILLS = ["self-talk", "purpose", "style-adaptation"];

const DEFAULT_CADENCE = { one_on_one_days: 7, drill_days: 7 };
const DEFAULT_REVIEW_DAYS = 90;

/** coach.yaml. Every field is optional: a missing one takes the default. Built on first use. */
export const configSchema = once(() => {
  const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use a lowercase slug such as 'open-questions'");
  const stage = z.object({
    id: slug,
    name: z.string().min(1),
    description: z.string().default(""),
    gates: z.array(z.string()).default([]),
    skills: z.array(slug).default([]),
  }) satisfies z.ZodType<Stage, unknown>;
  return z.object({
    manager: z.string().default(""),
    stages: z
      .array(stage)
      .min(1, "a workspace needs at least one stage")
      .default(DEFAULT_STAGES)
      .refine((stages) => new Set(stages.map((s) => s.id)).size === stages.length, "stage ids must be unique"),
    core_skills: z.array(slug).default(DEFAULT_CORE_SKILLS),
    cadence: z
      .object({
        one_on_one_days: z.number().int().positive().default(DEFAULT_CADENCE.one_on_one_days),
        drill_days: z.number().int().positive().default(DEFAULT_CADENCE.drill_days),
      })
      .default(DEFAULT_CADENCE),
    defaults: z
      .object({
        review_days: z.number().int().positive().default(DEFAULT_REVIEW_DAYS),
      })
      .default({ review_days: DEFAULT_REVIEW_DAYS }),
  });
});
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
