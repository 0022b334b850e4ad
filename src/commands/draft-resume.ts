import type { Context } from "../context.js";
import type { LoadedRecord, StoredRecord } from "../domain/record.js";
import type { Rep } from "../domain/rep.js";
import { badInput } from "../errors.js";
import { latestDraft } from "../store/drafts.js";
import { readRecordFile } from "../store/record-file.js";

/**
 * The rep's latest unfinished plan or session. With --resume it is read in full
 * (readRecords gives summaries without answers); without, the person is told it exists,
 * since starting afresh leaves it in place.
 */
export function draftToResume(
  root: string,
  rep: Rep,
  records: StoredRecord[],
  type: "plan" | "session" | "drill",
  resume: boolean,
  ctx: Context,
): LoadedRecord | undefined {
  const draft = latestDraft(root, records, rep.id, type);
  if (resume && !draft)
    throw badInput(
      "no_draft",
      `no draft ${type} for ${rep.id} to resume`,
      `start one with \`coach ${type} ${rep.id}\``,
    );
  if (!draft) return undefined;
  if (!resume) {
    ctx.out.info(
      `Note: an unfinished draft ${type} exists (${draft.path}); \`coach ${type} ${rep.id} --resume\` continues it, ` +
        `\`coach drafts discard ${draft.record.id}\` throws it away.`,
    );
    return undefined;
  }
  return { path: draft.path, record: readRecordFile(root, draft.path).record };
}
