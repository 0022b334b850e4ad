import type { Template } from "./template.js";

// The words templates are made of, apart from template.ts's zod schemas: a module that
// needs only these (records, reviews) does not build those schemas when it loads.

export const QUESTION_TYPES = [
  "text",
  "editor",
  "choice",
  "multi",
  "scale",
  "confirm",
  "number",
  "date",
  "list",
] as const;
export const TEMPLATE_KINDS = ["plan", "session", "drill"] as const;
export const COACHING_KINDS = ["advisor", "performance", "deal", "training"] as const;
export const FOCUSES = ["skillset", "mindset", "both"] as const;
export const GROW_STEPS = ["goal", "reality", "options", "will"] as const;

export type CoachingKind = (typeof COACHING_KINDS)[number];
export type Focus = (typeof FOCUSES)[number];

export function appliesToStage(template: Template, stage: string): boolean {
  return template.stages.includes("any") || template.stages.includes(stage);
}
