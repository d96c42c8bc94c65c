import type { AggregateRating, RawMention } from "../../types.ts";
import { type ParseResult, result } from "../result.ts";
import { asArray, hashId, htmlToText, isObject, str, toIsoDate, toNumber } from "../util.ts";

/**
 * Trustpilot, two documented shapes: the Business Units API
 * (`/v1/business-units/{id}/reviews`: `stars`, `createdAt`, `companyReply`,
 * `links[rel=next-page]`) and the review page's `__NEXT_DATA__`
 * (`props.pageProps.reviews`: `rating`, `dates.publishedDate`, `reply`).
 */
export function trustpilotReview(r: Record<string, unknown>, base?: string): RawMention | undefined {
  const text = htmlToText(str(r.text) ?? "");
  const title = str(r.title);
  const stars = toNumber(r.stars ?? r.rating);
  if (!text && !title) return undefined;
  const consumer = isObject(r.consumer) ? r.consumer : {};
  const dates = isObject(r.dates) ? r.dates : {};
  const replyObj = isObject(r.companyReply) ? r.companyReply : isObject(r.reply) ? r.reply : undefined;
  const replyText = replyObj ? htmlToText(str(replyObj.text) ?? str(replyObj.message) ?? "") : "";
  const replyAt = replyObj ? toIsoDate(replyObj.createdAt ?? replyObj.publishedDate) : undefined;
  const publishedAt = toIsoDate(r.createdAt ?? dates.publishedDate);
  const updatedAt = toIsoDate(r.updatedAt ?? dates.updatedDate);
  const experiencedAt = toIsoDate(r.experiencedAt ?? dates.experiencedDate);
  const id = str(r.id);
  const name = str(consumer.displayName);
  const lang = str(r.language);
  return {
    externalId: id ?? hashId("trustpilot", name, publishedAt, text),
    kind: "review",
    ...(id ? { url: `https://www.trustpilot.com/reviews/${id}` } : base ? { url: base } : {}),
    ...(title ? { title } : {}),
    text,
    ...(name || consumer.id
      ? { author: { ...(name ? { name } : {}), ...(str(consumer.id) ? { id: str(consumer.id) } : {}) } }
      : {}),
    ...(stars !== undefined ? { rating: { value: stars, best: 5, worst: 1 } } : {}),
    ...(lang ? { lang } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    ...(updatedAt ? { updatedAt } : {}),
    ...(experiencedAt ? { experiencedAt } : {}),
    ...(replyText ? { reply: { text: replyText, ...(replyAt ? { at: replyAt } : {}) } } : {}),
  };
}

export function trustpilotAggregate(bu: Record<string, unknown>): AggregateRating | undefined {
  const score = isObject(bu.score) ? bu.score : {};
  const value = toNumber(score.trustScore ?? bu.trustScore ?? score.stars ?? bu.stars);
  const nr = bu.numberOfReviews;
  const count = toNumber(isObject(nr) ? nr.total : nr);
  if (value === undefined || (value === 0 && !count)) return undefined;
  const name = str(bu.displayName) ?? str(bu.name);
  return { value, best: 5, worst: 1, ...(count !== undefined ? { count } : {}), ...(name ? { itemName: name } : {}) };
}

export function parseTrustpilot(json: unknown, url?: string): ParseResult {
  const root = isObject(json) ? json : {};
  const mentions = asArray(root.reviews)
    .filter(isObject)
    .map((r) => trustpilotReview(r, url))
    .filter((m): m is RawMention => m !== undefined);
  const next = asArray(root.links)
    .filter(isObject)
    .find((l) => l.rel === "next-page");
  const agg = isObject(root.businessUnit) ? trustpilotAggregate(root.businessUnit) : trustpilotAggregate(root);
  const total = isObject(root.businessUnit) ? toNumber(root.businessUnit.numberOfReviews) : undefined;
  return result("trustpilot", {
    mentions,
    ratings: agg ? [agg] : [],
    paging: { ...(next && str(next.href) ? { next: str(next.href) } : {}), ...(total ? { total } : {}) },
    details: { reviews: mentions.length },
  });
}
