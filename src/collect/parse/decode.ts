import { gunzipSync } from "node:zlib";
import { ParseError } from "../types.ts";

/** Bodies past this size after gunzip are refused rather than parsed (a gzip bomb guard). */
export const MAX_DECODED_BYTES = 32 * 1024 * 1024;

export interface DecodedText {
  text: string;
  encoding: string;
  /** How the encoding was chosen: bom, pattern, http, xml, meta, sniff, fallback. */
  source: string;
  gzipped: boolean;
  warnings: string[];
}

const ALIASES: Record<string, string> = {
  "utf-16": "utf-16le",
  "ucs-2": "utf-16le",
  "iso-10646-ucs-2": "utf-16le",
  unicode: "utf-16le",
  "utf-32": "utf-32le",
  utf8: "utf-8",
  latin1: "iso-8859-1",
  cp1252: "windows-1252",
  cp1251: "windows-1251",
  sjis: "shift_jis",
  "x-sjis": "shift_jis",
  eucjp: "euc-jp",
  euckr: "euc-kr",
};

export function maybeGunzip(body: Uint8Array): { bytes: Uint8Array; gzipped: boolean } {
  if (body.length < 3 || body[0] !== 0x1f || body[1] !== 0x8b || body[2] !== 0x08) {
    return { bytes: body, gzipped: false };
  }
  try {
    return { bytes: gunzipSync(body, { maxOutputLength: MAX_DECODED_BYTES }), gzipped: true };
  } catch (err) {
    const tooBig = err instanceof RangeError || String((err as Error).message).includes("maxOutputLength");
    throw new ParseError(tooBig ? "too_large" : "invalid_input", "gzip body could not be inflated", { cause: err });
  }
}

function decodeUtf32(bytes: Uint8Array, littleEndian: boolean, offset: number): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = offset; i + 3 < bytes.length; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    chunk.push(cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? cp : 0xfffd);
    if (chunk.length >= 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  return parts.join("");
}

/** windows-1252 for bytes 0x80–0x9F (WHATWG); undefined bytes map to themselves. */
export const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

const LATIN1_LABELS = new Set([
  "windows-1252",
  "iso-8859-1",
  "latin1",
  "us-ascii",
  "ascii",
  "cp1252",
  "l1",
  "iso_8859-1",
  "iso8859-1",
  "x-cp1252",
]);

/** Some Node builds decode windows-1252 as plain latin1; C1 controls are mapped here so smart quotes survive. */
export function fixCp1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) =>
    String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c.charCodeAt(0)),
  );
}

function normaliseLabel(label: string): string {
  const l = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, "");
  return ALIASES[l] ?? l;
}

/** A decoder for a label, or undefined when neither ICU nor our UTF-32 path knows it. */
function decoderFor(label: string, fatal: boolean): ((b: Uint8Array) => string) | undefined {
  const l = normaliseLabel(label);
  if (l === "utf-32le" || l === "utf-32be") return (b) => decodeUtf32(b, l === "utf-32le", 0);
  try {
    const d = new TextDecoder(l, { fatal, ignoreBOM: false });
    if (LATIN1_LABELS.has(l) || d.encoding === "windows-1252") return (b) => fixCp1252(d.decode(b));
    return (b) => d.decode(b);
  } catch {
    return undefined;
  }
}

function detectBom(b: Uint8Array): { encoding: string; skip: number } | undefined {
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return { encoding: "utf-32le", skip: 4 };
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return { encoding: "utf-32be", skip: 4 };
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: "utf-8", skip: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: "utf-16le", skip: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: "utf-16be", skip: 2 };
  return undefined;
}

/** BOM-less UTF-16/32: an ASCII '<', '{' or whitespace padded with zero bytes. */
function detectZeroPattern(b: Uint8Array): string | undefined {
  if (b.length < 4) return undefined;
  const [a, c, d, e] = [b[0], b[1], b[2], b[3]];
  if (a === 0 && c === 0 && d === 0 && e !== 0) return "utf-32be";
  if (a !== 0 && c === 0 && d === 0 && e === 0) return "utf-32le";
  if (a === 0 && c !== 0 && d === 0 && e !== 0) return "utf-16be";
  if (a !== 0 && c === 0 && d !== 0 && e === 0) return "utf-16le";
  return undefined;
}

function asciiHead(b: Uint8Array, n: number): string {
  let s = "";
  const end = Math.min(b.length, n);
  for (let i = 0; i < end; i++) s += String.fromCharCode(b[i] as number);
  return s;
}

export function charsetFromContentType(ct: string | undefined): string | undefined {
  if (!ct) return undefined;
  return /charset\s*=\s*["']?([\w.:-]+)/i.exec(ct)?.[1];
}

function declaredInDocument(head: string): { label: string; source: string } | undefined {
  const xml = /^\s*(?:<!--[\s\S]*?-->\s*)*<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml?.[1]) return { label: xml[1], source: "xml" };
  const meta =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset=([\w.:-]+)/i.exec(head);
  if (meta?.[1]) return { label: meta[1], source: "meta" };
  return undefined;
}

function unsupported(label: string): ParseError {
  return new ParseError("unsupported_encoding", `unsupported character encoding "${label.slice(0, 40)}"`);
}

/**
 * Bytes to text. Order: BOM, zero-byte pattern, HTTP charset, XML declaration or
 * <meta charset>, then UTF-8 if the bytes are valid UTF-8, else windows-1252
 * (what browsers do for unlabelled Western pages). A label that is declared but
 * unknown is an error: guessing would silently corrupt the text.
 */
export function decodeBody(body: Uint8Array, contentType?: string): DecodedText {
  const { bytes, gzipped } = maybeGunzip(body);
  const warnings: string[] = [];
  const done = (text: string, encoding: string, source: string): DecodedText => ({
    text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text,
    encoding,
    source,
    gzipped,
    warnings,
  });

  const bom = detectBom(bytes);
  if (bom) {
    const rest = bytes.subarray(bom.skip);
    const dec = decoderFor(bom.encoding, false) as (b: Uint8Array) => string;
    return done(dec(rest), bom.encoding, "bom");
  }
  const pattern = detectZeroPattern(bytes);
  if (pattern) return done((decoderFor(pattern, false) as (b: Uint8Array) => string)(bytes), pattern, "pattern");

  const fromHttp = charsetFromContentType(contentType);
  const fromDoc = declaredInDocument(asciiHead(bytes, 4096));
  const declared = fromHttp ? { label: fromHttp, source: "http" } : fromDoc;
  if (declared) {
    let label = normaliseLabel(declared.label);
    // An 8-bit document cannot really be UTF-16/32; browsers read such labels as UTF-8.
    if (label.startsWith("utf-16") || label.startsWith("utf-32")) label = "utf-8";
    const strict = decoderFor(label, true);
    if (!strict) throw unsupported(declared.label);
    try {
      return done(strict(bytes), label, declared.source);
    } catch {
      if (label === "utf-8") {
        warnings.push("declared utf-8 but bytes are not valid utf-8; decoded as windows-1252");
        return done(fixCp1252(new TextDecoder("windows-1252").decode(bytes)), "windows-1252", "fallback");
      }
      warnings.push(`bytes invalid for declared ${label}; invalid sequences replaced`);
      return done((decoderFor(label, false) as (b: Uint8Array) => string)(bytes), label, declared.source);
    }
  }
  try {
    return done(new TextDecoder("utf-8", { fatal: true }).decode(bytes), "utf-8", "sniff");
  } catch {
    return done(fixCp1252(new TextDecoder("windows-1252").decode(bytes)), "windows-1252", "fallback");
  }
}
