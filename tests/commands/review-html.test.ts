import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type HTMLElement, parse } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { weekGrid, weekStart } from "../../src/domain/svg-charts.js";
import { coach, tempDir } from "../helpers.js";
import { htmlTeam } from "../review-fixture.js";

async function htmlReport(args: string[]): Promise<HTMLElement> {
  const root = htmlTeam();
  const out = join(root, "report.html");
  const { code, stderr } = await coach(["review", ...args, "--format", "html", "--out", out], { workspace: root });
  expect(code).toBe(0);
  expect(stderr).toMatch(/Review written to .*report\.html/);
  return parse(readFileSync(out, "utf8"));
}

const texts = (nodes: HTMLElement[]) => nodes.map((n) => n.text.trim());

/** Nothing a browser would fetch: no script, stylesheet link, image, frame or url() reference. */
function expectSelfContained(page: HTMLElement) {
  expect(page.querySelectorAll("script, link, img, iframe, object, embed")).toHaveLength(0);
  for (const el of page.querySelectorAll("*")) {
    for (const attr of ["src", "href", "xlink:href"]) expect(el.getAttribute(attr)).toBeUndefined();
  }
  expect(page.querySelector("style")!.text).not.toMatch(/url\(|@import/);
}

describe("coach review --format html", () => {
  it("gives a rep a self-contained page: the report's sections, and each skill as a chart beside its numbers", async () => {
    const page = await htmlReport(["alex-kim"]);
    expectSelfContained(page);
    expect(page.querySelector("html")!.getAttribute("lang")).toBe("en");
    expect(page.querySelector("meta[charset]")!.getAttribute("charset")).toBe("utf-8");
    // The name is text, not markup.
    expect(page.querySelector("h1")!.text).toBe("Coaching review: Alex <b>Kim</b> & Co");
    expect(page.querySelector("h1 b")).toBeNull();
    expect(texts(page.querySelectorAll("h2"))).toEqual([
      "Cadence",
      "Commitments",
      "Skills",
      "Coverage",
      "Drills",
      "Goals",
      "Next steps",
    ]);
    expect(page.querySelector("#cadence")!.text).toContain("4 of 13 expected");
    expect(page.querySelector("#commitments")!.text).toContain("Send the recap to Acme");
    expect(page.querySelector("#next-steps li code")!.text).toMatch(/^coach /);

    const figures = page.querySelectorAll("figure.skill");
    expect(figures.map((f) => f.getAttribute("data-skill"))).toEqual(["active-listening", "objection-handling"]);
    const listening = figures[0]!;
    const points = listening.querySelectorAll("svg circle.point");
    expect(points.map((p) => [p.getAttribute("data-date"), p.getAttribute("data-value")])).toEqual([
      ["2026-09-01", "2"],
      ["2026-11-06", "3"],
      ["2026-11-13", "3"],
      ["2026-11-20", "4"],
    ]);
    // Later dates lie further right, higher ratings higher up.
    const xs = points.map((p) => Number(p.getAttribute("cx")));
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(Number(points[3]!.getAttribute("cy"))).toBeLessThan(Number(points[0]!.getAttribute("cy")));
    const rows = listening.querySelectorAll("table.chart-data tbody tr").map((tr) => texts(tr.querySelectorAll("td")));
    expect(rows).toEqual([
      ["2026-09-01", "2"],
      ["2026-11-06", "3"],
      ["2026-11-13", "3"],
      ["2026-11-20", "4"],
    ]);
    expect(figures[1]!.querySelectorAll("circle.point")).toHaveLength(3);
  });

  it("gives the team a table of reps and a grid of weeks by reps, held and missed, with the grid as a table too", async () => {
    const page = await htmlReport(["--team"]);
    expectSelfContained(page);
    expect(page.querySelector("h1")!.text).toBe("Team coaching review");
    const reps = page.querySelectorAll("#reps tbody tr").map((tr) => texts(tr.querySelectorAll("td")).slice(0, 5));
    expect(reps.map((r) => r[1])).toEqual(["jo-ng", "sam-poe", "alex-kim"]);
    expect(reps[1]).toEqual(["Sam Poe", "sam-poe", "2026-10-01", "52", "yes"]);

    const svg = page.querySelector("#weeks svg.week-grid")!;
    // 2026-08-24 (a Monday) to 2026-11-22: 13 weeks.
    const cells = svg.querySelectorAll(".cell");
    expect(cells).toHaveLength(3 * 13);
    const state = (rep: string, week: string) =>
      svg.querySelector(`.cell[data-rep="${rep}"][data-week="${week}"]`)!.classNames.split(" ")[1];
    expect(state("alex-kim", "2026-11-16")).toBe("held");
    expect(state("alex-kim", "2026-08-31")).toBe("held");
    expect(state("alex-kim", "2026-10-05")).toBe("missed");
    expect(state("sam-poe", "2026-09-28")).toBe("held");
    expect(state("sam-poe", "2026-11-16")).toBe("missed");
    // Jo was added on 2026-11-10: nothing due before, and past the 7-day cadence by the 22nd.
    expect(state("jo-ng", "2026-11-02")).toBe("none");
    expect(state("jo-ng", "2026-11-09")).toBe("none");
    expect(state("jo-ng", "2026-11-16")).toBe("missed");

    const table = page.querySelector("#weeks table.chart-data")!;
    expect(texts(table.querySelectorAll("thead th"))).toHaveLength(14);
    const alexRow = table.querySelectorAll("tbody tr").find((tr) => tr.querySelector("td")!.text.startsWith("Alex"))!;
    const alexCells = texts(alexRow.querySelectorAll("td")).slice(1);
    expect(alexCells.filter((c) => c === "held")).toHaveLength(4);
    expect(alexCells.filter((c) => c === "held").length).toBe(
      svg.querySelectorAll('.held[data-rep="alex-kim"]').length,
    );
    expect(alexCells.filter((c) => c === "missed").length).toBe(
      svg.querySelectorAll('.missed[data-rep="alex-kim"]').length,
    );
  });

  it("prints the page when no --out is given, and a workspace with no reps still gets a page", async () => {
    const { code, stdout } = await coach(["review", "--team", "--format", "html"], { workspace: tempDir() });
    expect(code).toBe(0);
    const page = parse(stdout);
    expect(page.querySelector("h1")!.text).toBe("Team coaching review");
    expect(page.text).toContain("No reps yet.");
  });
});

describe("weekGrid", () => {
  it("starts weeks on Monday and marks a week missed only once the cadence has run out", () => {
    expect(weekStart("2026-11-22")).toBe("2026-11-16");
    expect(weekStart("2026-11-16")).toBe("2026-11-16");
    const grid = weekGrid(
      { from: "2026-11-02", to: "2026-11-22" },
      [{ rep: "a", name: "A", sessions: ["2026-11-03"], start: "2026-06-01" }],
      14,
    );
    expect(grid.weeks).toEqual(["2026-11-02", "2026-11-09", "2026-11-16"]);
    expect(grid.rows[0]!.cells.map((c) => c.state)).toEqual(["held", "none", "missed"]);
  });
});
