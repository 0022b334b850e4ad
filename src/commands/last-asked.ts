import { completedSessions } from "../domain/history.js";
import type { StoredRecord } from "../domain/record.js";
import { readRecordFile } from "../store/record-file.js";

/**
 * The question ids the rep's latest completed 1:1 on this template asked, up to `date`: what
 * the next one rotates away from. One record is read in full (the index keeps no answers).
 */
export function lastAskedOn(root: string, records: StoredRecord[], templateId: string, date: string): string[] {
  const lastId = completedSessions(records)
    .filter((s) => s.template === templateId && s.date <= date)
    .at(-1)?.id;
  const last = lastId && records.find(({ record }) => record.id === lastId);
  if (!last) return [];
  return (readRecordFile(root, last.path).record.answers ?? []).map((a) => a.id);
}
