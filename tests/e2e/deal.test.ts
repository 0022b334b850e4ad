import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { coach, coachBin, tempDir } from "../helpers.js";

const AGREEMENTS = ["need-admitted", "open-to-solutions", "agreed-to-discuss", "can-decide"];

describe("deals with parallel writers", () => {
  it("four processes recording different gates of one deal at once: every gate lands", async () => {
    const workspace = tempDir();
    await coach(["init", workspace]);
    await coach(["rep", "add", "Alex Kim"], { workspace });
    await coach(["deal", "add", "alex-kim", "Acme", "--stage", "qualification"], { workspace });
    const env = { COACH_WORKSPACE: workspace };
    const results = await Promise.all(
      AGREEMENTS.map((gate) =>
        coachBin(["deal", "gate", "acme", gate, "--evidence", `buyer confirmed ${gate}`], { env }),
      ),
    );
    for (const result of results) expect(result, result.stderr).toMatchObject({ code: 0 });
    const shown = await coach(["--json", "deal", "show", "acme"], { workspace });
    const gates = JSON.parse(shown.stdout).gates;
    expect(Object.keys(gates).sort()).toEqual([...AGREEMENTS].sort());
    for (const gate of AGREEMENTS) expect(gates[gate].evidence).toBe(`buyer confirmed ${gate}`);
    expect(readdirSync(join(workspace, "reps", "alex-kim", "deals"))).toEqual(["acme.md"]);
  }, 30_000);

  it("two processes adding a deal of the same name get two ids, neither file replaced", async () => {
    const workspace = tempDir();
    await coach(["init", workspace]);
    await coach(["rep", "add", "Alex Kim"], { workspace });
    const env = { COACH_WORKSPACE: workspace };
    const results = await Promise.all([1, 2, 3].map(() => coachBin(["deal", "add", "alex-kim", "Acme"], { env })));
    expect(results.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(results.map((r) => r.stdout.trim()).sort()).toEqual(["acme", "acme-2", "acme-3"]);
    expect(readdirSync(join(workspace, "reps", "alex-kim", "deals")).sort()).toEqual([
      "acme-2.md",
      "acme-3.md",
      "acme.md",
    ]);
  }, 30_000);
});
