import "server-only";
import { env } from "@/lib/env.server";
import { getAddressKey, PEER_HEADER, PEER_HEADER_FLAG, resolveClientAddress, UNKNOWN_CLIENT } from "./client-address";

let warned = false;

/**
 * The rate-limit key of the request's network client (see resolveClientAddress). Without
 * Descent's server in front (`next dev`, a bare `next start`) the peer is unknown and every request
 * shares one bucket: stricter, never looser.
 */
export function getClientKey(headers: Headers): string {
  const peer = process.env[PEER_HEADER_FLAG] === "1" ? headers.get(PEER_HEADER) : null;
  const address = resolveClientAddress({ peer, forwardedFor: headers.get("x-forwarded-for"), trusted: env.TRUST_PROXY });
  if (address) return getAddressKey(address);
  if (!warned && env.NODE_ENV === "production") {
    warned = true;
    console.warn("Client addresses are unknown: serve with `npm run serve` (scripts/server.mjs); all clients share one rate-limit bucket.");
  }
  return UNKNOWN_CLIENT;
}
