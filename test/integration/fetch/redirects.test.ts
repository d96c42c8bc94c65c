import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FetchError } from "../../../src/collect/fetch/index.ts";
import { codeOf, fixtureFetcher, startServer, type TestServer, withoutRobots } from "./servers.ts";

let server: TestServer;
let other: TestServer;

beforeAll(async () => {
  other = await startServer(withoutRobots((_req, res) => res.end("other origin")));
  server = await startServer(
    withoutRobots((req, res, self) => {
      const url = new URL(req.url ?? "/", self.origin);
      const go = (status: number, location: string) => res.writeHead(status, { location }).end();
      const chain = /^\/chain\/(\d+)$/.exec(url.pathname);
      if (chain) {
        const n = Number(chain[1]);
        if (n === 0) res.end("end of chain");
        else go(302, `/chain/${n - 1}`);
        return;
      }
      switch (url.pathname) {
        case "/to-private-literal":
          return go(302, `http://10.0.0.1:${self.port}/`);
        case "/to-mapped-literal":
          return go(301, "http://[::ffff:127.0.0.1]/");
        case "/to-rebinding-name":
          return go(307, `http://internal.example:${self.port}/secret`);
        case "/to-file":
          return go(302, "file:///etc/passwd");
        case "/to-metadata":
          return go(302, "http://169.254.169.254/latest/meta-data/");
        case "/to-redis-port":
          return go(302, "http://reviews.example:6379/");
        case "/to-other-origin":
          return go(302, `${other.origin}/landing`);
        case "/post-303":
          return go(303, "/after-post");
        case "/after-post":
          return res.end(`${req.method}`);
        case "/secret":
          return res.end("should never be served");
        default:
          res.writeHead(404).end();
      }
    }),
  );
});
afterAll(async () => {
  await server.close();
  await other.close();
});

describe("redirects", () => {
  it.each([
    ["/to-private-literal", "blocked_address"],
    ["/to-mapped-literal", "blocked_address"],
    ["/to-rebinding-name", "blocked_address"],
    ["/to-file", "blocked_scheme"],
    ["/to-metadata", "blocked_address"],
    ["/to-redis-port", "blocked_port"],
  ])("every hop is re-checked: %s -> %s", async (path, expected) => {
    const fetcher = fixtureFetcher({
      allowPorts: [80, 443, server.port],
      resolve: async () => [{ address: "127.0.0.1", family: 4 }],
    });
    const code = await codeOf(fetcher.fetch({ url: `${server.origin}${path}` }));
    await fetcher.close();
    expect(code).toBe(expected);
    expect(server.hits("/secret")).toBe(0);
  });

  it("follows 5 redirects and refuses the 6th", async () => {
    const fetcher = fixtureFetcher();
    const ok = await fetcher.fetch({ url: `${server.origin}/chain/5` });
    expect(new TextDecoder().decode(ok.body)).toBe("end of chain");
    expect(ok.url).toBe(`${server.origin}/chain/0`);
    const err = await fetcher.fetch({ url: `${server.origin}/chain/6` }).catch((e: unknown) => e);
    await fetcher.close();
    expect((err as FetchError).code).toBe("too_many_redirects");
    expect(server.hits("/chain/0")).toBe(1); // the 6-hop chain stopped before its end
  });

  it("honours a smaller maxRedirects", async () => {
    const fetcher = fixtureFetcher({ maxRedirects: 1 });
    expect(await codeOf(fetcher.fetch({ url: `${server.origin}/chain/2` }))).toBe("too_many_redirects");
    await fetcher.close();
  });

  it("drops credentials when a redirect leaves the origin", async () => {
    const fetcher = fixtureFetcher();
    const res = await fetcher.fetch({
      url: `${server.origin}/to-other-origin`,
      headers: { authorization: "Bearer secret-token", "x-trace": "1" },
    });
    await fetcher.close();
    expect(new TextDecoder().decode(res.body)).toBe("other origin");
    const landed = other.requests.find((r) => r.path === "/landing");
    expect(landed?.headers.authorization).toBeUndefined();
    expect(landed?.headers["x-trace"]).toBe("1");
    const first = server.requests.find((r) => r.path === "/to-other-origin");
    expect(first?.headers.authorization).toBe("Bearer secret-token");
  });

  it("turns a POST answered by 303 into a GET", async () => {
    const fetcher = fixtureFetcher();
    const res = await fetcher.fetch({ url: `${server.origin}/post-303`, method: "POST", body: "q=1" });
    await fetcher.close();
    expect(new TextDecoder().decode(res.body)).toBe("GET");
  });
});
