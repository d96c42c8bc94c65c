/** Shared runner of the golden sentence files (one per language). */
import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/analysis/index.ts";

/** |score| a "strong" case must reach. */
export const STRONG = 0.45;
/** "lean": a mixed text whose contrast decides the sign; the label may stay neutral. */
export type GoldenCase = [text: string, label: "negative" | "neutral" | "positive", strength?: "strong" | "lean"];

export function runGolden(title: string, lang: "fr" | "en", cases: GoldenCase[]) {
  describe(title, () => {
    it("has about a hundred cases", () => {
      expect(cases.length).toBeGreaterThanOrEqual(95);
    });
    it.each(cases)("%s → %s", (text, label, strength) => {
      const a = analyze(text, { lang });
      if (strength === "lean") {
        expect(["neutral", label]).toContain(a.sentiment.label);
        expect(Math.sign(a.sentiment.score)).toBe(label === "positive" ? 1 : -1);
        return;
      }
      expect(a.sentiment.label).toBe(label);
      if (strength === "strong") expect(Math.abs(a.sentiment.score)).toBeGreaterThanOrEqual(STRONG);
    });
    it(`detects ${lang} without a hint on these sentences`, () => {
      const longer = cases.filter(([t]) => t.split(" ").length >= 6);
      const ok = longer.filter(([t]) => analyze(t).lang === lang).length;
      expect(ok / longer.length).toBeGreaterThan(0.9);
    });
  });
}
