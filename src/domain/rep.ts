import * as z from "zod/mini";
import { goalsSchema } from "./goals.js";
import { isSlug } from "./ids.js";
import { once } from "./once.js";

export const BEHAVIOUR_STYLES = ["driver", "expressive", "amiable", "analytical"] as const;
export type BehaviourStyle = (typeof BEHAVIOUR_STYLES)[number];

/** Built on first use, as every schema a warm run may not need (see once.ts). */
export const repSchema = once(() =>
  z.looseObject({
    id: z.string().check(z.refine(isSlug, "expected a lowercase slug such as 'alex-kim'")),
    name: z.string().check(z.minLength(1)),
    role: z._default(z.string(), ""),
    style: z._default(
      z.nullable(z.enum(BEHAVIOUR_STYLES, { error: `expected one of ${BEHAVIOUR_STYLES.join(", ")}` })),
      null,
    ),
    goals: goalsSchema(),
    strengths: z.optional(z.array(z.string())),
    focus_stage: z._default(z.nullable(z.string()), null),
    added: z.optional(z.string()),
    archived: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD"))),
  }),
);
export type Rep = z.infer<ReturnType<typeof repSchema>>;

/**
 * How a manager adapts to each style: awareness of your own, alignment to theirs,
 * action in the moment (DOMAIN.md, "Behaviour styles").
 */
export const STYLE_ADAPTATION: Record<BehaviourStyle, string> = {
  driver: "Be brief and concrete: lead with the outcome, offer options and let them choose; skip the small talk.",
  expressive:
    "Give them room to talk and think aloud; connect goals to recognition and the bigger picture; write down the commitments.",
  amiable:
    "Start with the relationship; ask gently and leave silence; make the first step small and safe; check for unspoken doubts.",
  analytical:
    "Bring evidence and specifics; send the agenda ahead; give time to think before they commit; agree on clear criteria.",
};
