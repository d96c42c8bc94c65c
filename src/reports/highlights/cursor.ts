/**
 * `since` cursors. Items are ordered by (publishedAt, id); a cursor is the
 * position of the last item a client received, so the next page starts
 * strictly after it: no duplicates, and no gaps when two items share a date.
 */
import { AppError } from "../../errors.ts";
import type { HighlightItem } from "./types.ts";

export interface HighlightCursor {
  publishedAt: Date;
  id: string;
}

const VERSION = "v1";

export function compareItems(a: HighlightCursor, b: HighlightCursor): number {
  const d = a.publishedAt.getTime() - b.publishedAt.getTime();
  if (d !== 0) return d;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Ascending (publishedAt, id); returns a new array. */
export function sortItems<T extends HighlightCursor>(items: readonly T[]): T[] {
  return [...items].sort(compareItems);
}

/** Opaque base64url token; clients must not parse it (the format may change with its version). */
export function encodeCursor(c: HighlightCursor): string {
  return Buffer.from(`${VERSION}|${c.publishedAt.getTime()}|${c.id}`, "utf8").toString("base64url");
}

/** Throws AppError("bad_request") on anything encodeCursor could not have produced. */
export function decodeCursor(token: string): HighlightCursor {
  const bad = () => new AppError("bad_request", "invalid cursor", { cursor: token.slice(0, 64) });
  if (!/^[A-Za-z0-9_-]{1,512}$/.test(token)) throw bad();
  const [version, ms, ...rest] = Buffer.from(token, "base64url").toString("utf8").split("|");
  const id = rest.join("|");
  if (version !== VERSION || !ms || !/^-?\d{1,16}$/.test(ms) || id.length === 0) throw bad();
  const publishedAt = new Date(Number(ms));
  if (Number.isNaN(publishedAt.getTime())) throw bad();
  return { publishedAt, id };
}

export interface HighlightPage {
  items: HighlightItem[];
  /** Pass back as `since`; equals the incoming cursor when nothing new came, so polling never loses its place. */
  nextCursor: string | null;
}

/** Items strictly after `since` (a token or decoded cursor), oldest first, at most `limit`. */
export function itemsSince(
  items: readonly HighlightItem[],
  since: string | HighlightCursor | null | undefined,
  limit = 50,
): HighlightPage {
  const cursor = typeof since === "string" ? decodeCursor(since) : (since ?? null);
  const after = sortItems(items).filter((i) => cursor === null || compareItems(i, cursor) > 0);
  const page = after.slice(0, Math.max(0, limit));
  const last = page[page.length - 1];
  const nextCursor = last ? encodeCursor(last) : cursor ? encodeCursor(cursor) : null;
  return { items: page, nextCursor };
}
