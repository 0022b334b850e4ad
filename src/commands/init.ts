import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import * as z from "zod/mini";
import type { Context } from "../context.js";
import { badInput } from "../errors.js";
import { copyPackTemplates, DEFAULT_PACK, loadPack } from "../store/packs.js";
import { CONFIG_FILE } from "../store/workspace.js";
import { ensureWorkspace } from "../store/workspace-setup.js";
import { type Act, withExamples } from "./define.js";
import { parseOptions } from "./options.js";

const initOptionsSchema = z.object({ dir: z._default(z.string(), "."), process: z._default(z.string(), DEFAULT_PACK) });

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
  const pack = await loadPack(options.process.toLowerCase());
  ensureWorkspace({ root, config: pack.config, exists: false, foundBy: "--workspace" });
  const copied = copyPackTemplates(pack, root);
  const written = [...[CONFIG_FILE, ".gitignore", "reps/", "templates/"].map((name) => join(root, name)), ...copied];
  if (ctx.out.json) return ctx.out.printJson({ written, id: root });
  ctx.out.info(`Created a coach workspace in ${root}`);
  if (pack.copiesTemplates) {
    ctx.out.info(
      `Process: ${pack.title}: ${pack.config.stages.length} stages in ${CONFIG_FILE}, ` +
        `${copied.length} templates in templates/.`,
    );
  }
  ctx.out.info(
    `Next: edit ${CONFIG_FILE} (your stages, cadence, your name), then \`coach rep add "Name"\` and \`coach plan <rep>\`.`,
  );
}

/** `coach init [dir]` */
export function defineInit(command: Command, act: Act): Command {
  return withExamples(
    command
      .argument("[dir]", "folder to make a workspace in", ".")
      .option("--process <name>", "start from a methodology pack: default, meddpicc, spin, sandler, bant", "default")
      .action(act(runInit, ["dir"])),
    "coach init ~/coaching",
    "coach init ~/coaching --process meddpicc",
  );
}
