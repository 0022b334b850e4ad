#!/usr/bin/env node
// Fault injection: many coach processes writing one workspace at once, some killed with
// SIGKILL at random moments, stale locks and dead writers' temp files planted, then a
// consistency check. Exits 1 on any loss.
//
//   npm run torture                      16 writers x 20 rounds, stale locks in half of them
//   node scripts/torture.js --writers 4 --rounds 2 --kill-rate 0.3 --session-kills 20
//
// Checks: every close (`actions done|drop`) that exited 0 is closed with that status; every
// deal update (`deal gate`, `deal stage`) that exited 0 is in the deal;
// every completed session's follow-ups are in effect; every writer that was not killed
// exited 0; every record parses (none torn); after one ordinary command, no temp or
// lock file is left anywhere in the workspace.
import { spawn } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { hostname, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
// The built package, copied aside: a build started meanwhile (a test run) cannot change it under the writers.
const PACKAGE = mkdtempSync(join(tmpdir(), "coach-torture-bin-"));
const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
for (const part of ["package.json", ...manifest.files.filter((f) => !f.startsWith("!"))])
  cpSync(join(ROOT, part), join(PACKAGE, part), { recursive: true });
symlinkSync(join(ROOT, "node_modules"), join(PACKAGE, "node_modules"));
const BIN = join(PACKAGE, JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).bin.coach);
const TODAY = "2026-11-22";

const options = parseArgs(process.argv.slice(2), {
  writers: Number(process.env.TORTURE_WRITERS ?? 16),
  rounds: Number(process.env.TORTURE_ROUNDS ?? 20),
  "kill-rate": Number(process.env.TORTURE_KILL_RATE ?? 0.2),
  "stale-rate": Number(process.env.TORTURE_STALE_RATE ?? 0.5),
  "session-kills": Number(process.env.TORTURE_SESSION_KILLS ?? 20),
  "max-kill-ms": Number(process.env.TORTURE_MAX_KILL_MS ?? 1500),
  keep: false,
});

function parseArgs(argv, defaults) {
  const out = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, "");
    if (!(name in out)) throw new Error(`unknown option --${name}; known: ${Object.keys(out).join(", ")}`);
    out[name] = typeof defaults[name] === "boolean" ? true : Number(argv[++i]);
  }
  return out;
}

const workspace = mkdtempSync(join(tmpdir(), "coach-torture-"));
const env = { ...process.env, COACH_WORKSPACE: workspace, COACH_TODAY: TODAY, NO_COLOR: "1" };
delete env.FORCE_COLOR;

/** Runs coach; `killAfter` ms later it is SIGKILLed (if still running). */
function run(args, { input, killAfter } = {}) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let killed = false;
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.stdin.on("error", () => {});
    child.stdin.end(input ?? "");
    const timer =
      killAfter === undefined
        ? undefined
        : setTimeout(() => {
            killed = child.kill("SIGKILL");
          }, killAfter);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (process.env.TORTURE_TRACE)
        console.error(`${Date.now() - started}ms coach ${args.join(" ")} -> ${code ?? signal}`);
      resolve({ args, code, signal, killed: killed && signal === "SIGKILL", stdout, stderr });
    });
  });
}

async function mustRun(args, input) {
  const result = await run(args, { input });
  if (result.code !== 0) throw new Error(`setup failed: coach ${args.join(" ")}\n${result.stderr}`);
  return result;
}

/** Answers for every question a write command would ask, from its own `missing` list. */
async function answersFor(args, openIds = new Set(), closeAs = () => "done") {
  const probe = await run(["--json", ...args, "--answers", "-"], { input: "{}\n" });
  if (probe.code === 0) return {};
  const error = JSON.parse(probe.stderr).error;
  if (error.code !== "missing_answers") throw new Error(`cannot prepare ${args.join(" ")}: ${probe.stderr}`);
  const answers = {};
  for (const item of error.missing) {
    if (item.key === "follow_ups" || openIds.has(item.id)) {
      answers.follow_ups ??= {};
      answers.follow_ups[item.id] = closeAs(item.id);
    } else if (item.key === "focus_choice") answers.focus_choice = "keep";
    else if (item.key === "rounds" || /^round-\d+$/.test(item.id)) {
      answers.rounds ??= [];
      answers.rounds.push({ score: 3 });
    } else answers[item.id] = answerOf(item);
  }
  return answers;
}

