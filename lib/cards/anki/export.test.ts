import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { getDeck } from "../deck";
import { exerciseItemId } from "../exercise-items";
import { buildAnkiExport } from "./export";
import type { HistoryLog, HistoryState } from "./history";
import { ANKI_FIELDS, ANKI_NOTE_TYPE_ID } from "./notes";

// Opens the produced package as Anki would: unzip, then read collection.anki2 with SQLite.

const deck = getDeck();
const lessonTitles = new Map([["adam", "Adam"]]);
const origin = "https://descent.example";

type NoteRow = {
  id: number;
  guid: string;
  mid: number;
  tags: string;
  flds: string;
  sfld: string;
  csum: number;
};
type CardRow = {
  id: number;
  nid: number;
  did: number;
  ord: number;
  type: number;
  queue: number;
  due: number;
  ivl: number;
  reps: number;
  lapses: number;
};
type RevlogRow = { id: number; cid: number; ease: number; ivl: number; lastIvl: number; type: number };

function openPackage(body: Uint8Array) {
  const files = unzipSync(body);
  expect(Object.keys(files).sort()).toEqual(["collection.anki2", "media"]);
  expect(JSON.parse(strFromU8(files.media as Uint8Array))).toEqual({});
  const db = new Database(Buffer.from(files["collection.anki2"] as Uint8Array), { readonly: true });
  try {
    const col = db.prepare("SELECT * FROM col").get() as Record<string, string | number>;
    return {
      col,
      models: JSON.parse(col.models as string) as Record<
        string,
        { id: number; name: string; flds: Array<{ name: string }>; tmpls: Array<{ qfmt: string }> }
      >,
      decks: JSON.parse(col.decks as string) as Record<string, { id: number; name: string }>,
      notes: db.prepare("SELECT * FROM notes ORDER BY id").all() as NoteRow[],
      cards: db.prepare("SELECT * FROM cards ORDER BY id").all() as CardRow[],
      revlog: db.prepare("SELECT * FROM revlog ORDER BY id").all() as RevlogRow[],
    };
  } finally {
    db.close();
  }
}

const exportAt = (
  iso: string,
  topic: string | null = null,
  history?: Parameters<typeof buildAnkiExport>[0]["history"],
) =>
  buildAnkiExport({
    cards: topic ? deck.filter((card) => card.topic === topic) : deck,
    topic,
    format: "apkg",
    origin,
    lessonTitles,
    now: new Date(iso),
    history,
  });

const fieldsOf = (note: NoteRow) =>
  Object.fromEntries(note.flds.split("\x1f").map((value, i) => [ANKI_FIELDS[i], value]));

