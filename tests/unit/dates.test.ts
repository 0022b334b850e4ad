import { describe, expect, it } from "vitest";
import { isCalendarDate } from "../../src/domain/dates.js";
import { coach } from "../helpers.js";
import { workspaceWithRep } from "../session-fixtures.js";

describe("calendar dates", () => {
  it.each(["2026-02-28", "2024-02-29", "2000-02-29", "2026-12-31", "2026-04-30"])("%s is a real date", (date) => {
    expect(isCalendarDate(date)).toBe(true);
  });

  it.each([
    "2026-02-30",
    "2026-02-29",
    "1900-02-29",
    "2026-04-31",
    "2026-13-01",
    "2026-00-10",
    "2026-01-00",
    "2026-1-5",
  ])("%s is not", (date) => {
    expect(isCalendarDate(date)).toBe(false);
  });

  it("COACH_TODAY=2026-02-30 is exit 2 with one line, not March 2nd", async () => {
    const workspace = await workspaceWithRep();
    const result = await coach(["actions", "add", "alex-kim", "Call Acme"], {
      workspace,
      env: { COACH_TODAY: "2026-02-30" },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: COACH_TODAY='2026-02-30' is not a real calendar date/);
    expect(result.stderr.trim().split("\n").length).toBeLessThanOrEqual(2);
    expect(result.stdout).toBe("");
  });

  it.each([
    ["--date", ["actions", "add", "alex-kim", "Call Acme", "--date", "2026-02-30"]],
    ["--due", ["actions", "add", "alex-kim", "Call Acme", "--due", "2026-02-30"]],
    ["--since", ["review", "alex-kim", "--since", "2026-04-31"]],
  ])("an impossible %s is exit 2", async (_, argv) => {
    const workspace = await workspaceWithRep();
    const result = await coach(argv, { workspace });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/2026-0[24]-3[01]|date/);
  });
});
