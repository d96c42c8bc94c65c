import { describe, expect, it } from "vitest";
import { esc } from "../../../src/reports/diagnostic/html.ts";
import {
  computeDiagnostic,
  diagnosticRequestFromForm,
  renderDiagnosticForm,
  renderDiagnosticHtml,
} from "../../../src/reports/diagnostic/index.ts";
import { bakeryInput, emptyInput, FR_NEGATIVE, fromSeed, HOSTILE_TEXT, hotelInput } from "../../factories/mentions.ts";

const now = new Date("2026-11-20T12:00:00Z");

const SECTIONS = [
  "summary",
  "score",
  "recommendations",
  "coverage",
  "rating",
  "nps",
  "sentiment",
  "emotions",
  "aspects",
  "touchpoints",
  "strengths",
  "irritants",
  "negative-reviews",
  "mismatches",
  "response",
  "trend",
  "competitors",
  "methodology",
];

/** Tags the renderer itself writes; anything else in the page came from data. */
const ALLOWED_TAGS = new Set(
  "html head meta title style body main header footer section h1 h2 h3 div span p strong a table thead tbody tr th td ol ul li blockquote".split(
    " ",
  ),
);

function tagsOf(html: string): string[] {
  return [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1]!.toLowerCase());
}

function hostileInput() {
  const payload = '<script>alert(1)</script><img src=x onerror="alert(2)">';
  const hotel = hotelInput(now);
  const input = bakeryInput(now, {
    business: { name: `Chez ${payload}`, website: "javascript:alert(3)" },
    sources: [
      {
        id: "src-google",
        url: `https://maps.example.com/?q=${payload}`,
        kind: "google-places",
        found: 17,
        cap: payload,
      },
      { id: "src-masto", url: "javascript:alert(4)", kind: "mastodon", found: 2 },
    ],
    method: { description: payload },
    competitors: [{ name: payload, mentions: hotel.mentions, sources: hotel.sources }],
  });
  input.mentions.push(
    fromSeed(
      {
        ...FR_NEGATIVE[0]!,
        lang: "en",
        text: HOSTILE_TEXT,
        aspects: [{ aspect: "convenience", polarity: "negative", score: -1, evidence: ["queue"] }],
      },
      { now, daysAgo: 1, id: "hostile", sourceUrl: "javascript:alert(5)" },
    ),
  );
  return input;
}

describe("diagnostic HTML", () => {
  it.each(["fr", "en"] as const)("contains every section in %s", (locale) => {
    const r = computeDiagnostic({
      ...bakeryInput(now),
      locale,
      competitors: [{ name: "Harbour Hotel", ...hotelInput(now) }],
    });
    const html = renderDiagnosticHtml(r, { locale });
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain(`<html lang="${locale}">`);
    for (const id of SECTIONS) expect(html, id).toContain(`<section id="${id}">`);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("<style>");
    expect(html).not.toMatch(/<link|src=/i);
    if (locale === "fr") {
      expect(html).toContain("Les sept composantes de l’expérience client");
      expect(html).toContain("Gain de temps &amp; praticité");
      expect(html).toContain("Identité, valeurs &amp; communauté");
      expect(html).toContain("aucun n’a été filtré");
    } else {
      expect(html).toContain("The seven components of customer experience");
      expect(html).toContain("none was filtered");
    }
    // Publication dates are shown next to quotes.
    expect(html).toMatch(locale === "fr" ? /novembre 2026/ : /November 2026/);
  });

  it("re-localises a French report into English", () => {
    const r = computeDiagnostic(bakeryInput(now));
    const html = renderDiagnosticHtml(r, { locale: "en" });
    expect(html).toContain("Reduce waiting times");
    expect(html).not.toContain("Réduisez les temps");
    // Quotes stay in the customer's words.
    expect(html).toContain(esc("Quarante minutes d'attente un samedi matin, une seule caisse ouverte."));
  });

  it("escapes review text and every other input", () => {
    const input = hostileInput();
    const r = computeDiagnostic(input);
    expect(r.irritants.some((q) => q.mentionId === "hostile")).toBe(true);
    for (const locale of ["fr", "en"] as const) {
      const html = renderDiagnosticHtml(r, { locale });
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<img/i);
      expect(html).not.toMatch(/href="javascript:/i);
      expect(html).toContain("Chez &lt;script&gt;alert(1)&lt;/script&gt;");
      // The irritant is the negative clause of the review, tags and ampersand escaped.
      expect(html).toContain("but the &lt;b&gt;queue&lt;/b&gt; is long &amp; slow.");
      const unknown = tagsOf(html).filter((t) => !ALLOWED_TAGS.has(t));
      expect(unknown).toEqual([]);
    }
  });

  it("renders an empty report with 'not enough data'", () => {
    const fr = renderDiagnosticHtml(computeDiagnostic(emptyInput(now)));
    for (const id of SECTIONS) expect(fr).toContain(`<section id="${id}">`);
    expect(fr).toContain("Pas assez de données");
    const en = renderDiagnosticHtml(computeDiagnostic(emptyInput(now, "en")));
    expect(en).toContain("Not enough data");
  });
});

describe("diagnostic request form", () => {
  it.each(["fr", "en"] as const)("is a plain form in %s with every field", (locale) => {
    const html = renderDiagnosticForm({ locale, action: "/v1/diagnostics" });
    expect(html).toContain('<form method="post" action="/v1/diagnostics" enctype="application/x-www-form-urlencoded"');
    for (const name of ["businessName", "website", "urls", "competitor1Name", "competitor1Urls", "locale", "email"]) {
      expect(html).toContain(`name="${name}"`);
    }
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(`<option value="${locale}" selected>`);
  });

  it("escapes the action", () => {
    const html = renderDiagnosticForm({ locale: "fr", action: '"><script>x</script>' });
    expect(html).not.toContain("<script>");
  });

  it("turns form fields into the JSON request body", () => {
    const body = diagnosticRequestFromForm({
      businessName: "  Boulangerie du Marché ",
      website: "https://boulangerie.example",
      urls: "https://a.example/avis\r\n\r\nhttps://b.example/avis\nhttps://a.example/avis",
      competitor1Name: "Le Fournil",
      competitor1Urls: "https://c.example",
      competitor2Name: "",
      competitor2Urls: "",
      locale: "en",
      email: "",
    });
    expect(body).toEqual({
      businessName: "Boulangerie du Marché",
      website: "https://boulangerie.example",
      urls: ["https://a.example/avis", "https://b.example/avis"],
      competitors: [{ name: "Le Fournil", urls: ["https://c.example"] }],
      locale: "en",
    });
    expect(diagnosticRequestFromForm({ locale: "de" }).locale).toBe("fr");
  });
});
