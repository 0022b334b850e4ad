import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import * as z from "zod";
import type { Context } from "../context.js";
import { DEFAULT_CONFIG } from "../domain/config.js";
import { badInput } from "../errors.js";
import { CONFIG_FILE, ensureWorkspace } from "../store/workspace.js";
import { type Act, withExamples } from "./define.js";
import { parseOptions } from "./options.js";

const initOptionsSchema = z.object({ dir: z.string().default(".") });

export async function runInit(raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const options = parseOptions(initOptionsSchema, raw);
  const root = resolve(ctx.cwd, options.dir);
  if (existsSync(join(root, CONFIG_FILE))) {
    throw badInput(
      "workspace_exists",
      `${join(root, CONFIG_FILE)} already exists; nothing was changed`,
      "use that workspace, or choose another folder",
    );
  }
  ensureWorkspace({ root, config: DEFAULT_CONFIG, exists: false, foundBy: "--workspace" });
  const written = [CONFIG_FILE, ".gitignore", "reps/", "templates/"].map((name) => join(root, name));
  if (ctx.out.json) return ctx.out.printJson({ written, id: root });
  ctx.out.info(`Created a coach workspace in ${root}`);
  ctx.out.info(
    `Next: edit ${CONFIG_FILE} (your stages, cadence, your name), then \`coach rep add "Name"\` and \`coach plan <rep>\`.`,
  );
}

/** `coach init [dir]` */
export function defineInit(command: Command, act: Act): Command {
  return withExamples(
    command.argument("[dir]", "folder to make a workspace in", ".").action(act(runInit, ["dir"])),
    "coach init ~/coaching",
  );
}
