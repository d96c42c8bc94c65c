import { describe, expect, it } from "vitest";
import { discoverSources } from "../../../src/collect/index.ts";

const enc = (s: string) => new TextEncoder().encode(s);

const page = `<!DOCTYPE html><html><head>
<link rel="alternate" type="application/rss+xml" href="/feed.xml">
<link rel="alternate" type="application/feed+json" href="https://blog.acme.test/feed.json">
<link rel="alternate" hreflang="fr" href="/fr/">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"LocalBusiness","name":"Acme","aggregateRating":{"@type":"AggregateRating","ratingValue":"4,3","reviewCount":"120"}}</script>
</head><body>
<a href="https://apps.apple.com/fr/app/acme/id1234567890">App</a>
<a href="https://fr.trustpilot.com/review/acme.test?page=2">Trustpilot</a>
<a href="https://www.google.com/maps/search/?api=1&query=Acme&query_place_id=ChIJN1t_tDeuEmsRUsoyG83frY4">Maps</a>
<a href="https://www.yelp.fr/biz/acme-paris-2">Yelp</a>
<a href="https://www.tripadvisor.fr/Restaurant_Review-g187147-d1234567-Reviews-Acme-Paris.html">TA</a>
<a rel="me" href="https://mastodon.social/@acme">Mastodon</a>
<a href="https://bsky.app/profile/acme.bsky.social">Bluesky</a>
<a href="https://medium.com/@acme">Medium is not Mastodon</a>
</body></html>`;

describe("discoverSources", () => {
  const r = discoverSources({ url: "https://www.acme.test/", body: enc(page), contentType: "text/html" });
  const kinds = (k: string) => r.sources.filter((s) => s.kind === k);

  it("proposes the page itself for its review markup", () => {
    expect(kinds("web")[0]).toMatchObject({ url: "https://www.acme.test/", confidence: "high" });
    expect(kinds("web")[0]?.reason).toMatch(/4\.3\/5 from 120 reviews/);
  });

  it("finds advertised feeds, resolved against the page", () => {
    expect(kinds("feed").map((s) => s.url)).toEqual([
      "https://www.acme.test/feed.xml",
      "https://blog.acme.test/feed.json",
    ]);
  });

  it("recognises platform identifiers in links", () => {
    expect(kinds("appstore")[0]?.options).toEqual({ appId: "1234567890", country: "fr" });
    expect(kinds("trustpilot")[0]?.url).toBe("https://www.trustpilot.com/review/acme.test");
    expect(kinds("google-places")[0]?.options).toEqual({ placeId: "ChIJN1t_tDeuEmsRUsoyG83frY4" });
    expect(kinds("yelp")[0]?.options).toEqual({ alias: "acme-paris-2" });
    expect(kinds("tripadvisor")[0]?.options).toEqual({ locationId: "1234567" });
    expect(kinds("mastodon").map((s) => s.url)).toEqual(["https://mastodon.social"]);
    expect(kinds("bluesky")[0]?.query).toBe("acme.bsky.social");
  });

  it("adds low-confidence domain searches", () => {
    expect(kinds("hackernews")[0]).toMatchObject({ query: "acme.test", confidence: "low" });
  });

  it("treats a feed URL as a feed source", () => {
    const f = discoverSources({
      url: "https://acme.test/rss",
      body: enc('<?xml version="1.0"?><rss version="2.0"><channel/></rss>'),
    });
    expect(f.sources[0]).toMatchObject({ kind: "feed", url: "https://acme.test/rss" });
  });

  it("works from a platform URL alone", () => {
    const t = discoverSources({ url: "https://www.trustpilot.com/review/acme.test", body: new Uint8Array() });
    expect(t.sources.map((s) => s.kind)).toEqual(["trustpilot"]);
  });
});
