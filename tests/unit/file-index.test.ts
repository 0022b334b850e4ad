import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { INDEX_DIR, INDEX_VERSION } from "../../src/store/index-cache.js";
import { loadTemplates } from "../../src/store/templates.js";
import { openWorkspace } from "../../src/store/workspace.js";
import { ROOT, tempDir } from "../helpers.js";

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
    for (const damaged of [
      "{not json",
      JSON.stringify({ ...kept, version: INDEX_VERSION - 1 }),
      JSON.stringify({ ...kept, files: null }),
    ]) {
      writeFileSync(entryFile(root), damaged);
      expect((await own(root))?.template.title).toBe("Ours");
    }
  });
});
