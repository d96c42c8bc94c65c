import { describe, expect, it } from "vitest";
import { classifyAddress, normalizeIpLiteral, parseIpv4Literal } from "../../../src/collect/fetch/address.ts";

// [address, allowed, category, embedded IPv4 when the address carries one]
const CASES: [string, boolean, string, string?][] = [
  // IPv4 public
  ["8.8.8.8", true, "public"],
  ["1.1.1.1", true, "public"],
  ["93.184.216.34", true, "public"],
  ["172.15.255.255", true, "public"],
  ["172.32.0.0", true, "public"],
  ["100.63.255.255", true, "public"],
  ["100.128.0.0", true, "public"],
  ["223.255.255.255", true, "public"],
  // IPv4 blocked
  ["127.0.0.1", false, "loopback"],
  ["127.255.255.254", false, "loopback"],
  ["10.0.0.1", false, "private"],
  ["10.255.255.255", false, "private"],
  ["172.16.0.1", false, "private"],
  ["172.31.255.255", false, "private"],
  ["192.168.1.1", false, "private"],
  ["169.254.0.1", false, "link_local"],
  ["169.254.169.254", false, "metadata"],
  ["100.100.100.200", false, "metadata"],
  ["100.64.0.1", false, "cgnat"],
  ["100.127.255.255", false, "cgnat"],
  ["0.0.0.0", false, "this_network"],
  ["0.1.2.3", false, "this_network"],
  ["224.0.0.1", false, "multicast"],
  ["239.255.255.250", false, "multicast"],
  ["255.255.255.255", false, "broadcast"],
  ["240.0.0.1", false, "reserved"],
  ["192.0.0.170", false, "reserved"],
  ["192.0.2.1", false, "documentation"],
  ["198.51.100.7", false, "documentation"],
  ["203.0.113.9", false, "documentation"],
  ["198.18.0.1", false, "benchmarking"],
  // IPv4 literal spellings a resolver or a URL might carry
  ["2130706433", false, "loopback"],
  ["0x7f.1", false, "loopback"],
  ["017700000001", false, "loopback"],
  ["0x7f000001", false, "loopback"],
  ["127.1", false, "loopback"],
  ["0177.0.0.01", false, "loopback"],
  ["0xa9.0xfe.0xa9.0xfe", false, "metadata"],
  // IPv6 public
  ["2606:4700:4700::1111", true, "public"],
  ["2a00:1450:4007:80e::200e", true, "public"],
  // IPv6 blocked
  ["::1", false, "loopback"],
  ["[::1]", false, "loopback"],
  ["::", false, "unspecified"],
  ["fe80::1", false, "link_local"],
  ["fe80::1%eth0", false, "link_local"],
  ["febf::1", false, "link_local"],
  ["fc00::1", false, "unique_local"],
  ["fd12:3456::1", false, "unique_local"],
  ["fd00:ec2::254", false, "metadata"],
  ["ff02::1", false, "multicast"],
  ["fec0::1", false, "site_local"],
  ["2001:db8::1", false, "documentation"],
  ["2001:0:4136:e378::1", false, "tunnel"],
  ["100::1", false, "reserved"],
  ["4000::1", false, "reserved"],
  ["64:ff9b:1::a00:1", false, "reserved"],
  // IPv6 carrying IPv4: judged by the IPv4 inside
  ["::ffff:127.0.0.1", false, "loopback", "127.0.0.1"],
  ["::ffff:7f00:1", false, "loopback", "127.0.0.1"],
  ["::ffff:169.254.169.254", false, "metadata", "169.254.169.254"],
  ["::ffff:10.0.0.1", false, "private", "10.0.0.1"],
  ["::ffff:8.8.8.8", true, "public", "8.8.8.8"],
  ["::127.0.0.1", false, "ipv4_compatible", "127.0.0.1"],
  ["::8.8.8.8", false, "ipv4_compatible", "8.8.8.8"],
  ["::ffff:0:127.0.0.1", false, "loopback", "127.0.0.1"],
  ["64:ff9b::127.0.0.1", false, "loopback", "127.0.0.1"],
  ["64:ff9b::a9fe:a9fe", false, "metadata", "169.254.169.254"],
  ["64:ff9b::192.168.0.1", false, "private", "192.168.0.1"],
  ["64:ff9b::8.8.8.8", true, "public", "8.8.8.8"],
  ["2002:7f00:1::1", false, "loopback", "127.0.0.1"],
  ["2002:0a00:0001::", false, "private", "10.0.0.1"],
  ["2002:0808:0808::1", true, "public", "8.8.8.8"],
  // not an address
  ["example.com", false, "invalid"],
  ["256.1.1.1", false, "invalid"],
  ["1.2.3.4.5", false, "invalid"],
  ["", false, "invalid"],
];

describe("classifyAddress", () => {
  it.each(CASES)("%s -> allowed=%s (%s)", (address, allowed, category, embedded) => {
    const verdict = classifyAddress(address);
    expect(verdict.allowed).toBe(allowed);
    expect(verdict.category).toBe(category);
    expect(verdict.embedded).toBe(embedded);
  });
});

describe("IPv4 literal normalisation", () => {
  it.each([
    ["2130706433", "127.0.0.1"],
    ["0x7f.1", "127.0.0.1"],
    ["017700000001", "127.0.0.1"],
    ["0x7F.0.0.1", "127.0.0.1"],
    ["127.1", "127.0.0.1"],
    ["10.1.1", "10.1.0.1"],
    ["3232235521", "192.168.0.1"],
    ["0", "0.0.0.0"],
    ["4294967295", "255.255.255.255"],
    ["8.8.8.8.", "8.8.8.8"],
  ])("%s is %s", (text, expected) => {
    expect(parseIpv4Literal(text)?.toString()).toBe(expected);
  });

  it.each(["4294967296", "1.2.3.256", "08.1.1.1", "a.b.c.d", "1..2", "1.2.3.4.5"])(
    "%s is not an IPv4 literal",
    (text) => {
      expect(parseIpv4Literal(text)).toBeUndefined();
    },
  );

  it("canonicalises IPv6 text and leaves names alone", () => {
    expect(normalizeIpLiteral("[0:0:0:0:0:0:0:1]")).toBe("::1");
    expect(normalizeIpLiteral("::FFFF:127.0.0.1")).toBe("::ffff:7f00:1");
    expect(normalizeIpLiteral("reviews.example")).toBeUndefined();
  });
});
