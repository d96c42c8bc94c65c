/**
 * Escaping for every output format. Review text is hostile by default: it may
 * hold markup, `]]>`, NULs or lone surrogates pasted from anywhere.
 */

// Outside XML 1.0's Char production (NUL and C0 controls, lone surrogates, U+FFFE/U+FFFF),
// plus C1 controls and DEL, which XML allows but feed readers and mail clients choke on.
const NOT_XML_SAFE = /[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

export function stripInvalidXmlChars(s: string): string {
  return s.replace(NOT_XML_SAFE, "");
}

const XML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
// HTML4 mail clients do not all know &apos;.
const HTML_ENTITIES: Record<string, string> = { ...XML_ENTITIES, "'": "&#39;" };

/** Text or attribute value for XML; `>` is escaped too so `]]>` can never appear. */
export function escapeXml(s: string): string {
  return stripInvalidXmlChars(s).replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);
}

export function escapeHtml(s: string): string {
  return stripInvalidXmlChars(s).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

/** Only http(s) links reach a feed or an email; anything else (javascript:, data:) is dropped. */
export function safeUrl(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.toString() : null;
  } catch {
    return null;
  }
}

/** RFC 822 date as RSS wants it, e.g. "Mon, 23 Nov 2026 00:41:02 GMT" (4-digit year, RFC 1123 form). */
export function rfc822(d: Date): string {
  return d.toUTCString();
}

/** RFC 3339 in UTC, without the milliseconds nobody needs in a feed. */
export function rfc3339(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}
