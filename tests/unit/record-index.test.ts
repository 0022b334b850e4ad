import { existsSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { joinFrontMatter } from "../../src/domain/to-yaml.js";
import { CoachError } from "../../src/errors.js";
import { INDEX_DIR, INDEX_VERSION } from "../../src/store/index-cache.js";
import { parseRecord, parseRecordSummary, readRecordFile, replaceRecord } from "../../src/store/record-file.js";
import { listRepFolders, readRecords, readRepFolder } from "../../src/store/records.js";
import { requireRep } from "../../src/store/reps.js";
import { tempDir } from "../helpers.js";
import { drill, repProfile, session, writeHistory } from "../history.js";

const shardOf = (root: string, rep = "alex-kim") => join(root, INDEX_DIR, `${rep}.json`);
const readShard = (root: string) => JSON.parse(readFileSync(shardOf(root), "utf8"));
const ratingsOf = async (root: string) =>
  (await readRecords(root, "alex-kim")).records.map(({ record }) => record.ratings?.["active-listening"]);

function workspace() {
  const root = tempDir();
  const paths = writeHistory(
    root,
    [repProfile("alex-kim")],
    [
      session("alex-kim", "2026-09-01", { ratings: { "active-listening": 2 } }),
      session("alex-kim", "2026-10-01", { ratings: { "active-listening": 3 } }),
      drill("alex-kim", "2026-10-02", "paraphrasing", [3, 4]),
    ],
  );
  // Written an hour ago: entries of files modified moments before a read are not trusted yet.
  const anHourAgo = new Date(Date.now() - 3_600_000);
  for (const path of paths) utimesSync(join(root, path), anHourAgo, anHourAgo);
  return { root, paths };
}

const recordsFolder = (root: string) => join(root, "reps", "alex-kim", "records");
const pathsRead = async (root: string) => (await readRecords(root, "alex-kim")).records.map((r) => r.path);

/** Doctors the shard to name a file the folder lacks in place of `path`'s, which it has. */
function swapInAGoneFile(root: string, path: string) {
  const shard = readShard(root);
  const name = path.split("/").at(-1)!;
  shard.files = { "2026-01-01-session-gone-zzzz.md": shard.files[name], ...shard.files };
  delete shard.files[name];
  writeFileSync(shardOf(root), JSON.stringify(shard));
}

/** The shard's own identity: a rewrite (atomic rename) always gives a new inode. */
const shardStamp = (root: string) => {
  const stat = statSync(shardOf(root));
  return `${stat.ino}:${stat.mtimeMs}`;
};

describe("the metadata index", () => {
  it("gives the same records as parsing every file, minus answers and all of drill rounds but score and skill", async () => {
    const { root, paths } = workspace();
    const cold = await readRecords(root, "alex-kim");
    expect(existsSync(shardOf(root))).toBe(true);
    const warm = await readRecords(root, "alex-kim");
    expect(warm).toEqual(cold);
    expect(warm.records.map((r) => r.path)).toEqual(paths);
    const full = readRecordFile(root, paths[0]!).record;
    const { answers, ...rest } = full;
    expect(answers).toHaveLength(1);
    expect(warm.records[0]!.record).toEqual(rest);
    expect(warm.records[2]!.record.rounds).toEqual([
      { score: 3, skill: "paraphrasing" },
      { score: 4, skill: "paraphrasing" },
    ]);
    // What the file's name and folder say is not stored twice, but is there on reading.
    const stored = Object.values(readShard(root).files)[0] as { value: Record<string, unknown> };
    expect(stored.value).not.toHaveProperty("id");
    expect(stored.value).not.toHaveProperty("schema");
    expect(warm.records[0]!.record).toMatchObject({ schema: "coach/record@1", rep: "alex-kim", id: full.id });
  });

  it("keeps the id of a record whose file a person renamed", async () => {
    const { root, paths } = workspace();
    const renamed = paths[0]!.replace(/\.md$/, "-renamed.md");
    renameSync(join(root, paths[0]!), join(root, renamed));
    const id = readRecordFile(root, renamed).record.id;
    await readRecords(root, "alex-kim");
    const warm = (await readRecords(root, "alex-kim")).records.find((r) => r.path === renamed)!;
    expect(warm.record.id).toBe(id);
    expect(id).not.toBe(renamed.split("/").at(-1)!.slice(0, -3));
  });

  it("trusts an entry while its file is unchanged, and only then", async () => {
    const { root, paths } = workspace();
    await readRecords(root, "alex-kim");
    // Proof that the warm path reads the shard, not the files: doctor an entry, keep its stamp.
    const shard = readShard(root);
    const name = paths[0]!.split("/").at(-1)!;
    shard.files[name].value.ratings["active-listening"] = 5;
    writeFileSync(shardOf(root), JSON.stringify(shard));
    expect(await ratingsOf(root)).toEqual([5, 3, undefined]);
    // A real edit of the file wins over the entry.
    const file = readRecordFile(root, paths[0]!);
    replaceRecord(root, paths[0]!, { ...file.record, ratings: { "active-listening": 1 } }, file.body);
    expect(await ratingsOf(root)).toEqual([1, 3, undefined]);
  });

  it("re-reads a file that was touched or edited in place, and adds and drops files", async () => {
    const { root, paths } = workspace();
    await readRecords(root, "alex-kim");
    const file = join(root, paths[1]!);
    // Edited in place (same inode), by an editor that writes the file over.
    writeFileSync(file, readFileSync(file, "utf8").replace("active-listening: 3", "active-listening: 4"));
    utimesSync(file, new Date("2026-11-01T10:00:00Z"), new Date("2026-11-01T10:00:00Z"));
    expect(await ratingsOf(root)).toEqual([2, 4, undefined]);
    // Touched only: parsed again, and the shard records the new mtime.
    const touched = new Date("2026-11-02T10:00:00Z");
    utimesSync(file, touched, touched);
    await readRecords(root, "alex-kim");
    expect(readShard(root).files[paths[1]!.split("/").at(-1)!].mtimeMs).toBe(touched.getTime());
    // Added and deleted.
    const [added] = writeHistory(root, [], [session("alex-kim", "2026-11-20", { ratings: { "active-listening": 5 } })]);
    unlinkSync(join(root, paths[0]!));
    expect((await readRecords(root, "alex-kim")).records.map((r) => r.path)).toEqual([paths[1], paths[2], added]);
    expect(Object.keys(readShard(root).files)).toHaveLength(3);
  });

  it("reads a file again while its last change is too recent to trust its stamp", async () => {
    const { root, paths } = workspace();
    const file = join(root, paths[1]!);
    const stamp = new Date(Date.now() - 500);
    utimesSync(file, stamp, stamp);
    expect(await ratingsOf(root)).toEqual([2, 3, undefined]);
    // A second in-place edit within the same clock tick: same size, same inode, same mtime.
    writeFileSync(file, readFileSync(file, "utf8").replace("active-listening: 3", "active-listening: 5"));
    utimesSync(file, stamp, stamp);
    expect(await ratingsOf(root)).toEqual([2, 5, undefined]);
  });

  it("rewrites the shard only when something changed", async () => {
    const { root } = workspace();
    await readRecords(root, "alex-kim");
    const before = shardStamp(root);
    await readRecords(root, "alex-kim");
    await readRecords(root);
    expect(shardStamp(root)).toBe(before);
  });

  it("lists a settled folder again only when a file was added, removed or renamed in it", async () => {
    const { root, paths } = workspace();
    const anHourAgo = new Date(Date.now() - 3_600_000);
    const settle = () => utimesSync(recordsFolder(root), anHourAgo, anHourAgo);
    settle();
    await readRecords(root, "alex-kim");
    expect(readShard(root).listing).toMatchObject({ count: 3 });
    expect(readShard(root).listing).not.toHaveProperty("racy");
    // Proof that the folder is not listed while its stamp holds: a shard that names a file
    // the folder lacks (and not one it has) gives what the shard names.
    swapInAGoneFile(root, paths[0]!);
    expect(await pathsRead(root)).toEqual([paths[1], paths[2]]);
    // ... and the shard, now short of the listing, makes the next run list the folder again.
    expect(await pathsRead(root)).toEqual(paths);
    settle();
    await readRecords(root, "alex-kim");
    const [added] = writeHistory(root, [], [session("alex-kim", "2026-11-20")]);
    expect(await pathsRead(root)).toEqual([...paths, added]);
    settle();
    await readRecords(root, "alex-kim");
    unlinkSync(join(root, paths[1]!));
    expect(await pathsRead(root)).toEqual([paths[0], paths[2], added]);
    settle();
    await readRecords(root, "alex-kim");
    const renamed = join("reps", "alex-kim", "records", `2026-12-01-note-${paths[2]!.split("/").at(-1)!.slice(11)}`);
    renameSync(join(root, paths[2]!), join(root, renamed));
    expect(await pathsRead(root)).toEqual([paths[0], added, renamed]);
  });

  it("keeps a folder changed moments ago listed again until it settles, without rewriting the shard", async () => {
    const { root, paths } = workspace();
    const moments = new Date(Date.now() - 500);
    utimesSync(recordsFolder(root), moments, moments);
    await readRecords(root, "alex-kim");
    expect(readShard(root).listing).toMatchObject({ count: 3, racy: true });
    const before = shardStamp(root);
    await readRecords(root, "alex-kim");
    expect(shardStamp(root)).toBe(before);
    // Listed again: a shard naming a file the folder lacks is not believed.
    swapInAGoneFile(root, paths[0]!);
    expect(await pathsRead(root)).toEqual(paths);
  });

  it("sweeps what a killed writer left in a listed folder, and lists a folder again while a live writer's file is there", async () => {
    const { root, paths } = workspace();
    await readRecords(root, "alex-kim");
    const name = paths[0]!.split("/").at(-1)!;
    const dead = join(recordsFolder(root), `.${name}.99999999.abc.tmp`);
    const live = join(recordsFolder(root), `.${name}.${process.pid}.abc.tmp`);
    writeFileSync(dead, "half a record");
    writeFileSync(live, "a record being written");
    expect(await pathsRead(root)).toEqual(paths);
    expect([existsSync(dead), existsSync(live)]).toEqual([false, true]);
    expect(readShard(root)).not.toHaveProperty("listing");
    unlinkSync(live);
    await readRecords(root, "alex-kim");
    expect(readShard(root).listing).toMatchObject({ count: 3 });
  });

  it.each([
    ["bad JSON", "{ not json"],
    ["another version", JSON.stringify({ version: 999, folder: "reps/alex-kim/records", files: {} })],
    ["a wrong shape", JSON.stringify({ version: 1, folder: "reps/alex-kim/records", files: { "x.md": 3 } })],
    ["damaged entries", "DAMAGE"],
    ["an empty file", ""],
  ])("rebuilds a corrupt shard (%s) without a word", async (_, text) => {
    const { root } = workspace();
    const expected = await readRecords(root, "alex-kim");
    const damaged =
      text === "DAMAGE"
        ? JSON.stringify({
            ...readShard(root),
            files: Object.fromEntries(Object.keys(readShard(root).files).map((n) => [n, { size: "big" }])),
          })
        : text;
    writeFileSync(shardOf(root), damaged);
    expect(await readRecords(root, "alex-kim")).toEqual(expected);
    expect(readShard(root).version).toBe(INDEX_VERSION);
    expect(await readRecords(root, "alex-kim")).toEqual(expected);
  });

  it("rebuilds a deleted index", async () => {
    const { root } = workspace();
    const expected = await readRecords(root);
    rmSync(join(root, ".coach"), { recursive: true });
    expect(await readRecords(root)).toEqual(expected);
    expect(existsSync(shardOf(root))).toBe(true);
  });

  it("still reads records when the index cannot be written", async () => {
    const { root } = workspace();
    const expected = await readRecords(root);
    rmSync(join(root, ".coach"), { recursive: true });
    writeFileSync(join(root, ".coach"), "in the way"); // mkdir .coach/index fails, as on a read-only disk
    expect(await readRecords(root)).toEqual(expected);
  });

  it("keeps a broken record's file:line:col warning without parsing it again", async () => {
    const { root, paths } = workspace();
    const broken = join(root, paths[1]!);
    writeFileSync(broken, readFileSync(broken, "utf8").replace(/^date: .*$/m, "date: last tuesday"));
    const first = await readRecords(root, "alex-kim");
    expect(first.records).toHaveLength(2);
    expect(first.skipped).toEqual([
      expect.stringMatching(new RegExp(`^${paths[1]}:6:7: date: expected a date as YYYY-MM-DD$`)),
    ]);
    const name = paths[1]!.split("/").at(-1)!;
    expect(readShard(root).files[name].problem).toBe(first.skipped[0]);
    expect(await readRecords(root, "alex-kim")).toEqual(first);
  });

  it("caches the rep's profile too, and notices an edit", async () => {
    const { root } = workspace();
    expect((await readRepFolder(root, "alex-kim")).profile).toMatchObject({
      ok: true,
      value: { id: "alex-kim", name: "Alex Kim" },
    });
    const file = join(root, "reps", "alex-kim", "rep.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("name: Alex Kim", "name: Alexandra Kim"));
    expect((await readRepFolder(root, "alex-kim")).profile).toMatchObject({
      ok: true,
      value: { name: "Alexandra Kim" },
    });
    unlinkSync(file);
    expect((await readRepFolder(root, "alex-kim")).profile).toBeUndefined();
    expect((await readRepFolder(root, "alex-kim")).records).toHaveLength(3);
  });
});

describe("parseRecordSummary: the index's fast reader", () => {
  const record = session("alex-kim", "2026-11-20", { ratings: { "active-listening": 3 } });
  const summaryOf = (text: string) => {
    const parsed = parseRecordSummary(text, "x.md");
    if (!parsed.ok) throw new Error(parsed.problem);
    return parsed.value;
  };

  it("reads what parseRecord reads, less the answers, whatever the answers hold", async () => {
    const tricky = {
      ...record,
      answers: [{ id: "a", prompt: "Q?", answer: "line one\nratings: not a key\n---\n# hash\n- dash" }],
      mood: "keen",
      met_on: "2026-11-19",
    };
    const text = joinFrontMatter(tricky, "");
    const full = parseRecord(text, "x.md");
    const { answers: _answers, ...rest } = full.ok ? full.value.record : record;
    expect(summaryOf(text)).toEqual(rest);
    // Dates a person added stay text, as `yaml` reads them.
    expect(summaryOf(text).met_on).toBe("2026-11-19");
  });

  it("gives the same file:line:col problem as parseRecord", async () => {
    const text = joinFrontMatter(record, "").replace("status: completed", "status: finished");
    const full = parseRecord(text, "x.md");
    expect(full.ok).toBe(false);
    expect(parseRecordSummary(text, "x.md")).toEqual(full);
    const duplicate = joinFrontMatter(record, "").replace("status: completed", "status: completed\nstatus: draft");
    expect(parseRecordSummary(duplicate, "x.md")).toEqual(parseRecord(duplicate, "x.md"));
  });

  it("reads anchors and aliases a person wrote, and refuses an alias bomb with the cap", async () => {
    const text = joinFrontMatter(record, "\n")
      .replace("prompt: What do you want from this week?", "prompt: &asked What do you want from this week?")
      .replace(/^---\n$/m, "mood: *asked\n---\n");
    expect(summaryOf(text)).toMatchObject({
      ratings: { "active-listening": 3 },
      mood: "What do you want from this week?",
    });
    const bomb = [
      'l0: &a0 ["x","x","x","x","x","x","x","x","x"]',
      ...Array.from({ length: 9 }, (_, i) => `l${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(",")}]`),
    ].join("\n");
    const started = cpuMs();
    const parsed = parseRecordSummary(joinFrontMatter(record, "").replace(/^---\n$/m, `${bomb}\n---\n`), "x.md");
    expect(!parsed.ok && parsed.problem).toMatch(/^x\.md:\d+:\d+: .*alias/i);
    expect(cpuMs() - started).toBeLessThan(1000);
  });

  it("refuses front matter over 1 MB before parsing it", async () => {
    const text = joinFrontMatter({ ...record, notes: "x".repeat(1_100_000) }, "");
    const started = cpuMs();
    const parsed = parseRecordSummary(text, "x.md");
    expect(!parsed.ok && parsed.problem).toMatch(/^x\.md:2:1: .*over the 1 MB limit/);
    expect(cpuMs() - started).toBeLessThan(300);
  });
});

describe("listing rep folders", () => {
  it("deletes nothing, not even the shard of a folder that is gone", async () => {
    const { root } = workspace();
    await readRecords(root);
    const stale = join(root, INDEX_DIR, "gone-rep.json");
    writeFileSync(stale, readFileSync(shardOf(root)));
    expect(listRepFolders(root)).toEqual(["alex-kim"]);
    expect(existsSync(stale)).toBe(true);
    expect(existsSync(shardOf(root))).toBe(true);
  });
});

describe("one reader of rep profiles", () => {
  it.each([
    ["an id that is not its folder's", "id: other-id\nname: Alex Kim\n"],
    ["broken YAML", "id: alex-kim\nname: [oops\n"],
    ["a wrong field", "id: alex-kim\nname: Alex Kim\nstyle: bossy\n"],
  ])("gives a profile with %s the same verdict for one rep and for a team review", async (_, text) => {
    const { root } = workspace();
    writeFileSync(join(root, "reps", "alex-kim", "rep.yaml"), text);
    let single: unknown;
    try {
      await requireRep(root, "alex-kim");
    } catch (error) {
      single = error instanceof CoachError ? { code: error.exitCode, message: error.message } : error;
    }
    const team = (await readRepFolder(root, "alex-kim")).profile;
    expect(team?.ok).toBe(false);
    expect(single).toEqual({ code: 2, message: !team?.ok && team?.problem });
    expect(single).toMatchObject({ message: expect.stringMatching(/rep\.yaml:\d+:\d+: /) });
    // A cached verdict is the same verdict.
    expect((await readRepFolder(root, "alex-kim")).profile).toEqual(team);
  });

  it("reads a good profile alike both ways", async () => {
    const { root } = workspace();
    expect((await readRepFolder(root, "alex-kim")).profile).toEqual({
      ok: true,
      value: await requireRep(root, "alex-kim"),
    });
  });
});

/** CPU time this process has used, in ms: unlike the wall clock, it does not grow with the machine's load. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
