/** Top of the report: header, summary, score, recommendations, coverage, rating, NPS, tone. */
import type { Stars } from "../metrics.ts";
import { bar, esc, link, section, table } from "./html.ts";
import { type MessageKey, t } from "./i18n/index.ts";
import { hostLabel, RenderKit } from "./render-kit.ts";
import type { Quote } from "./types.ts";

export class OverviewRenderer extends RenderKit {
  /** What a business owner reads first: the score, the grade, and what it rests on. */
  header(): string {
    const { score, business, coverage } = this.report;
    const grade = score.grade ?? "none";
    const site = business.website ? `<div class="muted">${link(business.website, business.website)}</div>` : "";
    const value =
      score.value === null
        ? `<span class="score">${this.L("summary.noScore")}</span>`
        : `<span class="score">${esc(score.value)}</span><span class="outof">/100</span> <span class="gradetext">${this.L("grade.value", { grade: score.grade ?? "" })}</span>`;
    return `<header class="top" id="top"><div class="grade grade-${esc(grade)}" aria-label="${this.L("grade.label")}">${esc(score.grade ?? "?")}</div>
<div><h1>${this.L("report.title")}</h1><div class="big">${esc(business.name)}</div>${site}
<p class="scoreline">${this.L("headline.scoreLabel")} ${value}</p>
<p class="basis">${this.M(coverage.sentence)}</p>
<p class="muted">${this.L("grade.scale")} ${this.L("report.generated", { generatedDate: this.report.generatedAt })}</p></div></header>`;
  }

  summary(): string {
    const { rating, nps, sentiment, strengths, irritants } = this.report;
    const card = (label: string, value: string) =>
      `<div class="card"><div class="muted">${label}</div><div class="figure">${value}</div></div>`;
    const cards = [
      card(
        this.L("rating.average"),
        rating.average === null
          ? this.L("label.none")
          : `${this.num(rating.average)}/5 <span class="muted">(${esc(rating.count)})</span>`,
      ),
      card("NPS", nps.value === null ? this.L("label.none") : `${nps.value > 0 ? "+" : ""}${this.num(nps.value, 0)}`),
      card(this.L("sentiment.positive"), this.pct(sentiment.status === "ok" ? sentiment.shares.positive : null)),
      card(this.L("sentiment.negative"), this.pct(sentiment.status === "ok" ? sentiment.shares.negative : null)),
    ].join("");
    const top = (title: MessageKey, q: Quote | undefined, tone: "pos" | "neg") =>
      q ? `<div class="col"><h3>${this.L(title)}</h3>${this.quote(q, tone)}</div>` : "";
    const quotes = top("summary.topStrength", strengths[0], "pos") + top("summary.topIrritant", irritants[0], "neg");
    const body = `<p class="lead">${this.M(this.report.headline)}</p><div class="cards">${cards}</div>${quotes ? `<div class="cols">${quotes}</div>` : ""}`;
    return section("summary", t(this.locale, "section.summary"), body);
  }

  score(): string {
    const s = this.report.score;
    const rows = s.components.map((c) => [
      this.L(`component.${c.key}`),
      c.available ? this.pct(c.weight) : this.L("label.none"),
      c.value === null ? this.L("label.none") : this.num(c.value, 1),
      c.available ? esc(c.contribution) : this.L("label.none"),
      this.M(c.evidence),
    ]);
    if (s.value !== null)
      rows.push([`<strong>${this.L("label.total")}</strong>`, this.pct(1), "", `<strong>${esc(s.value)}</strong>`, ""]);
    const headers = ["label.component", "label.weight", "label.value", "label.points", "label.evidence"] as const;
    const body = `<p>${this.M(s.note)}</p>${table(
      headers.map((h) => t(this.locale, h)),
      rows,
    )}`;
    return section("score", t(this.locale, "section.score"), body);
  }

