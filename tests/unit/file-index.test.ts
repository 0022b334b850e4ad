import { existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDeals } from "../../src/store/deals.js";
import { INDEX_DIR, INDEX_VERSION } from "../../src/store/index-cache.js";
import { loadTemplates } from "../../src/store/templates.js";
import { openWorkspace } from "../../src/store/workspace.js";
import { coach, ROOT, tempDir } from "../helpers.js";

const anHourAgo = () => new Date(Date.now() - 3_600_000);

describe("coach.yaml through the index", () => {
  const configEntry = (root: string) => join(root, INDEX_DIR, "_coach.yaml.json");
  function configured(text: string) {
    const root = tempDir();
    const file = join(root, "coach.yaml");
    writeFileSync(file, text);
    utimesSync(file, anHourAgo(), anHourAgo());
    return { root, file };
  }
  const open = (root: string) => openWorkspace({ flag: root, env: {}, cwd: root });

  it("gives what parsing the file gives, and sees an edit that keeps the file's size", async () => {
    const { root, file } = configured("cadence:\n  one_on_one_days: 7\n");
    const parsed = (await open(root)).config;
    expect(existsSync(configEntry(root))).toBe(true);
    expect((await open(root)).config).toEqual(parsed);
    expect(parsed.cadence.one_on_one_days).toBe(7);
    // Unchanged file: the kept copy is what the run uses (no YAML parsed).
    const kept = JSON.parse(readFileSync(configEntry(root), "utf8"));
    kept.value.cadence.one_on_one_days = 3;
    writeFileSync(configEntry(root), JSON.stringify(kept));
    expect((await open(root)).config.cadence.one_on_one_days).toBe(3);
    writeFileSync(file, "cadence:\n  one_on_one_days: 9\n");
    expect((await open(root)).config.cadence.one_on_one_days).toBe(9);
  });

  it("still refuses a broken coach.yaml after a good one was kept, at its line", async () => {
    const { root, file } = configured("cadence:\n  one_on_one_days: 7\n");
    await open(root);
    writeFileSync(file, "cadence:\n  one_on_one_days: seven\n");
    for (let i = 0; i < 2; i++)
      await expect(open(root)).rejects.toThrow(
        expect.objectContaining({ exitCode: 2, message: expect.stringContaining("coach.yaml:2:") }),
      );
  });

  it("parses the file again when the kept copy is damaged or from another version", async () => {
    const { root } = configured("cadence:\n  one_on_one_days: 5\n");
    await open(root);
    const kept = JSON.parse(readFileSync(configEntry(root), "utf8"));
    for (const damaged of [
      "{not json",
      JSON.stringify({ ...kept, version: INDEX_VERSION - 1 }),
      JSON.stringify({ ...kept, value: { cadence: { one_on_one_days: 1 } } }),
      JSON.stringify({ ...kept, value: { stages: [] } }),
      JSON.stringify({ ...kept, value: undefined, problem: "x" }),
    ]) {
      writeFileSync(configEntry(root), damaged);
      expect((await open(root)).config.cadence.one_on_one_days).toBe(5);
    }
  });
});

describe("the workspace's templates through the index", () => {
  const entryFile = (root: string) => join(root, INDEX_DIR, "_templates.json");
  const ID = "drill-asking-for-commitment";
  const builtIn = readFileSync(join(ROOT, "templates", "drill", `${ID}.yaml`), "utf8");
  function withTemplate(text: string) {
    const root = tempDir();
    writeFileSync(join(root, "coach.yaml"), "cadence:\n  one_on_one_days: 7\n");
    const file = join(root, "templates", "drill", `${ID}.yaml`);
    mkdirSync(join(root, "templates", "drill"), { recursive: true });
    writeFileSync(file, text);
    for (const f of [file, join(root, "coach.yaml")]) utimesSync(f, anHourAgo(), anHourAgo());
    return { root, file };
  }
  const own = async (root: string) => {
    const { config } = await openWorkspace({ flag: root, env: {}, cwd: root });
    return (await loadTemplates(root, config)).find((t) => t.template.id === ID);
  };

  it("gives what parsing the file gives, keeps it, and sees an edit", async () => {
    const { root, file } = withTemplate(builtIn.replace("title: Asking for the commitment", "title: Ours"));
    const first = await own(root);
    expect(first?.template.title).toBe("Ours");
    expect(first?.source).toBe(file);
    // Unchanged file: the kept copy is what the run uses (no YAML parsed).
    const kept = JSON.parse(readFileSync(entryFile(root), "utf8"));
    kept.files[join("templates", "drill", `${ID}.yaml`)].value.title = "From the index";
    writeFileSync(entryFile(root), JSON.stringify(kept));
    expect((await own(root))?.template.title).toBe("From the index");
    writeFileSync(file, builtIn.replace("title: Asking for the commitment", "title: Ours, edited"));
    utimesSync(file, anHourAgo(), anHourAgo());
    expect((await own(root))?.template.title).toBe("Ours, edited");
  });

  it("refuses a broken template on every run, at its line, and keeps nothing of it", async () => {
    const { root } = withTemplate(builtIn.replace("kind: drill", "kind: [drill"));
    for (let i = 0; i < 2; i++)
      await expect(own(root)).rejects.toThrow(
        expect.objectContaining({
          exitCode: 2,
          message: expect.stringMatching(new RegExp(`${ID}\\.yaml:\\d+:\\d+: `)),
        }),
      );
    expect(JSON.parse(readFileSync(entryFile(root), "utf8")).files).toEqual({});
  });

  it("stops at the first broken template, as when each was parsed in turn", async () => {
    const { root } = withTemplate(builtIn.replace("kind: drill", "kind: drillx"));
    // Sorted after it: a folder named like a template, which cannot be read as a file.
    mkdirSync(join(root, "templates", "session", "zz.yaml"), { recursive: true });
    await expect(own(root)).rejects.toThrow(
      expect.objectContaining({ exitCode: 2, code: "invalid_template", message: expect.stringContaining("drillx") }),
    );
  });

  it("checks a kept template again when coach.yaml changes what it may name", async () => {
    const { root } = withTemplate(builtIn);
    expect(await own(root)).toBeDefined();
    // A process without a closing stage: the template now names a stage coach.yaml lacks.
    writeFileSync(
      join(root, "coach.yaml"),
      "stages:\n  - id: prospecting\n    name: Prospecting\n    skills: [asking-for-commitment]\n",
    );
    utimesSync(join(root, "coach.yaml"), anHourAgo(), anHourAgo());
    await expect(own(root)).rejects.toThrow(expect.objectContaining({ message: expect.stringContaining("closing") }));
  });

  it("parses the files again when the kept copy is damaged or from another version", async () => {
    const { root } = withTemplate(builtIn.replace("title: Asking for the commitment", "title: Ours"));
    await own(root);
    const kept = JSON.parse(readFileSync(entryFile(root), "utf8"));
    const key = join("templates", "drill", `${ID}.yaml`);
    for (const damaged of [
      "{not json",
      JSON.stringify({ ...kept, version: INDEX_VERSION - 1 }),
      JSON.stringify({ ...kept, files: null }),
      JSON.stringify({ ...kept, files: { [key]: { ...kept.files[key], value: { id: ID } } } }),
    ]) {
      writeFileSync(entryFile(root), damaged);
      expect((await own(root))?.template.title).toBe("Ours");
    }
  });
});

