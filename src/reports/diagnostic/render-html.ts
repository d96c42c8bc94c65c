/**
 * The diagnostic as one self-contained, printable HTML page (inline CSS, no
 * script). Every value from the data is escaped; sentences are re-localised
 * from their message keys, so a report can be shown in either language.
 */
import { esc, STYLES } from "./html.ts";
import { type Locale, t } from "./i18n/index.ts";
import { DiagnosticRenderer } from "./render-details.ts";
import type { DiagnosticReport } from "./types.ts";

export interface RenderOptions {
  locale?: Locale;
}

export function renderDiagnosticHtml(report: DiagnosticReport, opts: RenderOptions = {}): string {
  const locale = opts.locale ?? report.locale;
  const r = new DiagnosticRenderer(locale, report);
  const body = [
    r.header(),
    r.summary(),
    r.recommendations(),
    r.score(),
    r.coverage(),
    r.rating(),
    r.nps(),
    r.sentiment(),
    r.emotions(),
    r.aspects(),
    r.touchpoints(),
    r.quotes("strengths", r.report.strengths, "pos"),
    r.quotes("irritants", r.report.irritants, "neg"),
    r.negative(),
    r.mismatches(),
    r.response(),
    r.trend(),
    r.competitors(),
    r.methodology(),
  ].join("\n");
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${t(locale, "report.title")} — ${report.business.name}`)}</title>
<style>${STYLES}</style>
</head>
<body>
<main>
${body}
<footer class="end">${esc(t(locale, "report.generated", { generatedDate: report.generatedAt }))}</footer>
</main>
</body>
</html>
`;
}
