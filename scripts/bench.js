// Start-up benchmark: coach's commands against bare `node -e 0`, measured in one run,
// interleaved so that machine noise hits every command alike. Reports medians and ratios.
//   npm run bench              (builds first)
//   BENCH_RUNS=50 npm run bench
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "bin", "coach.js");
const runs = Number(process.env.BENCH_RUNS ?? 30);
const workspace = mkdtempSync(join(tmpdir(), "coach-bench-"));
const env = { ...process.env, COACH_WORKSPACE: workspace, NO_COLOR: "1" };

const cases = [
  { name: "node -e 0 (baseline)", args: ["-e", "0"] },
  { name: "coach --version", args: [bin, "--version"], target: 1.5 },
  { name: "coach --help", args: [bin, "--help"], target: 2 },
  { name: "coach templates list", args: [bin, "templates", "list"] },
];

function timeOnce(args) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { env, stdio: ["ignore", "ignore", "pipe"] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return ms;
}

const samples = cases.map(() => []);
for (let i = 0; i < 3; i++) cases.forEach((c) => timeOnce(c.args)); // warm the file cache
for (let i = 0; i < runs; i++) cases.forEach((c, j) => samples[j].push(timeOnce(c.args)));
rmSync(workspace, { recursive: true, force: true });

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const baseline = median(samples[0]);
console.log(`Start-up, median of ${runs} runs each (node ${process.version}):`);
let failed = false;
cases.forEach((c, j) => {
  const ms = median(samples[j]);
  const ratio = ms / baseline;
  const verdict = c.target ? (ratio <= c.target ? `  target <= ${c.target}x: ok` : `  target <= ${c.target}x: MISSED`) : "";
  if (c.target && ratio > c.target) failed = true;
  console.log(`  ${c.name.padEnd(24)} ${ms.toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}x${verdict}`);
});
process.exitCode = failed ? 1 : 0;