function answerOf(item) {
  const first = item.choices?.[0];
  const choice = typeof first === "object" && first !== null ? first.value : first;
  switch (item.type) {
    case "scale":
      return item.min ?? 3;
    case "number":
      return item.min ?? 1;
    case "confirm":
      return true;
    case "choice":
      return choice ?? "x";
    case "multi":
      return choice === undefined ? [] : [choice];
    case "date":
      return TODAY;
    case "list":
      return ["One step"];
    default:
      return "Torture answer";
  }
}

const yamlOf = (value) => JSON.stringify(value); // JSON is YAML

async function openActionsOf(rep) {
  const listed = await mustRun(["--json", "actions", rep]);
  return JSON.parse(listed.stdout).map((row) => row.id);
}

/** A record with `count` open actions, written as a person (or another tool) might: LF, or CRLF with a BOM. */
function plantActionRecord(rep, round, count, crlf) {
  const id = `2026-11-01-note-torture-r${round}`;
  const ids = Array.from({ length: count }, (_, i) => `t${round}x${String(i).padStart(2, "0")}`);
  const front = [
    "schema: coach/record@1",
    `id: ${id}`,
    "type: note",
    `rep: ${rep}`,
    'date: "2026-11-01"',
    "status: completed",
    "actions:",
    ...ids.flatMap((a) => [
      `  - id: ${a}`,
      `    text: Task ${a}`,
      "    owner: rep",
      "    due: null",
      "    status: open",
      "    closed_on: null",
    ]),
  ];
  const body = ["", `# Round ${round}`, "", ...ids.flatMap((a) => [`- [ ] \`${a}\` Task ${a} (rep, no due date)`, ""])];
  let text = ["---", ...front, "---", ...body].join("\n");
  if (crlf) text = `\uFEFF${text.replace(/\n/g, "\r\n")}`;
  const file = join(workspace, "reps", rep, "records", `${id}.md`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text, { mode: 0o600 });
  return { file, ids };
}

/** What crashed writers of another time left: a 60-second-old lock folder, a dead owner's lock, a dead writer's temp file. */
function plantStaleLeftovers(file) {
  const old = new Date(Date.now() - 60_000);
  mkdirSync(`${file}.lock`);
  utimesSync(`${file}.lock`, old, old);
  const dir = dirname(file);
  writeFileSync(join(dir, `.${file.split("/").at(-1)}.999999.dead.tmp`), "half a rec");
}

/** A lock file naming this machine and a pid that cannot run (above Linux's largest pid). */
function plantDeadOwnerLock(file) {
  writeFileSync(`${file}.lock`, `4194305 ${hostname()} token\n`);
}

const killAt = () =>
  Math.random() < options["kill-rate"] ? Math.floor(Math.random() * options["max-kill-ms"]) : undefined;

const expectedClosed = new Map(); // action id -> status
const expectedGates = []; // {deal, gate, evidence} of every `deal gate` that exited 0
const expectedStages = new Map(); // deal id -> stage set by a `deal stage` that exited 0
// Gates of several stages of the default process, so one deal gets parallel updates at once.
const DEAL_GATES = [
  "meeting-accepted",
  "needs-stated",
  "need-admitted",
  "open-to-solutions",
  "can-decide",
  "fit-confirmed",
];
const failures = [];
let runs = 0;
let killed = 0;

function account(result, onSuccess) {
  runs++;
  if (result.killed) {
    killed++;
    return;
  }
  if (result.code === 0) onSuccess?.();
  else failures.push(`coach ${result.args.join(" ")} exited ${result.code ?? result.signal}: ${result.stderr.trim()}`);
}

