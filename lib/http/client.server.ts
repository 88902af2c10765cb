import "server-only";
import { env } from "@/lib/env.server";
import {
  getAddressKey,
  PEER_HEADER,
  PEER_HEADER_FLAG,
  resolveClientAddress,
  UNKNOWN_CLIENT,
} from "./client-address";

let warned = false;

/**
 * The request's network client address (see resolveClientAddress), or null when the peer is
 * unknown: without Descent's server in front (`next dev`, a bare `next start`) nothing tells it.
 */
export function getClientAddress(headers: Headers): string | null {
  const peer = process.env[PEER_HEADER_FLAG] === "1" ? headers.get(PEER_HEADER) : null;
  const address = resolveClientAddress({
    peer,
    forwardedFor: headers.get("x-forwarded-for"),
    trusted: env.TRUST_PROXY,
  });
  if (!address && !warned && env.NODE_ENV === "production") {
    warned = true;
    console.warn(
      "Client addresses are unknown: serve with `npm run serve` (scripts/server.mjs); all clients share one rate-limit bucket.",
    );
  }
  return address;
}

/** The rate-limit key of the request's network client; one shared bucket when the address is unknown (stricter, never looser). */
export function getClientKey(headers: Headers): string {
  const address = getClientAddress(headers);
  return address ? getAddressKey(address) : UNKNOWN_CLIENT;
}
