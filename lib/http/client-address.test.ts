import { describe, expect, it } from "vitest";
import { getAddressKey, resolveClientAddress } from "./client-address";
import { parseTrustedProxies } from "../trusted-proxies";

const none = parseTrustedProxies("");
const proxies = parseTrustedProxies("10.0.0.0/8, ::1");

describe("resolveClientAddress", () => {
  it("is the peer address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress({ peer: "203.0.113.7", forwardedFor: "1.2.3.4", trusted: none })).toBe(
      "203.0.113.7",
    );
    expect(
      resolveClientAddress({ peer: "::ffff:127.0.0.1", forwardedFor: "1.2.3.4, 5.6.7.8", trusted: none }),
    ).toBe("127.0.0.1");
  });

  it("reads X-Forwarded-For right to left from a trusted proxy, stopping at the first untrusted hop", () => {
    // The client wrote "6.6.6.6" itself; the proxy appended the address it saw.
    expect(
      resolveClientAddress({ peer: "10.1.2.3", forwardedFor: "6.6.6.6, 198.51.100.9", trusted: proxies }),
    ).toBe("198.51.100.9");
    // Two trusted hops.
    expect(
      resolveClientAddress({
        peer: "::1",
        forwardedFor: "6.6.6.6, 198.51.100.9, 10.0.0.5",
        trusted: proxies,
      }),
    ).toBe("198.51.100.9");
    // A trusted proxy that forwarded nothing: the proxy itself.
    expect(resolveClientAddress({ peer: "10.1.2.3", forwardedFor: null, trusted: proxies })).toBe("10.1.2.3");
    // Garbage where an address should be: the last trusted hop, not the garbage.
    expect(
      resolveClientAddress({ peer: "10.1.2.3", forwardedFor: "1.1.1.1, nonsense", trusted: proxies }),
    ).toBe("10.1.2.3");
  });

  it("is null without a usable peer address", () => {
    expect(resolveClientAddress({ peer: null, forwardedFor: "1.2.3.4", trusted: proxies })).toBeNull();
    expect(resolveClientAddress({ peer: "not-an-ip", forwardedFor: null, trusted: none })).toBeNull();
  });
});

describe("getAddressKey", () => {
  it("keys IPv4 by address and IPv6 by its /64", () => {
    expect(getAddressKey("198.51.100.9")).toBe("198.51.100.9");
    expect(getAddressKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(getAddressKey("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(getAddressKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
  });
});

describe("parseTrustedProxies", () => {
  it("accepts IPs and CIDRs and refuses anything else", () => {
    expect(parseTrustedProxies(" 192.168.0.1 , fd00::/8 ").entries).toEqual(["192.168.0.1", "fd00::/8"]);
    expect(parseTrustedProxies("fd00::/8").has("fd12::3")).toBe(true);
    expect(() => parseTrustedProxies("proxy.local")).toThrow(/TRUST_PROXY/);
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/TRUST_PROXY/);
  });
});
