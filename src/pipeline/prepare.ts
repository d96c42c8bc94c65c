import { createHash } from "node:crypto";
import { analyze } from "../analysis/index.ts";
import type { RawMention } from "../collect/types.ts";
import type { MentionInput } from "../db/queries/mentions.ts";
import type { StoredAnalysis } from "../domain.ts";
import { pseudonymize, shortDisplayName } from "../privacy.ts";

const MAX_TEXT = 20_000;

function toDate(iso?: string): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function contentHash(m: RawMention): string {
  return createHash("sha256")
    .update(JSON.stringify([m.title ?? "", m.text, m.rating ?? null, m.reply?.text ?? "", m.publishedAt ?? ""]))
    .digest("hex");
}

export function analyseMention(m: Pick<RawMention, "text" | "title" | "lang" | "rating">): StoredAnalysis | null {
  const text = [m.title, m.text].filter(Boolean).join(". ").slice(0, MAX_TEXT);
  if (!text.trim()) return null;
  const lang = m.lang === "fr" || m.lang === "en" ? m.lang : undefined;
  const rating = m.rating
    ? { value: m.rating.value - m.rating.worst + 1, best: m.rating.best - m.rating.worst + 1 }
    : undefined;
  const a = analyze(text, { lang, rating });
  return {
    version: a.version,
    lang: a.lang,
    sentimentScore: a.sentiment.score,
    sentimentLabel: a.sentiment.label,
    confidence: a.sentiment.confidence,
    emotions: a.emotions,
    aspects: a.aspects,
    touchpoints: a.touchpoints,
    ratingMismatch: a.ratingMismatch ?? false,
  };
}

/** RawMention (adapter output) → row to store: analysed, personal data reduced. */
export function prepareMention(m: RawMention, ctx: { sourceKind: string; pseudonymSecret: string }): MentionInput {
  const text = m.text.slice(0, MAX_TEXT);
  const analysis = analyseMention({ ...m, text });
  return {
    externalId: m.externalId.slice(0, 500),
    contentHash: contentHash(m),
    kind: m.kind,
    url: m.url ?? null,
    title: m.title ?? null,
    text,
    lang: m.lang ?? analysis?.lang ?? null,
    rating: m.rating ?? null,
    authorPseudonym: pseudonymize(ctx.pseudonymSecret, ctx.sourceKind, m.author),
    authorDisplayName: shortDisplayName(m.author?.name),
    publishedAt: toDate(m.publishedAt),
    sourceUpdatedAt: toDate(m.updatedAt),
    experiencedAt: toDate(m.experiencedAt),
    replyText: m.reply?.text ?? null,
    replyAt: toDate(m.reply?.at),
    engagement: m.engagement ?? null,
    analysis,
  };
}
