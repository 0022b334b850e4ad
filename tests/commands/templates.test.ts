import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { coach, tempDir, writeFile } from "../helpers.js";

const drill =
  "id: drill-mine\ntitle: Mine\nkind: drill\nstages: any\ncoaching_kind: training\nfocus: skillset\n" +
  "rounds:\n  - { scenario: A buyer, prompt: Open, look_for: [An open question], skill: open-questions }\n";

async function workspace() {
  const dir = tempDir();
  await coach(["init", dir]);
  return dir;
}

describe("coach templates validate: where files sit", () => {
  it("reports a drill filed among sessions and an id that is not its file name, and loading refuses them", async () => {
    const dir = await workspace();
    const misfiled = writeFile(join(dir, "templates/session/drill-mine.yaml"), drill);
    const renamed = writeFile(join(dir, "templates/drill/my-drill.yaml"), drill);
    const result = await coach(["templates", "validate"], { workspace: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `error: ${misfiled}:3:1: kind 'drill' does not match its folder session/; ` +
        "move it to templates/drill/ or change the kind\n",
    );
    expect(result.stderr).toContain(
      `error: ${renamed}:1:1: id 'drill-mine' does not match the file name 'my-drill'; ` +
        "rename the file to drill-mine.yaml or change the id\n",
    );
    expect(result.stderr).toContain("2 problem(s) in 2 of 3 file(s)");
    const list = await coach(["templates", "list"], { workspace: dir });
    expect(list.code).toBe(2);
    expect(list.stderr).toContain("does not match");
  });

  it("reports a typo in coach.yaml with a did-you-mean, exit 2", async () => {
    const dir = await workspace();
    writeFile(join(dir, "coach.yaml"), "managr: Jordan\n");
    const result = await coach(["templates", "list"], { workspace: dir });
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toContain(`${join(dir, "coach.yaml")}:1:1: managr: unknown key; did you mean 'manager'?`);
  });
});
