import type { Command } from "commander";
import { type Kit, withExamples } from "./kit.js";

export function registerActions(program: Command, { act }: Kit): void {
  const load = async () => await import("../commands/actions.js");
  const actions = withExamples(
    program
      .command("actions")
      .argument("[rep]", "only this rep's commitments")
      .option("--open", "open commitments, overdue first (the default)")
      .option("--overdue", "only open commitments past their due date")
      .option("--all", "open and closed commitments")
      .description("list commitments (the action plans), add one, close one")
      .action(
        act(
          async () => (await load()).runActionsList,
          ([rep], opts) => ({ ...opts, rep }),
        ),
      ),
    "coach actions",
    "coach actions alex-kim --overdue",
    "coach actions --all --json",
  );
  withExamples(
    actions
      .command("add")
      .argument("<rep>", "rep id or name")
      .argument("<text>", "what will be done")
      .option(
        "--due <WHEN>",
        "due date: YYYY-MM-DD, today, tomorrow, friday, 3d, 2w, next week, next month, end of month",
      )
      .option("--owner <owner>", "who owns it: rep or manager", "rep")
      .option("--date <YYYY-MM-DD>", "back-date the record")
      .description("add a commitment made outside a session")
      .action(
        act(
          async () => (await load()).runActionsAdd,
          ([rep, text], opts) => ({ ...opts, rep, text }),
        ),
      ),
    'coach actions add alex-kim "Send the recap to Acme" --due friday',
    'coach actions add alex-kim "Book the pricing review" --owner manager --due 2w',
  );
  for (const [name, verb, runner] of [
    ["done", "mark a commitment done", "runActionsDone"],
    ["drop", "drop a commitment (it will not be done)", "runActionsDrop"],
  ] as const) {
    withExamples(
      actions
        .command(name)
        .argument("<action-id>", "the id shown by `coach actions`")
        .option("--date <YYYY-MM-DD>", "the day it was closed (default: today)")
        .description(verb)
        .action(
          act(
            async () => (await load())[runner],
            ([id], opts) => ({ ...opts, id }),
          ),
        ),
      `coach actions ${name} k7m2qx`,
      `coach actions ${name} k7m2qx --date 2026-11-20`,
    );
  }
}
