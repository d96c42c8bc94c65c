import { createHash } from "node:crypto";
import type { AggregateRating } from "../types.ts";
import { decodeEntities } from "./entities.ts";
import { findChar, findSeq } from "./markup-scan.ts";

/** Numbers as pages write them: 4, "4.5", "4,5", " 4.5 / 5 ". NaN and blanks give undefined. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  const m = /-?\d+(?:[.,]\d+)?/.exec(value.trim().replace(/\s+/g, ""));
  if (!m) return undefined;
  const n = Number(m[0].replace(",", "."));
  return Number.isFinite(n) ? n : undefined;
}

export function hashId(...parts: Array<string | undefined>): string {
  return createHash("sha256")
    .update(parts.map((p) => p ?? "").join("\u0000"))
    .digest("hex")
    .slice(0, 32);
}

export function collapseWhitespace(s: string): string {
  return s.replace(/[\s\u00a0]+/g, " ").trim();
}

export const MAX_TEXT_INPUT = 200_000;

const DROP_TAGS = new Set(["script", "style", "noscript", "template"]);
const BREAK_TAGS = new Set([
  "br",
  "p",
  "div",
  "li",
  "tr",
  "hr",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "pre",
]);

/** Removes tags in one forward pass (indexOf only), so unclosed `<` or `<!--` cannot go quadratic. */
function stripTags(html: string): string {
  let lowerCache: string | undefined;
  const out: string[] = [];
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = findChar(html, 60, i);
    if (lt < 0) {
      out.push(html.slice(i));
      break;
    }
    out.push(html.slice(i, lt));
    if (html.startsWith("<!--", lt)) {
      const end = findSeq(html, "-->", lt + 4);
      if (end < 0) break;
      i = end + 3;
      continue;
    }
    const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/.exec(html.slice(lt, lt + 40));
    if (!m) {
      out.push("<");
      i = lt + 1;
      continue;
    }
    const gt = findChar(html, 62, lt);
    if (gt < 0) break;
    const name = (m[2] as string).toLowerCase();
    if (!m[1] && DROP_TAGS.has(name)) {
      lowerCache ??= html.toLowerCase();
      const close = findSeq(lowerCache, `</${name}`, gt);
      const closeEnd = close < 0 ? -1 : findChar(html, 62, close);
      if (closeEnd < 0) break;
      i = closeEnd + 1;
      out.push(" ");
      continue;
    }
    out.push(BREAK_TAGS.has(name) ? "\n" : "");
    i = gt + 1;
  }
  return out.join("");
}

/**
 * HTML (or text carrying entities) to plain text without building a DOM:
 * feeds can carry thousands of snippets per document.
 */
export function htmlToText(input: string | undefined | null): string {
  if (!input) return "";
  // No review or post is this long; the cap bounds the work on hostile input.
  const html = input.length > MAX_TEXT_INPUT ? input.slice(0, MAX_TEXT_INPUT) : input;
  if (!/[<&]/.test(html)) return collapseWhitespace(html);
  const stripped = html.includes("<") ? stripTags(html) : html;
  return decodeEntities(stripped).split("\n").map(collapseWhitespace).filter(Boolean).join("\n");
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function asArray(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

export function str(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return undefined;
}

/** ISO 8601 when the input is a date we can read, else undefined (never "Invalid Date"). */
export function toIsoDate(v: unknown): string | undefined {
  if (typeof v === "number" && Number.isFinite(v)) {
    const ms = v < 1e11 ? v * 1000 : v;
    return new Date(ms).toISOString();
  }
  const s = str(v)?.trim();
  if (!s) return undefined;
  const t = Date.parse(s);
  if (!Number.isNaN(t)) return new Date(t).toISOString();
  const d = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(s);
  if (d) return new Date(`${d[1]}-${d[2]}-${d[3]}T${d[4]}:${d[5]}:${d[6] ?? "00"}Z`).toISOString();
  return undefined;
}

export function resolveUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href.trim(), base).toString();
  } catch {
    return href.trim() || undefined;
  }
}

/** First occurrence of each key, order kept. */
export function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(item);
  }
  return out;
}

/**
 * A platform's own rating on a 1–5 scale as an aggregate, or none: a rating of 0
 * with no reviews means "not rated yet", not zero stars.
 */
export function platformRating(
  value: number | undefined,
  count: number | undefined,
  itemName?: string,
): AggregateRating[] {
  if (value === undefined || (value === 0 && !count)) return [];
  return [{ value, best: 5, worst: 1, ...(count !== undefined ? { count } : {}), ...(itemName ? { itemName } : {}) }];
}
