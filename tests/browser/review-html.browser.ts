import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coach, tempDir } from "../helpers.js";
import { htmlTeam } from "../review-fixture.js";

/**
 * The HTML reports in a real browser: Debian's chromium, driven by playwright-core (which
 * never downloads a browser). Run with `npm run test:browser`; not part of `npm test`, which
 * must pass on a machine with Node alone. Screenshots are kept for a person to look at.
 */
const CHROMIUM = process.env.COACH_CHROMIUM ?? "/usr/bin/chromium";
const SHOTS = process.env.COACH_SHOTS ?? join(tmpdir(), "coach-browser-shots");

let browser: Browser;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
    // A new, empty profile for each launch is playwright's own default (it refuses --user-data-dir here).
  });
});
afterAll(async () => {
  await browser?.close();
});

interface Opened {
  page: Page;
  requests: string[];
  failed: string[];
  errors: string[];
}

/** Writes the report, opens it, and records every request, failed request and console error. */
async function open(args: string[], name: string): Promise<Opened> {
  const root = htmlTeam();
  const file = join(root, `${name}.html`);
  const { code } = await coach(["review", ...args, "--format", "html", "--out", file], { workspace: root });
  expect(code).toBe(0);
  const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  const opened: Opened = { page, requests: [], failed: [], errors: [] };
  page.on("request", (request) => opened.requests.push(request.url()));
  page.on("requestfailed", (request) => opened.failed.push(request.url()));
  page.on("console", (message) => {
    if (message.type() === "error") opened.errors.push(message.text());
  });
  page.on("pageerror", (error) => opened.errors.push(error.message));
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  return opened;
}

/** Pixels of a screenshot close to a colour (anti-aliased edges aside). */
function countColour(png: PNG, [r, g, b]: [number, number, number], tolerance = 24): number {
  let count = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const d = Math.abs(png.data[i]! - r) + Math.abs(png.data[i + 1]! - g) + Math.abs(png.data[i + 2]! - b);
    if (d <= tolerance) count++;
  }
  return count;
}

const LINE_BLUE: [number, number, number] = [0x2f, 0x5f, 0xa7];
const HELD_GREEN: [number, number, number] = [0x23, 0x74, 0x4a];
const MISSED_RED: [number, number, number] = [0xb3, 0x26, 0x1e];

async function expectCleanPrint(page: Page, name: string, maxPages: number) {
  await page.emulateMedia({ media: "print" });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  writeFileSync(join(SHOTS, `${name}.pdf`), pdf);
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(maxPages);
}

describe("the HTML review in chromium", () => {
  it("a rep's page loads with nothing fetched, no error, a chart per skill with a point per rating", async () => {
    const { page, requests, failed, errors } = await open(["alex-kim"], "rep");
    expect(requests.filter((url) => !url.startsWith("file:"))).toEqual([]);
    expect(requests).toHaveLength(1);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    expect(await page.title()).toBe("Coaching review: Alex <b>Kim</b> & Co");

    const charts = page.locator("figure.skill");
    expect(await charts.count()).toBe(2);
    expect(await charts.nth(0).locator("svg circle.point").count()).toBe(4);
    expect(await charts.nth(1).locator("svg circle.point").count()).toBe(3);
    // Drawn, not merely present: each chart has a real box on screen, inside the page width.
    for (const i of [0, 1]) {
      const box = (await charts.nth(i).locator("svg").boundingBox())!;
      expect(box.width).toBeGreaterThan(300);
      expect(box.height).toBeGreaterThan(120);
      expect(box.x + box.width).toBeLessThanOrEqual(1024);
    }
    const pointBox = (await charts.nth(0).locator("circle.point").first().boundingBox())!;
    expect(pointBox.width).toBeGreaterThan(5);

    const shot = await page.screenshot({ fullPage: true, path: join(SHOTS, "rep.png") });
    const png = PNG.sync.read(shot);
    expect(png.width).toBe(1024);
    expect(png.height).toBeGreaterThan(1200);
    expect(png.height).toBeLessThan(4000);
    // The two rating lines and their seven points are drawn in the chart colour.
    expect(countColour(png, LINE_BLUE)).toBeGreaterThan(400);
    const chartShot = PNG.sync.read(
      await charts
        .nth(0)
        .locator("svg")
        .screenshot({ path: join(SHOTS, "rep-chart.png") }),
    );
    expect(countColour(chartShot, LINE_BLUE)).toBeGreaterThan(200);
    await expectCleanPrint(page, "rep", 3);
  });

  it("the team's page shows the weeks-by-reps grid: a cell per rep and week, held ones green, missed ones red", async () => {
    const { page, requests, failed, errors } = await open(["--team"], "team");
    expect(requests).toHaveLength(1);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    const grid = page.locator("svg.week-grid");
    expect(await grid.locator(".cell").count()).toBe(3 * 13);
    const held = await grid.locator(".cell.held").count();
    const missed = await grid.locator(".cell.missed").count();
    expect(held).toBe(6);
    expect(missed).toBeGreaterThan(10);
    expect(await page.locator("#weeks table.chart-data td.held").count()).toBe(held);
    expect(await page.locator("#weeks table.chart-data td.missed").count()).toBe(missed);

    const box = (await grid.boundingBox())!;
    expect(box.width).toBeGreaterThan(400);
    expect(box.x + box.width).toBeLessThanOrEqual(1024);
    const gridShot = PNG.sync.read(await grid.screenshot({ path: join(SHOTS, "team-grid.png") }));
    // A held cell is a 16x16 green square; a missed one a red outline and cross.
    expect(countColour(gridShot, HELD_GREEN)).toBeGreaterThan(held * 150);
    expect(countColour(gridShot, MISSED_RED)).toBeGreaterThan(missed * 30);
    const shot = PNG.sync.read(await page.screenshot({ fullPage: true, path: join(SHOTS, "team.png") }));
    expect(shot.width).toBe(1024);
    expect(shot.height).toBeGreaterThan(600);
    await expectCleanPrint(page, "team", 2);
  });

  it("an empty workspace's page still loads cleanly", async () => {
    const root = tempDir();
    const file = join(root, "empty.html");
    await coach(["review", "--team", "--format", "html", "--out", file], { workspace: root });
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto(pathToFileURL(file).href);
    expect(await page.locator("body").textContent()).toContain("No reps yet.");
    expect(errors).toEqual([]);
  });
});
