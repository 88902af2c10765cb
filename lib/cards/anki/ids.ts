import { createHash } from "node:crypto";

// Anki recognises a note it already has by its guid, and a note type or deck by its id: all three
// are derived from names that never change (the card id, the note type's name, the deck's name),
// so importing a later export updates the notes instead of adding copies.

/** A positive integer id below 2^48 (safe in JavaScript, far from Anki's millisecond ids) from a name. */
export function ankiIdFor(name: string): number {
  const digest = createHash("sha256").update(name, "utf8").digest();
  return digest.readUIntBE(0, 6) || 1;
}

// Anki's own alphabet for guids (anki/utils.py base91), which genanki's guid_for also uses.
const BASE91 = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~";

/** A note guid in Anki's format: the first 8 bytes of a SHA-256 of the name, in base 91. */
export function ankiGuidFor(name: string): string {
  let value = createHash("sha256").update(name, "utf8").digest().readBigUInt64BE(0);
  let guid = "";
  do {
    guid = BASE91[Number(value % 91n)] + guid;
    value /= 91n;
  } while (value > 0n);
  return guid;
}

/** Field text as Anki compares it: tags removed, the common entities decoded, trimmed. */
export function stripHtml(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .trim();
}

/** Anki's note checksum: the first 8 hex digits of the SHA-1 of the stripped first field, as an integer. */
export function fieldChecksum(firstField: string): number {
  return Number.parseInt(
    createHash("sha1").update(stripHtml(firstField), "utf8").digest("hex").slice(0, 8),
    16,
  );
}
