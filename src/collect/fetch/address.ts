import ipaddr from "ipaddr.js";

/**
 * Which IP addresses the fetcher may connect to. The rule is an allow-list:
 * IPv4 outside every special-purpose block and IPv6 inside global unicast
 * 2000::/3; IPv6 forms that carry an IPv4 address (mapped, translated, NAT64,
 * 6to4) are judged by the IPv4 address inside, since that is where the packets go.
 */
export type AddressCategory =
  | "public"
  | "this_network"
  | "loopback"
  | "private"
  | "cgnat"
  | "link_local"
  | "metadata"
  | "multicast"
  | "broadcast"
  | "unspecified"
  | "unique_local"
  | "site_local"
  | "documentation"
  | "benchmarking"
  | "reserved"
  | "ipv4_compatible"
  | "tunnel"
  | "invalid";

export interface AddressVerdict {
  allowed: boolean;
  category: AddressCategory;
  /** The IPv4 address judged, when the IPv6 address embeds one. */
  embedded?: string;
  /** Canonical text of the address judged. */
  address: string;
}

type Cidr = [string, number, AddressCategory];

// Order matters: the first matching block names the category.
const IPV4_BLOCKS: Cidr[] = [
  ["169.254.169.254", 32, "metadata"], // AWS, GCP, Azure, OpenStack
  ["100.100.100.200", 32, "metadata"], // Alibaba Cloud
  ["255.255.255.255", 32, "broadcast"],
  ["0.0.0.0", 8, "this_network"],
  ["10.0.0.0", 8, "private"],
  ["100.64.0.0", 10, "cgnat"],
  ["127.0.0.0", 8, "loopback"],
  ["169.254.0.0", 16, "link_local"],
  ["172.16.0.0", 12, "private"],
  ["192.0.0.0", 24, "reserved"], // IETF protocol assignments (incl. NAT64 discovery)
  ["192.0.2.0", 24, "documentation"],
  ["192.88.99.0", 24, "reserved"], // deprecated 6to4 relay anycast
  ["192.168.0.0", 16, "private"],
  ["198.18.0.0", 15, "benchmarking"],
  ["198.51.100.0", 24, "documentation"],
  ["203.0.113.0", 24, "documentation"],
  ["224.0.0.0", 4, "multicast"],
  ["240.0.0.0", 4, "reserved"],
];

const IPV6_BLOCKS: Cidr[] = [
  ["fd00:ec2::254", 128, "metadata"], // AWS IMDS over IPv6
  ["::", 128, "unspecified"],
  ["::1", 128, "loopback"],
  ["64:ff9b:1::", 48, "reserved"], // local-use NAT64: the network behind it is private by definition
  ["100::", 64, "reserved"], // discard-only
  ["2001::", 32, "tunnel"], // Teredo: the real endpoint is hidden
  ["2001::", 23, "reserved"], // IETF protocol assignments
  ["2001:db8::", 32, "documentation"],
  ["fc00::", 7, "unique_local"],
  ["fe80::", 10, "link_local"],
  ["fec0::", 10, "site_local"],
  ["ff00::", 8, "multicast"],
];

const parsedV4 = IPV4_BLOCKS.map(([a, bits, cat]) => [ipaddr.IPv4.parse(a), bits, cat] as const);
const parsedV6 = IPV6_BLOCKS.map(([a, bits, cat]) => [ipaddr.IPv6.parse(a), bits, cat] as const);
const GLOBAL_UNICAST = ipaddr.IPv6.parse("2000::");
const NAT64 = ipaddr.IPv6.parse("64:ff9b::");
const SIX_TO_FOUR = ipaddr.IPv6.parse("2002::");
const IPV4_TRANSLATED = ipaddr.IPv6.parse("::ffff:0:0:0");
const IPV4_COMPATIBLE = ipaddr.IPv6.parse("::");

function classifyV4(ip: ipaddr.IPv4): AddressVerdict {
  const address = ip.toString();
  for (const [range, bits, category] of parsedV4) {
    if (ip.match(range, bits)) return { allowed: false, category, address };
  }
  return { allowed: true, category: "public", address };
}

function embeddedV4(bytes: number[], offset: number): ipaddr.IPv4 {
  return new ipaddr.IPv4(bytes.slice(offset, offset + 4));
}

