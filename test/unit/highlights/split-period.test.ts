import { describe, expect, it } from "vitest";
import { splitPeriod } from "../../../src/db/queries/highlights.ts";
import { aspectMicros, aspectStats } from "../../../src/reports/highlights/select-trends.ts";

const d = (s: string) => new Date(s);

describe("splitPeriod: whole days from the rollups, partial days from raw rows", () => {
  it("splits a rolling 30-day period into its edges and whole days", () => {
    const p = splitPeriod(d("2026-10-24T05:09:53.678Z"), d("2026-11-23T05:09:53.678Z"));
    expect(p.full).toEqual(["2026-10-25", "2026-11-23"]);
    expect(p.edges).toEqual([
      [d("2026-10-24T05:09:53.678Z"), d("2026-10-25T00:00:00Z")],
      [d("2026-11-23T00:00:00Z"), d("2026-11-23T05:09:53.678Z")],
    ]);
  });

  it("needs no raw rows for a period on day boundaries", () => {
    expect(splitPeriod(d("2026-10-01T00:00:00Z"), d("2026-11-01T00:00:00Z"))).toEqual({
      full: ["2026-10-01", "2026-11-01"],
      edges: [],
    });
  });

  it("reads a period inside one day, or spanning no whole day, from raw rows only", () => {
    expect(splitPeriod(d("2026-10-01T03:00:00Z"), d("2026-10-01T09:00:00Z"))).toEqual({
      full: null,
      edges: [[d("2026-10-01T03:00:00Z"), d("2026-10-01T09:00:00Z")]],
    });
    expect(splitPeriod(d("2026-10-01T03:00:00Z"), d("2026-10-02T09:00:00Z")).full).toBeNull();
    expect(splitPeriod(d("2026-10-02T00:00:00Z"), d("2026-10-02T00:00:00Z"))).toEqual({ full: null, edges: [] });
  });

  it("handles days before 1970", () => {
    expect(splitPeriod(d("1969-12-30T12:00:00Z"), d("1970-01-02T00:00:00Z")).full).toEqual([
      "1969-12-31",
      "1970-01-02",
    ]);
  });
});

describe("aspect sums in whole millionths", () => {
  it("rounds half up and gives the same sum in any order", () => {
    expect(aspectMicros(0.0000005)).toBe(1);
    expect(aspectMicros(-0.0000005)).toBe(0);
    expect(aspectMicros(0.1234564)).toBe(123456);
    const scores = [0.1, 0.2, 0.3, -0.123456789, 0.333333333, 0.7];
    const mention = (i: number, score: number) =>
      ({
        id: `m${i}`,
        publishedAt: new Date(Date.UTC(2026, 0, 1 + i)),
        collectedAt: new Date(Date.UTC(2026, 0, 1 + i)),
        analysis: { aspects: [{ aspect: "offer", polarity: "positive", score, evidence: [] }] },
      }) as unknown as Parameters<typeof aspectStats>[0][number];
    const forward = aspectStats(scores.map((s, i) => mention(i, s))).get("offer")!;
    const backward = aspectStats(scores.map((s, i) => mention(i, s)).reverse()).get("offer")!;
    expect(forward).toEqual(backward);
    expect(forward.count).toBe(6);
    expect(forward.sum).toBe((100000 + 200000 + 300000 - 123457 + 333333 + 700000) / 1e6);
  });

  it("ignores scores outside the analyser's range", () => {
    const m = {
      id: "x",
      publishedAt: new Date(0),
      collectedAt: new Date(0),
      analysis: {
        aspects: [
          { aspect: "offer", score: 3 },
          { aspect: "offer", score: Number.NaN },
          { aspect: "offer", score: 0.5 },
        ],
      },
    } as unknown as Parameters<typeof aspectStats>[0][number];
    expect(aspectStats([m]).get("offer")).toEqual({ count: 1, sum: 0.5, latest: 0 });
  });
});
