import Database from "better-sqlite3";
import { strToU8, zipSync } from "fflate";
import { type AnkiHistory, COLLECTION_CREATED_SECONDS } from "./history";
import { ankiIdFor } from "./ids";
import { ANKI_FIELDS, ANKI_NOTE_TYPE, ANKI_NOTE_TYPE_ID, ANKI_ROOT_DECK, type AnkiNote } from "./notes";

// An .apkg is a zip holding `collection.anki2`, an SQLite collection in Anki's legacy schema
// (version 11), and `media`, a JSON map of media files (none here). Current Anki still imports it.
// Tables and the col row's JSON follow Anki's schema 11 as documented by genanki (apkg_schema.py,
// apkg_col.py) and Anki's rslib; only what an import reads is filled in.

const SCHEMA = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null,
  scm integer not null, ver integer not null, dty integer not null, usn integer not null,
  ls integer not null, conf text not null, models text not null, decks text not null,
  dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null,
  mod integer not null, usn integer not null, tags text not null, flds text not null,
  sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null,
  ord integer not null, mod integer not null, usn integer not null, type integer not null,
  queue integer not null, due integer not null, ivl integer not null, factor integer not null,
  reps integer not null, lapses integer not null, left integer not null, odue integer not null,
  odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null,
  ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null,
  time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
`;

const CSS = `.card { font-family: system-ui, sans-serif; font-size: 20px; line-height: 1.5; text-align: left;
  color: #111; background: #fff; max-width: 40em; margin: 0 auto; }
.nightMode.card, .night_mode .card { color: #eee; background: #1e1e1e; }
pre.code { white-space: pre-wrap; font-size: 16px; padding: 0.5em; border: 1px solid #8884; }
.lesson { font-size: 16px; margin-top: 1.5em; }`;

/** The note type: Front/Code on the question, Back and the lesson link on the answer. */
function noteTypeJson(nowSeconds: number, deckId: number) {
  return {
    id: ANKI_NOTE_TYPE_ID,
    name: ANKI_NOTE_TYPE,
    type: 0,
    mod: nowSeconds,
    usn: -1,
    sortf: 0,
    did: deckId,
    tmpls: [
      {
        name: "Card 1",
        ord: 0,
        qfmt: '<div class="front">{{Front}}</div>{{#Code}}<pre class="code"><code>{{Code}}</code></pre>{{/Code}}',
        afmt: '{{FrontSide}}<hr id="answer"><div class="back">{{Back}}</div><p class="lesson">{{Lesson}}</p>',
        bqfmt: "",
        bafmt: "",
        did: null,
        bfont: "",
        bsize: 0,
      },
    ],
    flds: ANKI_FIELDS.map((name, ord) => ({
      name,
      ord,
      sticky: false,
      rtl: false,
      font: "Arial",
      size: 20,
      media: [],
    })),
    css: CSS,
    latexPre:
      "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
    latexPost: "\\end{document}",
    latexsvg: false,
    // The question needs Front.
    req: [[0, "all", [0]]],
    tags: [],
    vers: [],
  };
}

function deckJson(id: number, name: string, nowSeconds: number) {
  return {
    id,
    name,
    mod: nowSeconds,
    usn: -1,
    desc: "",
    dyn: 0,
    conf: 1,
    collapsed: false,
    browserCollapsed: false,
    extendNew: 0,
    extendRev: 50,
    newToday: [0, 0],
    revToday: [0, 0],
    lrnToday: [0, 0],
    timeToday: [0, 0],
  };
}

const DECK_OPTIONS = {
  "1": {
    id: 1,
    name: "Default",
    mod: 0,
    usn: 0,
    maxTaken: 60,
    autoplay: true,
    timer: 0,
    replayq: true,
    dyn: false,
    new: { bury: true, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 },
    lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
    rev: { bury: true, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
  },
};

const COLLECTION_CONF = {
  activeDecks: [1],
  curDeck: 1,
  newSpread: 0,
  collapseTime: 1200,
  timeLim: 0,
  estTimes: true,
  dueCounts: true,
  curModel: null,
  nextPos: 1,
  sortType: "noteFld",
  sortBackwards: false,
  addToCur: true,
  schedVer: 2,
};

/** The notes as an SQLite collection file (schema 11), with the learner's schedule when given. */
export function buildCollection(notes: readonly AnkiNote[], now: Date, history?: AnkiHistory): Buffer {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const db = new Database(":memory:");
  try {
    db.exec(SCHEMA);
    const decks: Record<string, ReturnType<typeof deckJson>> = {
      "1": deckJson(1, "Default", nowSeconds),
    };
    const rootId = ankiIdFor(`descent/deck/${ANKI_ROOT_DECK}`);
    decks[String(rootId)] = deckJson(rootId, ANKI_ROOT_DECK, nowSeconds);
    for (const note of notes) decks[String(note.deckId)] = deckJson(note.deckId, note.deckName, nowSeconds);
    const model = noteTypeJson(nowSeconds, notes[0]?.deckId ?? 1);
    db.prepare("INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')").run(
      COLLECTION_CREATED_SECONDS,
      now.getTime(),
      now.getTime(),
      JSON.stringify({ ...COLLECTION_CONF, curModel: String(ANKI_NOTE_TYPE_ID) }),
      JSON.stringify({ [String(ANKI_NOTE_TYPE_ID)]: model }),
      JSON.stringify(decks),
      JSON.stringify(DECK_OPTIONS),
    );
    const insertNote = db.prepare("INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')");
    const insertCard = db.prepare(
      "INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, '{}')",
    );
    const insertReview = db.prepare("INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, ?, 0, ?)");
    db.transaction(() => {
      notes.forEach((note, position) => {
        insertNote.run(
          note.noteId,
          note.guid,
          ANKI_NOTE_TYPE_ID,
          nowSeconds,
          ` ${note.tags.join(" ")} `,
          note.fields.join("\x1f"),
          note.sortField,
          note.checksum,
        );
        // A card never reviewed is new, shown in deck order (due = its position).
        const s = history?.schedules.get(note.cardId) ?? {
          type: 0,
          queue: 0,
          due: position + 1,
          ivl: 0,
          factor: 0,
          reps: 0,
          lapses: 0,
          left: 0,
        };
        insertCard.run(
          note.ankiCardId,
          note.noteId,
          note.deckId,
          nowSeconds,
          s.type,
          s.queue,
          s.due,
          s.ivl,
          s.factor,
          s.reps,
          s.lapses,
          s.left,
        );
        for (const review of history?.reviews.get(note.cardId) ?? [])
          insertReview.run(
            review.id,
            note.ankiCardId,
            review.ease,
            review.ivl,
            review.lastIvl,
            review.factor,
            review.type,
          );
      });
    })();
    return db.serialize();
  } finally {
    db.close();
  }
}

/** The notes as an .apkg file: the collection and an empty media map, zipped. */
export function buildApkg(notes: readonly AnkiNote[], now: Date, history?: AnkiHistory): Uint8Array {
  return zipSync({ "collection.anki2": buildCollection(notes, now, history), media: strToU8("{}") });
}
