/** The body of one item, as plain text and as HTML, shared by the feed formats. */
import { escapeHtml, safeUrl, stripInvalidXmlChars } from "../escape.ts";
import { UI_LABELS } from "./labels.ts";
import type { HighlightItem, HighlightLocale } from "./types.ts";

export function itemText(item: HighlightItem): string {
  const parts = [item.summary];
  if (item.quote) parts.push(`\u201c${item.quote}\u201d`);
  return stripInvalidXmlChars(parts.join("\n\n"));
}

export function itemHtml(item: HighlightItem, locale: HighlightLocale): string {
  let html = `<p>${escapeHtml(item.summary)}</p>`;
  if (item.quote) html += `<blockquote>${escapeHtml(item.quote)}</blockquote>`;
  const url = safeUrl(item.url);
  if (url) html += `<p><a href="${escapeHtml(url)}">${escapeHtml(UI_LABELS[locale].read)}</a></p>`;
  return html;
}

/** Feeds list newest first; cursors walk oldest first. Same tie-break either way. */
export function newestFirst(items: readonly HighlightItem[]): HighlightItem[] {
  return [...items].sort(
    (a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
  );
}
