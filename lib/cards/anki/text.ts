import type { AnkiNote } from "./notes";

// Anki's plain-text import (File > Import, a .txt file): header lines say how to read the rows, so
// no option needs choosing by hand. Text import can only fill a note type the collection already
// has, so the rows use Anki's built-in "Basic" (Front, Back): the code goes under the question and
// the lesson link under the answer. The guid column makes a second import update the notes.

/** The note type every text row fills; every Anki collection has it. */
export const ANKI_TEXT_NOTE_TYPE = "Basic";

/**
 * A field as Anki's text import reads it: quoted when it holds a tab, a line break or a quote, or
 * starts with `#` (a line starting with one is a comment; guids may).
 */
function quoteField(value: string): string {
  return /^#|[\t\n\r"]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The notes in Anki's text import format, one note per row: guid, Front, Back, deck, tags. */
export function buildAnkiText(notes: readonly AnkiNote[]): string {
  const header = [
    "#separator:tab",
    "#html:true",
    `#notetype:${ANKI_TEXT_NOTE_TYPE}`,
    "#columns:guid\tFront\tBack\tDeck\tTags",
    "#guid column:1",
    "#deck column:4",
    "#tags column:5",
  ];
  const rows = notes.map((note) => {
    const [front = "", back = "", code = "", lesson = ""] = note.fields;
    const question = code === "" ? front : `${front}<pre class="code"><code>${code}</code></pre>`;
    const answer = `${back}<p class="lesson">${lesson}</p>`;
    return [note.guid, question, answer, note.deckName, note.tags.join(" ")].map(quoteField).join("\t");
  });
  return `${[...header, ...rows].join("\n")}\n`;
}
