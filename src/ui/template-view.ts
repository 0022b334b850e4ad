import { anchorsLine } from "../domain/asking/spec.js";
import { itemTags } from "../domain/rubric.js";
import type { LoadedTemplate } from "../domain/template.js";
import type { Style } from "./style.js";
import { columns } from "./table.js";

export function renderTemplateList(templates: LoadedTemplate[], style: Style, width = 80): string {
  if (templates.length === 0) return "No templates match.";
  const header = ["ID", "KIND", "STAGES", "COACHING", "FOCUS", "SOURCE"].map((h) => style.bold(h));
  const rows = templates.map(({ template, source }) => [
    template.id,
    template.kind,
    template.stages.join(","),
    template.coaching_kind,
    template.focus,
    source === "built-in" ? style.dim(source) : source,
  ]);
  return columns([header, ...rows], width);
}

/** One row per methodology pack: `coach init --process NAME` starts from it. */
export function renderPackList(
  packs: { name: string; title: string; stages: string[]; templates: number }[],
  style: Style,
  width = 80,
): string {
  const header = ["NAME", "TEMPLATES", "TITLE", "STAGES"].map((h) => style.bold(h));
  const rows = packs.map((pack) => [pack.name, String(pack.templates), pack.title, pack.stages.join(", ")]);
  return `${columns([header, ...rows], width)}\n\nStart a workspace from one: coach init <dir> --process <name>`;
}

export function renderTemplate({ template, source }: LoadedTemplate, style: Style): string {
  const lines = [
    `${style.bold(template.title)} ${style.dim(`(${template.id}, ${template.kind}, ${source})`)}`,
    `stages: ${template.stages.join(", ")} · ${template.coaching_kind} coaching · ${template.focus} · ~${template.minutes} min`,
  ];
  if (template.description) lines.push("", template.description.trim());
  const asks = Object.entries(template.ask ?? {}).filter(([, n]) => n !== undefined);
  if (asks.length)
    lines.push("", `each 1:1 asks ${asks.map(([step, n]) => `${n} ${step}`).join(", ")}; the optional ones rotate`);
  template.questions?.forEach((q, i) => {
    const tags = [
      q.type,
      q.grow,
      q.skill && `rates ${q.skill}`,
      !q.required && "optional",
      q.when && `when ${q.when.question}`,
    ]
      .filter(Boolean)
      .join(", ");
    lines.push("", `${i + 1}. ${q.prompt} ${style.dim(`[${q.id}: ${tags}]`)}`);
    if (q.help) lines.push(`   ${style.dim(q.help)}`);
    if (q.anchors) lines.push(`   ${style.dim(anchorsLine(q.anchors))}`);
  });
  template.rounds?.forEach((r, i) => {
    lines.push(
      "",
      `Round ${i + 1} ${style.dim(`[${r.skill}${r.timebox ? `, ${r.timebox}s` : ""}]`)}`,
      `   Scenario: ${r.scenario.trim()}`,
      `   Prompt:   ${r.prompt.trim()}`,
    );
    lines.push(...r.look_for.map((item, n) => `   Look for: ${n + 1}. ${item.text.trim()}${itemTags(item)}`));
  });
  return lines.join("\n");
}
