import { load } from "cheerio";
import type { AggregateRating, RawMention } from "../../types.ts";
import { maxNesting, parseAttrs, scanTags } from "../markup-scan.ts";
import { type DomNode, rootNode } from "./dom.ts";
import { type LdBlock, parseJsonLdBlocks } from "./jsonld.ts";
import { extractMicrodata } from "./microdata.ts";
import { extractNextDataReviews } from "./next-data.ts";
import { extractRdfa } from "./rdfa.ts";
import { type AggValues, aggValues, reviewToMention, type Thing, toAggregate, walkThings } from "./schema-nodes.ts";

/** Deeper markup is not given to the DOM parser (quadratic there); microdata/RDFa are then skipped. */
export const MAX_DOM_NESTING = 1500;
/** Review nodes turned into mentions per page; counts go on past it. */
export const MAX_PAGE_REVIEWS = 5000;

export const SYNTAXES = ["ld", "md", "rdfa"] as const;
export type Syntax = (typeof SYNTAXES)[number];

/** Node counts per syntax, before any merging: what a markup audit sees. */
export interface SyntaxCounts {
  reviews: number;
  aggregates: AggValues[];
}

export interface StructuredData {
  ldBlocks: number;
  ldInvalid: number;
  ldRawControlChars: number;
  ldRepaired: number;
  /** `ld` counts valid blocks only; `ldRepaired` the blocks we could only read after repair. */
  counts: Record<Syntax | "ldRepaired", SyntaxCounts>;
  nextData: boolean;
  truncated: boolean;
  ratings: AggregateRating[];
  mentions: RawMention[];
  warnings: string[];
  syntaxesFound: string[];
  /** `<link rel="next">` (or `<a rel="next">`) as written in the page. */
  nextHref?: string;
}

function countAndCollect(
  roots: unknown[],
  pageUrl: string | undefined,
  ratings: AggregateRating[],
  mentions: RawMention[],
): SyntaxCounts {
  const counts: SyntaxCounts = { reviews: 0, aggregates: [] };
  walkThings(roots, ({ node, types, parentName }) => {
    if (types.includes("AggregateRating")) {
      counts.aggregates.push(aggValues(node));
      const agg = toAggregate(node, parentName);
      if (agg) ratings.push(agg);
    }
    if (types.includes("Review")) counts.reviews++;
    if (types.some((t) => t === "Review" || (t.endsWith("Review") && t.length > 6))) {
      const m = mentions.length < MAX_PAGE_REVIEWS ? reviewToMention(node as Thing, pageUrl) : undefined;
      if (m) mentions.push(m);
    }
  });
  return counts;
}

function mergeRatings(list: AggregateRating[]): AggregateRating[] {
  const seen = new Map<string, AggregateRating>();
  for (const r of list) {
    const key = `${Math.round((r.value / r.best) * 50)}|${r.count ?? ""}`;
    if (!seen.has(key)) seen.set(key, r);
  }
  return [...seen.values()];
}

function mergeMentions(list: RawMention[]): RawMention[] {
  const seen = new Map<string, RawMention>();
  for (const m of list) {
    const key = [
      m.author?.name ?? "",
      m.publishedAt?.slice(0, 10) ?? "",
      m.text.slice(0, 200),
      m.rating?.value ?? "",
    ].join("|");
    if (!seen.has(key)) seen.set(key, m);
  }
  return [...seen.values()];
}

function looksTruncated(html: string): boolean {
  const tail = html.slice(-4096).toLowerCase();
  const opened = /<html[\s>]/i.test(html.slice(0, 8192)) || /<body[\s>]/i.test(html.slice(0, 65536));
  return opened && !tail.includes("</html>") && !tail.includes("</body>");
}

/**
 * schema.org reviews and ratings from JSON-LD, microdata and RDFa. Invalid
 * JSON-LD blocks are reported as warnings, never thrown; the returned mentions
 * and ratings are merged across syntaxes while `counts` keeps the raw numbers.
 */
interface Scanned {
  ldRaw: string[];
  nextDataRaw?: string;
  nextHref?: string;
}

