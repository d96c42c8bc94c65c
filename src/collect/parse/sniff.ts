/** What the first significant bytes of a decoded document say it is. */
export type Sniffed = { type: "json" } | { type: "markup"; root: string } | { type: "empty" } | { type: "text" };

const FEED_ROOTS = new Set(["rss", "feed", "rdf:rdf", "rdf", "channel"]);

export function isFeedRoot(root: string): boolean {
  return FEED_ROOTS.has(root.toLowerCase());
}

/** Skips whitespace, comments, processing instructions and doctypes with indexOf only (linear). */
export function sniff(text: string): Sniffed {
  let i = 0;
  const n = text.length;
  for (let guard = 0; guard < 10_000; guard++) {
    while (i < n && /[\s\ufeff\u0000]/.test(text[i] as string)) i++;
    if (i >= n) return { type: "empty" };
    const c = text[i];
    if (c === "{" || c === "[") return { type: "json" };
    if (c !== "<") return { type: "text" };
    if (text.startsWith("<!--", i)) {
      const end = text.indexOf("-->", i + 4);
      if (end < 0) return { type: "empty" };
      i = end + 3;
      continue;
    }
    if (text.startsWith("<?", i) || text.startsWith("<!", i)) {
      let end = text.indexOf(">", i + 2);
      const subset = text.indexOf("[", i + 2);
      // A DOCTYPE internal subset holds its own `>`s: skip to the closing `]>`.
      if (subset >= 0 && end >= 0 && subset < end && !text.startsWith("<![CDATA[", i)) {
        const close = text.indexOf("]", subset);
        end = close < 0 ? -1 : text.indexOf(">", close);
      }
      if (end < 0) return { type: "empty" };
      i = end + 1;
      continue;
    }
    const m = /^<([a-zA-Z][\w:.-]*)/.exec(text.slice(i, i + 64));
    return m ? { type: "markup", root: (m[1] as string).toLowerCase() } : { type: "text" };
  }
  return { type: "text" };
}
