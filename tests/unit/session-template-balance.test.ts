import { describe, expect, it } from "vitest";
import { questionsToAsk } from "../../src/domain/asking/rotation.js";
import { DEFAULT_CONFIG } from "../../src/domain/config.js";
import type { Question, Template } from "../../src/domain/template.js";
import { builtInTemplatesDir } from "../../src/store/builtin-templates.js";
import { yamlFilesUnder } from "../../src/store/files.js";
import { loadPack, packNames } from "../../src/store/packs.js";
import { parseTemplateFile } from "../../src/store/template-file.js";

const builtInSessions = yamlFilesUnder(builtInTemplatesDir())
  .map((file) => {
    const parsed = parseTemplateFile(file, file, { config: DEFAULT_CONFIG, inKindFolder: true });
    if (!parsed.ok) throw new Error(parsed.problem);
    return parsed.value;
  })
  .filter((t) => t.kind === "session");
/** Every methodology pack's own sessions meet the same standard as the built-in ones. */
const packSessions = (await Promise.all(packNames().map(loadPack))).flatMap((pack) =>
  pack.templates
    .map(({ template }) => template)
    .filter((t) => t.kind === "session" && !builtInSessions.some((b) => b.id === t.id)),
);
const sessions = [...builtInSessions, ...packSessions];
const builtInStageSessions = builtInSessions.filter((t) => !t.stages.includes("any"));
const stageSessions = sessions.filter((t) => !t.stages.includes("any"));
const count = (questions: Question[], step: string) => questions.filter((q) => q.grow === step).length;
/** Options and way forward against reality: a session builds solutions as much as it studies the problem. */
const balance = (questions: Question[]) =>
  count(questions, "options") + count(questions, "will") - count(questions, "reality");
const CLOSED = /^(did|do|does|is|are|was|were|have|has|had|can|could|would|will|should|shall|may|might|must)\b/i;

describe("the session templates, built in and in every methodology pack", () => {
  it("cover every default stage, and every pack has sessions of its own", () => {
    expect(packSessions.length).toBeGreaterThanOrEqual(13);
    expect(builtInStageSessions.flatMap((t) => t.stages).sort()).toEqual(DEFAULT_CONFIG.stages.map((s) => s.id).sort());
  });

  it.each(sessions.map((t) => [t.id, t] as const))(
    "%s asks at least as many Options and Way-forward questions as Reality ones, in its bank and in each 1:1",
    (_id, template: Template) => {
      expect(balance(template.questions!)).toBeGreaterThanOrEqual(0);
      let asked = questionsToAsk(template);
      for (let session = 0; session < 4; session++) {
        expect(balance(asked), `1:1 number ${session + 1}`).toBeGreaterThanOrEqual(0);
        expect(count(asked, "options"), "options asked").toBeGreaterThanOrEqual(2);
        asked = questionsToAsk(
          template,
          asked.map((q) => q.id),
        );
      }
    },
  );

  it.each(stageSessions.map((t) => [t.id, t] as const))(
    "%s has a bank that rotates: the next 1:1 on the stage asks other questions",
    (_id, template: Template) => {
      expect(template.ask, "ask: N per GROW step").toBeDefined();
      const first = questionsToAsk(template).map((q) => q.id);
      const second = questionsToAsk(template, first).map((q) => q.id);
      expect(second).not.toEqual(first);
      expect(template.questions!.length).toBeGreaterThan(first.length);
    },
  );

  it.each(sessions.map((t) => [t.id, t] as const))(
    "%s asks single open questions: no yes/no prompt, no confirm, one question mark at most",
    (_id, template: Template) => {
      for (const question of template.questions!) {
        const prompt = question.prompt.replace(/^Rate together:\s*/, "");
        expect(prompt, question.id).not.toMatch(CLOSED);
        expect(question.type, `${question.id} is a yes/no question`).not.toBe("confirm");
        expect(prompt.split("?").length - 1, `${question.id}: ${prompt}`).toBeLessThanOrEqual(1);
      }
    },
  );

  it("anchor every rating (what a 1, a 3 and a 5 look like), and leave self-talk and purpose ungraded", () => {
    for (const template of sessions) {
      for (const question of template.questions!.filter((q) => q.type === "scale")) {
        expect(question.anchors, `${template.id}: ${question.id}`).toBeDefined();
        expect(["self-talk", "purpose"], `${template.id} grades ${question.skill}`).not.toContain(question.skill);
      }
    }
  });
});
