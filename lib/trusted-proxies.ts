// TRUST_PROXY: parsed by the configuration (lib/env-shared.ts) and read by lib/http when it resolves
// a client's address. At lib/'s root, below both, so that the configuration imports no HTTP code.
import { BlockList, isIP } from "node:net";

/** A set of proxy addresses and networks whose forwarding headers are believed. */
export type TrustedProxies = { readonly entries: readonly string[]; has(address: string): boolean };

/** Strips the IPv4-mapped IPv6 prefix a dual-stack socket reports ("::ffff:127.0.0.1" → "127.0.0.1"). */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim().replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped?.[1] ?? trimmed.toLowerCase();
}

/** Parses TRUST_PROXY: comma-separated IPs and CIDRs, IPv4 or IPv6; throws on anything else. */
export function parseTrustedProxies(value: string): TrustedProxies {
  const list = new BlockList();
  const entries = value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [rawAddress = "", prefix, ...rest] = entry.split("/");
    const address = normalizeAddress(rawAddress);
    const family = isIP(address);
    const bits = prefix === undefined ? undefined : Number(prefix);
    const maxBits = family === 6 ? 128 : 32;
    if (
      family === 0 ||
      rest.length > 0 ||
      (bits !== undefined && !(Number.isInteger(bits) && bits >= 0 && bits <= maxBits))
    )
      throw new Error(`TRUST_PROXY: "${entry}" is not an IP address or CIDR (e.g. 10.0.0.0/8, ::1).`);
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
  }
  return {
    entries,
    has(candidate) {
      const address = normalizeAddress(candidate);
      const family = isIP(address);
      return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
    },
  };
}
