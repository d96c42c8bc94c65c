import { describe, expect, it } from "vitest";
import { computeDiagnostic } from "../../../src/reports/diagnostic/index.ts";
import {
  cutAtWords,
  findTerm,
  MAX_QUOTE_CHARS,
  parseEvidence,
  pickSpan,
  sentenceSpans,
} from "../../../src/reports/diagnostic/quotes.ts";
import type { DiagnosticReport, Quote } from "../../../src/reports/diagnostic/types.ts";
import { bakeryInput, FR_NEGATIVE, fromSeed, hotelInput, makeMention, stars } from "../../factories/mentions.ts";

const now = new Date("2026-11-20T12:00:00Z");

function allQuotes(r: DiagnosticReport): Quote[] {
  return [
    ...r.strengths,
    ...r.irritants,
    ...r.negativeReviews.recent,
    ...r.mismatches.examples,
    ...r.recommendations.flatMap((x) => (x.quote ? [x.quote] : [])),
    ...r.competitors.items.flatMap((c) => [c.topStrength?.quote, c.topIrritant?.quote]).filter((q): q is Quote => !!q),
  ];
}

const LONG =
  "Nous sommes venus à six pour un anniversaire et franchement, entre le moment où nous avons commandé les gâteaux par téléphone et le moment où nous les avons récupérés, il s'est passé tellement de choses que je ne sais pas par où commencer, mais le plus gênant reste l'attente interminable au comptoir, plus de quarante minutes sans la moindre explication de la part du personnel présent. Le reste était correct.";

