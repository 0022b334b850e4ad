import type { Command } from "commander";
import { type Kit, withExamples } from "./kit.js";

export function registerInit(program: Command, { act }: Kit): void {
  withExamples(
    program
      .command("init")
      .argument("[dir]", "folder to make a workspace in", ".")
      .description("create a workspace: coach.yaml, templates/, reps/ (never overwrites)")
      .action(
        act(
          async () => (await import("../commands/init.js")).runInit,
          ([dir], opts) => ({ ...opts, dir }),
        ),
      ),
    "coach init ~/coaching",
  );
}
