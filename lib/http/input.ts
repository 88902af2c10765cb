const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string is valid Unicode (no lone UTF-16 surrogate, which SQLite and UTF-8 cannot hold). */
export function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/**
 * The path of the first string (key or value) in a JSON value that holds a lone surrogate, or
 * null. Iterative (an explicit stack, document order), so no nesting depth can overflow the call
 * stack; request bodies are also refused above MAX_JSON_DEPTH before they are parsed.
 */
export function findMalformedString(value: unknown): string[] | null {
  // Each pending value knows its parent and its own segment (the path is built only for a hit, so
  // the walk stays linear however deep); `key` is set for an object's member, whose bad key is
  // reported before anything under it.
  type Pending = { value: unknown; parent: Pending | null; segment: string; key?: string };
  const pathOf = (node: Pending | null, last?: string): string[] => {
    const path = last === undefined ? [] : [last];
    for (let at = node; at?.parent; at = at.parent) path.push(at.segment);
    return path.reverse();
  };
  const stack: Pending[] = [{ value, parent: null, segment: "" }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const item = next.value;
    if (next.key !== undefined && !isWellFormed(next.key)) return pathOf(next.parent, "(key)");
    if (typeof item === "string") {
      if (!isWellFormed(item)) return pathOf(next);
    } else if (Array.isArray(item)) {
      for (let index = item.length - 1; index >= 0; index--)
        stack.push({ value: item[index], parent: next, segment: String(index) });
    } else if (item && typeof item === "object") {
      const entries = Object.entries(item);
      for (let index = entries.length - 1; index >= 0; index--) {
        const [key, child] = entries[index] as [string, unknown];
        stack.push({ value: child, parent: next, segment: key, key });
      }
    }
  }
  return null;
}

/**
 * How deeply a JSON body may nest objects and arrays. Descent's bodies are two or three levels
 * deep; anything near this is an attack on the recursive code that walks, validates or
 * re-serializes values (3,000 levels in 6 KB overflowed the stack at sign-in).
 */
export const MAX_JSON_DEPTH = 32;

/**
 * Whether JSON text nests objects and arrays more than `maxDepth` deep, found by one scan of the
 * text (no parsing, no recursion). Brackets inside strings do not count; the text need not be
 * valid JSON (JSON.parse says so afterwards).
 */
export function exceedsJsonDepth(text: string, maxDepth = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c)
        index++; // a backslash escapes the next character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x5b || code === 0x7b) {
      if (++depth > maxDepth) return true;
    } else if (code === 0x5d || code === 0x7d) {
      depth--;
    }
  }
  return false;
}

/** The outcome of reading a body within a byte limit. */
export type BoundedBody =
  | { ok: true; text: string }
  | { ok: false; reason: "too-large"; bytesRead: number }
  | { ok: false; reason: "not-utf8" };

/**
 * Reads a request body as UTF-8 text, at most `maxBytes` of it: chunks are pulled one at a time
 * and reading stops at the first chunk that goes over the limit, whatever Content-Length said
 * (or whether there was one: a chunked body has none). So at most `maxBytes` plus one chunk is
 * ever pulled or held. The rest of an oversized body is left unread (the stream is released, not
 * cancelled: cancelling a Node request's stream destroys its socket before the answer is sent).
 * Invalid UTF-8 is refused rather than replaced.
 */
export async function readBoundedText(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<BoundedBody> {
  if (body === null) return { ok: true, text: "" };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) return { ok: false, reason: "too-large", bytesRead: size };
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: "not-utf8" };
  }
}

/**
 * Whether a Content-Type header is exactly JSON: the media type (before any parameter) is
 * application/json, and a charset, if given, is UTF-8.
 */
export function isJsonContentType(header: string | null): boolean {
  if (!header) return false;
  const [type = "", ...parameters] = header.split(";");
  if (type.trim().toLowerCase() !== "application/json") return false;
  return parameters.every((parameter) => {
    const [name = "", value = ""] = parameter.split("=");
    if (name.trim().toLowerCase() !== "charset") return true;
    return /^"?utf-8"?$/i.test(value.trim());
  });
}

/**
 * Whether a request's Origin (or, failing that, Referer) is one of `allowed` — scheme, host and
 * port compared exactly, never the request's own Host or X-Forwarded-Host.
 */
export function isAllowedOrigin(headers: Headers, allowed: readonly string[]): boolean {
  const claimed = headers.get("origin") ?? headers.get("referer");
  if (!claimed || claimed === "null") return false;
  try {
    return allowed.includes(new URL(claimed).origin);
  } catch {
    return false;
  }
}

/** The origins allowed for `appOrigin`: itself, plus its other loopback names when it is a loopback address (local runs). */
export function getAllowedOrigins(appOrigin: string): string[] {
  const url = new URL(appOrigin);
  const loopback = ["localhost", "127.0.0.1", "[::1]"];
  if (!loopback.includes(url.hostname)) return [url.origin];
  return loopback.map((host) => `${url.protocol}//${host}${url.port ? `:${url.port}` : ""}`);
}