  coverage(): string {
    const c = this.report.coverage;
    const period = c.period
      ? `<p>${this.L("coverage.period", { fromDate: c.period.from, toDate: c.period.to })}</p>`
      : "";
    const undated = c.undated > 0 ? `<p>${this.L("coverage.undated", { n: c.undated })}</p>` : "";
    const rows = c.sources.map((s) => [
      link(s.url, s.url),
      esc(s.kind),
      esc(s.found),
      s.reported === null ? this.L("label.none") : esc(s.reported),
      s.cap === null ? this.L("label.none") : esc(s.cap),
    ]);
    const headers = ["label.source", "label.kind", "label.found", "label.reported", "label.cap"] as const;
    const caps = c.caps.map((m) => `<li>${this.M(m)}</li>`).join("");
    const body = `<p>${this.M(c.sentence)}</p>${period}${undated}${
      rows.length
        ? table(
            headers.map((h) => t(this.locale, h)),
            rows,
          )
        : ""
    }${caps ? `<ul>${caps}</ul>` : ""}`;
    return section("coverage", t(this.locale, "section.coverage"), body);
  }

  rating(): string {
    const r = this.report.rating;
    if (r.status !== "ok" && r.declared.length === 0)
      return section("rating", t(this.locale, "section.rating"), `<p class="nodata">${this.M(r.note)}</p>`);
    const max = Math.max(1, ...Object.values(r.distribution));
    const dist = ([5, 4, 3, 2, 1] as Stars[])
      .map(
        (s) =>
          `<tr><td>${this.L("label.stars", { n: s })}</td><td>${bar(r.distribution[s] / max, s >= 4 ? "pos" : s === 3 ? "neu" : "neg")}${esc(r.distribution[s])}</td></tr>`,
      )
      .join("");
    const bySource = r.bySource
      .filter((s) => s.count > 0)
      .map((s) => [link(s.url, hostLabel(s.url) ?? s.kind), `${this.num(s.average)}/5`, esc(s.count)]);
    const declared = r.declared.map((d) => [
      link(d.url, hostLabel(d.url) ?? d.sourceId),
      `${this.num(d.value)}/5`,
      d.count === null ? this.L("label.none") : esc(d.count),
    ]);
    const body = [
      `<p><span class="big">${r.average === null ? this.L("label.none") : `${this.num(r.average)}/5`}</span> <span class="muted">${this.M(r.note)}</span></p>`,
      r.count > 0 ? `<h3>${this.L("rating.distribution")}</h3><table><tbody>${dist}</tbody></table>` : "",
      bySource.length
        ? `<h3>${this.L("rating.bySource")}</h3>${table([t(this.locale, "label.source"), t(this.locale, "rating.average"), t(this.locale, "label.count")], bySource)}`
        : "",
      declared.length
        ? `<h3>${this.L("rating.declared")}</h3>${table([t(this.locale, "label.source"), t(this.locale, "rating.declared"), t(this.locale, "label.count")], declared)}`
        : "",
    ].join("");
    return section("rating", t(this.locale, "section.rating"), body);
  }

  nps(): string {
    const n = this.report.nps;
    const body =
      n.status !== "ok"
        ? `<p class="nodata">${this.M(n.note)}</p>`
        : `<p><span class="big">${n.value !== null && n.value > 0 ? "+" : ""}${this.num(n.value, 0)}</span></p>${table(
            [t(this.locale, "nps.promoters"), t(this.locale, "nps.passives"), t(this.locale, "nps.detractors")],
            [[esc(n.promoters), esc(n.passives), esc(n.detractors)]],
          )}<p class="muted">${this.M(n.note)}</p>`;
    return section("nps", t(this.locale, "section.nps"), body);
  }

  sentiment(): string {
    const s = this.report.sentiment;
    if (s.status !== "ok")
      return section("sentiment", t(this.locale, "section.sentiment"), `<p class="nodata">${this.M(s.note)}</p>`);
    const line = (k: "positive" | "neutral" | "negative", tone: "pos" | "neu" | "neg") =>
      `<tr><td>${this.L(`sentiment.${k}`)}</td><td>${bar(s.shares[k], tone)}${this.pct(s.shares[k])} (${esc(s.counts[k])})</td></tr>`;
    const body = `<table><tbody>${line("positive", "pos")}${line("neutral", "neu")}${line("negative", "neg")}<tr><td>${this.L("sentiment.mean")}</td><td>${this.num(s.mean)}</td></tr></tbody></table><p class="muted">${this.M(s.note)}</p>`;
    return section("sentiment", t(this.locale, "section.sentiment"), body);
  }
}
