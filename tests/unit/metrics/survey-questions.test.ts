import { describe, expect, it } from "vitest";
import { getSurveyQuestions, ZSurveyAnswers } from "@/lib/oversight/survey";

describe("survey questions as data (lib/oversight/survey/data/questions.json)", () => {
  const q = getSurveyQuestions();

  it("Q1 and Q2 are seed 002 appendix 3, answered 1 / 2 / 3 [002 L637-641, L642-646]", () => {
    expect(q.questions.slice(0, 2).map((x) => [x.name, x.indicator, x.origin, x.sourceLines])).toEqual([
      ["q1Process", "2.1", "seed", ["002 L637-641"]],
      ["q2Information", "3.1", "seed", ["002 L642-646"]],
    ]);
    expect(q.answers.map((a) => a.value)).toEqual([1, 2, 3]);
    expect(q.questions[0]!.text.kk).toMatch(/сапасымен және нәтижесімен/);
  });

  it("Q3 and Q4 are the portal's additions for indicators 5.1 and 4.1 of the table [004 L9095-9140]; Q4 is optional", () => {
    expect(q.questions.slice(2).map((x) => [x.name, x.indicator, x.origin, x.required])).toEqual([
      ["q3Courtesy", "5.1", "portal", true],
      ["q4Appeal", "4.1", "portal", false],
    ]);
  });

  it("the data names exactly the answer fields the server validates", () => {
    expect(q.questions.map((x) => x.name)).toEqual(Object.keys(ZSurveyAnswers.shape));
  });
});
