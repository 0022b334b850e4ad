import type { Context } from "../context.js";
import type { LoadedRecord, StoredRecord } from "../domain/record.js";
import type { Rep } from "../domain/rep.js";
import type { Question } from "../domain/template.js";
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

/**
 * A draft's answers are kept by question id, so its template, if edited since the Ctrl-C,
 * must still ask every question the draft answered: else those answers would drop out of the
 * record. The draft is left as it was.
 */
export function checkDraftAnswersAsked(
  draft: LoadedRecord,
  questions: Question[],
  template: string,
  startAfresh: string,
): void {
  const asked = new Set(questions.map((question) => question.id));
  const gone = (draft.record.answers ?? []).map((answer) => answer.id).filter((id) => !asked.has(id));
  if (gone.length)
    throw badInput(
      "invalid_template",
      `${draft.path}: the draft answers ${gone.join(", ")}, which template '${template}' no longer asks`,
      `put ${gone.length === 1 ? "it" : "them"} back in the template, or start afresh with \`${startAfresh}\` and throw the draft away with \`coach drafts discard ${draft.record.id}\``,
    );
}
