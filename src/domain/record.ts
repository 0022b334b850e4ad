import * as z from "zod";
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
  const slug = z.string().refine(isSlug, "expected a lowercase slug");
  const answerValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);
  const action = z.object({
    id: z.string().regex(/^[a-z0-9]{4,12}$/, "expected a short action id"),
    text: z.string().min(1),
    owner: z.enum(OWNERS).default("rep"),
    due: isoDateSchema.nullable().default(null),
    status: z.enum(ACTION_STATUSES).default("open"),
    closed_on: isoDateSchema.nullable().default(null),
    /** The id of the rep's goal this commitment serves. */
    goal: z.string().optional(),
  });
  const followUp = z.object({
    action: z.string(),
    text: z.string().optional(),
    status: z.enum(ACTION_STATUSES),
    note: z.string().optional(),
    /** A new due date given to a commitment left open. */
    due: isoDateSchema.optional(),
  });
  /** A correction of a commitment (`coach actions edit`): only the fields it changes. */
  const actionEdit = z.object({
    action: z.string(),
    text: z.string().min(1).optional(),
    owner: z.enum(OWNERS).optional(),
    due: isoDateSchema.nullable().optional(),
    /** null: the commitment no longer names a goal (`--no-goal`). */
    goal: z.string().nullable().optional(),
  });
  const answer = z.object({ id: z.string(), prompt: z.string(), answer: answerValue });
  const roundResult = z.looseObject({
    prompt: z.string(),
    response: z.string().default(""),
    score: z.number().int().min(1).max(5),
    /** The rubric items ticked (their indexes); the score was computed from them. */
    met: z.array(z.number().int().min(0)).optional(),
    notes: z.string().default(""),
    skill: z.string().optional(),
  });
  const record = z.looseObject({
    schema: z.literal(RECORD_SCHEMA, { error: `expected '${RECORD_SCHEMA}'` }),
    id: z.string().min(1),
    type: z.enum(RECORD_TYPES),
    rep: slug,
    date: isoDateSchema,
    status: z.enum(RECORD_STATUSES),
    template: z.string().nullable().optional(),
    stage: z.string().nullable().optional(),
    coaching_kind: z.enum(COACHING_KINDS).nullable().optional(),
    focus: z.enum(FOCUSES).nullable().optional(),
    answers: z.array(answer).optional(),
    ratings: z.record(z.string(), z.number().int().min(1).max(5)).optional(),
    actions: z.array(action).optional(),
    follow_ups: z.array(followUp).optional(),
    edits: z.array(actionEdit).optional(),
    plan: z.string().nullable().optional(),
    held_in: z.string().nullable().optional(),
    rounds: z.array(roundResult).optional(),
    skill: z.string().nullable().optional(),
    mode: z.enum(DRILL_MODES).nullable().optional(),
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
type RecordFields = z.output<z.ZodObject<RecordSchemas["record"]["shape"]>>;

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