describe("the Anki package of the deck", () => {
  const first = exportAt("2026-12-05T08:00:00Z");
  const collection = openPackage(first.body);

  it("is a schema-11 collection with one note and one card per deck card", () => {
    expect(first.filename).toBe("descent-cards.apkg");
    expect(collection.col.ver).toBe(11);
    expect(collection.notes).toHaveLength(deck.length);
    expect(collection.cards).toHaveLength(deck.length);
    expect(new Set(collection.notes.map((n) => n.guid)).size).toBe(deck.length);
    const noteIds = new Set(collection.notes.map((n) => n.id));
    for (const card of collection.cards) {
      expect(noteIds.has(card.nid)).toBe(true);
      expect([card.ord, card.type, card.queue, card.reps]).toEqual([0, 0, 0, 0]);
    }
  });

  it("declares the note type with its fields, and a deck per topic under Descent", () => {
    const model = collection.models[String(ANKI_NOTE_TYPE_ID)];
    expect(model?.flds.map((f) => f.name)).toEqual([...ANKI_FIELDS]);
    expect(model?.tmpls[0]?.qfmt).toContain("{{Front}}");
    expect(collection.notes.every((n) => n.mid === ANKI_NOTE_TYPE_ID)).toBe(true);
    const deckNames = Object.values(collection.decks).map((d) => d.name);
    expect(deckNames).toContain("Descent");
    const byId = new Map(collection.notes.map((n) => [n.id, n]));
    for (const card of collection.cards) {
      const note = byId.get(card.nid) as NoteRow;
      const topic = note.tags.trim();
      expect(collection.decks[String(card.did)]?.name).toBe(`Descent::${topic}`);
    }
  });

  it("carries every card's text, code, lesson link and topic tag, with Anki's checksum", () => {
    const byCardId = new Map(collection.notes.map((n) => [fieldsOf(n)["Card id"], n]));
    for (const card of deck) {
      const note = byCardId.get(card.id) as NoteRow;
      const fields = fieldsOf(note);
      expect(note.tags).toBe(` ${card.topic} `);
      expect(fields.Lesson).toContain(`href="${origin}/learn/${card.lesson}"`);
      expect(fields.Code === "").toBe(card.code === undefined);
      const plainFront = fields.Front?.replace(/<[^>]+>/g, "")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, "&")
        .trim();
      expect(note.sfld).toBe(plainFront);
      const sha1 = createHash("sha1")
        .update(plainFront ?? "")
        .digest("hex");
      expect(note.csum).toBe(Number.parseInt(sha1.slice(0, 8), 16));
    }
    const adamNote = byCardId.get("adam-update") as NoteRow;
    expect(fieldsOf(adamNote).Lesson).toBe(`<a href="${origin}/learn/adam">Lesson: Adam</a>`);
  });

  it("turns $…$ into \\(…\\) for Anki's MathJax, with no KaTeX markup left", () => {
    const byCardId = new Map(collection.notes.map((n) => [fieldsOf(n)["Card id"], fieldsOf(n)]));
    const adam = byCardId.get("adam-update");
    expect(adam?.Back).toContain("\\(m_t=\\beta_1 m_{t-1}+(1-\\beta_1)g_t\\)");
    for (const fields of byCardId.values()) {
      expect(`${fields.Front}${fields.Back}`).not.toMatch(/\$|class="katex"/);
    }
    // TeX is HTML-escaped like any field text (a `<` would otherwise open a tag).
    const withLessThan = deck.find((card) => /\$[^$]*<[^$]*\$/.test(card.back));
    expect(withLessThan).toBeDefined();
    expect(byCardId.get(withLessThan?.id ?? "")?.Back).toMatch(/\\\([^)]*&lt;/);
  });

  it("keeps the note, card, note type and deck ids of a later export, so importing it updates", () => {
    const again = openPackage(exportAt("2027-03-01T12:00:00Z").body);
    const ids = (c: typeof collection) => ({
      notes: c.notes.map((n) => [n.id, n.guid, n.mid, n.flds, n.csum]),
      cards: c.cards.map((card) => [card.id, card.nid, card.did]),
      models: Object.keys(c.models),
      decks: Object.keys(c.decks).sort(),
    });
    expect(ids(again)).toEqual(ids(collection));
    expect(again.col.mod).not.toBe(collection.col.mod);
  });

  it("exports one topic with the same ids as the whole deck", () => {
    const topic = "adam";
    const file = exportAt("2026-12-05T08:00:00Z", topic);
    expect(file.filename).toBe("descent-cards-adam.apkg");
    const one = openPackage(file.body);
    const expected = deck.filter((card) => card.topic === topic).length;
    expect(expected).toBeGreaterThan(2);
    expect(one.notes).toHaveLength(expected);
    const whole = new Map(collection.notes.map((n) => [n.guid, n.id]));
    for (const note of one.notes) expect(whole.get(note.guid)).toBe(note.id);
  });
});

