import { describe, expect, it } from "vitest";
import { extractStructuredData, parseDocument } from "../../../src/collect/index.ts";

// Small hand-written pages, one per trap listed in the corpus README.
const ld = (json: string) =>
  `<html><head><script type="application/ld+json">${json}</script></head><body></body></html>`;
const sd = (html: string) => extractStructuredData(html, "https://shop.test/p");

describe("JSON-LD traps", () => {
  it.each([
    ["trailing comma", '{"@type":"AggregateRating","ratingValue":4.5,"reviewCount":10,}'],
    ["trailing semicolon", '{"@type":"AggregateRating","ratingValue":4.5,"reviewCount":10};'],
    ["CDATA wrapper", '//<![CDATA[\n{"@type":"AggregateRating","ratingValue":4.5,"reviewCount":10}\n//]]>'],
    ["JS comments", '{"@type":"AggregateRating", // why\n"ratingValue":4.5, /* x */ "reviewCount":10}'],
    [
      "single quotes and \\' escapes",
      "{'@type':'AggregateRating','ratingValue':'4.5','reviewCount':10,'name':'l\\'avis'}",
    ],
    [
      "entity-encoded JSON",
      "{&quot;@type&quot;:&quot;AggregateRating&quot;,&quot;ratingValue&quot;:4.5,&quot;reviewCount&quot;:10}",
    ],
  ])("%s is repaired", (_name, json) => {
    const r = sd(ld(json));
    expect(r.ldInvalid).toBe(1);
    expect(r.ratings).toEqual([{ value: 4.5, best: 5, worst: 1, count: 10 }]);
    expect(r.warnings.length).toBeGreaterThan(0);
  });

  it("raw newlines in strings count as control characters, not invalid", () => {
    const r = sd(ld('{"@type":"Review","reviewBody":"line 1\nline\t2","reviewRating":{"ratingValue":"4"}}'));
    expect([r.ldInvalid, r.ldRawControlChars]).toEqual([0, 1]);
    expect(r.mentions[0]?.text).toBe("line 1 line 2");
  });

  it("@graph, top-level arrays, @type arrays, string and comma-decimal values", () => {
    const json =
      '[{"@graph":[{"@type":["Product","Thing"],"name":"P","aggregateRating":{"@type":"AggregateRating","ratingValue":"4,2","ratingCount":"1,234","bestRating":"5"},"review":[{"@type":"Review","author":"Ann","datePublished":"2024-01-02","reviewBody":"Bon &amp; pas cher","reviewRating":{"@type":"Rating","ratingValue":"5"}}]}]}]';
    const r = sd(ld(json));
    expect(r.counts.ld.reviews).toBe(1);
    expect(r.ratings).toEqual([{ value: 4.2, best: 5, worst: 1, count: 1234, itemName: "P" }]);
    expect(r.mentions[0]).toMatchObject({
      text: "Bon & pas cher",
      author: { name: "Ann" },
      publishedAt: "2024-01-02T00:00:00.000Z",
      rating: { value: 5, best: 5 },
    });
  });

  it("a 0 rating with 0 reviews is no rating, but is still counted", () => {
    const r = sd(ld('{"@type":"AggregateRating","ratingValue":0,"reviewCount":0}'));
    expect(r.counts.ld.aggregates).toHaveLength(1);
    expect(r.ratings).toEqual([]);
  });

  it("10- and 4-point scales keep their best value", () => {
    const r = sd(
      ld(
        '[{"@type":"AggregateRating","ratingValue":8,"reviewCount":3},{"@type":"AggregateRating","ratingValue":3,"bestRating":4,"reviewCount":2}]',
      ),
    );
    expect(r.ratings.map((x) => [x.value, x.best])).toEqual([
      [8, 10],
      [3, 4],
    ]);
  });
});

describe("microdata and RDFa", () => {
  it("reads <meter>, itemref and merges duplicates across syntaxes", () => {
    const html = `<html><body>
      <div itemscope itemtype="https://schema.org/Product" itemref="agg"><span itemprop="name">P</span></div>
      <div id="agg" itemprop="aggregateRating" itemscope itemtype="https://schema.org/AggregateRating">
        <meter itemprop="ratingValue" min="0" value="3.5" max="5">3.5</meter> (<span itemprop="reviewCount">11</span>)</div>
      <div vocab="https://schema.org/" typeof="AggregateRating"><span property="ratingValue">3.5</span><span property="reviewCount">11</span></div>
      <script type="application/ld+json">{"@type":"AggregateRating","ratingValue":"3.5","reviewCount":"11"}</script>
    </body></html>`;
    const r = sd(html);
    expect([r.counts.md.aggregates.length, r.counts.rdfa.aggregates.length, r.counts.ld.aggregates.length]).toEqual([
      1, 1, 1,
    ]);
    expect(r.counts.md.aggregates[0]).toMatchObject({ ratingValue: 3.5, reviewCount: 11 });
    expect(r.ratings).toHaveLength(1);
    expect(parseDocument({ body: new TextEncoder().encode(html), url: "https://shop.test/p" }).format).toBe(
      "jsonld+microdata+rdfa",
    );
  });
});
