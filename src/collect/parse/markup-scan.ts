/**
 * A forward-only tag scanner for the few things we read without a DOM
 * (script blocks, rel=next links, nesting depth). It uses indexOf only, so it
 * is linear on any input; DOM parsers are quadratic on deep nesting.
 */
export interface ScannedTag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  /** Raw attribute text. */
  rawAttrs: string;
  start: number;
  end: number;
}

const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "noscript"]);
const ATTR = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

export function parseAttrs(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of raw.matchAll(ATTR)) {
    const name = (m[1] as string).toLowerCase();
    if (!(name in out)) out[name] = m[2] ?? m[3] ?? m[4] ?? "";
  }
  return out;
}

/**
 * Calls `visit` for each tag; for raw-text elements (script, style) in HTML
 * mode, `content` is the text up to the closing tag. Return false to stop.
 */
export function scanTags(
  text: string,
  visit: (tag: ScannedTag, content?: string) => boolean | undefined,
  opts: { html: boolean } = { html: true },
): void {
  const n = text.length;
  let lower: string | undefined;
  let i = 0;
  while (i < n) {
    const lt = findChar(text, 60, i);
    if (lt < 0 || lt + 1 >= n) return;
    if (matchesAt(text, "<!--", lt)) {
      const end = findSeq(text, "-->", lt + 4);
      if (end < 0) return;
      i = end + 3;
      continue;
    }
    if (matchesAt(text, "<![CDATA[", lt)) {
      const end = findSeq(text, "]]>", lt + 9);
      if (end < 0) return;
      i = end + 3;
      continue;
    }
    const closing = text.charCodeAt(lt + 1) === 47;
    const nameStart = closing ? lt + 2 : lt + 1;
    let j = nameStart;
    while (j < n && j - nameStart < 64) {
      const ch = text.charCodeAt(j);
      const ok =
        (ch >= 97 && ch <= 122) ||
        (ch >= 65 && ch <= 90) ||
        (ch >= 48 && ch <= 57) ||
        ch === 58 ||
        ch === 45 ||
        ch === 95 ||
        ch === 46;
      if (!ok) break;
      j++;
    }
    if (j === nameStart) {
      i = lt + 1;
      continue;
    }
    const gt = findChar(text, 62, j);
    if (gt < 0) return;
    const name = text.slice(nameStart, j).toLowerCase();
    const rawAttrs = text.slice(j, gt);
    const selfClosing = text.charCodeAt(gt - 1) === 47;
    const tag: ScannedTag = { name, closing, selfClosing, rawAttrs, start: lt, end: gt + 1 };
    if (opts.html && !closing && !selfClosing && RAW_TEXT.has(name)) {
      lower ??= text.toLowerCase();
      const close = findSeq(lower, `</${name}`, gt + 1);
      const contentEnd = close < 0 ? n : close;
      if (visit(tag, text.slice(gt + 1, contentEnd)) === false) return;
      if (close < 0) return;
      const closeGt = findChar(text, 62, close);
      if (closeGt < 0) return;
      i = closeGt + 1;
      continue;
    }
    if (visit(tag) === false) return;
    i = gt + 1;
  }
}

// Plain loops instead of String#indexOf: optimised indexOf calls on large
// two-byte strings were seen to go quadratic after JIT warm-up.
export function findChar(s: string, code: number, from: number): number {
  const n = s.length;
  for (let k = from; k < n; k++) if (s.charCodeAt(k) === code) return k;
  return -1;
}

function matchesAt(s: string, needle: string, at: number): boolean {
  if (at + needle.length > s.length) return false;
  for (let k = 0; k < needle.length; k++) if (s.charCodeAt(at + k) !== needle.charCodeAt(k)) return false;
  return true;
}

export function findSeq(s: string, needle: string, from: number): number {
  const first = needle.charCodeAt(0);
  let k = from;
  for (;;) {
    k = findChar(s, first, k);
    if (k < 0) return -1;
    if (matchesAt(s, needle, k)) return k;
    k++;
  }
}

const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
  "keygen",
  "command",
]);
const OPTIONAL_END = new Set([
  "p",
  "li",
  "dt",
  "dd",
  "tr",
  "td",
  "th",
  "option",
  "optgroup",
  "thead",
  "tbody",
  "tfoot",
  "colgroup",
  "rt",
  "rp",
  "html",
  "head",
  "body",
]);

/** Deepest element nesting, counting only elements that must be closed. */
export function maxNesting(text: string, opts: { html: boolean } = { html: true }): number {
  let depth = 0;
  let max = 0;
  scanTags(
    text,
    (tag) => {
      if (tag.name.startsWith("!") || tag.name.startsWith("?")) return true;
      if (opts.html && (VOID.has(tag.name) || OPTIONAL_END.has(tag.name))) return true;
      if (tag.closing) depth = Math.max(0, depth - 1);
      else if (!tag.selfClosing) {
        depth++;
        if (depth > max) max = depth;
      }
      return true;
    },
    opts,
  );
  return max;
}

export interface FeedPrescan {
  maxDepth: number;
  /** Offset of the entry past `keep`; the DOM only needs the text before it. */
  cut?: number;
  /** Opening item/entry tags at or after `cut`. */
  entriesAfterCut: number;
}

/** One linear pass over a feed: nesting depth, and where to stop building a DOM. */
export function prescanFeed(text: string, keep: number): FeedPrescan {
  let depth = 0;
  let maxDepth = 0;
  let entries = 0;
  let cut: number | undefined;
  let after = 0;
  scanTags(
    text,
    (tag) => {
      if (tag.name.startsWith("!") || tag.name.startsWith("?")) return true;
      if (tag.closing) {
        depth = Math.max(0, depth - 1);
        return true;
      }
      if (!tag.selfClosing) {
        depth++;
        if (depth > maxDepth) maxDepth = depth;
      }
      const colon = tag.name.indexOf(":");
      const local = colon >= 0 ? tag.name.slice(colon + 1) : tag.name;
      if (local === "item" || local === "entry") {
        entries++;
        if (entries === keep + 1) cut = tag.start;
        if (cut !== undefined) after++;
      }
      return true;
    },
    { html: false },
  );
  return { maxDepth, ...(cut !== undefined ? { cut } : {}), entriesAfterCut: after };
}