async function round(n) {
  const stale = Math.random() < options["stale-rate"];
  const closers = Math.max(1, options.writers - 4);
  const base = plantActionRecord("alex-kim", n, closers, n % 2 === 1);
  const samOpen = await openActionsOf("sam-lee");
  const samRecord = readdirSync(join(workspace, "reps", "sam-lee", "records")).find((f) => f.includes("-session-"));
  if (stale) {
    plantStaleLeftovers(base.file);
    if (samRecord) plantDeadOwnerLock(join(workspace, "reps", "sam-lee", "records", samRecord));
  }
  // Sam's session follows up every open commitment: one done, one dropped, the rest left open,
  // and makes two new ones; meanwhile one of those left open is closed by `actions done`.
  const statuses = ["done", "dropped"];
  // What a plan or drill asks depends on the history so far (the drill due changes): asked afresh each round.
  const [sessionAnswers, planAnswers, drillAnswers] = await Promise.all([
    answersFor(["session", "sam-lee"], new Set(samOpen), (id) => statuses[samOpen.indexOf(id)] ?? "open"),
    answersFor(["plan", "alex-kim"]),
    answersFor(["drill", "alex-kim"]),
  ]);
  sessionAnswers.actions = [{ text: `Round ${n} first` }, { text: `Round ${n} second`, due: "2026-12-01" }];
  const samClosedByDone = samOpen[2];
  const writers = [];
  for (const [i, id] of base.ids.entries()) {
    const status = i % 4 === 3 ? "dropped" : "done";
    writers.push(
      run(["actions", status === "done" ? "done" : "drop", id, "-q"], { killAfter: killAt() }).then((r) =>
        account(r, () => expectedClosed.set(id, status)),
      ),
    );
  }
  writers.push(
    run(["session", "sam-lee", "--answers", "-", "-q"], { input: yamlOf(sessionAnswers), killAfter: killAt() }).then(
      (r) => account(r),
    ),
  );
  if (samClosedByDone)
    writers.push(
      run(["actions", "done", samClosedByDone, "-q"], { killAfter: killAt() }).then((r) =>
        account(r, () => expectedClosed.set(samClosedByDone, "done")),
      ),
    );
  writers.push(
    run(["plan", "alex-kim", "--answers", "-", "-q"], { input: yamlOf(planAnswers), killAfter: killAt() }).then((r) =>
      account(r),
    ),
  );
  writers.push(
    run(["drill", "alex-kim", "--answers", "-", "-q"], { input: yamlOf(drillAnswers), killAfter: killAt() }).then((r) =>
      account(r),
    ),
  );
  writers.push(run(["actions", "add", "alex-kim", `Added in round ${n}`, "-q"], { killAfter: killAt() }).then(account));
  writers.push(...(await dealWriters(n)));
  await Promise.all(writers);
}

/** One deal per round, its gates confirmed by parallel `deal gate` runs while `deal stage` moves it. */
async function dealWriters(n) {
  const added = await mustRun(["--json", "deal", "add", "alex-kim", `Deal ${n}`, "--stage", "solution"]);
  const deal = JSON.parse(added.stdout).id;
  const writers = DEAL_GATES.slice(0, Math.max(1, options.writers - 10)).map((gate) => {
    const evidence = `The buyer wrote back about ${gate} in round ${n}`;
    return run(["deal", "gate", deal, gate, "--evidence", evidence, "-q"], { killAfter: killAt() }).then((r) =>
      account(r, () => expectedGates.push({ deal, gate, evidence })),
    );
  });
  writers.push(
    run(["deal", "stage", deal, "negotiation", "-q"], { killAfter: killAt() }).then((r) =>
      account(r, () => expectedStages.set(deal, "negotiation")),
    ),
  );
  return writers;
}

/** `coach session` killed at random moments: a completed session must never be left with follow-ups not in effect. */
async function sessionKills(count) {
  for (let i = 0; i < count; i += 2) {
    const batch = [];
    for (let j = i; j < Math.min(count, i + 2); j++) {
      const open = await openActionsOf("sam-lee");
      const started = Date.now();
      const answers = await answersFor(["session", "sam-lee"], new Set(open), () => "done");
      // The probe does nearly what the session does, short of writing: killing within 0.3 to 1.3
      // times its duration hits every moment, before, during and after the session's writes.
      const probeMs = Date.now() - started;
      answers.actions = [{ text: `Kill run ${j} a` }, { text: `Kill run ${j} b` }];
      batch.push(
        run(["session", "sam-lee", "--answers", "-", "-q"], {
          input: yamlOf(answers),
          killAfter: Math.floor(probeMs * (0.3 + Math.random())),
        }).then((r) => {
          if (r.killed) killed++;
          else if (r.code !== 0 && !refusedForNewer(r, open))
            failures.push(`session exited ${r.code}: ${r.stderr.trim()}`);
          runs++;
        }),
      );
    }
    await Promise.all(batch);
  }
}

