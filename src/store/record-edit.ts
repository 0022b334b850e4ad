import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import type { CoachRecord } from "../domain/record.js";
import { readUtf8Strictly, writeFileSafely } from "./files.js";
import { withLockIfFree } from "./lock.js";
import { parseRecord } from "./record-file.js";

/**
 * A convenience edit of an existing record's text (a checklist tick, a plan marked
 * held), made only where the truth already lives elsewhere: under the record's lock if
 * it is free, skipped silently if it is busy or anything fails. The edit works on the
 * file's own text and changes only the bytes it means to (line endings, a BOM and a
 * person's notes stay as they were); it is written only if the edited file still parses
 * to the record `expected` computes from the current one, so a surprising layout is
 * left alone rather than damaged; the first edit that passes is written. Returns
 * whether the file was changed.
 */
export interface RecordEdit {
  edit: (text: string) => string;
  expected: (current: CoachRecord) => CoachRecord;
}

export function editRecordIfFree(root: string, path: string, edits: RecordEdit[]): boolean {
  const file = join(root, path);
  try {
    // Parsed once before locking too: loading the YAML and schema code then happens outside
    // the lock, which is held only for the quick re-read, edit and write.
    parseRecord(readUtf8Strictly(file, path), path);
    const outcome = withLockIfFree(file, () => {
      const text = readUtf8Strictly(file, path);
      const before = parseRecord(text, path);
      if (!before.ok) return false;
      for (const { edit, expected } of edits) {
        const next = edit(text);
        if (next === text) continue;
        const after = parseRecord(next, path);
        if (!after.ok || !isDeepStrictEqual(after.value.record, expected(before.value.record))) continue;
        writeFileSafely(file, next, { within: root });
        return true;
      }
      return false;
    });
    return outcome.locked && outcome.value;
  } catch {
    return false;
  }
}
