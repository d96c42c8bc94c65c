import { classifyAddress, normalizeIpLiteral } from "./address.ts";
import { describeTarget, FetchError } from "./errors.ts";

/**
 * URL-level checks, run before any DNS lookup and again on every redirect hop.
 * Address checks for names happen later, at connect time (see connector.ts);
 * IP literals are judged here because no resolver stands between them and the socket.
 */
export interface TargetPolicy {
  /** Lower-cased host names and canonical IP literals let through even if private. */
  allowHosts: ReadonlySet<string>;
  allowPorts: ReadonlySet<number>;
}

// Names that point at infrastructure whatever the resolver says.
const BLOCKED_NAMES = new Set(["metadata.google.internal", "metadata", "instance-data", "localhost"]);

export function stripBrackets(host: string): string {
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}

/** The key an allowHosts entry or a URL host is compared by. */
export function hostKey(host: string): string {
  const bare = stripBrackets(host.trim().toLowerCase()).replace(/\.$/, "");
  return normalizeIpLiteral(bare) ?? bare;
}

export function buildPolicy(allowHosts: readonly string[], allowPorts: readonly number[]): TargetPolicy {
  return { allowHosts: new Set(allowHosts.map(hostKey)), allowPorts: new Set(allowPorts) };
}

export function isAllowedHost(policy: TargetPolicy, host: string): boolean {
  return policy.allowHosts.has(hostKey(host));
}

/** Parses and checks one URL; `base` resolves relative redirect locations. */
export function checkTarget(raw: string, policy: TargetPolicy, base?: URL): URL {
  let url: URL;
  try {
    // The WHATWG parser already turns 2130706433, 0x7f.1 and 017700000001 into 127.0.0.1.
    url = base ? new URL(raw, base) : new URL(raw);
  } catch (cause) {
    throw new FetchError("invalid_url", "invalid URL", { cause });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchError("blocked_scheme", `scheme ${url.protocol} is not allowed`, { target: url.protocol });
  }
  if (url.username || url.password) {
    throw new FetchError("invalid_url", "credentials in URLs are not accepted", { target: describeTarget(url) });
  }
  const host = hostKey(url.hostname);
  if (host === "") throw new FetchError("invalid_url", "URL has no host");
  const allowed = policy.allowHosts.has(host);
  const port = url.port === "" ? (url.protocol === "https:" ? 443 : 80) : Number(url.port);
  if (!allowed && !policy.allowPorts.has(port)) {
    throw new FetchError("blocked_port", `port ${port} is not allowed`, { target: describeTarget(url) });
  }
  if (allowed) return url;
  if (BLOCKED_NAMES.has(host) || host.endsWith(".localhost")) {
    throw new FetchError("blocked_address", `host ${host} is not allowed`, { target: describeTarget(url) });
  }
  if (normalizeIpLiteral(host) !== undefined) {
    const verdict = classifyAddress(host);
    if (!verdict.allowed) {
      throw new FetchError("blocked_address", `address ${verdict.address} is ${verdict.category}`, {
        target: describeTarget(url),
      });
    }
  }
  return url;
}