/**
 * The other session of the batch may add its commitments after this one's probe: this one
 * then refuses (exit 2, nothing written) for want of their follow-ups, as it must. Any other
 * refusal, or one naming a commitment it was given, is a failure.
 */
function refusedForNewer(result, knownOpen) {
  const named = /^error: missing answers: ([^;]+);/.exec(result.stderr)?.[1]?.split(", ");
  return result.code === 2 && named !== undefined && named.every((id) => !knownOpen.includes(id));
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() && !entry.name.endsWith(".lock") ? [path, ...walk(path)] : [path];
  });
}

function frontMatterOf(text) {
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(source);
  return match ? parse(match[1]) : undefined;
}

async function check() {
  // One ordinary command of each kind a person runs, which is when leftovers are swept.
  await mustRun(["review", "--team", "--json"]);
  const all = JSON.parse((await mustRun(["--json", "actions", "--all"])).stdout);
  const status = new Map(all.map((row) => [row.id, row.status]));
  const lost = [];
  for (const [id, expected] of expectedClosed)
    if (status.get(id) !== expected)
      lost.push(`${id}: closed ${expected} (exit 0), now ${status.get(id) ?? "missing"}`);
  const deals = new Map(
    JSON.parse((await mustRun(["--json", "deal", "list", "--all"])).stdout).map((deal) => [deal.id, deal]),
  );
  for (const { deal, gate, evidence } of expectedGates)
    if (deals.get(deal)?.gates?.[gate]?.evidence !== evidence)
      lost.push(`${deal}: gate ${gate} confirmed (exit 0), now missing`);
  for (const [deal, stage] of expectedStages)
    if (deals.get(deal)?.stage !== stage)
      lost.push(`${deal}: moved to ${stage} (exit 0), now ${deals.get(deal)?.stage}`);
  const torn = [];
  const files = walk(workspace);
  for (const file of files.filter((f) => f.endsWith(".md"))) {
    try {
      const front = frontMatterOf(readFileSync(file, "utf8"));
      const isDeal = front?.schema === "coach/deal@1";
      if (!front?.schema || !front.id || !(front.type || isDeal) || !front.status)
        throw new Error("no complete front matter");
      if (front.type === "session" && front.status === "completed")
        for (const followUp of front.follow_ups ?? [])
          if (followUp.status !== "open" && status.get(followUp.action) === "open")
            lost.push(`${followUp.action}: ${followUp.status} in ${file.split("/").at(-1)}, still open`);
    } catch (error) {
      torn.push(`${file}: ${error.message}`);
    }
  }
  const left = files.filter((f) => /\.tmp$|\.lock$|\.stale/.test(f) || statSync(f).size === 0);
  return { lost: [...lost, ...failures], torn, left };
}

try {
  await mustRun(["init", workspace]);
  await mustRun(["rep", "add", "Alex Kim", "--focus", "prospecting"]);
  await mustRun(["rep", "add", "Sam Lee", "--focus", "prospecting"]);
  await mustRun(["actions", "add", "sam-lee", "First commitment"]);
  for (let n = 0; n < options.rounds; n++) await round(n);
  await sessionKills(options["session-kills"]);
  const { lost, torn, left } = await check();
  for (const line of [...lost, ...torn.map((t) => `torn: ${t}`), ...left.map((l) => `left behind: ${l}`)])
    console.error(line);
  console.log(
    `${options.writers} writers x ${options.rounds} rounds + ${options["session-kills"]} sessions: ${runs} runs, ` +
      `${expectedClosed.size} closes and ${expectedGates.length + expectedStages.size} deal updates checked`,
  );
  console.log(
    `${options.writers} writers, ${killed} killed, ${lost.length} lost, ${torn.length} torn, ${left.length} left behind`,
  );
  process.exitCode = lost.length || torn.length || left.length ? 1 : 0;
} finally {
  rmSync(PACKAGE, { recursive: true, force: true });
  if (!options.keep && process.exitCode === 0) rmSync(workspace, { recursive: true, force: true });
  else console.error(`workspace kept: ${workspace}`);
}
