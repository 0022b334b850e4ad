import type { Command } from "commander";
import * as z from "zod/mini";
import type { Context } from "../context.js";
import type { StoredRecord } from "../domain/record.js";
import { discardDraft, latestDraft, listDrafts } from "../store/drafts.js";
import { requireRep } from "../store/reps.js";
import { workspaceOf } from "../store/workspace.js";
import { columns } from "../ui/table.js";
import { type Act, withExamples } from "./define.js";
import { parseOptions } from "./options.js";

const draftsOptionsSchema = z.object({ rep: z.optional(z.string()) });
const discardOptionsSchema = z.object({
  id: z.string().check(z.trim(), z.minLength(1, "name the draft, e.g. 2026-11-22-plan-discovery-k3f9")),
});

/** `coach drafts [rep]`: every unfinished plan, session and drill, with the command that continues it. */
export async function runDraftsList(raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const options = parseOptions(draftsOptionsSchema, raw);
  const workspace = await workspaceOf(ctx);
  const rep = options.rep === undefined ? undefined : (await requireRep(workspace.root, options.rep)).id;
  const { drafts, skipped } = await listDrafts(workspace.root, rep);
  ctx.out.skippedRecords(skipped);
  const listed = drafts.map((draft) => ({
    id: draft.record.id,
    rep: draft.record.rep,
    command: draft.record.type,
    started: draft.record.date,
    resume: resumeCommand(workspace.root, draft, drafts),
    path: draft.path,
  }));
  if (ctx.out.json) return ctx.out.printJson(listed);
  if (!listed.length) return ctx.out.info(`No unfinished drafts${rep ? ` for ${rep}` : ""}.`);
  const header = ["ID", "REP", "COMMAND", "STARTED", "TO RESUME"].map((h) => ctx.out.style.dim(h));
  const rows = listed.map((d) => [d.id, d.rep, d.command, d.started, d.resume]);
  ctx.out.data(columns([header, ...rows], ctx.out.width));
  ctx.out.info("Throw one away with `coach drafts discard <id>`.");
}

/** `--resume` continues a rep's latest draft of a kind; an older one can only be discarded. */
function resumeCommand(root: string, draft: StoredRecord, all: StoredRecord[]): string {
  const { rep, type, id } = draft.record;
  if (draft.record.mode === "huddle") return `run it again: coach drill ${rep} --huddle`;
  if (latestDraft(root, all, rep, type)?.record.id !== id)
    return `a later ${type} draft replaces it: \`coach drafts discard ${id}\``;
  return `coach ${type} ${rep} --resume`;
}

/** `coach drafts discard <id>`: removes one draft file. */
export async function runDraftsDiscard(raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const options = parseOptions(discardOptionsSchema, raw);
  const workspace = await workspaceOf(ctx);
  const draft = await discardDraft(workspace.root, options.id);
  if (ctx.out.json) return ctx.out.printJson({ discarded: [draft.path], id: draft.record.id });
  ctx.out.info(`Discarded the draft ${draft.record.type} ${draft.record.id} of ${draft.record.rep} (${draft.path}).`);
}

/** `coach drafts [rep]` and `coach drafts discard <id>` */
export function defineDrafts(drafts: Command, act: Act): Command {
  withExamples(
    drafts.argument("[rep]", "only this rep's drafts").action(act(runDraftsList, ["rep"])),
    "coach drafts",
    "coach drafts alex-kim --json",
  );
  withExamples(
    drafts
      .command("discard")
      .argument("<id>", "the draft's id, shown by `coach drafts`")
      .description("throw away an unfinished draft (its file is removed)")
      .action(act(runDraftsDiscard, ["id"])),
    "coach drafts discard 2026-11-22-plan-discovery-k3f9",
  );
  return drafts;
}
