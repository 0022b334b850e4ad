import { DEFAULT_CONFIG } from "../src/domain/config.js";
import { type Goal, goalsSchema } from "../src/domain/goals.js";
import {
  type Action,
  type CoachRecord,
  RECORD_SCHEMA,
  type RoundResult,
  recordId,
  type StoredRecord,
} from "../src/domain/record.js";
import type { Rep } from "../src/domain/rep.js";
import { writeNewRecord } from "../src/store/record-file.js";
import { saveRep } from "../src/store/rep-profile.js";
import { ensureWorkspace } from "../src/store/workspace-setup.js";

/** Hand-built coaching histories with known answers, written through the project's own record code. */

let counter = 0;
/** A unique 4-letter suffix from the record alphabet, so tests never collide. */
function suffix(): string {
  const alphabet = "abcdefghjkmnpqrstvwxyz";
  let n = counter++;
  let out = "";
  for (let i = 0; i < 4; i++) {
    out += alphabet[n % alphabet.length];
    n = Math.floor(n / alphabet.length);
  }
  return out;
}

export interface SessionSpec {
  stage?: string;
  kind?: CoachRecord["coaching_kind"];
  ratings?: Record<string, number>;
  actions?: Partial<Action>[];
  status?: CoachRecord["status"];
}

let actionCounter = 0;
export function action(spec: Partial<Action> = {}): Action {
  return {
    id: `act${String(actionCounter++).padStart(3, "0")}`,
    text: "Call the buyer back",
    owner: "rep",
    due: null,
    status: "open",
    closed_on: null,
    ...spec,
  };
}

export function session(rep: string, date: string, spec: SessionSpec = {}): CoachRecord {
  const stage = spec.stage ?? "discovery";
  return {
    schema: RECORD_SCHEMA,
    id: recordId(date, "session", stage, suffix()),
    type: "session",
    rep,
    date,
    status: spec.status ?? "completed",
    template: `session-${stage}`,
    stage,
    coaching_kind: spec.kind ?? "training",
    focus: "both",
    answers: [
      { id: "goal", prompt: "What do you want from this week?", answer: "A long answer that reviews never need" },
    ],
    ratings: spec.ratings ?? {},
    actions: (spec.actions ?? []).map(action),
    follow_ups: [],
    plan: null,
  };
}

export function note(rep: string, date: string, spec: Partial<Action>): CoachRecord {
  return {
    schema: RECORD_SCHEMA,
    id: recordId(date, "note", "action", suffix()),
    type: "note",
    rep,
    date,
    status: "completed",
    actions: [action(spec)],
  };
}

export function plan(rep: string, date: string, status: CoachRecord["status"] = "planned"): CoachRecord {
  return {
    schema: RECORD_SCHEMA,
    id: recordId(date, "plan", "discovery", suffix()),
    type: "plan",
    rep,
    date,
    status,
    stage: "discovery",
    coaching_kind: "training",
    focus: "both",
  };
}

export function drill(rep: string, date: string, skill: string, scores: number[]): CoachRecord {
  const rounds: RoundResult[] = scores.map((score, i) => ({
    prompt: `Round ${i + 1}`,
    response: "What the rep said, at length",
    score,
    notes: "coach's notes",
    skill,
  }));
  return {
    schema: RECORD_SCHEMA,
    id: recordId(date, "drill", skill, suffix()),
    type: "drill",
    rep,
    date,
    status: "completed",
    skill,
    mode: "practice",
    rounds,
  };
}

/** A rep as a test states it; goals may be plain strings, as in a hand-written profile. */
export function repProfile(id: string, extra: Partial<Omit<Rep, "goals">> & { goals?: (string | Goal)[] } = {}): Rep {
  const name = id
    .split("-")
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(" ");
  const { goals = [], ...rest } = extra;
  return {
    id,
    name,
    role: "Account Executive",
    style: null,
    focus_stage: null,
    ...rest,
    goals: goalsSchema().parse(goals),
  };
}

/** Makes a workspace with these reps and records on disk; returns the stored paths. */
export function writeHistory(root: string, reps: Rep[], records: CoachRecord[]): string[] {
  const workspace = { root, config: DEFAULT_CONFIG, exists: false, foundBy: "--workspace" as const };
  ensureWorkspace(workspace);
  for (const rep of reps) saveRep(workspace, rep);
  return records.map((record) =>
    writeNewRecord(root, record, `\n# ${record.type} on ${record.date}\n\nNotes a person wrote.\n`),
  );
}

/** The same records in memory, for pure domain tests. */
export function stored(records: CoachRecord[]): StoredRecord[] {
  return records.map((record) => ({ path: `reps/${record.rep}/records/${record.id}.md`, record }));
}
