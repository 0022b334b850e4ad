import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allSkills, type Config } from "../../src/domain/config.js";
import type { Template } from "../../src/domain/template.js";
import { appliesToStage } from "../../src/domain/template-terms.js";
import { loadBuiltInTemplates } from "../../src/store/builtin-templates.js";
import { loadPack, packNames } from "../../src/store/packs.js";
import { ROOT } from "../helpers-paths.js";

const names = packNames();
const builtIns = await loadBuiltInTemplates();

/** What a workspace made from the pack can use: the pack's own templates, and the built-ins for its stages. */
function usable(templates: Template[], config: Config): Template[] {
  const stages = config.stages.map((s) => s.id);
  return [...templates, ...builtIns.filter((t) => t.stages.some((s) => s === "any" || stages.includes(s)))];
}

describe("methodology packs", () => {
  it("are the built-in process and four methods, each a folder of packs/", async () => {
    expect(names).toEqual(["default", "bant", "meddpicc", "sandler", "spin"]);
    expect(readdirSync(join(ROOT, "packs")).sort()).toEqual([...names].sort());
  });

  it.each(names)("%s: coach.yaml and every template load against the pack's own stages and skills", async (name) => {
    // loadPack parses coach.yaml with the config schema and each template with the template
    // schema and against that config (stages and skills must exist); it throws on any problem.
    const pack = await loadPack(name);
    expect(pack.templates.length).toBeGreaterThan(0);
    const ids = pack.templates.map(({ template }) => template.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { template, path } of pack.templates)
      expect(path).toBe(`templates/${template.kind}/${template.id}.yaml`);
  });

  it.each(names)("%s: every stage has a plan and a session template, and every skill a drill", async (name) => {
    const pack = await loadPack(name);
    const templates = usable(
      pack.templates.map((t) => t.template),
      pack.config,
    );
    for (const stage of pack.config.stages) {
      for (const kind of ["plan", "session"] as const) {
        const found = templates.filter((t) => t.kind === kind && t.stages.includes(stage.id));
        expect(found.length, `${name}: ${kind} template for ${stage.id}`).toBeGreaterThan(0);
      }
      expect(stage.gates.length, `${name}: gates of ${stage.id}`).toBeGreaterThan(0);
    }
    const trained = new Set(templates.flatMap((t) => (t.rounds ?? []).map((round) => round.skill)));
    expect(allSkills(pack.config).filter((skill) => !trained.has(skill))).toEqual([]);
  });

  it.each(names.filter((name) => name !== "default"))(
    "%s: sessions are GROW-shaped, open, rate a stage skill, and give options and way forward the most room",
    async (name) => {
      const pack = await loadPack(name);
      for (const { template } of pack.templates.filter((t) => t.template.kind === "session")) {
        const questions = template.questions!;
        const count = (step: string) => questions.filter((q) => q.grow === step).length;
        expect(count("goal"), template.id).toBeGreaterThan(0);
        expect(count("options") + count("will"), template.id).toBeGreaterThanOrEqual(count("reality"));
        const open = questions.filter((q) => ["text", "editor", "list"].includes(q.type)).length;
        expect(open / questions.length, template.id).toBeGreaterThan(0.5);
        const stageSkills = pack.config.stages.filter((s) => appliesToStage(template, s.id)).flatMap((s) => s.skills);
        expect(
          questions.some((q) => q.type === "scale" && stageSkills.includes(q.skill!)),
          template.id,
        ).toBe(true);
      }
      for (const { template } of pack.templates.filter((t) => t.template.kind === "drill")) {
        for (const round of template.rounds!) {
          expect(round.timebox, template.id).toBeGreaterThan(0);
          expect(round.look_for.length, template.id).toBeGreaterThan(1);
          expect(
            round.look_for.some((item) => item.must),
            `${template.id}: a must-have item`,
          ).toBe(true);
          expect(
            round.look_for.some((item) => !item.live),
            `${template.id}: an item a summary shows`,
          ).toBe(true);
        }
        const live = template.rounds!.some((round) => round.look_for.some((item) => item.live));
        expect(live, `${template.id}: an item only hearing the rep shows`).toBe(true);
      }
    },
  );

  it("MEDDPICC spreads its eight elements as gates over its stages", async () => {
    const { config } = await loadPack("meddpicc");
    const gates = config.stages.flatMap((stage) => stage.gates.map((gate) => gate.id));
    expect(gates.sort()).toEqual(
      [
        "champion",
        "competition",
        "decision-criteria",
        "decision-process",
        "economic-buyer",
        "identify-pain",
        "metrics",
        "paper-process",
      ].sort(),
    );
    expect(config.stages.every((stage) => stage.gates.length <= 3)).toBe(true);
  });

  it("SPIN's question types are drills; Sandler's up-front contract is a gate and a drill; BANT gates on four", async () => {
    const spin = await loadPack("spin");
    const spinDrills = spin.templates.flatMap(({ template }) => (template.rounds ?? []).map((r) => r.skill));
    for (const type of ["situation", "problem", "implication", "need-payoff"])
      expect(spinDrills).toContain(`${type}-questions`);
    const sandler = await loadPack("sandler");
    expect(sandler.config.stages.flatMap((s) => s.gates.map((g) => g.id))).toEqual(
      expect.arrayContaining(["up-front-contract", "pain", "budget", "decision"]),
    );
    expect(sandler.templates.some(({ template }) => template.id === "sandler-drill-up-front-contracts")).toBe(true);
    const bant = await loadPack("bant");
    expect(bant.config.stages.find((s) => s.id === "qualify")!.gates.map((g) => g.id)).toEqual([
      "budget",
      "authority",
      "need",
      "timing",
    ]);
  });

  it("an unknown pack name is an exit-2 error with a did-you-mean and the list", async () => {
    await expect(loadPack("medpic")).rejects.toThrow(
      expect.objectContaining({
        exitCode: 2,
        message: "no process pack 'medpic'",
        hint: "did you mean 'meddpicc'? packs: default, bant, meddpicc, sandler, spin (see `coach templates packs`)",
      }),
    );
  });
});
