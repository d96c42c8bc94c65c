import { describe, expect, it } from "vitest";
import { facetLinks, parseDocument, sliceByBytes } from "../../../src/collect/index.ts";
import type { SourceKind } from "../../../src/collect/types.ts";

// No openly licensed recording exists for these APIs (see the corpus README).
// The bodies below are written by us from each provider's documented response
// shape (field names and types as documented), not captured from the service:
// Algolia HN search_by_date, Apple's customer-reviews JSON feed, Trustpilot
// Business Units reviews, Yelp Fusion reviews, Tripadvisor Content API.
const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
const parse = (v: unknown, kind?: SourceKind) =>
  parseDocument({ body: enc(v), url: "https://api.example/x", contentType: "application/json", kind });

const hn = {
  hits: [
    {
      created_at: "2024-05-01T10:00:00Z",
      created_at_i: 1714557600,
      title: "Show HN: Acme",
      url: "https://acme.test",
      author: "pg",
      points: 42,
      num_comments: 3,
      story_text: null,
      comment_text: null,
      _tags: ["story", "author_pg", "story_1"],
      objectID: "1",
    },
    {
      created_at: "2024-05-01T11:00:00Z",
      created_at_i: 1714561200,
      title: null,
      author: "dang",
      points: null,
      comment_text: "<p>Great &amp; fast</p>",
      story_id: 1,
      story_title: "Show HN: Acme",
      parent_id: 1,
      _tags: ["comment", "author_dang", "story_1"],
      objectID: "2",
    },
  ],
  nbHits: 57,
  page: 0,
  nbPages: 3,
  hitsPerPage: 2,
  exhaustiveNbHits: true,
  query: "acme",
  params: "query=acme",
  processingTimeMS: 1,
};

const appstore = {
  feed: {
    author: { name: { label: "iTunes Store" }, uri: { label: "http://www.apple.com/itunes/" } },
    entry: [
      {
        author: { uri: { label: "https://itunes.apple.com/us/reviews/id1" }, name: { label: "jdoe" }, label: "" },
        updated: { label: "2024-04-30T12:00:00-07:00" },
        "im:rating": { label: "2" },
        "im:version": { label: "3.1" },
        id: { label: "1100" },
        title: { label: "Crashes" },
        content: { label: "Crashes at login.", attributes: { type: "text" } },
        link: {
          attributes: { rel: "related", href: "https://itunes.apple.com/us/review?id=42&type=Purple%20Software" },
        },
        "im:voteSum": { label: "0" },
        "im:voteCount": { label: "0" },
      },
      {
        author: { uri: { label: "https://itunes.apple.com/us/reviews/id2" }, name: { label: "amy" }, label: "" },
        updated: { label: "2024-04-29T09:00:00-07:00" },
        "im:rating": { label: "5" },
        "im:version": { label: "3.1" },
        id: { label: "1099" },
        title: { label: "Love it" },
        content: { label: "Works great.", attributes: { type: "text" } },
        "im:voteSum": { label: "1" },
        "im:voteCount": { label: "1" },
      },
    ],
    updated: { label: "2024-05-01T00:00:00-07:00" },
    rights: { label: "Copyright 2008 Apple Inc." },
    title: { label: "iTunes Store: Customer Reviews" },
    icon: { label: "http://itunes.apple.com/favicon.ico" },
    link: [
      { attributes: { rel: "alternate", type: "text/html", href: "https://apps.apple.com/app/id42" } },
      {
        attributes: {
          rel: "self",
          href: "https://itunes.apple.com/us/rss/customerreviews/page=1/id=42/sortby=mostrecent/json",
        },
      },
      {
        attributes: {
          rel: "first",
          href: "https://itunes.apple.com/us/rss/customerreviews/page=1/id=42/sortby=mostrecent/xml",
        },
      },
      {
        attributes: {
          rel: "last",
          href: "https://itunes.apple.com/us/rss/customerreviews/page=10/id=42/sortby=mostrecent/xml",
        },
      },
      {
        attributes: {
          rel: "next",
          href: "https://itunes.apple.com/us/rss/customerreviews/page=2/id=42/sortby=mostrecent/xml",
        },
      },
    ],
    id: { label: "https://itunes.apple.com/us/rss/customerreviews/page=1/id=42/sortby=mostrecent/json" },
  },
};

const trustpilot = {
  reviews: [
    {
      id: "5f0c",
      consumer: { id: "c1", displayName: "Marie" },
      stars: 1,
      title: "Livraison en retard",
      text: "Colis reçu avec 2 semaines de retard.",
      language: "fr",
      createdAt: "2024-04-02T08:00:00Z",
      updatedAt: null,
      companyReply: { text: "Nous sommes désolés.", createdAt: "2024-04-03T08:00:00Z" },
      links: [],
    },
  ],
  links: [{ href: "https://api.trustpilot.com/v1/business-units/abc/reviews?page=2", method: "GET", rel: "next-page" }],
};

