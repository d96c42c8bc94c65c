import { type CheerioAPI, load } from "cheerio";
import type { RawMention } from "../../types.ts";
import { ParseError } from "../../types.ts";
import { attr, type DomNode, rootNode } from "../html/dom.ts";
import { prescanFeed } from "../markup-scan.ts";
import { type ParseResult, result } from "../result.ts";
import { sniff } from "../sniff.ts";
import { hashId, htmlToText, resolveUrl, toIsoDate } from "../util.ts";

/** Feeds nested deeper than this are refused: real feeds stay under 50, and DOM building is quadratic in depth. */
export const MAX_FEED_NESTING = 1500;
/** Entries turned into mentions per document; `items` still counts them all. */
export const MAX_FEED_MENTIONS = 5000;

const ATOM10_NS = "http://www.w3.org/2005/Atom";
const RSS10_NS = "http://purl.org/rss/1.0/";
const RSS090_NS = "http://my.netscape.com/rdf/simple/0.9/";
const RSS_VERSIONS: Record<string, string> = { "0.91": "rss091", "0.92": "rss092", "0.93": "rss093", "0.94": "rss094" };

function localName(n: DomNode): string {
  const name = n.name ?? "";
  const i = name.indexOf(":");
  return (i >= 0 ? name.slice(i + 1) : name).toLowerCase();
}

function prefixOf(n: DomNode): string {
  const name = n.name ?? "";
  const i = name.indexOf(":");
  return i >= 0 ? name.slice(0, i) : "";
}

function namespaces(n: DomNode): string[] {
  return Object.entries(n.attribs ?? {})
    .filter(([k]) => k === "xmlns" || k.startsWith("xmlns:"))
    .map(([, v]) => v.trim());
}

/** feedparser's version names, so stored formats match what other tools report. */
export function feedFormat(root: DomNode): string | undefined {
  const name = localName(root);
  const ns = namespaces(root);
  if (name === "rss") {
    const v = (attr(root, "version") ?? "").trim();
    return RSS_VERSIONS[v] ?? (v.startsWith("2.") ? "rss20" : "rss");
  }
  if (name === "feed") {
    if (ns.includes(ATOM10_NS)) return "atom10";
    const v = (attr(root, "version") ?? "").trim();
    return v === "0.3" ? "atom03" : v === "0.2" ? "atom02" : v === "0.1" ? "atom01" : "atom";
  }
  if (name === "rdf") {
    if (ns.includes(RSS090_NS)) return "rss090";
    return "rss10";
  }
  if (name === "channel") return "rss";
  return undefined;
}

function isFeedElement(n: DomNode): boolean {
  const prefix = prefixOf(n);
  if (prefix === "") return true;
  const ns = namespaceOf(n, prefix);
  return ns !== undefined && FEED_NAMESPACES.has(ns);
}

function children(n: DomNode): DomNode[] {
  return (n.children ?? []).filter((c) => c.type === "tag");
}

function child(n: DomNode, name: string): DomNode | undefined {
  return children(n).find((c) => localName(c) === name);
}

function allChildren(n: DomNode, name: string): DomNode[] {
  return children(n).filter((c) => localName(c) === name);
}

function rawText(n: DomNode | undefined, $: CheerioAPI): string {
  if (!n) return "";
  const el = $(n as never);
  return children(n).length > 0 ? (el.html() ?? "") : el.text();
}

function textOfChild(n: DomNode, $: CheerioAPI, ...names: string[]): string {
  for (const name of names) {
    const c = child(n, name);
    const t = c ? htmlToText(rawText(c, $)) : "";
    if (t) return t;
  }
  return "";
}

/** The xml:base in scope for a node, resolved outward up to the document URL. */
function baseFor(n: DomNode, docUrl: string | undefined): string | undefined {
  const chain: string[] = [];
  for (let p: DomNode | null | undefined = n; p; p = p.parent) {
    const b = attr(p, "xml:base");
    if (b !== undefined) chain.push(b);
  }
  let base = docUrl;
  for (let i = chain.length - 1; i >= 0; i--) base = resolveUrl(chain[i], base) ?? base;
  return base;
}

function entryLink(entry: DomNode, $: CheerioAPI): string | undefined {
  const links = allChildren(entry, "link");
  const alt =
    links.find((l) => attr(l, "href") && (!attr(l, "rel") || attr(l, "rel") === "alternate")) ??
    links.find((l) => attr(l, "href") && attr(l, "rel") !== "self" && attr(l, "rel") !== "enclosure");
  if (alt) return attr(alt, "href")?.trim();
  for (const l of links) {
    const t = $(l as never)
      .text()
      .trim();
    if (t) return t;
  }
  return undefined;
}

function entryAuthor(entry: DomNode, $: CheerioAPI): string | undefined {
  const a = child(entry, "author");
  if (a) {
    const name = child(a, "name");
    const t = htmlToText(name ? $(name as never).text() : $(a as never).text());
    if (t) return t;
  }
  return textOfChild(entry, $, "creator") || undefined;
}

