import { escapeHtml } from "../render";
import { ankiGuidFor, ankiIdFor, fieldChecksum, stripHtml } from "./ids";
import { katexToAnkiMath } from "./math";

/** The parent deck every exported card sits under, one sub-deck per topic. */
export const ANKI_ROOT_DECK = "Descent";
/** The note type's name; a new name (and so a new id) whenever its fields change. */
export const ANKI_NOTE_TYPE = "Descent card";
/** The note type's fields, in order: what each exported note carries. */
export const ANKI_FIELDS = ["Front", "Back", "Code", "Lesson", "Card id"] as const;
/** The note type's id, stable across exports. */
export const ANKI_NOTE_TYPE_ID = ankiIdFor(`descent/note-type/${ANKI_NOTE_TYPE}`);

/**
 * A card as the app renders it: a deck card (lib/cards/schema.ts Card) or a learner's own card
 * (no lesson, no code). The HTML is the app's, math rendered by KaTeX.
 */
export type AnkiSourceCard = {
  id: string;
  topic: string;
  frontHtml: string;
  backHtml: string;
  lesson?: string | null;
  code?: string;
};

/** One exported card: an Anki note of the Descent type with its one card. */
export type AnkiNote = {
  /** Descent's card id. */
  cardId: string;
  guid: string;
  noteId: number;
  ankiCardId: number;
  deckName: string;
  deckId: number;
  /** Values of ANKI_FIELDS, HTML. */
  fields: string[];
  tags: string[];
  sortField: string;
  checksum: number;
};

/** What a card needs from outside the deck: where the app is served and the lessons' titles. */
export type AnkiExportContext = { origin: string; lessonTitles: ReadonlyMap<string, string> };

/** The Anki deck a topic's cards go to ("Descent::adam"). */
export function ankiDeckName(topic: string): string {
  return `${ANKI_ROOT_DECK}::${topic}`;
}

/** The app's card HTML as an Anki field: math as `\(…\)`/`\[…\]` for MathJax, line breaks as `<br>`. */
export function toAnkiHtml(html: string): string {
  return katexToAnkiMath(html).replace(/\r?\n/g, "<br>");
}

/** The Anki note of one card, every id derived from the card's id or topic. */
export function toAnkiNote(card: AnkiSourceCard, { origin, lessonTitles }: AnkiExportContext): AnkiNote {
  const front = toAnkiHtml(card.frontHtml);
  const deckName = ankiDeckName(card.topic);
  const lesson = card.lesson
    ? `<a href="${escapeHtml(`${origin.replace(/\/$/, "")}/learn/${card.lesson}`)}">Lesson: ${escapeHtml(
        lessonTitles.get(card.lesson) ?? card.lesson,
      )}</a>`
    : "";
  return {
    cardId: card.id,
    guid: ankiGuidFor(`descent/card/${card.id}`),
    noteId: ankiIdFor(`descent/note/${card.id}`),
    ankiCardId: ankiIdFor(`descent/card/${card.id}`),
    deckName,
    deckId: ankiIdFor(`descent/deck/${deckName}`),
    fields: [
      front,
      toAnkiHtml(card.backHtml),
      // <pre> keeps the indentation; Anki's fields hold line breaks as <br>.
      card.code === undefined ? "" : escapeHtml(card.code).replace(/\r?\n/g, "<br>"),
      lesson,
      escapeHtml(card.id),
    ],
    tags: [card.topic],
    sortField: stripHtml(front),
    checksum: fieldChecksum(front),
  };
}
