import type { ChalkInstance } from "chalk";
import { type Config, stageById } from "../domain/config.js";
import { type Rep, STYLE_ADAPTATION } from "../domain/rep.js";
import { columns } from "./table.js";
import { wrap } from "./wrap.js";

export function renderRepList(reps: Rep[], style: ChalkInstance, width = 80): string {
  return columns(
    [
      ["ID", "NAME", "ROLE", "STYLE", "FOCUS"].map((h) => style.bold(h)),
      ...reps.map((r) => [r.id, r.name, r.role || "-", r.style ?? "-", r.focus_stage ?? "-"]),
    ],
    width,
  );
}

export function renderRep(rep: Rep, config: Config, style: ChalkInstance, width = 80): string {
  const focus = rep.focus_stage ? (stageById(config, rep.focus_stage)?.name ?? rep.focus_stage) : "chosen at each plan";
  const lines = [
    style.bold(rep.name) + style.dim(` (${rep.id})`),
    wrap(rep.role || "-", width, "  role:   "),
    `  style:  ${rep.style ?? "-"}`,
    wrap(focus, width, "  focus:  "),
    `  goals:  ${rep.goals.length ? "" : "-"}`,
    ...rep.goals.map((goal) => wrap(goal, width, "    - ")),
  ];
  if (rep.style) {
    lines.push("", wrap(STYLE_ADAPTATION[rep.style], width, `  Adapting to ${withArticle(rep.style)}: `, "  "));
  }
  return lines.join("\n");
}

/** "an expressive", "a driver". */
function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? "an" : "a"} ${word}`;
}
