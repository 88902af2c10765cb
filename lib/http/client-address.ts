import { isIP } from "node:net";
import { normalizeAddress, type TrustedProxies } from "../trusted-proxies";

/**
 * Set by Descent's own HTTP server (scripts/server.mjs) from the socket's peer address, after it
 * deletes any copy the client sent. Believed only when that server says it runs (see
 * docs/decisions/060-client-address.md).
 */
export const PEER_HEADER = "x-descent-peer";
/** The resolved client address, handed to better-auth's own limiter by the auth route. */
export const CLIENT_HEADER = "x-descent-client";
/** Environment flag the custom server sets in its own process before Next starts. */
export const PEER_HEADER_FLAG = "DESCENT_PEER_HEADER";
/** The bucket every request shares when the peer address is unknown (dev server, misconfiguration). */
export const UNKNOWN_CLIENT = "unknown";

/**
 * The network client of a request: the peer address, unless the peer is a trusted proxy, in which
 * case X-Forwarded-For is read right to left, skipping trusted proxies, and the first address that
 * is not one is the client (hops left of it were written by the client and mean nothing).
 */
export function resolveClientAddress(options: {
  peer: string | null;
  forwardedFor: string | null;
  trusted: TrustedProxies;
}): string | null {
  if (!options.peer || isIP(normalizeAddress(options.peer)) === 0) return null;
  let client = normalizeAddress(options.peer);
  if (!options.trusted.has(client)) return client;
  const hops = (options.forwardedFor ?? "").split(",").map(normalizeAddress).filter(Boolean).reverse();
  for (const hop of hops) {
    // A malformed hop was not written by a proxy we trust: stop at the last proxy that wrote one.
    if (isIP(hop) === 0) return client;
    client = hop;
    if (!options.trusted.has(hop)) return client;
  }
  return client;
}

/** A rate-limit key for an address: IPv6 clients usually hold a whole /64, so that is one client. */
export function getAddressKey(address: string): string {
  if (isIP(address) !== 6) return address;
  return `${expandIpv6(address).slice(0, 4).join(":")}::/64`;
}

function expandIpv6(address: string): string[] {
  const [head = "", tail] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const fill = tail === undefined ? [] : Array(Math.max(0, 8 - left.length - right.length)).fill("0");
  return [...left, ...fill, ...right].map((group) => group.replace(/^0+(?=.)/, ""));
}
