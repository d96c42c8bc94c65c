/** Detail sections of the report: emotions, components, touchpoints, quotes, replies, trend, competitors, method. */
import { ASPECTS } from "../../domain.ts";
import { bar, esc, section, table } from "./html.ts";
import { formatHours, t } from "./i18n/index.ts";
import { OverviewRenderer } from "./render-overview.ts";
import type { Quote } from "./types.ts";

export class DiagnosticRenderer extends OverviewRenderer {
  emotions(): string {
    const e = this.report.emotions;
    const shown = e.items.filter((x) => x.count > 0);
    if (e.status !== "ok" || shown.length === 0)
      return section("emotions", t(this.locale, "section.emotions"), this.nodata());
    const rows = shown.map((x) => [
      this.L(`emotion.${x.emotion}`),
      `${bar(x.share)}${this.pct(x.share)}`,
      this.num(x.meanIntensity),
    ]);
    const body = `${table([t(this.locale, "section.emotions"), t(this.locale, "label.share"), t(this.locale, "label.intensity")], rows)}<p class="muted">${this.L("emotions.note")}</p>`;
    return section("emotions", t(this.locale, "section.emotions"), body);
  }

  aspects(): string {
    const a = this.report.aspects;
    const rows = ASPECTS.map((key) => {
      const x = a.items.find((i) => i.aspect === key);
      if (!x || x.volume === 0) return [this.L(`aspect.${key}`), "0", this.L("label.none"), ""];
      const tone = x.polarity === "positive" ? "pos" : x.polarity === "negative" ? "neg" : "neu";
      const thin = x.lowVolume ? `<span class="tag">${this.L("aspects.lowVolume")}</span>` : "";
      return [
        this.L(`aspect.${key}`),
        esc(x.volume),
        `${bar((x.score ?? 0) / 100, tone)}${this.num(x.score, 0)}/100${thin}`,
        `+${esc(x.positive)} / −${esc(x.negative)}${x.mixed > 0 ? ` / ±${esc(x.mixed)}` : ""}`,
      ];
    });
    const body = `${a.status !== "ok" ? this.nodata() : ""}${table([t(this.locale, "section.aspects"), t(this.locale, "label.volume"), t(this.locale, "label.score"), "+ / −"], rows)}<p class="muted">${this.L("aspects.note")}</p>`;
    return section("aspects", t(this.locale, "section.aspects"), body);
  }

  touchpoints(): string {
    const tp = this.report.touchpoints;
    if (tp.status !== "ok") return section("touchpoints", t(this.locale, "section.touchpoints"), this.nodata());
    const rows = tp.items.map((x) => [
      this.L(`touchpoint.${x.touchpoint}`),
      esc(x.count),
      this.pct(x.share),
      this.num(x.meanSentiment),
    ]);
    const body = `${table([t(this.locale, "section.touchpoints"), t(this.locale, "label.count"), t(this.locale, "label.share"), t(this.locale, "sentiment.mean")], rows)}<p class="muted">${this.L("touchpoints.note")}</p>`;
    return section("touchpoints", t(this.locale, "section.touchpoints"), body);
  }

  quotes(id: "strengths" | "irritants", list: readonly Quote[], tone: "pos" | "neg"): string {
    const body =
      list.length === 0
        ? `<p class="nodata">${this.L("quotes.none")}</p>`
        : list.map((q) => this.quote(q, tone)).join("");
    return section(id, t(this.locale, `section.${id}`), body);
  }

  negative(): string {
    const n = this.report.negativeReviews;
    const body = `<p>${this.L("negative.count", { n: n.count })}</p>${n.recent.map((q) => this.quote(q, "neg")).join("")}`;
    return section("negative-reviews", t(this.locale, "section.negative"), body);
  }

  mismatches(): string {
    const m = this.report.mismatches;
    const body = `<p>${this.M(m.note)}</p>${m.examples.map((q) => this.quote(q, q.sentimentLabel === "negative" ? "neg" : "pos")).join("")}`;
    return section("mismatches", t(this.locale, "section.mismatches"), body);
  }

