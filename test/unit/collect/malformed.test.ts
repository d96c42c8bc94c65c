import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ParseError, parseDocument } from "../../../src/collect/index.ts";
import type { SourceKind } from "../../../src/collect/types.ts";

const enc = (s: string) => new TextEncoder().encode(s);

function codeOf(input: { body: Uint8Array; url?: string; contentType?: string; kind?: SourceKind }): string {
  try {
    parseDocument({ url: "http://127.0.0.1/x", ...input });
  } catch (e) {
    if (e instanceof ParseError) return e.code;
    return `untyped: ${String(e)}`;
  }
  return "no error";
}

describe("malformed input gives a typed ParseError", () => {
  it.each([
    ["empty body", { body: new Uint8Array() }, "empty_document"],
    ["whitespace only", { body: enc(" \n\t ") }, "empty_document"],
    ["only a comment, as a feed", { body: enc("<!-- nothing -->\n"), kind: "feed" as const }, "empty_document"],
    [
      "an HTML page read as a feed",
      { body: enc("<!DOCTYPE html><html><body><p>hi</p></body></html>"), kind: "feed" as const },
      "not_a_feed",
    ],
    ["line noise read as a feed", { body: enc("%$#@!^&*()_+=~`|\\ ".repeat(50)), kind: "feed" as const }, "not_a_feed"],
    [
      "line noise at a feed URL",
      { body: enc("%$#@!^&*()_+".repeat(50)), url: "http://127.0.0.1/feed.xml" },
      "not_a_feed",
    ],
    ["line noise elsewhere", { body: enc("%$#@!^&*()_+".repeat(50)) }, "unsupported_format"],
    [
      "truncated JSON for an API",
      { body: enc('[{"id": "1", "content": '), kind: "mastodon" as const },
      "malformed_json",
    ],
    ["HTML where JSON is due", { body: enc("<html></html>"), kind: "reddit" as const }, "malformed_json"],
    ["JSON of the wrong shape", { body: enc('{"hello": "world"}'), kind: "reddit" as const }, "unsupported_format"],
    ["JSON of no known shape", { body: enc('{"hello": "world"}') }, "unsupported_format"],
    [
      "streaming update whose payload is not JSON",
      { body: enc('{"event":"update","payload":"{oops"}') },
      "malformed_json",
    ],
    ["corrupt gzip", { body: new Uint8Array([0x1f, 0x8b, 0x08, 0, 1, 2, 3, 4, 5]) }, "invalid_input"],
    ["unknown charset", { body: enc('<?xml version="1.0" encoding="klingon-8"?><rss/>') }, "unsupported_encoding"],
  ])("%s", (_name, input, code) => {
    expect(codeOf(input)).toBe(code);
  });

  it("refuses bodies past the size cap", () => {
    expect(codeOf({ body: new Uint8Array(33 * 1024 * 1024) })).toBe("too_large");
  });

  it("reports invalid JSON-LD as warnings, not errors", () => {
    const html = '<html><body><script type="application/ld+json">{"@type": "Product", oops}</script></body></html>';
    const r = parseDocument({ body: enc(html), url: "http://127.0.0.1/p.html" });
    expect(r.details.ldInvalid).toBe(1);
    expect(r.warnings?.some((w) => w.includes("invalid JSON"))).toBe(true);
  });
});

const FIVE_MB = 5 * 1024 * 1024;
const fill = (unit: string) => unit.repeat(Math.ceil(FIVE_MB / unit.length));

describe("pathological 5 MB inputs return or throw within 2 s", () => {
  it.each([
    ["nested divs", "text/html", `<html><body>${fill("<div>")}`],
    ["unclosed tags", "text/html", `<html><body>${fill("<a href='")}`],
    ["unclosed comments", "text/html", `<html><body>${fill("<!--")}`],
    [
      "nested microdata",
      "text/html",
      `<html><body>${fill('<div itemscope itemtype="https://schema.org/Review" itemprop="review">')}`,
    ],
    ["deep JSON-LD arrays", "text/html", `<html><script type="application/ld+json">${fill("[")}</script></html>`],
    [
      "JSON-LD of commas and quotes",
      "text/html",
      `<html><script type="application/ld+json">{"a":${fill(",'\"")}</script></html>`,
    ],
    [
      "JSON-LD of whitespace before a CDATA end",
      "text/html",
      `<html><script type="application/ld+json">${fill(" \n")}x</script></html>`,
    ],
    [
      "many reviews",
      "text/html",
      `<html><script type="application/ld+json">[${fill('{"@type":"Review","reviewBody":"ok","author":"a"},')}{}]</script></html>`,
    ],
    [
      "many feed items",
      "application/xml",
      `<rss version="2.0"><channel>${fill("<item><title>t</title><description>&lt;b&gt;x&lt;/b&gt; &eacute;</description></item>")}</channel></rss>`,
    ],
    [
      "a feed item of entities",
      "application/xml",
      `<rss version="2.0"><channel><item><description>${fill("&amp;&#x41;&nbsp;&bogus;")}</description></item></channel></rss>`,
    ],
    [
      "a feed of unclosed CDATA",
      "application/xml",
      `<rss version="2.0"><channel><item><description>${fill("<![CDATA[<")}`,
    ],
    ["deep JSON", "application/json", fill("[")],
    ["a huge JSON string", "application/json", `["${fill("a")}"]`],
    ["doctype soup", "application/xml", fill("<!DOCTYPE [")],
  ])("%s", (_name, contentType, text) => {
    const body = enc(text);
    const t0 = performance.now();
    let outcome = "returned";
    try {
      parseDocument({ body, url: "http://127.0.0.1/x", contentType });
    } catch (e) {
      outcome = e instanceof ParseError ? e.code : `untyped ${String(e)}`;
    }
    const ms = performance.now() - t0;
    expect(outcome).not.toMatch(/^untyped/);
    expect(ms).toBeLessThan(2000);
  });

  it("a gzip body that inflates to 5 MB of markup", () => {
    const body = gzipSync(enc(`<rss version="2.0"><channel>${fill("<item><title>x</title></item>")}</channel></rss>`));
    const t0 = performance.now();
    const r = parseDocument({ body, url: "http://127.0.0.1/x" });
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(Number(r.details.items)).toBeGreaterThan(100_000);
  });
});
