import { buildApkg } from "./collection";
import { type HistoryLog, type HistoryState, toAnkiHistory } from "./history";
import type { AnkiExportContext, AnkiSourceCard } from "./notes";
import { toAnkiNote } from "./notes";
import { buildAnkiText } from "./text";

/** The export formats: an Anki package, or Anki's plain-text import format. */
export const ANKI_FORMATS = ["apkg", "txt"] as const;
export type AnkiFormat = (typeof ANKI_FORMATS)[number];

/** A file to download. */
export type AnkiExportFile = { body: Uint8Array; filename: string; contentType: string };

/** What to export: the cards (all one topic's, or the deck's), the links' origin, the schedule. */
export type AnkiExportRequest = AnkiExportContext & {
  cards: readonly AnkiSourceCard[];
  format: AnkiFormat;
  /** The topic the cards were chosen by, for the file name; null for the whole deck. */
  topic: string | null;
  now: Date;
  /** The learner's card states and reviews, carried into the package (apkg only). */
  history?: { states: readonly HistoryState[]; logs: readonly HistoryLog[] };
};

/** Builds the download: `descent-cards[-topic][-with-history].apkg|txt`. */
export function buildAnkiExport(request: AnkiExportRequest): AnkiExportFile {
  const notes = request.cards.map((card) => toAnkiNote(card, request));
  const name = [
    "descent-cards",
    request.topic,
    request.history && request.format === "apkg" ? "with-history" : null,
  ]
    .filter(Boolean)
    .join("-");
  if (request.format === "txt")
    return {
      body: new TextEncoder().encode(buildAnkiText(notes)),
      filename: `${name}.txt`,
      contentType: "text/plain; charset=utf-8",
    };
  const history = request.history && toAnkiHistory(request.history.states, request.history.logs);
  return {
    body: buildApkg(notes, request.now, history),
    filename: `${name}.apkg`,
    contentType: "application/apkg",
  };
}