  response(): string {
    const r = this.report.response;
    const figures =
      r.status === "ok"
        ? table(
            [
              t(this.locale, "response.rate"),
              t(this.locale, "response.negativeRate"),
              t(this.locale, "response.median"),
            ],
            [
              [
                this.pct(r.rate),
                r.negativeRate === null
                  ? this.L("label.none")
                  : `${this.pct(r.negativeRate)} (${esc(r.negativeReplied)}/${esc(r.negativeConsidered)})`,
                r.medianFirstResponseHours === null
                  ? this.L("label.none")
                  : esc(formatHours(this.locale, r.medianFirstResponseHours)),
              ],
            ],
          )
        : "";
    return section("response", t(this.locale, "section.response"), `<p>${this.M(r.note)}</p>${figures}`);
  }

  trend(): string {
    const months = this.report.trend.months;
    const max = Math.max(1, ...months.map((m) => m.count));
    const fmt = new Intl.DateTimeFormat(this.locale === "fr" ? "fr-FR" : "en-GB", {
      month: "short",
      year: "numeric",
      timeZone: "UTC",
    });
    const rows = months.map((m) => {
      const [y, mo] = m.month.split("-").map(Number);
      return [
        esc(fmt.format(new Date(Date.UTC(y ?? 1970, (mo ?? 1) - 1, 1)))),
        `${bar(m.count / max)}${esc(m.count)}`,
        m.meanRating === null ? this.L("label.none") : `${this.num(m.meanRating)}/5`,
        this.num(m.meanSentiment),
      ];
    });
    const headers = ["trend.month", "trend.count", "trend.rating", "trend.sentiment"] as const;
    return section(
      "trend",
      t(this.locale, "section.trend"),
      table(
        headers.map((h) => t(this.locale, h)),
        rows,
      ),
    );
  }

  competitors(): string {
    const c = this.report.competitors;
    if (c.status !== "ok")
      return section(
        "competitors",
        t(this.locale, "section.competitors"),
        `<p class="muted">${this.L("competitors.none")}</p>`,
      );
    const rows = c.items.map((x) => [
      `${esc(x.name)}${x.isSelf ? ` <span class="tag">${this.L("competitors.you")}</span>` : ""}`,
      x.score === null ? this.L("label.none") : `${esc(x.score)} (${esc(x.grade)})`,
      x.rating === null ? this.L("label.none") : `${this.num(x.rating)}/5`,
      esc(x.volume),
      this.num(x.sentimentMean),
      x.topStrength ? this.L(`aspect.${x.topStrength.aspect}`) : this.L("label.none"),
      x.topIrritant ? this.L(`aspect.${x.topIrritant.aspect}`) : this.L("label.none"),
    ]);
    const headers = [
      "competitors.name",
      "competitors.score",
      "competitors.rating",
      "competitors.volume",
      "competitors.sentiment",
      "competitors.strength",
      "competitors.irritant",
    ] as const;
    return section(
      "competitors",
      t(this.locale, "section.competitors"),
      table(
        headers.map((h) => t(this.locale, h)),
        rows,
      ),
    );
  }

  recommendations(): string {
    const recs = this.report.recommendations;
    const body =
      recs.length === 0
        ? this.nodata()
        : `<p class="muted">${this.L("recommendations.intro")}</p><ol class="recs">${recs
            .map((r) => `<li>${this.M(r.message)}</li>`)
            .join("")}</ol>`;
    return section("recommendations", t(this.locale, "section.recommendations"), body);
  }

  methodology(): string {
    const m = this.report.methodology;
    const body = `<p><strong>${this.L("method.collection")}</strong> ${esc(m.description)}</p><ul>${m.statements.map((s) => `<li>${this.M(s)}</li>`).join("")}</ul>`;
    return section("methodology", t(this.locale, "section.methodology"), body);
  }
}