const yelpReviews = {
  reviews: [
    {
      id: "xAG4O7l-t1ubbwVAlPnDKg",
      url: "https://www.yelp.com/biz/x?hrid=1",
      text: "Went back again to this place...",
      rating: 4,
      time_created: "2016-08-29 00:41:13",
      user: {
        id: "W8UK02IDdRS2GL_66fuq6w",
        profile_url: "https://www.yelp.com/user_details?userid=W8",
        image_url: null,
        name: "Ella A.",
      },
    },
  ],
  total: 3,
  possible_languages: ["en"],
};

const tripadvisor = {
  data: [
    {
      id: 9123,
      lang: "en",
      location_id: 1234,
      published_date: "2024-03-01T10:00:00Z",
      rating: 3,
      helpful_votes: 2,
      rating_image_url: "https://x/3.svg",
      url: "https://www.tripadvisor.com/ShowUserReviews-g1-d1234-r9123",
      text: "Nice view, slow service.",
      title: "Mixed",
      trip_type: "Couples",
      travel_date: "2024-02-29",
      user: { username: "traveller1" },
      subratings: {},
    },
  ],
};

describe("documented API shapes", () => {
  it("Hacker News Algolia search_by_date", () => {
    const r = parse(hn);
    expect(r.format).toBe("hn");
    expect(r.mentions.map((m) => [m.externalId, m.kind])).toEqual([
      ["1", "post"],
      ["2", "comment"],
    ]);
    expect(r.mentions[1]?.text).toBe("Great & fast");
    expect(r.paging).toEqual({ next: "1", total: 57 });
  });

  it("App Store customer reviews JSON feed", () => {
    const r = parse(appstore);
    expect(r.format).toBe("appstore");
    expect(r.mentions.map((m) => m.rating?.value)).toEqual([2, 5]);
    expect(r.mentions[0]?.publishedAt).toBe("2024-04-30T19:00:00.000Z");
    expect(r.paging?.next).toContain("page=2");
  });

  it("Trustpilot business-unit reviews", () => {
    const r = parse(trustpilot, "trustpilot");
    expect(r.mentions[0]).toMatchObject({
      externalId: "5f0c",
      rating: { value: 1, best: 5 },
      lang: "fr",
      reply: { text: "Nous sommes désolés." },
    });
    expect(r.paging?.next).toContain("page=2");
    expect(parse(trustpilot).format).toBe("trustpilot");
  });

  it("Yelp Fusion reviews", () => {
    const r = parse(yelpReviews);
    expect(r.format).toBe("yelp");
    expect(r.mentions[0]).toMatchObject({
      externalId: "xAG4O7l-t1ubbwVAlPnDKg",
      rating: { value: 4 },
      publishedAt: "2016-08-29T00:41:13.000Z",
    });
  });

  it("Tripadvisor Content API reviews", () => {
    const r = parse(tripadvisor);
    expect(r.format).toBe("tripadvisor");
    expect(r.mentions[0]).toMatchObject({
      externalId: "9123",
      rating: { value: 3 },
      experiencedAt: "2024-02-29T00:00:00.000Z",
      author: { name: "traveller1" },
    });
  });
});

describe("API details that are easy to get wrong", () => {
  it("Bluesky facets slice by UTF-8 byte offsets", () => {
    const text = "café ✨ @alice.bsky.social";
    const start = new TextEncoder().encode("café ✨ ").length;
    expect(sliceByBytes(text, start, start + "@alice.bsky.social".length)).toBe("@alice.bsky.social");
    const links = facetLinks({
      text,
      facets: [
        {
          index: { byteStart: start, byteEnd: start + 18 },
          features: [{ $type: "app.bsky.richtext.facet#mention", did: "did:plc:x" }],
        },
      ],
    });
    expect(links).toEqual([{ text: "@alice.bsky.social", did: "did:plc:x", uri: undefined, tag: undefined }]);
  });

  it("Mastodon content HTML becomes text; ids stay opaque strings", () => {
    const status = {
      id: "AQgIdalRCRfsNV6KzA",
      uri: "https://p.test/objects/1",
      content: "<p>Hello&nbsp;<a href='x'>#world</a><br>line 2</p>",
      account: { id: "9", acct: "bob" },
      visibility: "public",
      created_at: "2024-01-01T00:00:00Z",
      media_attachments: [],
    };
    const r = parse(status);
    expect(r.format).toBe("mastodon");
    expect(r.mentions[0]?.externalId).toBe("AQgIdalRCRfsNV6KzA");
    expect(r.mentions[0]?.text).toBe("Hello #world\nline 2");
  });

  it("Mastodon streaming update: the payload is JSON inside a string", () => {
    const payload = JSON.stringify({
      id: "7",
      uri: "u",
      content: "<p>hi</p>",
      account: { id: "1" },
      visibility: "public",
    });
    const r = parse({ stream: ["public"], event: "update", payload });
    expect(r.details).toMatchObject({ event: "update", payload_is_string: true, statuses: 1 });
    expect(r.mentions[0]?.text).toBe("hi");
  });
});