describe("deals through the index", () => {
  const dealFile = (root: string, rep: string, id: string) => join(root, "reps", rep, "deals", `${id}.md`);
  const entryOf = (root: string, rep: string) => join(root, INDEX_DIR, `${rep}.deals.json`);
  async function withDeals() {
    const root = tempDir();
    await coach(["init", root]);
    for (const [rep, deal] of [
      ["Sam Lee", "Zeta renewal"],
      ["Alex Kim", "Beta expansion"],
      ["Alex Kim", "Acme renewal"],
    ]) {
      await coach(["rep", "add", rep!], { workspace: root });
      const added = await coach(["deal", "add", rep!.toLowerCase().replace(" ", "-"), deal!], { workspace: root });
      expect(added.code, added.stderr).toBe(0);
    }
    const anHourAgo = new Date(Date.now() - 3_600_000);
    for (const [rep, id] of [
      ["sam-lee", "zeta-renewal"],
      ["alex-kim", "beta-expansion"],
      ["alex-kim", "acme-renewal"],
    ])
      utimesSync(dealFile(root, rep!, id!), anHourAgo, anHourAgo);
    return root;
  }
  const problems: string[] = [];
  const deals = (root: string, rep?: string) => loadDeals(root, rep, (problem) => problems.push(problem));

  it("gives every rep's deals in id order, keeps them, and sees an edit", async () => {
    const root = await withDeals();
    expect((await deals(root)).map((d) => d.id)).toEqual(["acme-renewal", "beta-expansion", "zeta-renewal"]);
    expect((await deals(root, "alex-kim")).map((d) => d.id)).toEqual(["acme-renewal", "beta-expansion"]);
    // Unchanged files: the kept copies are what the run uses (no YAML parsed).
    const kept = JSON.parse(readFileSync(entryOf(root, "alex-kim"), "utf8"));
    kept.files[join("reps", "alex-kim", "deals", "acme-renewal.md")].value.name = "From the index";
    writeFileSync(entryOf(root, "alex-kim"), JSON.stringify(kept));
    expect((await deals(root, "alex-kim"))[0]!.name).toBe("From the index");
    const file = dealFile(root, "alex-kim", "acme-renewal");
    writeFileSync(file, readFileSync(file, "utf8").replace("name: Acme renewal", "name: Acme renewal, edited"));
    utimesSync(file, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    expect((await deals(root, "alex-kim"))[0]!.name).toBe("Acme renewal, edited");
  });

  it("warns of a broken deal on every run, at its line, without losing the others", async () => {
    const root = await withDeals();
    const file = dealFile(root, "alex-kim", "beta-expansion");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^stage: .*$/m, "stage: [oops"));
    problems.length = 0;
    for (let i = 0; i < 2; i++) expect((await deals(root)).map((d) => d.id)).toEqual(["acme-renewal", "zeta-renewal"]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/beta-expansion\.md:\d+:\d+: /);
    expect(problems[1]).toBe(problems[0]);
  });

  it("drops a deleted deal and reads a damaged entry's files again", async () => {
    const root = await withDeals();
    await deals(root);
    rmSync(dealFile(root, "alex-kim", "beta-expansion"));
    expect((await deals(root, "alex-kim")).map((d) => d.id)).toEqual(["acme-renewal"]);
    const acme = join("reps", "alex-kim", "deals", "acme-renewal.md");
    const kept = JSON.parse(readFileSync(entryOf(root, "alex-kim"), "utf8"));
    for (const damaged of [
      "{not json",
      JSON.stringify({ version: INDEX_VERSION - 1, files: {} }),
      JSON.stringify({ ...kept, files: { [acme]: { ...kept.files[acme], value: { id: "acme-renewal" } } } }),
    ]) {
      writeFileSync(entryOf(root, "alex-kim"), damaged);
      expect((await deals(root, "alex-kim")).map((d) => d.id)).toEqual(["acme-renewal"]);
    }
  });
});
