/**
 * Email-ready HTML fragment. Mail clients strip <style> and <head> and many
 * ignore CSS layout, so: tables for layout, every style inline, no classes,
 * no scripts, web-safe fonts, and explicit widths.
 */
import { escapeHtml, safeUrl } from "../escape.ts";
import { formatDate, TYPE_LABELS, UI_LABELS } from "./labels.ts";
import {
  type FeedMeta,
  HIGHLIGHT_TYPES,
  type HighlightItem,
  type HighlightLocale,
  type HighlightType,
} from "./types.ts";

const ACCENT: Record<HighlightType, string> = {
  best_quote: "#1a7f37",
  worst_unanswered: "#cf222e",
  aspect_improved: "#0969da",
  aspect_degraded: "#bc4c00",
  new_source: "#8250df",
};

const FONT = "font-family:Arial,Helvetica,sans-serif;";
const TABLE_ATTRS = 'role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"';

function row(item: HighlightItem, locale: HighlightLocale): string {
  const h = escapeHtml;
  const color = ACCENT[item.type];
  const url = safeUrl(item.url);
  const quote = item.quote
    ? `<table ${TABLE_ATTRS} style="margin:8px 0 0 0;"><tr><td style="border-left:3px solid ${color};padding:4px 0 4px 12px;${FONT}font-size:14px;line-height:20px;color:#24292f;font-style:italic;">${h(item.quote)}</td></tr></table>`
    : "";
  const link = url
    ? ` &middot; <a href="${h(url)}" style="color:${color};text-decoration:underline;">${h(UI_LABELS[locale].read)}</a>`
    : "";
  return [
    `<tr><td style="padding:16px 0;border-bottom:1px solid #d0d7de;">`,
    `<span style="display:inline-block;${FONT}font-size:11px;line-height:16px;font-weight:bold;text-transform:uppercase;letter-spacing:0.5px;color:${color};">${h(TYPE_LABELS[locale][item.type])}</span>`,
    `<div style="${FONT}font-size:16px;line-height:22px;font-weight:bold;color:#24292f;margin:4px 0 0 0;">${h(item.title)}</div>`,
    `<div style="${FONT}font-size:14px;line-height:20px;color:#57606a;margin:4px 0 0 0;">${h(item.summary)}</div>`,
    quote,
    `<div style="${FONT}font-size:12px;line-height:18px;color:#57606a;margin:8px 0 0 0;">${h(formatDate(locale, item.publishedAt))}${link}</div>`,
    "</td></tr>",
  ].join("");
}

/** Sections in a fixed order (good news first), strongest item first within each. */
function emailOrder(items: readonly HighlightItem[]): HighlightItem[] {
  const rank = (t: HighlightType) => HIGHLIGHT_TYPES.indexOf(t);
  return [...items].sort(
    (a, b) => rank(a.type) - rank(b.type) || b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

export function toHtmlFragment(items: readonly HighlightItem[], meta: FeedMeta, locale: HighlightLocale): string {
  const h = escapeHtml;
  const body =
    items.length === 0
      ? `<tr><td style="padding:16px 0;${FONT}font-size:14px;line-height:20px;color:#57606a;">${h(UI_LABELS[locale].empty)}</td></tr>`
      : emailOrder(items)
          .map((i) => row(i, locale))
          .join("\n");
  return [
    `<table ${TABLE_ATTRS} style="max-width:600px;border-collapse:collapse;" lang="${locale}">`,
    `<tr><td style="padding:0 0 8px 0;${FONT}font-size:20px;line-height:28px;font-weight:bold;color:#24292f;">${h(meta.title)}</td></tr>`,
    ...(meta.description
      ? [
          `<tr><td style="padding:0 0 8px 0;${FONT}font-size:14px;line-height:20px;color:#57606a;">${h(meta.description)}</td></tr>`,
        ]
      : []),
    body,
    "</table>",
  ].join("\n");
}
