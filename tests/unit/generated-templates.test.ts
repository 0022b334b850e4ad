import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/domain/config.js";
import { generatedTemplates } from "../../src/domain/generated-templates.js";
import { templateSchema } from "../../src/domain/template.js";

const config = configSchema().parse({
  stages: [
    { id: "scoping", name: "Scoping", gates: ["Buyer names the owner"], skills: ["problem-framing"] },
    { id: "proving", name: "Proving", gates: [], skills: [] },
  ],
});

describe("templates generated for a stage without its own", () => {
  const made = generatedTemplates(config, []);

  it("are valid templates, a plan and a session per stage", () => {
    expect(made.map((t) => t.template.id)).toEqual([
      "plan-scoping",
      "session-scoping",
      "plan-proving",
      "session-proving",
    ]);
    for (const { template } of made) expect(templateSchema().safeParse(template).success, template.id).toBe(true);
  });

  it("ask for the buyer's evidence of each gate, rate each skill, and follow GROW", () => {
    const session = made.find((t) => t.template.id === "session-scoping")!.template;
    expect(session.questions!.map((q) => [q.id, q.grow, q.type])).toEqual([
      ["goal", "goal", "text"],
      ["gate-buyer-names-the-owner", "reality", "text"],
      ["rate-problem-framing", "reality", "scale"],
      ["options", "options", "list"],
      ["borrow", "options", "text"],
      ["will", "will", "text"],
      ["obstacle", "will", "text"],
    ]);
    expect(session.questions![1]!.prompt).toBe(
      "In the deals at Scoping, what has a buyer said or done that shows 'Buyer names the owner'?",
    );
  });

  it("take another id when a template already has the usual one", () => {
    const taken = [{ template: { ...made[0]!.template, stages: ["any"] }, source: "x.yaml" }];
    expect(generatedTemplates(config, taken)[0]!.template.id).toBe("plan-scoping-generated");
  });
});
