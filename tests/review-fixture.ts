import { tempDir } from "./helpers.js";
import { drill, note, repProfile, session, writeHistory } from "./history.js";

/**
 * A team for the HTML report: Alex coached weekly lately with two skills rated three
 * times; Sam overdue since October; Jo added in November and never coached.
 */
export function htmlTeam(root = tempDir()): string {
  writeHistory(
    root,
    [
      repProfile("alex-kim", { name: "Alex <b>Kim</b> & Co", goals: ["Make senior AE"], added: "2026-06-01" }),
      repProfile("sam-poe", { added: "2026-06-01" }),
      repProfile("jo-ng", { added: "2026-11-10" }),
    ],
    [
      session("alex-kim", "2026-09-01", {
        ratings: { "active-listening": 2, "objection-handling": 4 },
        actions: [{ id: "late001", text: "Send the recap to Acme", due: "2026-09-08" }],
      }),
      session("alex-kim", "2026-11-06", { ratings: { "active-listening": 3, "objection-handling": 3 } }),
      session("alex-kim", "2026-11-13", { ratings: { "active-listening": 3 } }),
      session("alex-kim", "2026-11-20", { ratings: { "active-listening": 4, "objection-handling": 2 } }),
      drill("alex-kim", "2026-11-01", "objection-handling", [2, 3]),
      note("alex-kim", "2026-11-02", { id: "open001", text: "Book the QBR", due: "2026-11-30" }),
      session("sam-poe", "2026-10-01", { ratings: { "open-questions": 3 } }),
      session("sam-poe", "2026-09-03"),
    ],
  );
  return root;
}
