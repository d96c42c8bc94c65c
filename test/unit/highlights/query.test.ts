import { describe, expect, it } from "vitest";
import { HighlightsQuery, previousPeriod, resolvePeriod } from "../../../src/reports/highlights/query.ts";

const now = new Date("2026-11-23T10:00:00Z");

describe("highlights query", () => {
  it("defaults to json, 50 items, the last 7 days", () => {
    const q = HighlightsQuery.parse({});
    expect(q).toMatchObject({ format: "json", locale: "en", limit: 50, days: 7 });
    const p = resolvePeriod(q, now);
    expect(p).toEqual({ from: new Date("2026-11-16T10:00:00Z"), to: now });
    expect(previousPeriod(p)).toEqual({ from: new Date("2026-11-09T10:00:00Z"), to: new Date("2026-11-16T10:00:00Z") });
  });

  it("reads query-string numbers and explicit bounds", () => {
    const q = HighlightsQuery.parse({
      format: "rss",
      limit: "10",
      from: "2026-11-01T00:00:00Z",
      to: "2026-11-08T00:00:00+01:00",
    });
    expect(q.limit).toBe(10);
    expect(resolvePeriod(q, now)).toEqual({
      from: new Date("2026-11-01T00:00:00Z"),
      to: new Date("2026-11-07T23:00:00Z"),
    });
  });

  it.each([
    [{ format: "xml" }, "format"],
    [{ limit: "0" }, "limit"],
    [{ limit: "500" }, "limit"],
    [{ from: "yesterday" }, "from"],
    [{ from: "2026-11-08T00:00:00Z", to: "2026-11-01T00:00:00Z" }, "from"],
  ])("rejects %j at %s", (input, path) => {
    const r = HighlightsQuery.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => String(i.path[0]))).toContain(path);
  });
});