function classifyV6(ip: ipaddr.IPv6): AddressVerdict {
  const address = ip.toString();
  const bytes = ip.toByteArray();
  const inner = (v4: ipaddr.IPv4): AddressVerdict => ({ ...classifyV4(v4), embedded: v4.toString(), address });

  if (ip.isIPv4MappedAddress()) return inner(ip.toIPv4Address());
  if (ip.match(IPV4_TRANSLATED, 96)) return inner(embeddedV4(bytes, 12));
  if (ip.match(NAT64, 96)) return inner(embeddedV4(bytes, 12));
  if (ip.match(SIX_TO_FOUR, 16)) return inner(embeddedV4(bytes, 2));
  for (const [range, bits, category] of parsedV6) {
    if (ip.match(range, bits)) return { allowed: false, category, address };
  }
  // ::a.b.c.d (deprecated "IPv4-compatible"): never a real destination.
  if (ip.match(IPV4_COMPATIBLE, 96)) {
    return { allowed: false, category: "ipv4_compatible", embedded: embeddedV4(bytes, 12).toString(), address };
  }
  if (!ip.match(GLOBAL_UNICAST, 3)) return { allowed: false, category: "reserved", address };
  return { allowed: true, category: "public", address };
}

/**
 * Parses an IPv4 literal the way inet_aton and the WHATWG URL parser do: one to
 * four parts, each decimal, octal (leading 0) or hex (0x), the last part filling
 * the remaining bytes. `2130706433`, `0x7f.1` and `017700000001` are all 127.0.0.1.
 */
export function parseIpv4Literal(text: string): ipaddr.IPv4 | undefined {
  const parts = text.endsWith(".") ? text.slice(0, -1).split(".") : text.split(".");
  if (parts.length === 0 || parts.length > 4) return undefined;
  const values: number[] = [];
  for (const part of parts) {
    let value: number;
    if (/^0x[0-9a-f]*$/i.test(part)) value = part.length === 2 ? 0 : Number.parseInt(part.slice(2), 16);
    else if (/^0[0-7]+$/.test(part)) value = Number.parseInt(part.slice(1), 8);
    else if (/^(0|[1-9][0-9]*)$/.test(part)) value = Number(part);
    else return undefined;
    if (!Number.isFinite(value)) return undefined;
    values.push(value);
  }
  const last = values.pop() as number;
  if (values.some((v) => v > 255)) return undefined;
  const lastBytes = 4 - values.length;
  if (last >= 256 ** lastBytes) return undefined;
  const bytes = [...values];
  for (let i = lastBytes - 1; i >= 0; i--) bytes.push(Math.floor(last / 256 ** i) % 256);
  return new ipaddr.IPv4(bytes);
}

/**
 * ipaddr.js reads `::1.2.3.4` as the mapped `::ffff:1.2.3.4`, which would judge
 * an IPv4-compatible address as its IPv4 twin; spelling the tail in hex avoids that.
 */
function dottedTailToHex(host: string): string | undefined {
  const match = /^(.*:)(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!match) return host.includes(".") ? undefined : host;
  const bytes = match.slice(2, 6).map(Number);
  if (bytes.some((b) => b > 255)) return undefined;
  const [a = 0, b = 0, c = 0, d = 0] = bytes;
  return `${match[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
}

/** Parses any IP literal (brackets and IPv6 zone ids accepted); undefined for a name. */
export function parseIpLiteral(text: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  let host = text.trim();
  if (host.startsWith("[") && host.endsWith("]")) host = host.slice(1, -1);
  if (host.includes(":")) {
    const zone = host.indexOf("%");
    if (zone >= 0) host = host.slice(0, zone);
    const v6 = dottedTailToHex(host);
    return v6 !== undefined && ipaddr.IPv6.isValid(v6) ? ipaddr.IPv6.parse(v6) : undefined;
  }
  return parseIpv4Literal(host);
}

/** The verdict for one address string, as a resolver or a URL gives it. */
export function classifyAddress(text: string): AddressVerdict {
  const ip = parseIpLiteral(text);
  if (!ip) return { allowed: false, category: "invalid", address: text };
  return ip.kind() === "ipv4" ? classifyV4(ip as ipaddr.IPv4) : classifyV6(ip as ipaddr.IPv6);
}

/** Canonical text of an IP literal, or undefined when the text is a name. */
export function normalizeIpLiteral(text: string): string | undefined {
  const ip = parseIpLiteral(text);
  return ip?.toString();
}
