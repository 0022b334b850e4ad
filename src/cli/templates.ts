import type { Command } from "commander";
import { type Kit, withExamples } from "./kit.js";

export function registerTemplates(program: Command, { act }: Kit): void {
  const templates = program.command("templates").description("list, show and validate question templates");
  const load = async () => import("../commands/templates.js");
  withExamples(
    templates
      .command("list")
      .option("--kind <kind>", "plan, session or drill")
      .option("--stage <stage>", "only templates for this stage")
      .description("list built-in and workspace templates")
      .action(act(async () => (await load()).runTemplatesList)),
    "coach templates list --kind session --stage discovery",
  );
  withExamples(
    templates
      .command("show")
      .argument("<id>", "template id")
      .description("show a template's questions or rounds")
      .action(
        act(
          async () => (await load()).runTemplatesShow,
          ([id], opts) => ({ ...opts, id }),
        ),
      ),
    "coach templates show session-discovery",
  );
  withExamples(
    templates
      .command("validate")
      .argument("[path...]", "files or folders (default: the workspace's templates/)")
      .description("check templates; each problem is reported as file:line:col")
      .action(
        act(
          async () => (await load()).runTemplatesValidate,
          ([paths], opts) => ({ ...opts, paths }),
        ),
      ),
    "coach templates validate templates/session/my-discovery.yaml",
  );
}
