import { describe, expect, it } from "vitest";
import { allSkills, DEFAULT_CONFIG } from "../../src/domain/config.js";
import { appliesToStage } from "../../src/domain/template-terms.js";
import { builtInTemplatesDir } from "../../src/store/builtin-templates.js";
import { yamlFilesUnder } from "../../src/store/files.js";
import { parseTemplateFile } from "../../src/store/template-file.js";

const files = yamlFilesUnder(builtInTemplatesDir());
const templates = files.map((file) => {
  const parsed = parseTemplateFile(file, file, { config: DEFAULT_CONFIG, inKindFolder: true });
  if (!parsed.ok) throw new Error(parsed.problem);
  return { file, template: parsed.value };
});
const stages = DEFAULT_CONFIG.stages.map((s) => s.id);

describe("built-in template library", () => {
  it("every file validates against the schema and the default stages and skills", () => {
    expect(files.length).toBeGreaterThan(0);
    for (const { file, template } of templates) {
      expect(
        file.endsWith(`${template.kind}/${template.id}.yaml`),
        `${file} should be at templates/<kind>/<id>.yaml`,
      ).toBe(true);
    }
  });

  it("ids are unique", () => {
    const ids = templates.map((t) => t.template.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(stages)("stage %s has a stage-specific plan and session template", (stage) => {
    for (const kind of ["plan", "session"] as const) {
      const found = templates.filter(({ template }) => template.kind === kind && template.stages.includes(stage));
      expect(found.length, `${kind} template for ${stage}`).toBeGreaterThan(0);
    }
  });

  it("session templates are GROW-shaped and mostly open questions", () => {
    for (const { template } of templates.filter((t) => t.template.kind === "session")) {
      const steps = new Set(template.questions!.map((q) => q.grow).filter(Boolean));
      expect([...steps].sort(), template.id).toEqual(["goal", "options", "reality", "will"]);
      const open = template.questions!.filter(
        (q) => q.type === "text" || q.type === "editor" || q.type === "list",
      ).length;
      expect(open / template.questions!.length, template.id).toBeGreaterThan(0.5);
      // Self-talk and purpose are reflected on, not graded: the mindset and goals conversations rate nothing.
      const reflective = template.id === "session-mindset" || template.id === "session-career";
      expect(
        template.questions!.some((q) => q.type === "scale"),
        `${template.id} rates a skill`,
      ).toBe(!reflective);
    }
  });

  it("covers mindset as well as skillset, and the manager's self-check", () => {
    expect(templates.some(({ template }) => template.focus === "mindset")).toBe(true);
    expect(templates.some(({ template }) => template.id === "manager-self-check")).toBe(true);
  });

  it("every skill of the default stages is trained by at least one drill", () => {
    const trained = new Set(templates.flatMap(({ template }) => (template.rounds ?? []).map((r) => r.skill)));
    const untrained = allSkills(DEFAULT_CONFIG).filter((skill) => !trained.has(skill));
    expect(untrained).toEqual([]);
  });

  it("every default stage has at least one drill", () => {
    for (const stage of stages) {
      const drills = templates.filter(
        ({ template }) =>
          template.kind === "drill" && appliesToStage(template, stage) && !template.stages.includes("any"),
      );
      expect(drills.length, `drill for ${stage}`).toBeGreaterThan(0);
    }
  });
});

describe("built-in drill rubrics", () => {
  const drills = templates.filter((t) => t.template.kind === "drill");

  it("every round has a must-have item and an item a written summary can show", () => {
    for (const { template } of drills) {
      for (const [index, round] of template.rounds!.entries()) {
        expect(
          round.look_for.some((item) => item.must),
          `${template.id} round ${index + 1}: must`,
        ).toBe(true);
        expect(
          round.look_for.some((item) => !item.live),
          `${template.id} round ${index + 1}: summary`,
        ).toBe(true);
      }
    }
  });

  it("every drill marks what only hearing the rep live can show", () => {
    for (const { template } of drills) {
      expect(
        template.rounds!.some((round) => round.look_for.some((item) => item.live)),
        template.id,
      ).toBe(true);
    }
  });
});