function toMention(entry: DomNode, $: CheerioAPI, docUrl: string | undefined): RawMention | undefined {
  const base = baseFor(entry, docUrl);
  const title = textOfChild(entry, $, "title");
  const body = textOfChild(entry, $, "encoded", "content", "description", "summary");
  const link = resolveUrl(entryLink(entry, $), base);
  const guid = textOfChild(entry, $, "guid", "id") || attr(entry, "rdf:about");
  const published = textOfChild(entry, $, "pubdate", "published", "issued", "date", "created");
  const updated = textOfChild(entry, $, "updated", "modified");
  if (!title && !body && !link) return undefined;
  const author = entryAuthor(entry, $);
  const publishedAt = toIsoDate(published || updated);
  const updatedAt = toIsoDate(updated);
  return {
    externalId: guid || link || hashId("feed", title, body),
    kind: "article",
    ...(link ? { url: link } : {}),
    ...(title ? { title } : {}),
    text: body || title,
    ...(author ? { author: { name: author } } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    ...(updatedAt ? { updatedAt } : {}),
  };
}

/** Namespace URI bound to a prefix at this node (declarations on the node or its ancestors). */
function namespaceOf(n: DomNode, prefix: string): string | undefined {
  const key = prefix ? `xmlns:${prefix}` : "xmlns";
  for (let p: DomNode | null | undefined = n; p; p = p.parent) {
    const v = attr(p, key);
    if (v !== undefined) return v.trim();
  }
  return undefined;
}

const FEED_NAMESPACES = new Set([ATOM10_NS, RSS10_NS, RSS090_NS, "http://purl.org/atom/ns#"]);

/** A top-level feed root, else one wrapped in other markup (an XHTML page embedding an Atom feed). */
function findFeedRoot(top: DomNode[]): DomNode | undefined {
  for (const el of top) if (feedFormat(el)) return el;
  const queue = [...top];
  for (let seen = 0; queue.length > 0 && seen < 5000; seen++) {
    const n = queue.shift() as DomNode;
    const ln = localName(n);
    if (ln === "rss" && attr(n, "version")) return n;
    if ((ln === "feed" || ln === "rdf") && namespaces(n).some((ns) => FEED_NAMESPACES.has(ns))) return n;
    queue.push(...children(n));
  }
  return undefined;
}

/**
 * Lenient XML feed reading. Policy: accept and recover. Anything whose root
 * element is rss, feed, rdf:RDF or channel is read as a feed even when it is
 * not well-formed (bad entities, unclosed tags, junk before `<?xml`), with a
 * warning; a document with no such root (HTML, line noise, nothing) is a
 * ParseError, never an empty success.
 */
export function parseXmlFeed(text: string, docUrl?: string): ParseResult {
  const trimmed = text.replace(/^[\s\ufeff]+/, "");
  if (!/<[a-zA-Z]/.test(trimmed)) {
    const empty = sniff(trimmed).type === "empty";
    throw new ParseError(
      empty ? "empty_document" : "not_a_feed",
      empty ? "document has no elements" : "no XML elements found",
    );
  }
  const pre = prescanFeed(trimmed, MAX_FEED_MENTIONS);
  if (pre.maxDepth > MAX_FEED_NESTING) throw new ParseError("malformed_xml", `elements nested ${pre.maxDepth} deep`);
  // Entries past the cap are counted by the scan but never built into a DOM.
  const $ = load(pre.cut !== undefined ? trimmed.slice(0, pre.cut) : trimmed, { xml: true });
  const top = children(rootNode($));
  const root = findFeedRoot(top);
  if (!root) {
    const first = top[0] ? localName(top[0]) : "";
    throw new ParseError("not_a_feed", `root element <${first.slice(0, 40)}> is not rss, feed or rdf:RDF`);
  }
  const format = feedFormat(root) as string;
  const warnings: string[] = [];
  if (trimmed !== text) warnings.push("whitespace before the XML declaration");
  const feedNs = new Set(namespaces(root));
  const entries: DomNode[] = [];
  const stack = [...children(root)].reverse();
  while (stack.length > 0) {
    const n = stack.pop() as DomNode;
    const ln = localName(n);
    if ((ln === "item" || ln === "entry") && isFeedElement(n)) entries.push(n);
    const kids = children(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as DomNode);
  }
  const seen = new Set<string>();
  const mentions: RawMention[] = [];
  if (pre.cut !== undefined) warnings.push(`only the first ${MAX_FEED_MENTIONS} entries were read`);
  for (const e of entries) {
    const m = toMention(e, $, docUrl);
    if (!m) continue;
    const keys = [m.externalId, m.url, hashId(m.title, m.text)].filter(Boolean) as string[];
    if (keys.some((k) => seen.has(k))) continue;
    for (const k of keys) seen.add(k);
    mentions.push(m);
  }
  if (mentions.length < entries.length)
    warnings.push(`${entries.length - mentions.length} empty or duplicate entries dropped`);
  const channel = format.startsWith("atom") ? root : (child(root, "channel") ?? root);
  return result(format, {
    mentions,
    warnings,
    details: {
      items: entries.length + pre.entriesAfterCut,
      title: textOfChild(channel, $, "title") || undefined,
      link: resolveUrl(entryLink(channel, $), baseFor(channel, docUrl)),
      namespaces: [...feedNs],
    },
  });
}
