/** Shared helpers of the diagnostic renderer: localisation, number/date formats, quotes. */

import { esc, link } from "./html.ts";
import { formatDate, formatNumber, type Locale, type MessageKey, type Params, t } from "./i18n/index.ts";
import { hostOf } from "./sections.ts";
import type { DiagnosticReport, Message, Quote } from "./types.ts";

export const hostLabel = hostOf;

export class RenderKit {
  constructor(
    readonly locale: Locale,
    readonly report: DiagnosticReport,
  ) {}

  L(key: MessageKey, params?: Params): string {
    return esc(t(this.locale, key, params));
  }

  M(m: Message): string {
    return this.L(m.key, m.params);
  }

  num(n: number | null, decimals = 2): string {
    return n === null ? this.L("label.none") : esc(formatNumber(this.locale, n, decimals));
  }

  pct(share: number | null): string {
    if (share === null) return this.L("label.none");
    const f = new Intl.NumberFormat(this.locale === "fr" ? "fr-FR" : "en-GB", {
      style: "percent",
      maximumFractionDigits: 0,
    });
    return esc(f.format(share));
  }

  date(iso: string | null): string {
    return iso ? esc(formatDate(this.locale, iso)) : this.L("label.undated");
  }

  nodata(): string {
    return `<p class="nodata">${this.L("notEnoughData")}</p>`;
  }

  quote(q: Quote, tone: "pos" | "neg"): string {
    const [open, close] = this.locale === "fr" ? ["« ", " »"] : ["“", "”"];
    const text = `${q.truncatedStart ? "… " : ""}${esc(q.quote)}${q.truncatedEnd ? " …" : ""}`;
    const meta = [
      this.date(q.publishedAt),
      q.stars !== null ? this.L("label.stars", { n: q.stars }) : "",
      q.aspect ? this.L(`aspect.${q.aspect}`) : "",
      link(q.sourceUrl, hostLabel(q.sourceUrl) ?? q.sourceKind),
    ].filter(Boolean);
    return `<blockquote class="${tone}"><p>${open}${text}${close}</p><footer>${meta.join(" · ")}</footer></blockquote>`;
  }
}
