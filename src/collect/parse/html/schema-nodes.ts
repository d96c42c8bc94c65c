import type { AggregateRating, RatingValue, RawMention } from "../../types.ts";
import { asArray, collapseWhitespace, hashId, htmlToText, isObject, str, toIsoDate, toNumber } from "../util.ts";

/** A schema.org thing from any syntax, shaped like JSON-LD: `@type` plus properties. */
export type Thing = Record<string, unknown>;

export function localType(t: string): string {
  const s = t.trim();
  const cut = Math.max(s.lastIndexOf("/"), s.lastIndexOf("#"), s.lastIndexOf(":"));
  return cut >= 0 ? s.slice(cut + 1) : s;
}

export function typesOf(node: Thing): string[] {
  return asArray(node["@type"] ?? node.type)
    .map((t) => (typeof t === "string" ? localType(t) : ""))
    .filter(Boolean);
}

/** Reads a property under its plain, `schema:` or full-IRI name. */
export function prop(node: Thing, name: string): unknown {
  if (name in node) return node[name];
  for (const k of Object.keys(node)) if (localType(k) === name) return node[k];
  return undefined;
}

function first(v: unknown): unknown {
  return Array.isArray(v) ? v[0] : v;
}

/** Scalar of a property that may be wrapped as a node (`{"@value": 4}`) or a list. */
export function scalar(node: Thing, name: string): unknown {
  const v = first(prop(node, name));
  if (isObject(v)) return v["@value"] ?? v.value ?? v.name;
  return v;
}

export interface AggValues {
  ratingValue?: number;
  reviewCount?: number;
  ratingCount?: number;
  bestRating?: number;
  worstRating?: number;
}

export function toCount(v: unknown): number | undefined {
  if (typeof v === "string" && /^\s*\d{1,3}(?:[,.\s]\d{3})+\s*$/.test(v)) return Number(v.replace(/[,.\s]/g, ""));
  const n = toNumber(v);
  return n === undefined ? undefined : Math.round(n);
}

export function aggValues(node: Thing): AggValues {
  return {
    ratingValue: toNumber(scalar(node, "ratingValue")),
    reviewCount: toCount(scalar(node, "reviewCount")),
    ratingCount: toCount(scalar(node, "ratingCount")),
    bestRating: toNumber(scalar(node, "bestRating")),
    worstRating: toNumber(scalar(node, "worstRating")),
  };
}

/** bestRating defaults to 5 (schema.org); a larger value than 5 implies a 10- or 100-point scale. */
export function inferBest(value: number, best: number | undefined): number {
  if (best !== undefined && best > 0) return best;
  if (value <= 5) return 5;
  if (value <= 10) return 10;
  return 100;
}

export function toRating(v: AggValues): RatingValue | undefined {
  if (v.ratingValue === undefined) return undefined;
  const best = inferBest(v.ratingValue, v.bestRating);
  const worst = v.worstRating ?? (v.ratingValue < 1 ? 0 : 1);
  if (v.ratingValue < 0 || v.ratingValue > best) return undefined;
  return { value: v.ratingValue, best, worst };
}

/** A 0 rating backed by 0 (or no) reviews is a placeholder, not a rating. */
export function toAggregate(node: Thing, itemName: string | undefined): AggregateRating | undefined {
  const v = aggValues(node);
  const r = toRating(v);
  if (!r) return undefined;
  const count = v.ratingCount ?? v.reviewCount;
  if (r.value === 0 && !count) return undefined;
  return { ...r, ...(count !== undefined ? { count } : {}), ...(itemName ? { itemName } : {}) };
}

function authorName(v: unknown): string | undefined {
  const a = first(v);
  if (typeof a === "string") return collapseWhitespace(htmlToText(a)) || undefined;
  if (isObject(a)) return str(scalar(a, "name"))?.trim() || undefined;
  return undefined;
}

export function reviewToMention(node: Thing, pageUrl: string | undefined): RawMention | undefined {
  const body = str(scalar(node, "reviewBody")) ?? str(scalar(node, "description")) ?? str(scalar(node, "text"));
  const title = str(scalar(node, "name")) ?? str(scalar(node, "headline"));
  const text = htmlToText(body ?? "");
  const rr = first(prop(node, "reviewRating"));
  const rrValues = isObject(rr) ? aggValues(rr) : undefined;
  // A 0 on a scale whose floor is not declared as 0 is a placeholder, not a rating.
  const rating =
    rrValues && !(rrValues.ratingValue === 0 && rrValues.worstRating !== 0) ? toRating(rrValues) : undefined;
  if (!text && !rating) return undefined;
  const author = authorName(prop(node, "author"));
  const publishedAt = toIsoDate(scalar(node, "datePublished") ?? scalar(node, "dateCreated"));
  const id = str(node["@id"]) ?? str(scalar(node, "url"));
  const lang = str(scalar(node, "inLanguage"));
  return {
    externalId: id ?? hashId("review", pageUrl, author, publishedAt, text.slice(0, 500), title),
    kind: "review",
    ...(pageUrl ? { url: str(scalar(node, "url")) ?? pageUrl } : {}),
    ...(title ? { title: htmlToText(title) } : {}),
    text,
    ...(author ? { author: { name: author } } : {}),
    ...(rating ? { rating } : {}),
    ...(lang ? { lang } : {}),
    ...(publishedAt ? { publishedAt } : {}),
  };
}

export interface WalkHit {
  node: Thing;
  types: string[];
  /** Name of the nearest enclosing thing, for labelling an AggregateRating. */
  parentName?: string;
}

/** Pre-order walk over nested things (arrays, @graph, property values), iterative. */
export function walkThings(roots: unknown[], visit: (hit: WalkHit) => void): void {
  const stack: Array<{ v: unknown; parentName?: string; depth: number }> = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push({ v: roots[i], depth: 0 });
  while (stack.length > 0) {
    const { v, parentName, depth } = stack.pop() as { v: unknown; parentName?: string; depth: number };
    if (depth > 64) continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], parentName, depth: depth + 1 });
      continue;
    }
    if (!isObject(v)) continue;
    const types = typesOf(v);
    if (types.length > 0) visit({ node: v, types, parentName });
    const name = str(scalar(v, "name")) ?? parentName;
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i] as string;
      if (k === "@context") continue;
      const child = v[k];
      if (typeof child === "object" && child !== null) stack.push({ v: child, parentName: name, depth: depth + 1 });
    }
  }
}
