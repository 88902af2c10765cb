// An answer to an exercise of judgment as the learner would read it back: the names on the form
// (a hyper-parameter's label, a curve's run and the cause chosen, the question's number) instead
// of the ids the answer is stored under. Pure and light: the answer forms (their own chunks) and
// the dashboard (on the server) share it.

/** The part of an exercise of judgment that names an answer's keys; its exercise.json satisfies it. */
export type AnswerVocabulary =
  | { kind: "tune"; params: ReadonlyArray<{ name: string; label: string }> }
  | {
      kind: "diagnose";
      curves: ReadonlyArray<{ id: string; title: string }>;
      choices: ReadonlyArray<{ id: string; label: string }>;
    }
  | { kind: "predict"; questions: ReadonlyArray<{ id: string }> };

/** The answer to an exercise of judgment as stored: a number or choice id per key. */
export type StoredAnswer = Readonly<Record<string, number | string>>;

/** The stored answer column (the JSON object the route stored); a value that is none reads as null. */
export function parseStoredAnswer(text: string): StoredAnswer | null {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value).filter(
            (entry): entry is [string, number | string] =>
              typeof entry[1] === "number" || typeof entry[1] === "string",
          ),
        )
      : null;
  } catch {
    return null;
  }
}

/** A value as given, with a real minus sign; an unknown choice id as it was stored. */
function formatValue(value: number | string): string {
  return typeof value === "number" ? String(value).replace("-", "−") : value;
}

/** "Run A: Adam on Rosenbrock's valley…" → "Run A": the curve's name, as the form's error says it. */
function shortCurveTitle(title: string): string {
  return title.split(":")[0] ?? title;
}

/**
 * The answer in the form's words, in the form's order: "learning rate η 0.003, β1 (momentum) 0.9",
 * "Run A: Learning rate too high; Run B: …", "Q1 0.9, Q2 0". Keys the exercise no longer has (it
 * changed since) follow as stored, so nothing given is hidden.
 */
export function wordJudgmentAnswer(vocabulary: AnswerVocabulary, answer: StoredAnswer): string {
  const known = new Set<string>();
  const words: string[] = [];
  const say = (key: string, text: (value: number | string) => string) => {
    known.add(key);
    const value = answer[key];
    if (value !== undefined) words.push(text(value));
  };
  switch (vocabulary.kind) {
    case "tune":
      for (const param of vocabulary.params)
        say(param.name, (value) => `${param.label} ${formatValue(value)}`);
      break;
    case "diagnose":
      for (const curve of vocabulary.curves)
        say(curve.id, (value) => {
          const choice = vocabulary.choices.find((c) => c.id === value);
          return `${shortCurveTitle(curve.title)}: ${choice?.label ?? formatValue(value)}`;
        });
      break;
    case "predict":
      for (const [index, question] of vocabulary.questions.entries())
        say(question.id, (value) => `Q${index + 1} ${formatValue(value)}`);
      break;
  }
  for (const [key, value] of Object.entries(answer))
    if (!known.has(key)) words.push(`${key} ${formatValue(value)}`);
  return words.join(vocabulary.kind === "diagnose" ? "; " : ", ");
}
