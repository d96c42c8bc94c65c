import type { AggregateRating, RawMention } from "../../types.ts";
import { trustpilotAggregate, trustpilotReview } from "../api/trustpilot.ts";
import { isObject } from "../util.ts";

/**
 * Next.js pages ship their data as JSON in `__NEXT_DATA__`; review platforms
 * built that way (Trustpilot) keep reviews at `props.pageProps.reviews`.
 */
export function extractNextDataReviews(
  raw: string,
  pageUrl?: string,
): { ratings: AggregateRating[]; mentions: RawMention[] } {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ratings: [], mentions: [] };
  }
  const props = isObject(data) && isObject(data.props) ? data.props : undefined;
  const page = props && isObject(props.pageProps) ? props.pageProps : undefined;
  if (!page) return { ratings: [], mentions: [] };
  const mentions: RawMention[] = [];
  if (Array.isArray(page.reviews)) {
    for (const r of page.reviews) {
      if (!isObject(r) || !("rating" in r || "stars" in r) || !("consumer" in r)) continue;
      const m = trustpilotReview(r, pageUrl);
      if (m) mentions.push(m);
    }
  }
  const agg = mentions.length > 0 && isObject(page.businessUnit) ? trustpilotAggregate(page.businessUnit) : undefined;
  return { ratings: agg ? [agg] : [], mentions };
}
