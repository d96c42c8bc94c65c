import { describe, expect, it } from "vitest";
import { AppError } from "../../../src/errors.ts";
import { decodeCursor, encodeCursor, itemsSince } from "../../../src/reports/highlights/cursor.ts";
import { highlightId } from "../../../src/reports/highlights/stable-id.ts";
import type { HighlightItem } from "../../../src/reports/highlights/types.ts";

function item(n: number, at: string): HighlightItem {
  return {
    id: highlightId("best_quote", "b1", `m${n}`),
    type: "best_quote",
    businessId: "b1",
    title: `t${n}`,
    summary: "s",
    publishedAt: new Date(at),
    score: 0.5,
  };
}

// Several items share a date on purpose: a cursor on the date alone would skip or repeat them.
const items = [
  item(1, "2026-11-01T10:00:00Z"),
  item(2, "2026-11-01T10:00:00Z"),
  item(3, "2026-11-01T10:00:00Z"),
  item(4, "2026-11-02T08:00:00Z"),
  item(5, "2026-11-03T08:00:00Z"),
  item(6, "2026-11-03T08:00:00Z"),
  item(7, "2026-11-04T23:59:59Z"),
];

describe("since cursors", () => {
  it("round-trips an opaque base64url token", () => {
    const c = { publishedAt: new Date("2026-11-01T10:00:00.123Z"), id: "hl_abc|with-bar" };
    const token = encodeCursor(c);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(token)).toEqual(c);
  });

  it.each([2, 3, 7, 100])("pages of %i cover every item once, in order", (limit) => {
    const shuffled = [...items].reverse();
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 20; guard++) {
      const page = itemsSince(shuffled, cursor, limit);
      if (page.items.length === 0) break;
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    }
    const expected = [...items]
      .sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime() || (a.id < b.id ? -1 : 1))
      .map((i) => i.id);
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(items.length);
  });

  it("keeps its place when nothing new arrived, and sees items added later", () => {
    const first = itemsSince(items, null, 100);
    const again = itemsSince(items, first.nextCursor, 100);
    expect(again.items).toEqual([]);
    expect(again.nextCursor).toBe(first.nextCursor);
    const later = item(8, "2026-11-05T00:00:00Z");
    expect(itemsSince([...items, later], again.nextCursor, 100).items.map((i) => i.id)).toEqual([later.id]);
  });

  it.each([
    "",
    "not base64!",
    Buffer.from("v2|1|x").toString("base64url"),
    Buffer.from("v1|abc|x").toString("base64url"),
    Buffer.from("v1|1|").toString("base64url"),
  ])("rejects the malformed cursor %j with bad_request", (token) => {
    try {
      decodeCursor(token);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe("bad_request");
    }
  });
});
