import { describe, expect, it } from "vitest";
import { esc } from "../../../src/reports/diagnostic/html.ts";
import { formatDate } from "../../../src/reports/diagnostic/i18n/index.ts";
import { computeDiagnostic, renderDiagnosticHtml, t } from "../../../src/reports/diagnostic/index.ts";
import type { DiagnosticReport } from "../../../src/reports/diagnostic/types.ts";
import { realInput } from "./real-reviews.ts";

const now = new Date("2026-11-20T12:00:00Z");

/** Where each part of the JSON report shows on the page. A new JSON key without a place fails here. */
const PLACE: Record<keyof DiagnosticReport, string> = {
  version: "<!doctype html>",
  locale: "<html lang=",
  generatedAt: 'id="top"',
  business: 'id="top"',
  headline: 'id="summary"',
  score: 'id="score"',
  coverage: 'id="coverage"',
  rating: 'id="rating"',
  nps: 'id="nps"',
  sentiment: 'id="sentiment"',
  emotions: 'id="emotions"',
  aspects: 'id="aspects"',
  touchpoints: 'id="touchpoints"',
  strengths: 'id="strengths"',
  irritants: 'id="irritants"',
  negativeReviews: 'id="negative-reviews"',
  mismatches: 'id="mismatches"',
  response: 'id="response"',
  trend: 'id="trend"',
  competitors: 'id="competitors"',
  recommendations: 'id="recommendations"',
  methodology: 'id="methodology"',
};

describe.each(["fr", "en"] as const)("diagnostic page for a business owner (%s)", (locale) => {
  const report = computeDiagnostic(realInput(now, locale));
  const html = renderDiagnosticHtml(report);
  const at = (needle: string) => {
    const i = html.indexOf(needle);
    expect(i, needle).toBeGreaterThanOrEqual(0);
    return i;
  };

  it("opens with the score, the grade and what they rest on, then what to do", () => {
    const score = at(`<span class="score">${report.score.value}</span>`);
    const grade = at(esc(t(locale, "grade.value", { grade: report.score.grade! })));
    const basis = at(esc(report.coverage.sentence.text));
    expect(report.coverage.sentence.text).toMatch(locale === "fr" ? /32 avis .* 2 sources/ : /32 reviews .* 2 sources/);
    const recs = at('id="recommendations"');
    expect(score).toBeLessThan(recs);
    expect(grade).toBeLessThan(recs);
    expect(basis).toBeLessThan(recs);
    // Advice comes before the detailed figures.
    expect(recs).toBeLessThan(at('id="score"'));
    expect(recs).toBeLessThan(at('id="emotions"'));
    for (const r of report.recommendations) expect(html).toContain(esc(r.message.text));
  });

  it("shows every part of the JSON report", () => {
    for (const key of Object.keys(report) as Array<keyof DiagnosticReport>) {
      expect(PLACE[key], key).toBeDefined();
      at(PLACE[key]);
    }
    expect(html).toContain(esc(report.headline.text));
    expect(html).toContain(esc(report.response.note.text));
    expect(html).toContain(esc(report.mismatches.note.text));
    for (const c of report.score.components) expect(html).toContain(esc(c.evidence.text));
    for (const s of report.methodology.statements) expect(html).toContain(esc(s.text));
  });

  it("quotes strengths and irritants with their dates, the top ones in the summary", () => {
    const summary = html.slice(at('id="summary"'), at('id="recommendations"'));
    expect(summary).toContain(esc(report.strengths[0]!.quote));
    expect(summary).toContain(esc(report.irritants[0]!.quote));
    for (const q of [...report.strengths, ...report.irritants]) {
      expect(html).toContain(esc(q.quote));
      expect(html).toContain(esc(formatDate(locale, q.publishedAt!)));
    }
  });

  it("prints well", () => {
    expect(html).toContain("@media print");
    expect(html).toContain("@page");
    expect(html).toMatch(/blockquote,tr,li[^{]*\{break-inside:avoid/);
    expect(html).toContain("print-color-adjust:exact");
  });
});
