// Requests whose path cannot be decoded, refused before Next sees them. Next decodes each segment
// of a dynamic route's path (decodeURIComponent) and answered 500 when that threw: on invalid
// UTF-8 (`/learn/%ED%A0%80`, a lone surrogate's bytes) or a broken escape (`/exercises/adam%ZZ`).
// Used by scripts/server.mjs; `next dev` and a bare `next start` do not have it.

/** Whether every segment of the request target's path decodes (the query is Next's to parse). */
export function isDecodablePath(url) {
  const end = url.search(/[?#]/);
  const path = end === -1 ? url : url.slice(0, end);
  if (!path.includes("%")) return true;
  for (const segment of path.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * Answers 400 (plain text) when the request's path does not decode; returns whether it did, so
 * the caller stops there.
 */
export function refuseUndecodablePath(req, res) {
  if (isDecodablePath(req.url ?? "/")) return false;
  res.writeHead(400, {
    "Content-Type": "text/plain; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  res.end("Bad request: the path is not valid percent-encoded UTF-8.\n");
  return true;
}
