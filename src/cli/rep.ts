import type { Command } from "commander";
import { collect, type Kit, withExamples } from "./kit.js";

export function registerRep(program: Command, { act }: Kit): void {
  const rep = program.command("rep").description("add, list and show reps");
  withExamples(
    rep
      .command("add")
      .argument("<name>", "the rep's full name")
      .option("--role <role>", "role, e.g. 'Account Executive'")
      .option("--style <style>", "behaviour style: driver, expressive, amiable or analytical")
      .option("--goal <goal>", "a goal of the rep's own, in their words (repeatable)", collect)
      .option("--focus <stage>", "the stage to focus coaching on")
      .description("add a rep to the workspace")
      .action(
        act(
          async () => (await import("../commands/rep.js")).runRepAdd,
          ([name], opts) => ({ ...opts, name }),
        ),
      ),
    'coach rep add "Alex Kim" --role "Account Executive" --style driver --goal "Make senior AE"',
  );
  withExamples(
    rep
      .command("list")
      .description("list the reps")
      .action(act(async () => (await import("../commands/rep.js")).runRepList)),
    "coach rep list --json",
  );
  withExamples(
    rep
      .command("show")
      .argument("<rep>", "rep id or name")
      .description("show a rep's profile")
      .action(
        act(
          async () => (await import("../commands/rep.js")).runRepShow,
          ([id], opts) => ({ ...opts, rep: id }),
        ),
      ),
    "coach rep show alex-kim",
  );
}
