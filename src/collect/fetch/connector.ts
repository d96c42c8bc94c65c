import type { LookupAddress, LookupOptions } from "node:dns";
import { promises as dns } from "node:dns";
import { isIP } from "node:net";
import { buildConnector } from "undici";
import { classifyAddress } from "./address.ts";
import { FetchError } from "./errors.ts";
import { isAllowedHost, stripBrackets, type TargetPolicy } from "./target.ts";

export interface ResolvedAddress {
  address: string;
  family: number;
}
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) =>
  dns.lookup(hostname, { all: true, verbatim: true }) as Promise<LookupAddress[]>;

type LookupCallback = (err: Error | null, address: string | LookupAddress[], family?: number) => void;

/**
 * The SSRF guard. Node's socket calls this `lookup` right before it connects and
 * connects to exactly the addresses it returns, so the address judged is the
 * address used: a resolver that answers differently on a second query (DNS
 * rebinding) is judged on the answer the socket gets. If any answer is blocked
 * the whole name is refused, rather than racing a public and a private address.
 */
export function guardedLookup(policy: TargetPolicy, resolve: Resolver) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    const allowed = isAllowedHost(policy, hostname);
    Promise.resolve()
      .then(() => resolve(hostname))
      .then(
        (answers) => {
          if (answers.length === 0) {
            callback(new FetchError("network", `no address for ${hostname}`), []);
            return;
          }
          if (!allowed) {
            for (const answer of answers) {
              const verdict = classifyAddress(answer.address);
              if (!verdict.allowed) {
                const via = verdict.embedded ? ` (embeds ${verdict.embedded})` : "";
                const message = `${hostname} resolves to ${verdict.category} address ${verdict.address}${via}`;
                callback(new FetchError("blocked_address", message, { target: hostname }), []);
                return;
              }
            }
          }
          const family = options.family === 4 || options.family === 6 ? options.family : 0;
          const usable = answers
            .map((a) => ({ address: a.address, family: a.family === 6 || isIP(a.address) === 6 ? 6 : 4 }))
            .filter((a) => family === 0 || a.family === family);
          const first = usable[0];
          if (!first) {
            callback(new FetchError("network", `no IPv${family} address for ${hostname}`), []);
            return;
          }
          if (options.all) callback(null, usable);
          else callback(null, first.address, first.family);
        },
        (cause: unknown) => callback(new FetchError("network", `cannot resolve ${hostname}`, { cause }), []),
      );
  };
}

/**
 * An undici connector that refuses blocked IP literals (a literal skips `lookup`)
 * and hands names to the guarded lookup. Host names of the URL stay the TLS server name.
 */
export function guardedConnector(
  policy: TargetPolicy,
  resolve: Resolver,
  connectTimeoutMs: number,
): buildConnector.connector {
  const base = buildConnector({ timeout: connectTimeoutMs, lookup: guardedLookup(policy, resolve) });
  return (options, callback) => {
    const host = stripBrackets(options.hostname);
    if (isIP(host) !== 0 && !isAllowedHost(policy, host)) {
      const verdict = classifyAddress(host);
      if (!verdict.allowed) {
        callback(new FetchError("blocked_address", `address ${verdict.address} is ${verdict.category}`), null);
        return;
      }
    }
    base(options, callback);
  };
}
