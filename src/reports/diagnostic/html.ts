/** HTML helpers: every piece of data goes through `esc` or `attr`; links only for http(s). */
import { escapeHtml, safeUrl } from "../escape.ts";

/** Any value as escaped HTML text (hostile review text included: controls are stripped). */
export function esc(value: unknown): string {
  return escapeHtml(String(value ?? ""));
}

/** A link when the URL is http(s), plain escaped text otherwise. */
export function link(url: string | null | undefined, label: string): string {
  const safe = safeUrl(url);
  return safe ? `<a href="${esc(safe)}" rel="nofollow noopener">${esc(label)}</a>` : esc(label);
}

/** A horizontal bar; the width is a number we computed, clamped, never user text. */
export function bar(fraction: number, tone: "pos" | "neg" | "neu" | "acc" = "acc"): string {
  const pct = Math.max(0, Math.min(100, Math.round(fraction * 1000) / 10));
  return `<span class="bar"><span class="fill ${tone}" style="width:${pct}%"></span></span>`;
}

export function section(id: string, title: string, body: string): string {
  return `<section id="${esc(id)}"><h2>${esc(title)}</h2>${body}</section>`;
}

export function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, cls = ""): string {
  const head = headers.map((h) => `<th scope="col">${esc(h)}</th>`).join("");
  // Cells are pre-escaped HTML fragments built by the renderer.
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("");
  return `<table${cls ? ` class="${esc(cls)}"` : ""}><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

export const STYLES = `
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1d2330;background:#f6f7f9;margin:0;line-height:1.5}
main{max-width:960px;margin:0 auto;padding:24px;background:#fff}
header.top{display:flex;gap:24px;align-items:center;border-bottom:3px solid #1d2330;padding-bottom:16px}
h1{font-size:1.6rem;margin:0}
h2{font-size:1.2rem;border-bottom:1px solid #d5d9e0;padding-bottom:4px;margin-top:32px}
.muted{color:#5b6475;font-size:.9rem}
.grade{font-size:3rem;font-weight:700;width:96px;height:96px;border-radius:12px;display:flex;align-items:center;justify-content:center;color:#fff;flex:none}
.grade-A{background:#1b7f3b}.grade-B{background:#5c9e2e}.grade-C{background:#c99a06}.grade-D{background:#d9661f}.grade-E{background:#c0392b}.grade-none{background:#8a93a3;font-size:1.4rem}
.big{font-size:2rem;font-weight:700}
table{border-collapse:collapse;width:100%;margin:8px 0;font-size:.92rem}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e3e6eb;vertical-align:top}
th{background:#f0f2f5}
.bar{display:inline-block;width:140px;height:10px;background:#eceef2;border-radius:5px;vertical-align:middle;margin-right:6px}
.fill{display:block;height:100%;border-radius:5px}
.pos{background:#2e9e57}.neg{background:#d0473a}.neu{background:#9aa3b2}.acc{background:#3b6fd8}
blockquote{margin:12px 0;padding:8px 14px;border-left:4px solid #3b6fd8;background:#f7f9fc}
blockquote.neg{border-left-color:#d0473a}
blockquote p{margin:0 0 4px}
blockquote footer{font-size:.85rem;color:#5b6475}
.tag{display:inline-block;font-size:.75rem;padding:1px 6px;border-radius:8px;background:#eceef2;color:#444;margin-left:4px}
ol.recs{padding-left:1.4em}
ol.recs li{margin-bottom:10px;padding-left:4px}
ol.recs li::marker{font-weight:700}
.nodata{color:#8a5a00;font-style:italic}
footer.end{margin-top:32px;font-size:.85rem;color:#5b6475}
header.top p{margin:4px 0}
.scoreline{font-size:1.1rem}
.score{font-size:2.4rem;font-weight:700;line-height:1}
.outof{font-size:1.2rem;color:#5b6475}
.gradetext{font-weight:700;margin-left:8px}
.basis{font-weight:600}
.lead{font-size:1.05rem;font-weight:600}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}
.card{flex:1 1 150px;border:1px solid #e3e6eb;border-radius:8px;padding:10px 12px}
.figure{font-size:1.5rem;font-weight:700}
.cols{display:flex;flex-wrap:wrap;gap:16px}
.col{flex:1 1 300px}
.col h3{font-size:1rem;margin:8px 0 0}
@page{margin:14mm 12mm}
@media print{
body{background:#fff;font-size:10.5pt;-webkit-print-color-adjust:exact;print-color-adjust:exact}
main{padding:0;max-width:none}
h2{break-after:avoid;page-break-after:avoid}
h3{break-after:avoid;page-break-after:avoid}
blockquote,tr,li,.card,header.top{break-inside:avoid;page-break-inside:avoid}
#summary,#recommendations,#score{break-inside:avoid-page}
thead{display:table-header-group}
a{color:inherit;text-decoration:none}
.bar{border:1px solid #c9ced6}
}
`;
