import { describe, expect, it } from "vitest";
import { createMemoryPoliteness } from "../../../src/collect/fetch/politeness.ts";
import { backoffDelay, parseRetryAfter } from "../../../src/collect/fetch/retry.ts";

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-11-23T10:00:00Z");
  it.each([
    ["120", 120_000],
    ["0", 0],
    [" 5 ", 5_000],
    ["Mon, 23 Nov 2026 10:00:30 GMT", 30_000],
    ["Mon, 23 Nov 2026 09:59:00 GMT", 0], // a date in the past means "now"
  ])("%j -> %d ms", (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });

  it.each([undefined, "", "soon", "-5", "1.5"])("%j is not a Retry-After", (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});

describe("backoffDelay", () => {
  const options = { count: 5, baseDelayMs: 100, maxDelayMs: 1_000 };
  it("doubles the ceiling per attempt, with half of it random, up to the maximum", () => {
    expect([0, 1, 2, 3, 4].map((n) => backoffDelay(n, options, () => 1))).toEqual([100, 200, 400, 800, 1_000]);
    expect([0, 1, 2, 3, 4].map((n) => backoffDelay(n, options, () => 0))).toEqual([50, 100, 200, 400, 500]);
  });
});

describe("memory politeness store", () => {
  it("spaces slots, refuses one beyond maxWait without taking it, and honours blockFor", async () => {
    let clock = 1_000;
    const store = createMemoryPoliteness(() => clock);
    expect(await store.reserve("h", 100, 50)).toEqual({ granted: true, waitMs: 0 });
    expect(await store.reserve("h", 100, 50)).toEqual({ granted: false, waitMs: 100 });
    expect(await store.reserve("other", 100, 50)).toEqual({ granted: true, waitMs: 0 });
    clock += 60;
    expect(await store.reserve("h", 100, 50)).toEqual({ granted: true, waitMs: 40 });
    await store.blockFor("h", 5_000);
    expect(await store.reserve("h", 100, 50)).toEqual({ granted: false, waitMs: 5_000 });
    clock += 5_000;
    expect(await store.reserve("h", 100, 50)).toEqual({ granted: true, waitMs: 0 });
  });
});
