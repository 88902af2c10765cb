import { describe, expect, it } from "vitest";
import { getDeck } from "../deck";
import { ANKI_FIELDS, toAnkiNote } from "./notes";
import { buildAnkiText } from "./text";

/** Rows of a tab-separated file as Anki's import reads them: "…" quoting, "" for a quote. */
function parseRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && c === '"') quoted = false;
    else if (quoted) field += c;
    else if (c === '"' && field === "") quoted = true;
    else if (c === "\t") endField();
    else if (c === "\n") {
      endField();
      rows.push(row);
      row = [];
    } else field += c;
  }
  return rows;
}

describe("the deck in Anki's text import format", () => {
  const deck = getDeck();
  const notes = deck.map((card) =>
    toAnkiNote(card, { origin: "https://d.example", lessonTitles: new Map() }),
  );
  const text = buildAnkiText(notes);
  const lines = text.split("\n");

  it("starts with the headers that tell Anki how to read it", () => {
    expect(lines.slice(0, 7)).toEqual([
      "#separator:tab",
      "#html:true",
      "#notetype:Basic",
      "#columns:guid\tFront\tBack\tDeck\tTags",
      "#guid column:1",
      "#deck column:4",
      "#tags column:5",
    ]);
  });

  it("has one row of five fields per card: the package's guid, Front with code, Back with the lesson, deck, tag", () => {
    const rows = parseRows(lines.slice(7).join("\n"));
    expect(rows).toHaveLength(deck.length);
    rows.forEach((row, index) => {
      const note = notes[index];
      const card = deck[index];
      if (!note || !card) throw new Error("row without a card");
      expect(row).toHaveLength(5);
      const [guid, front, back, deckName, tags] = row;
      expect(guid).toBe(note.guid);
      expect(front?.startsWith(note.fields[0] ?? "")).toBe(true);
      expect(front?.includes("<pre")).toBe(card.code !== undefined);
      expect(back).toContain(`href="https://d.example/learn/${card.lesson}"`);
      expect([deckName, tags]).toEqual([`Descent::${card.topic}`, card.topic]);
      expect(`${front}${back}`).not.toMatch(/\$|class="katex"/);
    });
    expect(ANKI_FIELDS[0]).toBe("Front");
  });

  it("quotes a field with a quote, a tab or a leading #, so no row is split or read as a comment", () => {
    const odd = { ...notes[0], guid: "#a\tb", fields: ['say "hi"', "b", "", "", "x"] } as (typeof notes)[0];
    const row = buildAnkiText([odd]).split("\n")[7];
    expect(row).toBe(
      '"#a\tb"\t"say ""hi"""\t"b<p class=""lesson""></p>"\tDescent::' +
        odd.deckName.slice(9) +
        "\t" +
        odd.tags[0],
    );
    expect(parseRows(`${row}\n`)[0]?.slice(0, 2)).toEqual(["#a\tb", 'say "hi"']);
  });
});
