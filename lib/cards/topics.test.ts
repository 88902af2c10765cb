import { describe, expect, it } from "vitest";
import { describeTopics, shortLessonTitle, sortByCourse } from "./topics";

const lessons = [
  { slug: "sgd", title: "Stochastic gradient descent", order: 2 },
  { slug: "adagrad", title: "AdaGrad: a learning rate for every parameter", order: 5 },
  { slug: "flash", title: "Interview flash notes", order: 14 },
];

describe("topics", () => {
  it("take the course's order and their lesson's short title", () => {
    const deck = sortByCourse(
      [
        { id: "a", topic: "adagrad", lesson: "adagrad" },
        { id: "f", topic: "interview", lesson: "flash" },
        { id: "s", topic: "sgd", lesson: "sgd" },
        { id: "m", topic: "memory", lesson: "flash" },
      ],
      lessons,
    );
    expect(deck.map((card) => card.id)).toEqual(["s", "a", "f", "m"]);
    expect(describeTopics(deck, lessons)).toEqual([
      { topic: "sgd", name: "Stochastic gradient descent" },
      { topic: "adagrad", name: "AdaGrad" },
      { topic: "interview", name: "Interview flash notes" },
      { topic: "memory", name: "Optimizer memory" },
    ]);
    expect(shortLessonTitle("Beyond Adam: AMSGrad, NAdam")).toBe("Beyond Adam");
  });

  it("name a topic by the lesson most of its cards belong to, and place it there", () => {
    const deck = [
      { topic: "sgd", lesson: "sgd" },
      { topic: "theory", lesson: "sgd" },
      { topic: "theory", lesson: "flash" },
      { topic: "theory", lesson: "flash" },
      { topic: "adagrad", lesson: "adagrad" },
    ];
    expect(describeTopics(deck, lessons).map((t) => t.topic)).toEqual(["sgd", "adagrad", "theory"]);
    expect(describeTopics(deck, lessons).at(-1)?.name).toBe("Interview flash notes");
  });

  it("keep names unique, and refuse the reserved topic of own cards", () => {
    const shared = [
      { topic: "interview", lesson: "flash" },
      { topic: "extra", lesson: "flash" },
    ];
    expect(describeTopics(shared, lessons).map((t) => t.name)).toEqual([
      "Interview flash notes",
      "Interview flash notes (extra)",
    ]);
    expect(() => describeTopics([{ topic: "own", lesson: "sgd" }], lessons)).toThrow(/reserved/);
  });
});
