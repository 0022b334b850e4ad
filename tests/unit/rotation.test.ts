import { describe, expect, it } from "vitest";
import { questionsToAsk } from "../../src/domain/asking/rotation.js";
import { templateSchema } from "../../src/domain/template.js";
import { parseYaml } from "../../src/store/yaml-source.js";

const header =
  "id: my-discovery\ntitle: Mine\nkind: session\nstages: [discovery]\ncoaching_kind: training\nfocus: both\n";
const bank = [
  "questions:",
  "  - { id: goal, grow: goal, prompt: What do you want? }",
  "  - { id: rate, grow: reality, type: scale, skill: active-listening, prompt: How well? }",
  "  - { id: r1, grow: reality, required: false, prompt: What happened? }",
  "  - { id: r2, grow: reality, required: false, prompt: Who talked? }",
  "  - { id: r3, grow: reality, required: false, prompt: What did they say? }",
  "  - { id: r4, grow: reality, required: false, prompt: What surprised you? }",
  "  - { id: r5, grow: reality, required: false, prompt: What went well? }",
  "  - { id: o1, grow: options, prompt: What could you try? }",
  "",
].join("\n");
const parse = (text: string) => parseYaml(templateSchema(), text, "t.yaml");
const template = (ask: string, questions = bank) => {
  const parsed = parse(`${header}ask: ${ask}\n${questions}`);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.value;
};
const ids = (t: ReturnType<typeof template>, last: string[] = []) => questionsToAsk(t, last).map((q) => q.id);

describe("a bank of questions with ask: N", () => {
  it("asks the required questions and fills the rest from the bank, in the template's order", () => {
    const t = template("{ reality: 3 }");
    expect(ids(t)).toEqual(["goal", "rate", "r1", "r2", "o1"]);
  });

  it("asks next time the questions after those asked last, round the bank, so consecutive 1:1s differ", () => {
    const t = template("{ reality: 3 }");
    const first = ids(t);
    const second = ids(t, first);
    expect(second).toEqual(["goal", "rate", "r3", "r4", "o1"]);
    const third = ids(t, second);
    expect(third).toEqual(["goal", "rate", "r1", "r5", "o1"]); // r5, then round to r1
    expect(ids(t, third)).toEqual(["goal", "rate", "r2", "r3", "o1"]);
  });

  it("keeps the questions a resumed draft answered, even when the turn has moved on", () => {
    const t = template("{ reality: 3 }");
    expect(questionsToAsk(t, ["r1", "r2"], ["goal", "r1"]).map((q) => q.id)).toEqual([
      "goal",
      "rate",
      "r1",
      "r3",
      "r4",
      "o1",
    ]);
  });

  it("asks every question of a step without ask, and all of them when ask covers the step", () => {
    expect(ids(template("{ options: 1 }"))).toEqual(["goal", "rate", "r1", "r2", "r3", "r4", "r5", "o1"]);
    expect(ids(template("{ reality: 6 }"), ["r1", "r2"])).toEqual(["goal", "rate", "r1", "r2", "r3", "r4", "r5", "o1"]);
  });

  it("asks a question with a 'when' only with the question it depends on", () => {
    const withWhen = bank.replace(
      "  - { id: o1,",
      "  - { id: r2b, grow: reality, when: { question: r2, equals: x }, prompt: Why? }\n  - { id: o1,",
    );
    const t = template("{ reality: 2 }", withWhen);
    expect(ids(t)).toEqual(["goal", "rate", "r1", "o1"]);
    expect(ids(t, ["r1"])).toEqual(["goal", "rate", "r2", "r2b", "o1"]);
  });
});

describe("a wrong ask", () => {
  it.each([
    [
      "{ reality: 7 }",
      "t.yaml:7:17: ask.reality: asks 7 reality questions but the step has 6 (without a 'when'); lower it to 6 or add questions with grow: reality",
    ],
    ["{ reality: 0 }", "t.yaml:7:17: ask.reality: ask at least 1 question"],
    ["{ reality: 1.5 }", "t.yaml:7:17: ask.reality: use a whole number of questions, e.g. 2"],
    ["{ reality: two }", "t.yaml:7:17: ask.reality: use a whole number of questions, e.g. 2"],
    ["{ options: 0 }", "t.yaml:7:17: ask.options: ask at least 1 question"],
    ["{ realty: 2 }", "t.yaml:7:8: ask.realty: unknown key; did you mean 'reality'?"],
  ])("%s is refused at its line and column", (ask, problem) => {
    expect(parse(`${header}ask: ${ask}\n${bank}`)).toMatchObject({ ok: false, problem });
  });

  it("is refused when the step's required questions alone are more than it asks", () => {
    const required = bank.replace("id: r1, grow: reality, required: false", "id: r1, grow: reality");
    expect(parse(`${header}ask: { reality: 1 }\n${required}`)).toMatchObject({
      ok: false,
      problem:
        "t.yaml:7:17: ask.reality: asks 1 reality question but 2 of them are required (always asked); " +
        "raise it to 2 or mark the bank's questions required: false",
    });
  });

  it("refuses rating anchors on a question that is not a scale", () => {
    const anchored = bank.replace(
      "prompt: What could you try? }",
      "prompt: What could you try?, anchors: { 1: a, 3: b, 5: c } }",
    );
    const result = parse(`${header}${anchored}`);
    expect(result.ok ? "" : result.problem).toMatch(
      /^t\.yaml:15:\d+: questions\.7\.anchors: only a 'scale' question has rating anchors$/,
    );
  });
});