function scanPage(html: string): Scanned {
  const out: Scanned = { ldRaw: [] };
  scanTags(html, (tag, content) => {
    if (tag.closing) return true;
    if (tag.name === "script") {
      const a = parseAttrs(tag.rawAttrs);
      if ((a.type ?? "").trim().toLowerCase().startsWith("application/ld+json")) out.ldRaw.push(content ?? "");
      else if (a.id === "__NEXT_DATA__" && out.nextDataRaw === undefined) out.nextDataRaw = content ?? "";
    } else if ((tag.name === "link" || tag.name === "a") && !out.nextHref && /next/i.test(tag.rawAttrs)) {
      const a = parseAttrs(tag.rawAttrs);
      if ((a.rel ?? "").toLowerCase().split(/\s+/).includes("next") && a.href) out.nextHref = a.href;
    }
    return true;
  });
  return out;
}

/**
 * schema.org reviews and ratings from JSON-LD, microdata and RDFa. Invalid
 * JSON-LD blocks are reported as warnings, never thrown; the returned mentions
 * and ratings are merged across syntaxes while `counts` keeps the raw numbers.
 */
export function extractStructuredData(html: string, pageUrl?: string): StructuredData {
  const warnings: string[] = [];
  const ratings: AggregateRating[] = [];
  const mentions: RawMention[] = [];
  const scanned = scanPage(html);

  const blocks: LdBlock[] = parseJsonLdBlocks(scanned.ldRaw);
  const valid = blocks.filter((b) => b.status === "valid" || b.status === "control_chars").map((b) => b.value);
  const repaired = blocks.filter((b) => b.status === "repaired").map((b) => b.value);
  for (const b of blocks) {
    if (b.status === "repaired")
      warnings.push(`json-ld block ${b.index} is invalid JSON (${b.error}); read after repair`);
    if (b.status === "invalid") warnings.push(`json-ld block ${b.index} is invalid JSON (${b.error}); skipped`);
  }
  const ld = countAndCollect(valid, pageUrl, ratings, mentions);
  const ldRepaired = countAndCollect(repaired, pageUrl, ratings, mentions);

  let mdRoots: unknown[] = [];
  let rdfaRoots: unknown[] = [];
  const lower = html.toLowerCase();
  if (lower.includes("itemscope") || lower.includes("typeof")) {
    const depth = maxNesting(html);
    if (depth > MAX_DOM_NESTING) warnings.push(`markup nested ${depth} deep; microdata and RDFa not read`);
    else {
      const root: DomNode = rootNode(load(html, { xml: { xmlMode: false, decodeEntities: true } }));
      mdRoots = extractMicrodata(root);
      rdfaRoots = extractRdfa(root);
    }
  }
  const md = countAndCollect(mdRoots, pageUrl, ratings, mentions);
  const rdfa = countAndCollect(rdfaRoots, pageUrl, ratings, mentions);

  const nextData = scanned.nextDataRaw !== undefined;
  if (scanned.nextDataRaw !== undefined) {
    const extra = extractNextDataReviews(scanned.nextDataRaw, pageUrl);
    ratings.push(...extra.ratings);
    mentions.push(...extra.mentions);
  }
  const nextHref = scanned.nextHref;
  const truncated = looksTruncated(html);
  if (truncated) warnings.push("document ends before </body></html>: it may be truncated");

  const syntaxesFound: string[] = [];
  if (ld.reviews + ld.aggregates.length + ldRepaired.reviews + ldRepaired.aggregates.length > 0)
    syntaxesFound.push("jsonld");
  if (md.reviews + md.aggregates.length > 0) syntaxesFound.push("microdata");
  if (rdfa.reviews + rdfa.aggregates.length > 0) syntaxesFound.push("rdfa");
  if (nextData && (ratings.length > 0 || mentions.length > 0) && syntaxesFound.length === 0)
    syntaxesFound.push("nextdata");

  return {
    ldBlocks: blocks.length,
    ldInvalid: blocks.filter((b) => b.status === "invalid" || b.status === "repaired").length,
    ldRawControlChars: blocks.filter((b) => b.status === "control_chars").length,
    ldRepaired: repaired.length,
    counts: { ld, ldRepaired, md, rdfa },
    nextData,
    truncated,
    ratings: mergeRatings(ratings),
    mentions: mergeMentions(mentions),
    warnings,
    syntaxesFound,
    ...(nextHref ? { nextHref } : {}),
  };
}
