import { statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { coach, read, recordFiles, tempDir, writeFile } from "../helpers.js";

/** No terminal: everything comes from --answers, nothing waits. */
async function workspaceWith(...names: string[]): Promise<{ cwd: string; env: Record<string, string> }> {
  const cwd = tempDir();
  const env = { COACH_WORKSPACE: cwd };
  for (const name of names) expect((await coach(["rep", "add", name], { cwd, env })).code).toBe(0);
  return { cwd, env };
}

function answers(cwd: string, name: string, value: unknown): string {
  return writeFile(join(cwd, name), stringify(value));
}

describe("coach drill (non-interactive)", () => {
  it("practice from an answers file writes one private record and prints the scores", async () => {
    const ws = await workspaceWith("Alex Kim");
    const file = answers(ws.cwd, "a.yaml", {
      rounds: [
        { score: 2, response: "Said: 'no: we're 18% dearer'", notes: "# not a heading" },
        { score: 3 },
        { score: 3 },
      ],
    });
    const result = await coach(["drill", "alex-kim", "--template", "drill-objection-handling", "--answers", file], ws);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      "Handling objections (practice), 2026-11-22\nalex-kim  scores 2 3 3  average 2.7; objection-handling next due 2026-11-29 (in 7 days)\n",
    );
    expect(result.stderr).toMatch(
      /^Saved the drill record: .*alex-kim\/records\/2026-11-22-drill-objection-handling-[a-z0-9]{4}\.md\n$/,
    );
    const [file1] = recordFiles(ws.cwd, "alex-kim");
    expect(statSync(file1!).mode & 0o777).toBe(0o600);
    const text = read(file1!);
    expect(text).toContain("response: \"Said: 'no: we're 18% dearer'\"");
    expect(text).toContain('notes: "# not a heading"');
    expect(text).toContain("mode: practice");
  });

  it("--json prints what was written; a clinic writes one record per rep, a single score scoring every rep", async () => {
    const ws = await workspaceWith("Alex Kim", "Sam Lee");
    const file = answers(ws.cwd, "c.yaml", {
      rounds: [
        {
          score: { "alex-kim": 2, "sam-lee": 5 },
          response: { "alex-kim": "Pitched features", "sam-lee": "Led with their late deliveries" },
        },
        { score: 4 },
        { score: { "alex-kim": 1, "sam-lee": 5 } },
      ],
    });
    const result = await coach(
      ["--json", "drill", "alex-kim", "sam-lee", "--template", "drill-opening-statement", "--answers", file],
      ws,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe("");
    const out = JSON.parse(result.stdout);
    expect(out.written).toHaveLength(2);
    expect(out.written[0]).toMatch(/^\/.*reps\/alex-kim\/records\/2026-11-22-drill-opening-statement-[a-z0-9]{4}\.md$/);
    expect(out.written[1]).toMatch(/reps\/sam-lee\/records\//);
    expect(out.id).toBe(out.ids[0]);
    const sam = read(out.written[1]);
    expect(sam).toMatch(/score: 5\n[\s\S]*score: 4\n[\s\S]*score: 5\n/);
    expect(sam).toContain("response: Led with their late deliveries");
    expect(sam).toContain("participants:\n  - alex-kim\n  - sam-lee");
  });

  it("reads the answers from stdin with --answers -", async () => {
    const ws = await workspaceWith("Alex Kim");
    const input = stringify({ rounds: [{ score: 5 }, { score: 5 }, { score: 4 }] });
    const result = await coach(["drill", "alex-kim", "--template", "drill-self-talk", "--answers", "-", "-q"], {
      ...ws,
      stdin: input,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("scores 5 5 4  average 4.7; self-talk next due 2026-12-20 (in 28 days)");
  });

  it("missing rounds: exit 2 naming each, with --json details a script can answer from", async () => {
    const ws = await workspaceWith("Alex Kim", "Sam Lee");
    const plain = await coach(["drill", "alex-kim", "--template", "drill-objection-handling"], ws);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toBe(
      "error: missing answers: round-1, round-2, round-3; answer them in a terminal, or give them with --answers FILE\n",
    );

    const file = answers(ws.cwd, "partial.yaml", { rounds: [{ score: { "alex-kim": 3 } }, { score: 3 }] });
    const json = await coach(
      ["--json", "drill", "alex-kim", "sam-lee", "--template", "drill-objection-handling", "--answers", file],
      ws,
    );
    expect(json.code).toBe(2);
    expect(json.stdout).toBe("");
    const { error } = JSON.parse(json.stderr);
    expect(error).toMatchObject({
      code: "missing_answers",
      message: "missing answers: round-1, round-3",
      template: "drill-objection-handling",
    });
    expect(error.missing).toEqual([
      {
        id: "round-1",
        key: "rounds",
        type: "scale",
        prompt: "Respond to the objection.",
        min: 1,
        max: 5,
        skill: "objection-handling",
        reps: ["sam-lee"],
        look_for: [
          "Acknowledges the concern before answering (must)",
          "Asks what the bids include, to compare like with like",
          "Ties the price to a need the buyer stated",
          "Offers no discount",
        ],
      },
      {
        id: "round-3",
        key: "rounds",
        type: "scale",
        prompt: "Find out whether this is really about timing, and respond.",
        min: 1,
        max: 5,
        skill: "objection-handling",
        reps: ["alex-kim", "sam-lee"],
        look_for: [
          "An open question about what is behind the delay (must)",
          "Explores the cost of waiting in the buyer's own terms",
          "Agrees a concrete next step even if the timing stands",
        ],
      },
    ]);
    expect(recordFiles(ws.cwd, "alex-kim")).toEqual([]);
  });

  it("a bad answers file is exit 2 pointing at the line, or naming the stranger", async () => {
    const ws = await workspaceWith("Alex Kim");
    const bad = writeFile(join(ws.cwd, "bad.yaml"), "rounds:\n  - score: 3\n  - score: 7\n");
    const result = await coach(["drill", "alex-kim", "--template", "drill-self-talk", "--answers", bad], ws);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad\.yaml:3:12: .*a score runs from 1 to 5/);
    const stranger = answers(ws.cwd, "who.yaml", { rounds: [{ score: { bob: 3 } }] });
    const who = await coach(["drill", "alex-kim", "--template", "drill-self-talk", "--answers", stranger], ws);
    expect(who.code).toBe(2);
    expect(who.stderr).toContain("round-1: score for 'bob', who is not in this drill (reps: alex-kim)");
  });

  it("--week puts the weak skill first for the meeting; --json items are sorted by due date", async () => {
    const ws = await workspaceWith("Alex Kim", "Sam Lee");
    const weak = answers(ws.cwd, "weak.yaml", { rounds: [{ score: 2 }, { score: 1 }, { score: 2 }] });
    const strong = answers(ws.cwd, "strong.yaml", { rounds: [{ score: 5 }, { score: 5 }, { score: 4 }] });
    expect(
      (
        await coach(
          ["drill", "alex-kim", "--template", "drill-value-statements", "--answers", weak, "--date", "2026-11-20"],
          ws,
        )
      ).code,
    ).toBe(0);
    expect(
      (
        await coach(
          [
            "drill",
            "alex-kim",
            "sam-lee",
            "--template",
            "drill-objection-handling",
            "--answers",
            strong,
            "--date",
            "2026-11-20",
          ],
          ws,
        )
      ).code,
    ).toBe(0);

    const json = await coach(["--json", "drill", "--week"], ws);
    expect(json.code, json.stderr).toBe(0);
    const week = JSON.parse(json.stdout);
    expect(week).toMatchObject({ from: "2026-11-22", to: "2026-11-28" });
    const dues = week.items.map((i: { due: string }) => i.due);
    expect(dues).toEqual([...dues].sort());
    expect(week.items).toContainEqual({
      rep: "alex-kim",
      skill: "value-statements",
      template: "drill-value-statements",
      due: "2026-11-23",
      last_score: 2,
    });
    expect(week.items.some((i: { skill: string }) => i.skill === "objection-handling")).toBe(false);
    expect(week.meeting[0]).toMatchObject({ template: "drill-value-statements", lowest_score: 2 });

    const text = await coach(["drill", "--week"], ws);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Drill routine for 2026-11-22 to 2026-11-28 (2 reps)");
    expect(text.stdout).toMatch(
      /Suggested order for the sales meeting.*\n {2}1\. Value statements tied to stated needs \[value-statements\]\n {5}alex-kim last 2 \(due 2026-11-23\)\n {5}\$ coach drill alex-kim --template drill-value-statements\n/,
    );
  });
});