describe("the learner's history in the package", () => {
  const day = 86_400_000;
  const t0 = Date.parse("2026-11-01T09:00:00Z");
  const [reviewed, learning] = deck as [(typeof deck)[0], (typeof deck)[0]];
  // Card 1: new → learning (10 min) → review (3 days) → review (9 days). Card 2: one rating, learning.
  const logs: HistoryLog[] = [
    {
      cardId: reviewed.id,
      rating: 3,
      state: 0,
      due: new Date(t0),
      scheduledDays: 0,
      review: new Date(t0),
      undone: false,
    },
    {
      cardId: reviewed.id,
      rating: 3,
      state: 1,
      due: new Date(t0 + 600_000),
      scheduledDays: 0,
      review: new Date(t0 + 600_000),
      undone: false,
    },
    {
      cardId: reviewed.id,
      rating: 1,
      state: 2,
      due: new Date(t0 + 3 * day),
      scheduledDays: 3,
      review: new Date(t0 + 2 * day),
      undone: true,
    },
    {
      cardId: reviewed.id,
      rating: 3,
      state: 2,
      due: new Date(t0 + 3 * day),
      scheduledDays: 3,
      review: new Date(t0 + 3 * day),
      undone: false,
    },
    {
      cardId: learning.id,
      rating: 1,
      state: 0,
      due: new Date(t0),
      scheduledDays: 0,
      review: new Date(t0 + 3 * day),
      undone: false,
    },
  ];
  const states: HistoryState[] = [
    { cardId: reviewed.id, state: 2, due: new Date(t0 + 12 * day), scheduledDays: 9, reps: 3, lapses: 0 },
    {
      cardId: learning.id,
      state: 1,
      due: new Date(t0 + 3 * day + 60_000),
      scheduledDays: 0,
      reps: 1,
      lapses: 0,
    },
  ];
  const file = exportAt("2026-11-05T08:00:00Z", null, { states, logs });
  const collection = openPackage(file.body);
  const cardIdOf = (id: string) => collection.notes.find((n) => fieldsOf(n)["Card id"] === id)?.id as number;
  const cardRow = (id: string) => collection.cards.find((c) => c.nid === cardIdOf(id)) as CardRow;

  it("leaves out exercise items: they are redone on the exercise page, not cards", () => {
    const item: HistoryState = {
      cardId: exerciseItemId("momentum"),
      state: 2,
      due: new Date(t0 + 5 * day),
      scheduledDays: 4,
      reps: 1,
      lapses: 0,
    };
    const withItem = openPackage(
      exportAt("2026-11-05T08:00:00Z", null, { states: [...states, item], logs }).body,
    );
    expect(withItem.notes).toHaveLength(deck.length);
    expect(withItem.cards).toHaveLength(deck.length);
    expect(withItem.notes.some((note) => note.flds.includes(item.cardId))).toBe(false);
  });

  it("schedules reviewed cards as Anki review and learning cards, and leaves the others new", () => {
    expect(file.filename).toBe("descent-cards-with-history.apkg");
    const review = cardRow(reviewed.id);
    expect([review.type, review.queue, review.ivl, review.reps]).toEqual([2, 2, 9, 3]);
    // Day numbers count from the collection's creation (col.crt).
    expect(review.due).toBe(Math.floor((t0 + 12 * day) / day - (collection.col.crt as number) / 86_400));
    const learn = cardRow(learning.id);
    expect([learn.type, learn.queue, learn.due]).toEqual([1, 1, (t0 + 3 * day + 60_000) / 1000]);
    expect(collection.cards.filter((c) => c.type === 0)).toHaveLength(deck.length - 2);
  });

  it("writes every kept review to the revlog with the interval it led to", () => {
    const reviewCard = cardRow(reviewed.id).id;
    const rows = collection.revlog.filter((r) => r.cid === reviewCard);
    expect(rows.map((r) => [r.id, r.ease, r.type, r.ivl, r.lastIvl])).toEqual([
      [t0, 3, 0, -600, 0],
      [t0 + 600_000, 3, 0, 3, 0],
      [t0 + 3 * day, 3, 1, 9, 3],
    ]);
    const learnRows = collection.revlog.filter((r) => r.cid === cardRow(learning.id).id);
    expect(learnRows.map((r) => [r.ease, r.type, r.ivl])).toEqual([[1, 0, -60]]);
  });
});
