import { RECORD_SCHEMA, type StoredRecord } from "../src/domain/record.js";
import type { Rep } from "../src/domain/rep.js";

/** A completed (or draft) drill record for a rep, one round per score, each round of its skill. */
export function drillRecord(
  date: string,
  scores: Record<string, number[]>,
  options: { status?: "completed" | "draft"; rep?: string } = {},
): StoredRecord {
  const rep = options.rep ?? "alex-kim";
  const rounds = Object.entries(scores).flatMap(([skill, list]) =>
    list.map((score) => ({ prompt: "p", response: "", score, notes: "", skill })),
  );
  return {
    path: `reps/${rep}/records/${date}-drill-x.md`,
    record: {
      schema: RECORD_SCHEMA,
      id: `${date}-drill-x`,
      type: "drill",
      rep,
      date,
      status: options.status ?? "completed",
      skill: Object.keys(scores)[0],
      mode: "practice",
      rounds,
    },
  };
}

export function rep(id: string, focus_stage: string | null = null): Rep {
  return {
    id,
    name: id
      .split("-")
      .map((w) => w[0]!.toUpperCase() + w.slice(1))
      .join(" "),
    role: "",
    style: null,
    goals: [],
    focus_stage,
  };
}
