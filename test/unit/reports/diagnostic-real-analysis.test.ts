import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/analysis/index.ts";
import { EMOTIONS } from "../../../src/domain.ts";
import { computeDiagnostic } from "../../../src/reports/diagnostic/index.ts";
import { findTerm, parseEvidence, quoteMention } from "../../../src/reports/diagnostic/quotes.ts";
import { aspectScores, EMOTION_PRESENCE_THRESHOLD } from "../../../src/reports/metrics.ts";
import { REAL_REVIEWS, realInput } from "./real-reviews.ts";

const now = new Date("2026-11-20T12:00:00Z");
const input = realInput(now);
const report = computeDiagnostic(input);
const byId = new Map(input.mentions.map((m) => [m.id, m]));

describe("diagnostic on the real analyser's output", () => {
  it("stores an analysis for every text and none for star-only reviews", () => {
    expect(input.mentions).toHaveLength(REAL_REVIEWS.length);
    for (const m of input.mentions) {
      if (m.text.trim() === "") expect(m.analysis, m.id).toBeNull();
      else expect(m.analysis, m.id).not.toBeNull();
    }
    const starOnly = input.mentions.filter((m) => m.text.trim() === "").length;
    expect(report.sentiment.analysed).toBe(input.mentions.length - starOnly);
    expect(report.emotions.analysed).toBe(input.mentions.length - starOnly);
  });

  it("keeps to the value ranges metrics.ts and quotes.ts assume", () => {
    for (const m of input.mentions) {
      const a = m.analysis;
      if (!a) continue;
      expect(a.sentimentScore).toBeGreaterThanOrEqual(-1);
      expect(a.sentimentScore).toBeLessThanOrEqual(1);
      for (const v of Object.values(a.emotions)) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
      for (const x of a.aspects) {
        expect(x.score, `${m.id} ${x.aspect}`).toBeGreaterThanOrEqual(-1);
        expect(x.score, `${m.id} ${x.aspect}`).toBeLessThanOrEqual(1);
        // The polarity and the sign of the score agree, except for mixed aspects.
        if (x.polarity === "positive") expect(x.score).toBeGreaterThanOrEqual(0);
        if (x.polarity === "negative") expect(x.score).toBeLessThanOrEqual(0);
        // Evidence comes as "cue (±valence)" and the cue is found back in the text (quotes anchor on it).
        for (const ev of x.evidence) {
          const p = parseEvidence(ev);
          expect(p.value, ev).not.toBeNull();
          expect(findTerm(m.text, p.term), `${m.id}: ${ev}`).toBeGreaterThanOrEqual(0);
        }
      }
    }
    for (const a of aspectScores(input.mentions)) {
      if (a.score === null) continue;
      expect(a.score).toBeGreaterThanOrEqual(0);
      expect(a.score).toBeLessThanOrEqual(100);
      expect(a.positive + a.negative + a.mixed).toBe(a.volume);
    }
  });

  it("quotes strengths from positive sentences and irritants from negative ones, word for word", () => {
    expect(report.strengths.length).toBeGreaterThan(0);
    expect(report.irritants.length).toBeGreaterThan(0);
    const check = (quotes: typeof report.strengths, sign: 1 | -1) => {
      for (const q of quotes) {
        const m = byId.get(q.mentionId)!;
        expect(m.text.includes(q.quote), q.quote).toBe(true);
        const lang = m.lang === "en" ? "en" : "fr";
        const tone = analyze(q.quote, { lang }).sentiment;
        expect(tone.label, `${q.quote} -> ${tone.score}`).toBe(sign > 0 ? "positive" : "negative");
        // The quoted component really is on that side in this review's analysis.
        const own = m.analysis!.aspects.find((a) => a.aspect === q.aspect)!;
        expect(own.polarity).toBe(sign > 0 ? "positive" : "negative");
        // ...and the quote holds the word that carried that polarity.
        const anchors = own.evidence.map(parseEvidence).filter((e) => Math.sign(e.value ?? 0) === sign);
        expect(
          anchors.some((e) => findTerm(q.quote, e.term) >= 0),
          `${q.quote} / ${own.evidence.join(", ")}`,
        ).toBe(true);
      }
    };
    check(report.strengths, 1);
    check(report.irritants, -1);
    // A review whose stars contradict its text is not used as an example when another one exists.
    for (const q of [...report.strengths, ...report.irritants]) {
      expect(byId.get(q.mentionId)!.analysis!.ratingMismatch, q.quote).toBe(false);
    }
    // Latest negative reviews are quoted on their negative sentence too.
    for (const q of report.negativeReviews.recent) {
      const m = byId.get(q.mentionId)!;
      expect(analyze(q.quote, { lang: m.lang === "en" ? "en" : "fr" }).sentiment.score, q.quote).toBeLessThan(0);
    }
  });

  it("never quotes a clause that reads against the component's polarity", () => {
    let quoted = 0;
    let refused = 0;
    for (const m of input.mentions) {
      for (const a of m.analysis?.aspects ?? []) {
        if (a.polarity === "mixed") continue;
        const q = quoteMention(m, a.polarity, a.aspect, a.aspect);
        if (!q) {
          refused++;
          continue;
        }
        quoted++;
        const tone = analyze(q.quote, { lang: m.lang === "en" ? "en" : "fr" }).sentiment;
        expect(tone.label, `${m.id} ${a.aspect}: ${q.quote}`).toBe(a.polarity);
      }
    }
    // Most components get a quote; the few refused are those whose evidence straddles a contrast.
    expect(quoted).toBeGreaterThan(3 * refused);
  });

  it("cuts a contrasted sentence down to the clause that complains", () => {
    const m = input.mentions.find((x) => x.text.startsWith("Le personnel est très aimable mais"))!;
    const q = quoteMention(m, "negative", "convenience", "convenience")!;
    expect(q.quote).toBe("mais l'attente est beaucoup trop longue.");
    expect(q.truncatedStart).toBe(true);
    expect(q.truncatedEnd).toBe(false);
    const r = computeDiagnostic({ ...input, locale: "en" });
    const all = [...r.strengths, ...r.irritants, ...r.negativeReviews.recent];
    expect(all.every((x) => x.quote !== m.text)).toBe(true);
  });

  it("gives a sensible emotions profile", () => {
    const items = report.emotions.items;
    expect(items.map((e) => e.emotion).sort()).toEqual([...EMOTIONS].sort());
    for (const e of items) {
      expect(e.share).toBeGreaterThanOrEqual(0);
      expect(e.share).toBeLessThanOrEqual(1);
      expect(e.count).toBeLessThanOrEqual(report.emotions.analysed);
      if (e.count > 0) expect(e.meanIntensity!).toBeGreaterThanOrEqual(EMOTION_PRESENCE_THRESHOLD);
      else expect(e.meanIntensity).toBeNull();
    }
    const count = (names: string[]) => items.filter((e) => names.includes(e.emotion)).reduce((a, e) => a + e.count, 0);
    // The corpus mixes praise and complaints: both sides show, joy leads the positive side.
    expect(count(["joy", "gratitude", "trust"])).toBeGreaterThan(0);
    expect(count(["anger", "frustration", "disappointment"])).toBeGreaterThan(0);
    expect(items[0]!.share).toBeGreaterThanOrEqual(items.at(-1)!.share);
    // Emotions follow the tone: no angry emotion on the clearly positive texts.
    for (const m of input.mentions) {
      if (!m.analysis || m.analysis.sentimentScore < 0.5) continue;
      expect(m.analysis.emotions.anger ?? 0, m.text).toBeLessThan(EMOTION_PRESENCE_THRESHOLD);
    }
  });

  it("keeps the score equal to the sum of its parts", () => {
    expect(report.score.value).not.toBeNull();
    expect(report.score.components.reduce((a, c) => a + c.contribution, 0)).toBe(report.score.value);
  });

  it("gives 3 to 5 recommendations that cite numbers and real quotes", () => {
    const recs = report.recommendations;
    expect(recs.length).toBeGreaterThanOrEqual(3);
    expect(recs.length).toBeLessThanOrEqual(5);
    for (const r of recs) {
      expect(r.message.text, r.id).toMatch(/\d/);
      expect(Object.keys(r.figures).length, r.id).toBeGreaterThan(0);
      if (r.quote) {
        expect(byId.get(r.quote.mentionId)!.text.includes(r.quote.quote)).toBe(true);
        expect(r.message.text).toContain(r.quote.quote);
      }
    }
    // Two negative reviews have replies, so replies are visible and the unanswered ones are counted.
    const reply = recs.find((r) => r.id === "reply-negatives")!;
    // 1–2 stars or unrated and negative, last 90 days, no reply: 18, 24 (unrated post), 26, 33, 71 and 90 days old.
    expect(reply.figures.unanswered).toBe(6);
    // The page announces 41 reviews; fewer were collected from it.
    const unread = recs.find((r) => r.id === "unread-reviews");
    if (unread) expect(unread.figures.unread).toBe(41 - input.sources[0]!.found);
    // Examples differ from one recommendation to the next.
    const quoted = recs.flatMap((r) => (r.quote ? [r.quote.mentionId] : []));
    expect(new Set(quoted).size).toBe(quoted.length);
  });
});
