import * as z from "zod/mini";
import { isoDateSchema } from "./dates.js";
import { idPattern, isSlug, SLUG_PART } from "./ids.js";
import { once } from "./once.js";
import { COACHING_KINDS, FOCUSES } from "./template-terms.js";

export const RECORD_SCHEMA = "coach/record@1";
export const RECORD_TYPES = ["plan", "session", "drill", "note"] as const;
export const RECORD_STATUSES = ["planned", "completed", "draft"] as const;
/** `tried`: the rep made the attempt and learned something; it closes the commitment as a success of its own kind. */
export const ACTION_STATUSES = ["open", "done", "tried", "dropped"] as const;
export const OWNERS = ["rep", "manager"] as const;
/** `huddle`: the short unscored talk before a call; it practises nothing the schedule counts. */
export const DRILL_MODES = ["pre-call", "practice", "clinic", "huddle"] as const;

export type RecordType = (typeof RECORD_TYPES)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export type Owner = (typeof OWNERS)[number];

/**
 * Record front matter. Loose: keys a person adds are kept on rewrite; the fields the
 * tool relies on are checked strictly. Built on first use (a warm read checks none).
 */
const recordSchemas = once(() => {
  const slug = z.string().check(z.refine(isSlug, "expected a lowercase slug"));
  const answerValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);
  const action = z.object({
    id: z.string().check(z.regex(/^[a-z0-9]{4,12}$/, "expected a short action id")),
    text: z.string().check(z.minLength(1)),
    owner: z._default(z.enum(OWNERS), "rep"),
    due: z._default(z.nullable(isoDateSchema), null),
    status: z._default(z.enum(ACTION_STATUSES), "open"),
    closed_on: z._default(z.nullable(isoDateSchema), null),
    /** The id of the rep's goal this commitment serves. */
    goal: z.optional(z.string()),
  });
  const followUp = z.object({
    action: z.string(),
    text: z.optional(z.string()),
    status: z.enum(ACTION_STATUSES),
    note: z.optional(z.string()),
    /** A new due date given to a commitment left open. */
    due: z.optional(isoDateSchema),
  });
  /** A correction of a commitment (`coach actions edit`): only the fields it changes. */
  const actionEdit = z.object({
    action: z.string(),
    text: z.optional(z.string().check(z.minLength(1))),
    owner: z.optional(z.enum(OWNERS)),
    due: z.optional(z.nullable(isoDateSchema)),
    /** null: the commitment no longer names a goal (`--no-goal`). */
    goal: z.optional(z.nullable(z.string())),
  });
  const answer = z.object({ id: z.string(), prompt: z.string(), answer: answerValue });
  const roundResult = z.looseObject({
    prompt: z.string(),
    response: z._default(z.string(), ""),
    score: z.number().check(z.int(), z.gte(1), z.lte(5)),
    /** The rubric items ticked (their indexes); the score was computed from them. */
    met: z.optional(z.array(z.number().check(z.int(), z.gte(0)))),
    notes: z._default(z.string(), ""),
    skill: z.optional(z.string()),
  });
  const record = z.looseObject({
    schema: z.literal(RECORD_SCHEMA, { error: `expected '${RECORD_SCHEMA}'` }),
    id: z.string().check(z.minLength(1)),
    type: z.enum(RECORD_TYPES),
    rep: slug,
    date: isoDateSchema,
    status: z.enum(RECORD_STATUSES),
    template: z.optional(z.nullable(z.string())),
    stage: z.optional(z.nullable(z.string())),
    coaching_kind: z.optional(z.nullable(z.enum(COACHING_KINDS))),
    focus: z.optional(z.nullable(z.enum(FOCUSES))),
    answers: z.optional(z.array(answer)),
    ratings: z.optional(z.record(z.string(), z.number().check(z.int(), z.gte(1), z.lte(5)))),
    actions: z.optional(z.array(action)),
    follow_ups: z.optional(z.array(followUp)),
    edits: z.optional(z.array(actionEdit)),
    plan: z.optional(z.nullable(z.string())),
    held_in: z.optional(z.nullable(z.string())),
    rounds: z.optional(z.array(roundResult)),
    skill: z.optional(z.nullable(z.string())),
    mode: z.optional(z.nullable(z.enum(DRILL_MODES))),
  });
  return { action, followUp, actionEdit, answer, roundResult, record };
});
type RecordSchemas = ReturnType<typeof recordSchemas>;

export const recordSchema = (): RecordSchemas["record"] => recordSchemas().record;
export type CoachRecord = z.infer<RecordSchemas["record"]>;
export type Action = z.infer<RecordSchemas["action"]>;
export type FollowUp = z.infer<RecordSchemas["followUp"]>;
export type ActionEdit = z.infer<RecordSchemas["actionEdit"]>;
export type Answer = z.infer<RecordSchemas["answer"]>;
export type RoundResult = z.infer<RecordSchemas["roundResult"]>;

/** What a drill round's summary keeps: all any report reads. */
export type RoundScore = Pick<RoundResult, "score" | "skill">;

/** The fields the schema knows, without the keys a person may add. */
type RecordFields = z.output<z.ZodMiniObject<RecordSchemas["record"]["shape"]>>;

/** A summary's known fields: a record without its answers, drill rounds reduced to their scores. */
export type SummaryFields = Omit<RecordFields, "answers" | "rounds"> & { rounds?: RoundScore[] };

/**
 * What the index hands out (readRecords): everything reports read, and the keys a person
 * added, but no `answers` and no drill round's prompt, response or notes. A command that
 * needs those reads the file (readRecordFile). A full record is a summary too.
 */
export type RecordSummary = SummaryFields & { [key: string]: unknown };

/** A completed drill that practised and scored skills; a huddle before a call is no practice. */
export function isScoredDrill(record: Pick<RecordSummary, "type" | "status" | "mode">): boolean {
  return record.type === "drill" && record.status === "completed" && record.mode !== "huddle";
}

/** A record's summary: what the index keeps of it. */
export function toSummary(record: CoachRecord): RecordSummary {
  const { answers: _answers, rounds, ...rest } = record;
  if (!rounds) return rest;
  return { ...rest, rounds: rounds.map(({ score, skill }) => (skill === undefined ? { score } : { score, skill })) };
}

/** A whole record, read from its file, with that file's path relative to the workspace. */
export interface LoadedRecord {
  path: string;
  record: CoachRecord;
}

/** A record's summary with the file it lives in, relative to the workspace. */
export interface StoredRecord {
  path: string;
  record: RecordSummary;
}

/** `2026-11-22-session-discovery-k3f9`: sorts by date, says what it is, unique by suffix. */
export function recordId(date: string, type: RecordType, slugPart: string, suffix: string): string {
  return `${date}-${type}-${slugPart}-${suffix}`;
}

export const isRecordFileName = idPattern(
  /^\d{4}-\d{2}-\d{2}-(?:plan|session|drill|note)-[a-z0-9-]+\.md$/,
  `^\\d{4}-\\d{2}-\\d{2}-(?:plan|session|drill|note)-${SLUG_PART}\\.md$`,
);
