import { describe, expect, it } from "vitest";
import * as analysis from "../../../src/analysis/index.ts";
import { ANALYZER_VERSION, analyze } from "../../../src/analysis/index.ts";
import { ASPECTS, EMOTIONS, TOUCHPOINTS } from "../../../src/domain.ts";

describe("analyze() contract", () => {
  it("exports only analyze, ANALYZER_VERSION and warmLanguageDetector at run time", () => {
    expect(Object.keys(analysis).sort()).toEqual(["ANALYZER_VERSION", "analyze", "warmLanguageDetector"]);
    expect(ANALYZER_VERSION).toMatch(/^\d+\.\d+\.\d+\+lex\./);
  });

  it("returns the documented shape", () => {
    const a = analyze("Service client injoignable depuis trois semaines. Par contre le site est pratique.");
    expect(a.lang).toBe("fr");
    expect(a.version).toBe(ANALYZER_VERSION);
    expect(a.sentiment.score).toBeGreaterThanOrEqual(-1);
    expect(a.sentiment.score).toBeLessThanOrEqual(1);
    expect(["negative", "neutral", "positive"]).toContain(a.sentiment.label);
    expect(a.sentiment.confidence).toBeGreaterThan(0);
    expect(a.sentiment.confidence).toBeLessThanOrEqual(1);
    for (const [e, v] of Object.entries(a.emotions)) {
      expect(EMOTIONS).toContain(e);
      expect(v).toBeGreaterThan(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    for (const x of a.aspects) {
      expect(ASPECTS).toContain(x.aspect);
      expect(["positive", "negative", "mixed"]).toContain(x.polarity);
      expect(x.evidence.length).toBeGreaterThan(0);
    }
    for (const t of a.touchpoints) expect(TOUCHPOINTS).toContain(t);
    expect(a.touchpoints).toEqual(expect.arrayContaining(["remote", "digital"]));
    expect(a.sentences).toHaveLength(2);
    expect(a.sentences[0]?.text).toBe("Service client injoignable depuis trois semaines.");
    expect(a.ratingMismatch).toBeUndefined();
  });

  it("explains scores with evidence: matched entries and the rules applied", () => {
    const a = analyze("Je ne suis pas très satisfait, mais le conseiller était vraiment aimable.", { lang: "fr" });
    const ev = a.sentences.flatMap((s) => s.evidence);
    const satisfait = ev.find((e) => e.term === "satisfait");
    expect(satisfait?.base).toBeGreaterThan(0);
    expect(satisfait?.value).toBeLessThan(0);
    expect(satisfait?.rules.join(" ")).toMatch(/negated by '(ne|pas)'/);
    expect(satisfait?.rules.join(" ")).toMatch(/before contrast 'mais'/);
    const aimable = ev.find((e) => e.term === "aimable");
    expect(aimable?.rules.join(" ")).toMatch(/intensified by 'vraiment'/);
    expect(aimable?.rules.join(" ")).toMatch(/after contrast 'mais'/);
  });

  it("keeps sinistre neutral and reads cher as expensive", () => {
    expect(analyze("Déclaration de sinistre envoyée.", { lang: "fr" }).sentiment.label).toBe("neutral");
    expect(analyze("Beaucoup trop cher.", { lang: "fr" }).sentiment.label).toBe("negative");
  });

  it("handles accents, their absence and elongation alike", () => {
    const a = analyze("Très déçu", { lang: "fr" }).sentiment.score;
    const b = analyze("tres decu", { lang: "fr" }).sentiment.score;
    expect(b).toBeCloseTo(a, 5);
    const c = analyze("trèèès déçu", { lang: "fr" }).sentiment.score;
    expect(c).toBeLessThan(a);
  });

  it("flags a rating that disagrees with the text", () => {
    const text = "Horrible service, never again.";
    expect(analyze(text, { rating: { value: 5, best: 5 } }).ratingMismatch).toBe(true);
    expect(analyze(text, { rating: { value: 1, best: 5 } }).ratingMismatch).toBe(false);
    expect(analyze("Great, thanks!", { rating: { value: 1, best: 5 } }).ratingMismatch).toBe(true);
  });

  it("reports emotions, aspects and touchpoints the text expresses", () => {
    const a = analyze(
      "Merci à Sophie pour son accueil chaleureux au téléphone. Par contre les tarifs sont trop chers.",
      { lang: "fr" },
    );
    expect(a.emotions.gratitude).toBeGreaterThan(0);
    expect(a.aspects.find((x) => x.aspect === "relationship")?.polarity).toBe("positive");
    expect(a.aspects.find((x) => x.aspect === "offer")?.polarity).toBe("negative");
    expect(a.touchpoints).toContain("remote");
    const b = analyze("Je suis furieux, c'est une arnaque, je vais porter plainte !!!", { lang: "fr" });
    expect(b.emotions.anger).toBeGreaterThan(0);
    expect(b.emotions.disgust).toBeGreaterThan(0);
    expect(b.emotions.joy).toBeUndefined();
  });

  it("detects language, with other languages reported by ISO code", () => {
    expect(analyze("The staff was friendly and the room was clean.").lang).toBe("en");
    expect(analyze("Le personnel était aimable et la chambre propre.").lang).toBe("fr");
    expect(analyze("Das Personal war sehr freundlich und das Zimmer war sauber und ruhig.").lang).toBe("de");
  });

  it("returns a neutral, empty analysis for empty or non-text input", () => {
    const a = analyze("");
    expect(a.sentiment).toEqual({ score: 0, label: "neutral", confidence: 0 });
    expect(a.sentences).toEqual([]);
    expect(analyze(undefined as unknown as string).sentiment.score).toBe(0);
  });
});

describe("worst cases (generous guards; speed proper is measured by npm run bench:analysis)", () => {
  it.each([
    ["100 KB of emoji", "😀😡👍🙏".repeat(12_800)],
    ["1 MB of one word", "excellent ".repeat(104_858)],
    ["1 MB without spaces", "a".repeat(1_048_576)],
    ["punctuation storm", "!?.".repeat(100_000)],
  ])("%s returns quickly", (_name, text) => {
    analyze(text);
    const start = performance.now();
    const a = analyze(text);
    expect(performance.now() - start).toBeLessThan(250);
    expect(a.version).toBe(ANALYZER_VERSION);
  });
});
