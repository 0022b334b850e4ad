import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { coach, tempDir } from "../helpers.js";
import { note, repProfile, session, writeHistory } from "../history.js";

function team() {
  const root = tempDir();
  writeHistory(
    root,
    [
      repProfile("alex-kim", { name: 'Alex "AK" Kim, Jr.', added: "2026-06-01" }),
      repProfile("sam-poe", { added: "2026-06-01" }),
    ],
    [
      session("alex-kim", "2026-11-20", {
        ratings: { "active-listening": 2 },
        actions: [
          { id: "done001", text: "Send the recap", due: "2026-11-21", status: "done", closed_on: "2026-11-21" },
        ],
      }),
      session("alex-kim", "2026-11-13", { ratings: { "active-listening": 4 } }),
      note("alex-kim", "2026-11-02", {
        id: "open001",
        text: "Ask: budget, timing\nthen book the QBR",
        due: "2026-11-30",
      }),
      note("alex-kim", "2026-11-03", { id: "formula", text: '=HYPERLINK("http://x")' }),
      session("sam-poe", "2026-10-01", { actions: [{ id: "samlate", text: "Call Acme 📞", due: "2026-10-15" }] }),
    ],
  );
  return root;
}

const rows = (text: string) => parse(text, { columns: true }) as Record<string, string>[];

describe("--format csv", () => {
  it("gives the team review as a header and one row per rep, overdue first, that a CSV reader reads back", async () => {
    const root = team();
    const out = join(root, "team.csv");
    const { code } = await coach(["review", "--team", "--format", "csv", "--out", out], { workspace: root });
    expect(code).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text.split("\r\n")[0]).toBe(
      "rep,name,last_session,days_since,overdue,held,expected,open_actions,overdue_actions,skill_trend",
    );
    const read = rows(text);
    expect(read.map((r) => r.rep)).toEqual(["sam-poe", "alex-kim"]);
    expect(read[0]).toMatchObject({
      last_session: "2026-10-01",
      days_since: "52",
      overdue: "true",
      overdue_actions: "1",
    });
    expect(read[1]).toMatchObject({
      name: 'Alex "AK" Kim, Jr.',
      overdue: "false",
      held: "2",
      open_actions: "2",
      skill_trend: "down",
    });
    // The same numbers as the JSON report.
    const json = JSON.parse((await coach(["review", "--team", "--json"], { workspace: root })).stdout);
    expect(read.map((r) => Number(r.held))).toEqual(json.reps.map((r: { held: number }) => r.held));
  });

  it("lists commitments with the columns of `actions --json`, text kept exactly, a formula kept as text", async () => {
    const root = team();
    const { code, stdout } = await coach(["actions", "--all", "--format", "csv"], { workspace: root });
    expect(code).toBe(0);
    const read = rows(stdout);
    const json = JSON.parse((await coach(["actions", "--all", "--json"], { workspace: root })).stdout);
    expect(read.map((r) => r.id)).toEqual(json.map((a: { id: string }) => a.id));
    const byId = new Map(read.map((r) => [r.id, r]));
    expect(byId.get("open001")).toMatchObject({
      rep: "alex-kim",
      text: "Ask: budget, timing\nthen book the QBR",
      owner: "rep",
      due: "2026-11-30",
      status: "open",
      closed_on: "",
    });
    expect(byId.get("samlate")?.text).toBe("Call Acme 📞");
    expect(byId.get("done001")).toMatchObject({ status: "done", closed_on: "2026-11-21" });
    expect(byId.get("formula")?.text).toBe('\'=HYPERLINK("http://x")');
  });

  it("keeps the header when nothing is listed, and refuses csv where it does not fit", async () => {
    const root = team();
    const none = await coach(["actions", "--overdue", "--format", "csv"], { workspace: root });
    expect(rows(none.stdout).map((r) => r.id)).toEqual(["samlate"]);
    const header = await coach(["actions", "alex-kim", "--overdue", "--format", "csv"], { workspace: root });
    expect(header.stdout).toBe("id,rep,text,owner,due,status,closed_on,record\r\n");

    const one = await coach(["review", "alex-kim", "--format", "csv"], { workspace: root });
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/--format csv is for the team review/);
    const both = await coach(["actions", "--format", "csv", "--json"], { workspace: root });
    expect(both.code).toBe(2);
    const bad = await coach(["actions", "--format", "xlsx"], { workspace: root });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--format: expected text, csv or md/);
  });
});
