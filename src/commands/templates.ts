import { join, resolve, sep } from "node:path";
import type { Command } from "commander";
import * as z from "zod/mini";
import type { Context } from "../context.js";
import { requireStage } from "../domain/config.js";
import { compareText } from "../domain/dates.js";
import { templateSummary } from "../domain/template.js";
import { appliesToStage, TEMPLATE_KINDS } from "../domain/template-terms.js";
import { badInput, CoachError } from "../errors.js";
import { yamlFilesUnder } from "../store/files.js";
import { loadTemplates, requireTemplate } from "../store/templates.js";
import { resolveWorkspaceRoot, workspaceOf } from "../store/workspace.js";
import { renderPackList, renderTemplate, renderTemplateList } from "../ui/template-view.js";
import { type Act, withExamples } from "./define.js";
import { parseOptions } from "./options.js";

const listOptionsSchema = z.object({
  kind: z.optional(
    z.pipe(
      z.string().check(z.toLowerCase()),
      z.enum(TEMPLATE_KINDS, { error: `expected one of ${TEMPLATE_KINDS.join(", ")}` }),
    ),
  ),
  stage: z.optional(z.string().check(z.toLowerCase())),
});

export async function runTemplatesList(raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const options = parseOptions(listOptionsSchema, raw);
  const workspace = await workspaceOf(ctx);
  if (options.stage) requireStage(workspace.config, options.stage);
  const templates = (await loadTemplates(workspace.root, workspace.config))
    .filter(({ template }) => !options.kind || template.kind === options.kind)
    .filter(({ template }) => !options.stage || appliesToStage(template, options.stage))
    .sort((a, b) => compareText(a.template.kind, b.template.kind) || compareText(a.template.id, b.template.id));
  if (ctx.out.json) return ctx.out.printJson(templates.map(templateSummary));
  ctx.out.data(renderTemplateList(templates, ctx.out.style, ctx.out.width));
}

export async function runTemplatesShow(raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const { id } = parseOptions(z.object({ id: z.string() }), raw);
  const workspace = await workspaceOf(ctx);
  const loaded = requireTemplate(await loadTemplates(workspace.root, workspace.config), id);
  if (ctx.out.json) return ctx.out.printJson(loaded.template);
  ctx.out.data(renderTemplate(loaded, ctx.out.style));
}

/**
 * Checks coach.yaml and every template file, and reports every problem of every file in
 * one run, each as file:line:col: exit 2 if any.
 */
export async function runTemplatesValidate(raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const { paths } = parseOptions(z.object({ paths: z._default(z.array(z.string()), []) }), raw);
  const { root } = resolveWorkspaceRoot({ flag: ctx.workspaceFlag, env: ctx.env, cwd: ctx.cwd });
  // Checking files brings `yaml` (with positions), which `templates list` and `show` do without.
  const [{ checkConfigFile }, { parseTemplateFile }] = await Promise.all([
    import("../store/config-file.js"),
    import("../store/template-file.js"),
  ]);
  const configCheck = checkConfigFile(root);
  const targets = paths.length ? paths.map((p) => resolve(ctx.cwd, p)) : [join(root, "templates")];
  const files = targets.flatMap((target) => {
    const found = yamlFilesUnder(target);
    if (found.length === 0 && paths.length)
      throw badInput("no_templates", `no template files at ${target}`, "give a .yaml file or a folder holding some");
    return found;
  });
  const workspaceTemplates = join(root, "templates") + sep;
  const templateProblems = files.map((file) => {
    const inKindFolder = file.startsWith(workspaceTemplates);
    const parsed = parseTemplateFile(file, file, { config: configCheck.config, inKindFolder });
    return parsed.ok ? [] : (parsed.problems ?? [parsed.problem]);
  });
  const problems = [...configCheck.problems, ...templateProblems.flat()];
  const broken = templateProblems.filter((list) => list.length).length + (configCheck.problems.length ? 1 : 0);
  const checked = files.length + (configCheck.exists ? 1 : 0);
  if (ctx.out.json) {
    if (problems.length === 0) return ctx.out.printJson({ valid: checked, problems: [] });
  } else {
    for (const problem of problems) ctx.out.error(problem);
  }
  if (problems.length) {
    const unchecked = configCheck.config ? "" : "; stages and skills in templates are checked once coach.yaml is fixed";
    throw new CoachError(
      "invalid_template",
      `${problems.length} problem(s) in ${broken} of ${checked} file(s)${unchecked}`,
      { hint: "fix each file:line:col above", details: { problems } },
    );
  }
  const config = configCheck.exists ? "coach.yaml and " : "";
  ctx.out.info(
    files.length
      ? `${config}${files.length} template file(s) valid`
      : `${config ? "coach.yaml valid; " : ""}no template files in ${targets.join(", ")}; built-ins are always valid`,
  );
}

/** The methodology packs `coach init --process` can start a workspace from. */
export async function runTemplatesPacks(_raw: Record<string, unknown>, ctx: Context): Promise<void> {
  const { loadPack, packNames, packSummary } = await import("../store/packs.js");
  const packs = await Promise.all(packNames().map(loadPack));
  if (ctx.out.json) return ctx.out.printJson(packs.map(packSummary));
  ctx.out.data(renderPackList(packs.map(packSummary), ctx.out.style, ctx.out.width));
}

/** `coach templates list|show|validate|packs` */
export function defineTemplates(templates: Command, act: Act): Command {
  withExamples(
    templates
      .command("list")
      .option("--kind <kind>", "plan, session or drill")
      .option("--stage <stage>", "only templates for this stage")
      .description("list built-in and workspace templates")
      .action(act(runTemplatesList)),
    "coach templates list --kind session --stage discovery",
  );
  withExamples(
    templates
      .command("show")
      .argument("<id>", "template id")
      .description("show a template's questions or rounds")
      .action(act(runTemplatesShow, ["id"])),
    "coach templates show session-discovery",
  );
  withExamples(
    templates
      .command("validate")
      .argument("[path...]", "files or folders (default: the workspace's templates/)")
      .description("check coach.yaml and the templates; every problem is reported as file:line:col")
      .action(act(runTemplatesValidate, ["paths"])),
    "coach templates validate templates/session/my-discovery.yaml",
  );
  withExamples(
    templates
      .command("packs")
      .description("list the methodology packs `coach init --process` starts from")
      .action(act(runTemplatesPacks)),
    "coach templates packs",
    "coach init ~/coaching --process sandler",
  );
  return withExamples(templates, "coach templates list --kind drill", "coach templates validate");
}
