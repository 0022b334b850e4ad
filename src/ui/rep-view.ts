import type { ChalkInstance } from "chalk";
import { type Config, stageById } from "../domain/config.js";
import { type Rep, STYLE_ADAPTATION } from "../domain/rep.js";
import { columns } from "./table.js";

export function renderRepList(reps: Rep[], style: ChalkInstance): string {
  return columns([
    ["ID", "NAME", "ROLE", "STYLE", "FOCUS"].map((h) => style.bold(h)),
    ...reps.map((r) => [r.id, r.name, r.role || "-", r.style ?? "-", r.focus_stage ?? "-"]),
  ]);
}

export function renderRep(rep: Rep, config: Config, style: ChalkInstance): string {
  const focus = rep.focus_stage ? (stageById(config, rep.focus_stage)?.name ?? rep.focus_stage) : "chosen at each plan";
  const lines = [
    style.bold(rep.name) + style.dim(` (${rep.id})`),
    `  role:   ${rep.role || "-"}`,
    `  style:  ${rep.style ?? "-"}`,
    `  focus:  ${focus}`,
    `  goals:  ${rep.goals.length ? "" : "-"}`,
    ...rep.goals.map((goal) => `    - ${goal}`),
  ];
  if (rep.style) lines.push("", `  Adapting to a ${rep.style}: ${STYLE_ADAPTATION[rep.style]}`);
  return lines.join("\n");
}
