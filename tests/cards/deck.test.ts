import { describe, expect, it } from "vitest";
import { buildDeck, getCardIdsForMistake, getDeck, getTopicList, getTopics } from "@/lib/cards/deck";
import { listLessonSlugs } from "@/lib/content/registry";
import { DIAGNOSIS_IDS } from "@/lib/grader/diagnoses";

describe("the deck", () => {
  const deck = getDeck();

  it("has at least 90 cards with unique kebab-case ids", () => {
    expect(deck.length).toBeGreaterThanOrEqual(90);
    expect(new Set(deck.map((c) => c.id)).size).toBe(deck.length);
  });

  it("points every card at a lesson of the course", () => {
    const lessons = listLessonSlugs();
    for (const card of deck) expect(lessons).toContain(card.lesson);
  });

  it("renders math with KaTeX", () => {
    const adam = deck.find((c) => c.id === "adam-update");
    expect(adam?.backHtml).toContain('class="katex"');
    expect(deck.every((c) => !c.backHtml.includes("$"))).toBe(true);
  });

  it("has formula and spot-the-bug cards, with code for every bug", () => {
    expect(deck.filter((c) => c.kind === "formula").length).toBeGreaterThanOrEqual(10);
    const bugs = deck.filter((c) => c.kind === "spot-the-bug");
    expect(bugs.length).toBeGreaterThanOrEqual(10);
    for (const card of bugs) expect(card.code).toBeTruthy();
  });

  it("has a card for every diagnosis the grader can report", () => {
    for (const id of DIAGNOSIS_IDS) expect(getCardIdsForMistake(id).length, id).toBeGreaterThan(0);
  });

  it("covers the classic interview questions", () => {
    const ids = new Set(deck.map((c) => c.id));
    for (const id of [
      "adam-why-bias-correction",
      "l2-vs-decoupled",
      "momentum-damps-oscillations",
      "rmsprop-vs-adagrad",
      "adaptive-generalize-worse",
      "sparse-embeddings",
      "optimizer-per-domain",
      "why-warmup",
      "why-decay-lr",
      "memory-per-parameter",
      "lion-update",
      "lamb-trust-ratio",
      "adafactor-memory",
      "zero-stages",
      "adam-update",
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it("rejects bad cards naming the file", () => {
    const card = {
      id: "x-y",
      topic: "t",
      lesson: "adam",
      kind: "question",
      front: "A question?",
      back: "An answer.",
    };
    expect(() => buildDeck([{ file: "bad.json", raw: [{ ...card, lesson: "Not a slug" }] }])).toThrow(
      /bad\.json card 0: lesson/,
    );
    expect(() => buildDeck([{ file: "dup.json", raw: [card, card] }])).toThrow(/Duplicate card id "x-y"/);
    expect(() =>
      buildDeck([{ file: "tex.json", raw: [{ ...card, back: "Broken $\\frac{1}$ math" }] }]),
    ).toThrow(/KaTeX/);
    expect(() => buildDeck([{ file: "bug.json", raw: [{ ...card, kind: "spot-the-bug" }] }])).toThrow(/code/);
  });
});

describe("the deck's topics", () => {
  it("are in course order, each with a name of its own that is no internal id", () => {
    const topics = getTopicList();
    expect(topics.map((t) => t.topic)).toEqual(getTopics());
    expect(new Set(topics.map((t) => t.name)).size).toBe(topics.length);
    // Named once in SHARED_LESSON_TOPIC_NAMES, or by a lesson title: no fallback with the id in brackets.
    for (const { name } of topics) expect(name).not.toMatch(/\(/);
    expect(topics[0]).toEqual({ topic: "foundations", name: "The optimization problem" });
    expect(topics.find((t) => t.topic === "sgd")?.name).toBe("Stochastic and mini-batch gradient descent");
    // The deck itself is in course order: the first lesson's cards first.
    expect(getDeck()[0]?.lesson).toBe("optimization-problem");
  });
});
