import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { foldByOctets } from "../../src/domain/calendar.js";
import { coach, tempDir } from "../helpers.js";
import { note, repProfile, session, writeHistory } from "../history.js";

/** Alex: last 1:1 on 2026-11-20, one open commitment due 2026-11-30, one done. Sam: overdue since October. */
function team() {
  const root = tempDir();
  writeHistory(
    root,
    [
      repProfile("alex-kim", { added: "2026-06-01" }),
      repProfile("sam-poe", { name: "Sam Poé 李雷", added: "2026-06-01" }),
    ],
    [
      session("alex-kim", "2026-11-20", {
        ratings: { "active-listening": 2 },
        actions: [{ id: "done001", due: "2026-11-21", status: "done", closed_on: "2026-11-21" }],
      }),
      note("alex-kim", "2026-11-02", {
        id: "open001",
        text: "Book the QBR; agenda: pricing, renewal",
        due: "2026-11-30",
      }),
      note("alex-kim", "2026-11-02", { id: "nodue01", text: "Read the playbook" }),
      session("sam-poe", "2026-10-01", { actions: [{ id: "samlate", text: "Call Acme 📞", due: "2026-10-15" }] }),
    ],
  );
  return root;
}

/** The events of an iCalendar text, read by an independent parser. */
function eventsOf(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    const rule = component.getFirstPropertyValue("rrule") as ICAL.Recur | null;
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toString(),
      allDay: event.startDate.isDate,
      rule: rule ? `${rule.freq} every ${rule.interval}` : null,
      event,
    };
  });
}

describe("coach calendar", () => {
  it("gives each rep a recurring 1:1, each dated open commitment and the week's drills, with stable UIDs", async () => {
    const root = team();
    const { code, stdout, stderr } = await coach(["calendar"], { workspace: root });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const events = eventsOf(stdout);
    const byUid = new Map(events.map((e) => [e.uid, e]));

    const alex = byUid.get("1on1-alex-kim@coach")!;
    expect(alex).toMatchObject({ summary: "1:1 with Alex Kim", start: "2026-11-27", allDay: true });
    expect(alex.rule).toBe("WEEKLY every 1");
    const iterator = alex.event.iterator();
    const dates = [iterator.next(), iterator.next(), iterator.next()].map((t) => t?.toString());
    expect(dates).toEqual(["2026-11-27", "2026-12-04", "2026-12-11"]);
    // Sam is overdue: the series starts today, not on a day already past.
    expect(byUid.get("1on1-sam-poe@coach")).toMatchObject({ summary: "1:1 with Sam Poé 李雷", start: "2026-11-22" });

    expect(byUid.get("open001@coach")).toMatchObject({
      summary: "Alex Kim: Book the QBR; agenda: pricing, renewal",
      start: "2026-11-30",
      allDay: true,
      rule: null,
    });
    expect(byUid.get("samlate@coach")).toMatchObject({ summary: "Sam Poé 李雷: Call Acme 📞", start: "2026-10-15" });
    expect(byUid.has("done001@coach")).toBe(false);
    expect(byUid.has("nodue01@coach")).toBe(false);

    const drills = events.filter((e) => e.uid.startsWith("drill-"));
    expect(drills.length).toBeGreaterThan(0);
    for (const drill of drills) {
      expect(drill.start >= "2026-11-22" && drill.start <= "2026-11-28").toBe(true);
      expect(drill.allDay).toBe(true);
    }
    // The drills are the week's routine, one event per rep and skill.
    const week = JSON.parse((await coach(["drill", "--week", "--json"], { workspace: root })).stdout);
    expect(drills.map((d) => d.uid).sort()).toEqual(
      week.items.map((i: { rep: string; skill: string }) => `drill-${i.rep}-${i.skill}@coach`).sort(),
    );
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);

    // The same workspace on the same day gives the same file: a re-import updates, never doubles.
    expect((await coach(["calendar"], { workspace: root })).stdout).toBe(stdout);
  });

  it("writes RFC 5545 lines: CRLF endings, none longer than 75 octets, folded without breaking a character", async () => {
    const root = team();
    const out = join(root, "week.ics");
    const { code, stderr } = await coach(["calendar", "--out", out], { workspace: root });
    expect(code).toBe(0);
    expect(stderr).toMatch(/Calendar written to .*week\.ics: \d+ events/);
    const text = readFileSync(out, "utf8");
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replaceAll("\r\n", "")).not.toContain("\n");
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text).toMatch(/\r\n [^\r\n]/);
  });

  it("repeats the 1:1 on the workspace's cadence", async () => {
    const root = team();
    writeFileSync(join(root, "coach.yaml"), "cadence:\n  one_on_one_days: 10\n");
    const alex = eventsOf((await coach(["calendar", "alex-kim"], { workspace: root })).stdout).find(
      (e) => e.uid === "1on1-alex-kim@coach",
    )!;
    expect(alex).toMatchObject({ start: "2026-11-30", rule: "DAILY every 10" });
  });

  it("limits the calendar to the reps named, and refuses an unknown rep with exit 2", async () => {
    const root = team();
    const { stdout } = await coach(["calendar", "sam-poe"], { workspace: root });
    const uids = eventsOf(stdout).map((e) => e.uid);
    expect(uids).toContain("1on1-sam-poe@coach");
    expect(uids.some((uid) => uid.includes("alex-kim") || uid === "open001@coach")).toBe(false);
    const bad = await coach(["calendar", "alx"], { workspace: root });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no rep 'alx'/);
  });
});

describe("foldByOctets", () => {
  it("counts bytes, not characters, and unfolds back to the same text", () => {
    const line = `SUMMARY:${"李".repeat(40)}`;
    const folded = foldByOctets(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(line);
  });
});