describe("verbatim quotes", () => {
  it("every quote is a substring of its own mention's text", () => {
    const hotel = hotelInput(now);
    const long = fromSeed(
      {
        ...FR_NEGATIVE[0]!,
        text: LONG,
        aspects: [{ aspect: "convenience", polarity: "negative", score: -0.95, evidence: ["attente interminable"] }],
      },
      { now, daysAgo: 2, id: "long-one" },
    );
    const input = bakeryInput(now, {
      competitors: [{ name: "Harbour Hotel", mentions: hotel.mentions, sources: hotel.sources }],
    });
    input.mentions.push(long);
    const r = computeDiagnostic(input);
    const byId = new Map([...input.mentions, ...hotel.mentions].map((m) => [m.id, m]));
    const quotes = allQuotes(r);
    expect(quotes.length).toBeGreaterThan(8);
    for (const q of quotes) {
      const m = byId.get(q.mentionId);
      expect(m, q.mentionId).toBeDefined();
      expect(m!.text.includes(q.quote)).toBe(true);
      expect(q.quote).toBe(q.quote.trim());
      expect(q.quote.startsWith("…")).toBe(false);
      expect(q.quote.endsWith("…")).toBe(false);
      expect(q.quote.length).toBeLessThanOrEqual(MAX_QUOTE_CHARS);
      expect(q.publishedAt).toBe(m!.publishedAt?.toISOString() ?? null);
    }
    // The long review is the strongest convenience irritant: quoted around its evidence, cut at word boundaries.
    const cut = r.irritants.find((q) => q.mentionId === "long-one")!;
    expect(cut.aspect).toBe("convenience");
    expect(cut.quote).toContain("attente interminable");
    expect(cut.truncatedStart || cut.truncatedEnd).toBe(true);
    const start = LONG.indexOf(cut.quote);
    const end = start + cut.quote.length;
    expect(start === 0 || /\s/.test(LONG[start - 1]!)).toBe(true);
    expect(end === LONG.length || /[\s.,;:!?]/.test(LONG[end]!)).toBe(true);
  });

  it("irritants pick the strongest negative mention per aspect, strengths the strongest positive", () => {
    const r = computeDiagnostic(bakeryInput(now));
    expect(r.irritants[0]!.aspect).toBe("convenience");
    expect(r.irritants[0]!.quote).toBe("Quarante minutes d'attente un samedi matin, une seule caisse ouverte.");
    expect(r.strengths.map((q) => q.aspect)).toContain("relationship");
    expect(r.strengths.find((q) => q.aspect === "relationship")!.quote).toBe("Accueil chaleureux, on se sent attendu.");
  });

  it("splits sentences on end punctuation and line breaks, trimmed", () => {
    const text = "  Super accueil !  Attente trop longue... \n- Prix corrects.\n\n!!! ";
    const spans = sentenceSpans(text).map((s) => text.slice(s.start, s.end));
    expect(spans).toEqual(["Super accueil !", "Attente trop longue...", "Prix corrects."]);
  });

  it("cuts long sentences at word boundaries and flags the cut", () => {
    const span = cutAtWords(LONG, 0, LONG.length, 0, 80);
    const piece = LONG.slice(span.start, span.end);
    expect(piece.length).toBeLessThanOrEqual(80);
    expect(span.truncatedEnd).toBe(true);
    expect(span.truncatedStart).toBe(false);
    expect(LONG[span.end]).toMatch(/[\s,]/);
  });

  it("falls back to a sentence with matching cues when evidence is not in the text", () => {
    const text = "Le magasin est au centre-ville. Le personnel était désagréable et lent.";
    const span = pickSpan(text, ["introuvable"], "negative")!;
    expect(text.slice(span.start, span.end)).toBe("Le personnel était désagréable et lent.");
  });

  it("quotes without aspect analysis still come from the text", () => {
    const ms = [
      makeMention({ id: "x1", text: "Horrible. Jamais plus.", rating: stars(1) }),
      makeMention({ id: "x2", text: "Parfait, merci !", rating: stars(5) }),
    ];
    const r = computeDiagnostic(bakeryInput(now, { mentions: ms }));
    expect(r.irritants[0]).toMatchObject({ aspect: null, mentionId: "x1", quote: "Horrible." });
    expect(r.strengths[0]).toMatchObject({ aspect: null, mentionId: "x2", quote: "Parfait, merci !" });
  });

  it("reads the analyser's evidence format and finds it whatever the accents and apostrophes", () => {
    expect(parseEvidence("toujours pas (-1.6)")).toEqual({ term: "toujours pas", value: -1.6 });
    expect(parseEvidence("équipe (+4)")).toEqual({ term: "équipe", value: 4 });
    expect(parseEvidence("minutes d'attente")).toEqual({ term: "minutes d'attente", value: null });
    expect(findTerm("Merci à l’Équipe !", "l'equipe")).toBe(8);
    expect(findTerm("Quarante minutes d’attente.", "minutes d'attente")).toBe(9);
    // Only at a word start: "staff" is not in "restaffed".
    expect(findTerm("They restaffed the bar.", "staff")).toBe(-1);
  });

  it("quotes the clause that carries the polarity, anchored on evidence of that sign", () => {
    const text = "Great food and friendly staff, but the service was painfully slow.";
    const neg = pickSpan(text, ["staff (+2.1)", "slow (-1.5)"], "negative")!;
    expect(text.slice(neg.start, neg.end)).toBe("but the service was painfully slow.");
    expect(neg).toMatchObject({ truncatedStart: true, truncatedEnd: false });
    const pos = pickSpan(text, ["slow (-1.5)", "staff (+2.1)"], "positive")!;
    expect(text.slice(pos.start, pos.end)).toBe("Great food and friendly staff");
    expect(pos).toMatchObject({ truncatedStart: false, truncatedEnd: true });
    // Evidence of the other sign never anchors a quote: the negative cue words choose instead.
    const cue = pickSpan(text, ["staff (+2.1)"], "negative")!;
    expect(text.slice(cue.start, cue.end)).toBe("but the service was painfully slow.");
    // Strict: evidence found but refused by `accept` gives no quote rather than an unrelated sentence.
    expect(pickSpan(text, ["slow (-1.5)"], "negative", { strict: true, accept: () => false })).toBeNull();
  });
});
