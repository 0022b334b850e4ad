import { existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { toYaml } from "../../src/domain/to-yaml.js";
import { INDEX_DIR } from "../../src/store/index-cache.js";
import { readRepFolder } from "../../src/store/records.js";
import { parseRepProfile } from "../../src/store/rep-profile.js";
import { findRep, loadAllReps, requireRep } from "../../src/store/reps.js";
import { tempDir } from "../helpers.js";
import { repProfile, session, writeHistory } from "../history.js";

function workspace() {
  const root = tempDir();
  const paths = writeHistory(root, [repProfile("alex-kim")], [session("alex-kim", "2026-09-01")]);
  // Written an hour ago: entries of files modified moments before a read are not trusted yet.
  const anHourAgo = new Date(Date.now() - 3_600_000);
  for (const path of [...paths, join("reps", "alex-kim", "rep.yaml")])
    utimesSync(join(root, path), anHourAgo, anHourAgo);
  return root;
}
const profileFile = (root: string) => join(root, "reps", "alex-kim", "rep.yaml");
const shardFile = (root: string) => join(root, INDEX_DIR, "alex-kim.json");

describe("finding one rep by id, through the index", () => {
  it("gives the profile the index keeps while rep.yaml is unchanged, and sees an edit", async () => {
    const root = workspace();
    expect((await findRep(root, "alex-kim"))?.name).toBe("Alex Kim");
    await readRepFolder(root, "alex-kim");
    const shard = JSON.parse(readFileSync(shardFile(root), "utf8"));
    shard.profile.value.name = "From the index";
    writeFileSync(shardFile(root), JSON.stringify(shard));
    expect((await findRep(root, "alex-kim"))?.name).toBe("From the index");
    writeFileSync(profileFile(root), readFileSync(profileFile(root), "utf8").replace("Alex Kim", "Alexandra Kim"));
    expect((await findRep(root, "alex-kim"))?.name).toBe("Alexandra Kim");
    // The edit was kept in the shard, the records' entries with it.
    const kept = JSON.parse(readFileSync(shardFile(root), "utf8"));
    expect(kept.profile.value.name).toBe("Alexandra Kim");
    expect(Object.keys(kept.files)).toHaveLength(1);
  });

  it("refuses a broken profile on every run with the words of the profile's reader", async () => {
    const root = workspace();
    await readRepFolder(root, "alex-kim");
    const broken = "id: alex-kim\nname: [oops\n";
    writeFileSync(profileFile(root), broken);
    const parsed = parseRepProfile(broken, "reps/alex-kim/rep.yaml", "alex-kim");
    const whole = !parsed.ok && parsed.problem;
    // Named by its path in the workspace, as records and deals are.
    expect(whole).toMatch(/^reps\/alex-kim\/rep\.yaml:\d+:\d+: /);
    for (let i = 0; i < 2; i++)
      await expect(requireRep(root, "alex-kim")).rejects.toThrow(
        expect.objectContaining({ exitCode: 2, code: "invalid_yaml", message: whole }),
      );
  });

  it("parses the profile again when the kept one is damaged, even with its stamp unchanged", async () => {
    const root = workspace();
    await readRepFolder(root, "alex-kim");
    for (const damage of [{ goals: 5 }, { name: 7 }, { style: ["driver"] }, { strengths: "listening" }]) {
      const shard = JSON.parse(readFileSync(shardFile(root), "utf8"));
      Object.assign(shard.profile.value, damage);
      writeFileSync(shardFile(root), JSON.stringify(shard));
      const rep = await findRep(root, "alex-kim");
      expect(rep, JSON.stringify(damage)).toMatchObject({ name: "Alex Kim", goals: expect.any(Array) });
      expect((await loadAllReps(root, () => {}))[0]?.name).toBe("Alex Kim");
    }
  });

  it("trusts no kept problem of a profile: an unreadable one is read again, and a fixed one is found", async () => {
    const root = workspace();
    await readRepFolder(root, "alex-kim");
    const text = readFileSync(profileFile(root), "utf8");
    rmSync(profileFile(root));
    mkdirSync(profileFile(root));
    // A team review keeps the problem in the shard; a lookup reads the profile again all the same.
    expect((await readRepFolder(root, "alex-kim")).profile?.ok).toBe(false);
    expect(JSON.parse(readFileSync(shardFile(root), "utf8")).profile.problem).toContain("a folder where coach expects");
    await expect(requireRep(root, "alex-kim")).rejects.toThrow(
      expect.objectContaining({
        message: expect.stringContaining("rep.yaml:1:1: a folder where coach expects a file"),
      }),
    );
    rmSync(profileFile(root), { recursive: true });
    writeFileSync(profileFile(root), text);
    expect((await findRep(root, "alex-kim"))?.name).toBe("Alex Kim");
  });
});

describe("every rep, through the index", () => {
  it("keeps a profile in a shard of its own, gives it while rep.yaml is unchanged, and sees an edit", async () => {
    const root = workspace();
    expect((await loadAllReps(root, () => {})).map((rep) => rep.name)).toEqual(["Alex Kim"]);
    // No records read yet: the shard holds the profile alone, and reading the records adds them.
    expect(JSON.parse(readFileSync(shardFile(root), "utf8"))).toMatchObject({
      profile: { value: { name: "Alex Kim" } },
      files: {},
    });
    expect((await readRepFolder(root, "alex-kim")).records).toHaveLength(1);
    const shard = JSON.parse(readFileSync(shardFile(root), "utf8"));
    expect(Object.keys(shard.files)).toHaveLength(1);
    shard.profile.value.name = "From the index";
    writeFileSync(shardFile(root), JSON.stringify(shard));
    expect((await loadAllReps(root, () => {}))[0]?.name).toBe("From the index");
    expect((await findRep(root, "From the index"))?.id).toBe("alex-kim");
    writeFileSync(profileFile(root), readFileSync(profileFile(root), "utf8").replace("Alex Kim", "Alexandra Kim"));
    expect((await loadAllReps(root, () => {}))[0]?.name).toBe("Alexandra Kim");
  });

  it("leaves out a broken profile on every run, saying why, and keeps nothing of it", async () => {
    const root = workspace();
    writeHistory(root, [repProfile("sam-lee")], []);
    writeFileSync(profileFile(root), "id: alex-kim\nname: [oops\n");
    for (let i = 0; i < 2; i++) {
      const skipped: string[] = [];
      expect((await loadAllReps(root, (problem) => skipped.push(problem))).map((rep) => rep.id)).toEqual(["sam-lee"]);
      expect(skipped).toEqual([expect.stringMatching(/alex-kim[/\\]rep\.yaml:\d+:\d+: /)]);
    }
    expect(existsSync(shardFile(root))).toBe(false);
  });
});

describe("reading a profile: the fast path and `yaml` agree", () => {
  const file = "reps/alex-kim/rep.yaml";
  const read = (text: string) => parseRepProfile(text, file, "alex-kim");

  it("reads a profile as coach writes it, and one a person wrote, dates and numbers as they mean", () => {
    const rep = repProfile("alex-kim", { style: "driver", goals: ["Close Acme by March"], added: "2026-01-05" });
    expect(read(toYaml(rep))).toEqual({ ok: true, value: rep });
    const byHand = "id: alex-kim\nname: Alex Kim\nadded: 2026-01-05\nquota: 0x10\nnotes: yes\n";
    expect(read(byHand)).toMatchObject({ ok: true, value: { added: "2026-01-05", quota: 16, notes: "yes" } });
  });

  it("names the line and column of a wrong value, a repeated key and an alias bomb, as `yaml` finds them", () => {
    expect(read("id: alex-kim\nname: Alex Kim\nstyle: bossy\n")).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^reps\/alex-kim\/rep\.yaml:3:\d+: .*driver, expressive, amiable, analytical/),
    });
    expect(read("id: alex-kim\nname: Alex Kim\nname: Alex\n")).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^reps\/alex-kim\/rep\.yaml:3:1: /),
    });
    const bomb = ['l0: &a0 ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++)
      bomb.push(
        `l${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(",")}]`,
      );
    expect(read(`id: alex-kim\nname: Alex Kim\n${bomb.join("\n")}\n`)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^reps\/alex-kim\/rep\.yaml:\d+:\d+: .*alias/i),
    });
  });

  it("refuses a profile claiming another rep's id, with the fix", () => {
    expect(read("id: sam-lee\nname: Sam Lee\n")).toMatchObject({
      ok: false,
      problem: expect.stringContaining("id 'sam-lee' does not match its folder 'alex-kim'; set `id: alex-kim`"),
    });
  });
});
