import { describe, expect, it } from "vitest";
import { decodeRobots } from "../../../src/collect/fetch/robots.ts";
import {
  isAllowed,
  matchesPattern,
  parseRobots,
  productToken,
  ROBOTS_MAX_BYTES,
  rulesFor,
} from "../../../src/collect/fetch/robots-parser.ts";

const TOKEN = "reputationmonitor";

function decide(text: string, path: string, token = TOKEN): boolean {
  return isAllowed(rulesFor(parseRobots(text), token), path);
}

describe("robots.txt groups", () => {
  const file = [
    "# comment line",
    "User-agent: *",
    "Disallow: /private",
    "Crawl-delay: 1",
    "",
    "User-agent: ReputationMonitor",
    "User-agent: OtherBot",
    "Disallow: /reviews/drafts",
    "Crawl-delay: 3.5",
    "",
    "User-agent: reputationmonitor",
    "Disallow: /admin # trailing comment",
    "Sitemap: https://reviews.example/sitemap.xml",
  ].join("\n");

  it("uses (and merges) the groups naming our product token, case-insensitively", () => {
    const rules = rulesFor(parseRobots(file), TOKEN);
    expect(rules.rules.map((r) => r.pattern).sort()).toEqual(["/admin", "/reviews/drafts"]);
    expect(rules.crawlDelaySec).toBe(3.5);
    expect(decide(file, "/private/x")).toBe(true); // the * group does not apply to us
    expect(decide(file, "/admin/users")).toBe(false);
    expect(decide(file, "/reviews/drafts/1")).toBe(false);
  });

  it("falls back to * for other agents", () => {
    const rules = rulesFor(parseRobots(file), "somebot");
    expect(rules.crawlDelaySec).toBe(1);
    expect(isAllowed(rules, "/private/x")).toBe(false);
    expect(isAllowed(rules, "/admin")).toBe(true);
  });

  it("allows everything when no group matches and there is no * group", () => {
    expect(decide("User-agent: otherbot\nDisallow: /", "/anything")).toBe(true);
  });

  it("ignores rules before any user-agent line and an empty Disallow", () => {
    expect(decide("Disallow: /\nUser-agent: *\nDisallow:", "/x")).toBe(true);
  });

  it("keeps sitemaps and handles CRLF", () => {
    const parsed = parseRobots("User-agent: *\r\nDisallow: /a\r\nSitemap: https://x.example/s.xml\r\n");
    expect(parsed.sitemaps).toEqual(["https://x.example/s.xml"]);
    expect(isAllowed(rulesFor(parsed, TOKEN), "/a/b")).toBe(false);
  });

  it("derives the product token from a User-Agent string", () => {
    expect(productToken("ReputationMonitor/0.1 (open-source)")).toBe("reputationmonitor");
    expect(productToken("simplebot")).toBe("simplebot");
  });
});

describe("longest match", () => {
  it.each([
    ["Disallow: /\nAllow: /reviews", "/reviews/1", true],
    ["Disallow: /\nAllow: /reviews", "/about", false],
    ["Allow: /page\nDisallow: /page/private", "/page/private/x", false],
    ["Allow: /page\nDisallow: /page/private", "/page/public", true],
    // same length: Allow (the least restrictive) wins
    ["Allow: /folder\nDisallow: /folder", "/folder/page", true],
    ["Disallow: /folder\nAllow: /folder", "/folder/page", true],
    // the longer pattern wins even when it has a wildcard
    ["Allow: /a\nDisallow: /a*b", "/a-x-b", false],
    ["Disallow: /\nAllow: /$", "/", true],
    ["Disallow: /\nAllow: /$", "/page", false],
  ])("%j on %s -> %s", (rules, path, expected) => {
    expect(decide(`User-agent: *\n${rules}`, path)).toBe(expected);
  });
});

describe("wildcards and end anchor", () => {
  it.each([
    ["/*.php", "/index.php", true],
    ["/*.php", "/folder/file.php?x=1", true],
    ["/*.php", "/folder/file.PHP", false],
    ["/*.php$", "/index.php", true],
    ["/*.php$", "/index.php?x=1", false],
    ["/*.php$", "/index.php5", false],
    ["/fish*", "/fish", true],
    ["/fish*", "/fishheads/yummy.html", true],
    ["/fish", "/Fish.asp", false],
    ["/fish/", "/fish", false],
    ["/*?sort=", "/reviews?sort=date", true],
    ["/*?sort=", "/reviews?page=2", false],
    ["/a*b*c$", "/a-b-c", true],
    ["/a*b*c$", "/a-b-c-d", false],
    ["*", "/anything", true],
    ["/$", "/", true],
    ["/$", "/x", false],
  ])("%s matches %s: %s", (pattern, path, expected) => {
    expect(matchesPattern(pattern, path)).toBe(expected);
  });

  it("compares percent-encoding and non-ASCII paths in one form", () => {
    expect(decide("User-agent: *\nDisallow: /café", "/caf%c3%a9/menu")).toBe(false);
    expect(decide("User-agent: *\nDisallow: /caf%c3%a9", "/caf%C3%A9")).toBe(false);
  });

  it("matches a hostile pattern against a long path without blowing up", () => {
    const pattern = `/${"*a".repeat(40)}b`;
    const path = `/${"a".repeat(5000)}`;
    const started = performance.now();
    expect(matchesPattern(pattern, path)).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("always allows /robots.txt", () => {
    expect(decide("User-agent: *\nDisallow: /", "/robots.txt")).toBe(true);
  });
});

describe("Crawl-delay and oversized files", () => {
  it("ignores a malformed Crawl-delay", () => {
    expect(rulesFor(parseRobots("User-agent: *\nCrawl-delay: soon"), TOKEN).crawlDelaySec).toBeUndefined();
  });

  it("drops the cut-off last line of a truncated file so a partial rule is not applied", () => {
    const head = "User-agent: *\nDisallow: /private\n";
    const filler = `# ${"x".repeat(ROBOTS_MAX_BYTES)}\n`;
    const full = new TextEncoder().encode(`${head}${filler}Disallow: /\n`);
    const capped = full.subarray(0, ROBOTS_MAX_BYTES);
    const text = decodeRobots(capped, true);
    expect(text.length).toBeLessThanOrEqual(ROBOTS_MAX_BYTES);
    expect(decide(text, "/private/1")).toBe(false);
    expect(decide(text, "/public")).toBe(true); // the rule after the cap is never read
    // a truncated rule "Disallow: /pri" must not survive either
    const cut = new TextEncoder().encode("User-agent: *\nDisallow: /private-area");
    expect(decide(decodeRobots(cut.subarray(0, cut.length - 10), true), "/priv")).toBe(true);
  });
});
