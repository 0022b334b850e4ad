import type { Context } from "../context.js";
import { InterruptedError } from "../errors.js";
import { saveManagerName } from "../store/config-file.js";
import type { Workspace } from "../store/workspace.js";
import { PromptCancelled } from "../ui/prompter.js";

/**
 * The first interactive plan or session asks the manager's name, once: it goes into
 * coach.yaml and is not asked again. Enter skips it for this run (a name is never forced on
 * anyone mid-1:1). Scripts (--answers, no terminal) are never asked.
 */
export async function askManagerName(workspace: Workspace, ctx: Context, scripted: boolean): Promise<void> {
  if (!ctx.interactive || scripted || ctx.out.json || workspace.config.manager.trim()) return;
  const prompter = await ctx.prompter();
  let name: string;
  try {
    name = (
      await prompter.input({
        id: "manager_name",
        message: "Welcome to coach. Your name, kept in coach.yaml as the manager (Enter skips it for now):",
        default: "",
      })
    ).trim();
  } catch (error) {
    if (error instanceof PromptCancelled) throw new InterruptedError("interrupted before anything was written");
    throw error;
  }
  if (!name) return;
  const file = saveManagerName(workspace, name);
  ctx.out.info(`Saved your name in ${file}; change it there any time.`);
}
