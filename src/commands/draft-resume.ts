import type { Context } from "../context.js";
import { isAsked } from "../domain/questions.js";
import type { LoadedRecord, StoredRecord } from "../domain/record.js";
import type { Rep } from "../domain/rep.js";
import type { LoadedTemplate, Question } from "../domain/template.js";
import { badInput } from "../errors.js";
import { latestDraft } from "../store/drafts.js";
import { readRecordFile } from "../store/record-file.js";
import { answersFromRecord } from "./interview.js";

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
  const answers = answersFromRecord(draft.record.answers);
  // Asked as the record will be written: a question whose `when` no longer holds drops out too.
  const asked = new Set(questions.filter((question) => isAsked(question, answers)).map((question) => question.id));
  const gone = Object.keys(answers).filter((id) => !asked.has(id));
  if (gone.length)
    throw badInput(
      "invalid_template",
      `${draft.path}: the draft answers ${gone.join(", ")}, which template '${template}' no longer asks`,
      `put ${gone.length === 1 ? "it" : "them"} back in the template, or start afresh with \`${startAfresh}\` and throw the draft away with \`coach drafts discard ${draft.record.id}\``,
    );
}

/**
 * The template a draft was begun on, which its resume keeps. One deleted or renamed since (a
 * generated one, say, once the team wrote its own) leaves the draft to be thrown away.
 */
export function draftsTemplate(
  templates: LoadedTemplate[],
  draft: LoadedRecord,
  kind: "plan" | "session",
  rep: string,
): LoadedTemplate {
  const id = typeof draft.record.template === "string" ? draft.record.template : "";
  const found = templates.find((t) => t.template.id === id && t.template.kind === kind);
  if (found) return found;
  throw badInput(
    "unknown_template",
    `${draft.path}: the draft's template '${id}' is no longer in the workspace`,
    `start afresh with \`coach ${kind} ${rep}\` and throw the draft away with \`coach drafts discard ${draft.record.id}\``,
  );
}
