/**
 * A strict well-formedness check for the feeds. The DOM parser catches
 * structure errors (mismatched tags, duplicate attributes, unknown entities);
 * it tolerates a bare `&`, NUL and a stray `]]>`, so those lexical rules of
 * XML 1.0 are checked here first.
 */
import { DOMParser, type Document } from "@xmldom/xmldom";

const ILLEGAL_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
const BARE_AMPERSAND = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;

export function parseStrictXml(xml: string): Document {
  const bad = ILLEGAL_CHAR.exec(xml);
  if (bad) throw new Error(`character U+${bad[0].codePointAt(0)?.toString(16)} is not allowed in XML 1.0`);
  const amp = BARE_AMPERSAND.exec(xml);
  if (amp) throw new Error(`bare & at ${amp.index}: ${xml.slice(amp.index, amp.index + 20)}`);
  // Outside CDATA sections (which the feeds never use), "]]>" is forbidden in character data.
  if (xml.includes("]]>")) throw new Error("]]> in character data");
  const doc = new DOMParser({
    onError: (level, message) => {
      throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(xml, "application/xml");
  if (!doc.documentElement) throw new Error("no root element");
  return doc;
}

/** Text of the direct children named `name` (namespace-agnostic local name). */
export function childTexts(parent: { childNodes: ArrayLike<unknown> }, name: string): string[] {
  const out: string[] = [];
  for (const n of Array.from(parent.childNodes) as Array<{
    nodeType: number;
    localName?: string | null;
    textContent?: string | null;
  }>) {
    if (n.nodeType === 1 && n.localName === name) out.push(n.textContent ?? "");
  }
  return out;
}
