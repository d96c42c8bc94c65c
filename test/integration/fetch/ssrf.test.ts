import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFetcher, FetchError, type ResolvedAddress } from "../../../src/collect/fetch/index.ts";
import { codeOf, startServer, type TestServer, withoutRobots } from "./servers.ts";

let target: TestServer;

beforeAll(async () => {
  // The server every blocked case would reach if the guard failed: 127.0.0.1.
  target = await startServer(withoutRobots((_req, res) => res.end("secret")));
});
afterAll(() => target.close());

const v4 = (address: string): ResolvedAddress => ({ address, family: 4 });
const v6 = (address: string): ResolvedAddress => ({ address, family: 6 });

// [case, answer of the injected resolver]
const RESOLVER_CASES: [string, ResolvedAddress[]][] = [
  ["loopback", [v4("127.0.0.1")]],
  ["loopback elsewhere in 127/8", [v4("127.0.0.2")]],
  ["IPv4-mapped loopback", [v6("::ffff:127.0.0.1")]],
  ["IPv6 loopback", [v6("::1")]],
  ["unspecified 0.0.0.0 (reaches localhost on Linux)", [v4("0.0.0.0")]],
  ["unspecified ::", [v6("::")]],
  ["cloud metadata", [v4("169.254.169.254")]],
  ["AWS IPv6 metadata", [v6("fd00:ec2::254")]],
  ["mapped metadata", [v6("::ffff:169.254.169.254")]],
  ["NAT64 of loopback", [v6("64:ff9b::7f00:1")]],
  ["6to4 of loopback", [v6("2002:7f00:1::1")]],
  ["private 10/8", [v4("10.1.2.3")]],
  ["private 172.16/12", [v4("172.20.0.1")]],
  ["private 192.168/16", [v4("192.168.0.10")]],
  ["CGNAT", [v4("100.64.1.1")]],
  ["link-local", [v4("169.254.10.10")]],
  ["IPv6 link-local", [v6("fe80::1")]],
  ["unique-local", [v6("fd12::1")]],
  ["multicast", [v4("224.0.0.251")]],
  ["broadcast", [v4("255.255.255.255")]],
  ["public first, private second in one answer", [v4("8.8.8.8"), v4("127.0.0.1")]],
  ["public IPv6 then mapped loopback", [v6("2606:4700:4700::1111"), v6("::ffff:127.0.0.1")]],
  ["resolver returns a non-address", [v4("not-an-ip")]],
];

describe("SSRF guard at connect time", () => {
  it.each(RESOLVER_CASES)("%s is blocked before any connection", async (_name, answer) => {
    const before = target.connections;
    const fetcher = createFetcher({
      allowPorts: [80, 443, target.port],
      hostIntervalMs: 0,
      resolve: async () => answer,
    });
    try {
      const err = await fetcher.fetch({ url: `http://reviews.example:${target.port}/` }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FetchError);
      expect((err as FetchError).code).toBe("blocked_address");
      expect((err as FetchError).retryable).toBe(false);
    } finally {
      await fetcher.close();
    }
    expect(target.connections - before).toBe(0);
  });

  it("guards https the same way (the TLS socket uses the same lookup)", async () => {
    const before = target.connections;
    const fetcher = createFetcher({
      allowPorts: [80, 443, target.port],
      hostIntervalMs: 0,
      resolve: async () => [v4("127.0.0.1")],
    });
    const code = await codeOf(fetcher.fetch({ url: `https://reviews.example:${target.port}/` }));
    await fetcher.close();
    expect(code).toBe("blocked_address");
    expect(target.connections - before).toBe(0);
  });

  it("judges the answer the socket gets, not an earlier one (DNS rebinding)", async () => {
    const before = target.connections;
    let calls = 0;
    const rebinding = async () => (++calls === 1 ? [v4("93.184.216.34")] : [v4("127.0.0.1")]);
    // A check-then-connect guard would look here, see a public address and go on.
    expect(await rebinding()).toEqual([v4("93.184.216.34")]);
    const fetcher = createFetcher({ allowPorts: [80, 443, target.port], hostIntervalMs: 0, resolve: rebinding });
    const code = await codeOf(fetcher.fetch({ url: `http://rebind.example:${target.port}/`, ignoreRobots: true }));
    await fetcher.close();
    expect(code).toBe("blocked_address");
    expect(calls).toBe(2); // the connection did its own lookup, and that answer was refused
    expect(target.connections - before).toBe(0);
  });

  it.each([
    ["decimal", "http://2130706433:PORT/"],
    ["hex dotted", "http://0x7f.1:PORT/"],
    ["octal", "http://017700000001:PORT/"],
    ["short dotted", "http://127.1:PORT/"],
    ["IPv4-mapped literal", "http://[::ffff:127.0.0.1]:PORT/"],
    ["IPv6 loopback literal", "http://[::1]:PORT/"],
    ["0.0.0.0 literal", "http://0.0.0.0:PORT/"],
    ["metadata literal", "http://169.254.169.254:PORT/latest/meta-data/"],
    ["metadata by name", "http://metadata.google.internal:PORT/"],
    ["localhost by name", "http://localhost:PORT/"],
  ])("%s URL is blocked without a lookup or a connection", async (_name, template) => {
    const before = target.connections;
    let lookups = 0;
    const fetcher = createFetcher({
      allowPorts: [80, 443, target.port],
      hostIntervalMs: 0,
      resolve: async () => {
        lookups++;
        return [v4("127.0.0.1")];
      },
    });
    const code = await codeOf(fetcher.fetch({ url: template.replace("PORT", String(target.port)) }));
    await fetcher.close();
    expect(code).toBe("blocked_address");
    expect(lookups).toBe(0);
    expect(target.connections - before).toBe(0);
  });

  it("refuses other schemes and ports before touching the network", async () => {
    const before = target.connections;
    const fetcher = createFetcher({ hostIntervalMs: 0, resolve: async () => [v4("127.0.0.1")] });
    expect(await codeOf(fetcher.fetch({ url: "file:///etc/passwd" }))).toBe("blocked_scheme");
    expect(await codeOf(fetcher.fetch({ url: `http://reviews.example:${target.port}/` }))).toBe("blocked_port");
    expect(await codeOf(fetcher.fetch({ url: "http://127.0.0.1:6379/" }))).toBe("blocked_port");
    await fetcher.close();
    expect(target.connections - before).toBe(0);
  });
});

describe("allowHosts", () => {
  it("lets a fixture server on 127.0.0.1 through, on its own port", async () => {
    const fetcher = createFetcher({ allowHosts: ["127.0.0.1"], hostIntervalMs: 0 });
    const res = await fetcher.fetch({ url: `${target.origin}/page` });
    await fetcher.close();
    expect(res.status).toBe(200);
    expect(new TextDecoder().decode(res.body)).toBe("secret");
    expect(target.hits("/page")).toBe(1);
  });

  it("matches a host name too, whatever it resolves to", async () => {
    const fetcher = createFetcher({
      allowHosts: ["fixtures.test"],
      hostIntervalMs: 0,
      resolve: async () => [v4("127.0.0.1")],
    });
    const res = await fetcher.fetch({ url: `http://fixtures.test:${target.port}/named` });
    await fetcher.close();
    expect(res.status).toBe(200);
    expect(target.requests.find((r) => r.path === "/named")?.headers.host).toBe(`fixtures.test:${target.port}`);
  });
});
