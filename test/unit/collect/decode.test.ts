import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { decodeBody, ParseError, parseDocument } from "../../../src/collect/index.ts";

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const feed = (title: string) =>
  `<rss version="2.0"><channel><item><title>${title}</title><guid>1</guid></item></channel></rss>`;

function utf16(s: string, le: boolean, bom: boolean): Uint8Array {
  const out: number[] = bom ? (le ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out.push(...(le ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return Uint8Array.from(out);
}

function utf32(s: string, le: boolean): Uint8Array {
  const out: number[] = le ? [0xff, 0xfe, 0, 0] : [0, 0, 0xfe, 0xff];
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    const b = [cp >>> 24, (cp >>> 16) & 0xff, (cp >>> 8) & 0xff, cp & 0xff];
    out.push(...(le ? b.reverse() : b));
  }
  return Uint8Array.from(out);
}

const titleOf = (body: Uint8Array, contentType?: string) =>
  parseDocument({ body, url: "http://127.0.0.1/f.xml", contentType, kind: "feed" }).mentions[0]?.title;

describe("charset detection", () => {
  it("follows the XML declaration (ISO-8859-1)", () => {
    expect(titleOf(latin1(`<?xml version="1.0" encoding="ISO-8859-1"?>${feed("caf\xe9")}`))).toBe("café");
  });

  it("reads undeclared non-UTF-8 bytes as windows-1252", () => {
    const r = decodeBody(latin1(feed("it\x92s")));
    expect(r.encoding).toBe("windows-1252");
    expect(r.text).toContain("it’s");
  });

  it("lets the HTTP charset win over the document", () => {
    const body = latin1(`<?xml version="1.0" encoding="utf-8"?>${feed("\xe9t\xe9")}`);
    expect(titleOf(body, "application/xml; charset=iso-8859-1")).toBe("été");
  });

  it.each([
    ["UTF-16LE with BOM", utf16(feed("żółw"), true, true)],
    ["UTF-16BE with BOM", utf16(feed("żółw"), false, true)],
    ["UTF-16LE without BOM", utf16(`<?xml version="1.0" encoding="utf-16"?>${feed("żółw")}`, true, false)],
    ["UTF-16BE without BOM", utf16(`<?xml version="1.0" encoding="utf-16"?>${feed("żółw")}`, false, false)],
    ["UTF-32LE with BOM", utf32(feed("żółw 🐢"), true)],
    ["UTF-32BE with BOM", utf32(feed("żółw 🐢"), false)],
    ["UTF-8 with BOM", new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(feed("żółw"))])],
  ])("%s", (_name, body) => {
    expect(titleOf(body)).toMatch(/^żółw/);
  });

  it("reads <meta charset> in HTML", () => {
    const cyr = new Uint8Array([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]);
    const head = new TextEncoder().encode('<html><head><meta charset="windows-1251"></head><body><p>');
    const body = new Uint8Array([...head, ...cyr, ...new TextEncoder().encode("</p></body></html>")]);
    expect(decodeBody(body).text).toContain("Привет");
  });

  it("reads the http-equiv content-type meta", () => {
    const body = latin1(
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"></head><body>\xf0\xd2\xc9\xd7\xc5\xd4</body></html>',
    );
    expect(decodeBody(body).text).toContain("Привет");
  });

  it("inflates gzip bodies served without Content-Encoding", () => {
    const r = parseDocument({ body: gzipSync(feed("zipped")), url: "http://127.0.0.1/f.xml" });
    expect(r.mentions[0]?.title).toBe("zipped");
    expect(r.details.gzipped).toBe(true);
  });

  it("refuses a gzip bomb past the size cap", () => {
    const bomb = gzipSync(new Uint8Array(40 * 1024 * 1024));
    expect(() => decodeBody(bomb)).toThrow(expect.objectContaining({ name: "ParseError", code: "too_large" }));
  });

  it("rejects an unknown declared encoding with unsupported_encoding", () => {
    const body = latin1(`<?xml version="1.0" encoding="x-no-such-charset"?>${feed("x")}`);
    expect(() => parseDocument({ body, url: "http://127.0.0.1/f.xml" })).toThrow(ParseError);
    try {
      parseDocument({ body, url: "http://127.0.0.1/f.xml" });
    } catch (e) {
      expect((e as ParseError).code).toBe("unsupported_encoding");
    }
  });

  it.each(["big5", "euc-jp", "shift_jis", "koi8-r", "windows-1255", "iso-8859-7", "euc-kr", "gb18030"])(
    "decodes %s through ICU",
    (label) => {
      const r = decodeBody(latin1(`<?xml version="1.0" encoding="${label}"?><rss/>`));
      expect(r.encoding).toBe(label);
    },
  );
});
