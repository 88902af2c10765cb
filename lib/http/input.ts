const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string is valid Unicode (no lone UTF-16 surrogate, which SQLite and UTF-8 cannot hold). */
export function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** The path of the first string (key or value) in a JSON value that holds a lone surrogate, or null. */
export function findMalformedString(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === "string") return isWellFormed(value) ? null : path;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findMalformedString(item, [...path, String(index)]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (!isWellFormed(key)) return [...path, "(key)"];
      const found = findMalformedString(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
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
