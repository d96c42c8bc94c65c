import { findSeq } from "../markup-scan.ts";

/**
 * Tolerant readers for the JSON-LD that real pages ship. `parseTolerant` matches
 * what a lenient JSON reader accepts (raw control characters inside strings);
 * `repairJson` goes further and fixes the usual hand-made breakage. Both are
 * single linear passes so a hostile 5 MB block cannot stall the parser.
 */

export type JsonParse = { ok: true; value: unknown; controlChars: boolean } | { ok: false; error: string };

/** Escapes raw U+0000–U+001F inside string literals; everything else is untouched. */
export function escapeControlCharsInStrings(src: string): { text: string; changed: boolean } {
  let out = "";
  let inString = false;
  let changed = false;
  let last = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      else if (c < 0x20) {
        out += `${src.slice(last, i)}\\u${c.toString(16).padStart(4, "0")}`;
        last = i + 1;
        changed = true;
      }
    } else if (c === 0x22) inString = true;
  }
  return { text: changed ? out + src.slice(last) : src, changed };
}

export function parseTolerant(src: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(src), controlChars: false };
  } catch (first) {
    const esc = escapeControlCharsInStrings(src);
    if (esc.changed) {
      try {
        return { ok: true, value: JSON.parse(esc.text), controlChars: true };
      } catch {
        /* fall through to the original error */
      }
    }
    return { ok: false, error: (first as Error).message };
  }
}

const HEAD_WRAPPERS = [/^(?:\/\/|\/\*)?\s*<!\[CDATA\[\s*(?:\*\/)?/, /^<!--/];
const TAIL_WRAPPERS = [/(?:\/\/|\/\*)?\s*\]\]>\s*(?:\*\/)?$/, /-->$/];

/** Wrapper patterns run on short ends only: a `\s*` scan over a huge body is quadratic. */
function stripWrappers(input: string): string {
  let src = input.trim();
  for (const re of HEAD_WRAPPERS) src = src.replace(re, "").trimStart();
  const cut = Math.max(0, src.length - 64);
  let tail = src.slice(cut);
  for (const re of TAIL_WRAPPERS) tail = tail.replace(re, "").trimEnd();
  return src.slice(0, cut) + tail;
}

function decodeBasicEntities(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#0*34;/g, '"')
    .replace(/&#0*39;|&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/**
 * Rewrites near-JSON into JSON: strips CDATA/comment wrappers and JS comments,
 * turns single-quoted strings into double-quoted ones, drops `\'` escapes,
 * trailing commas and whatever follows the first complete value (a `;`), and
 * closes brackets a truncated block left open.
 */
const MAX_REPAIR_DEPTH = 512;

export function repairJson(input: string): string {
  let src = stripWrappers(input);
  if (/^[{[]\s*&quot;/.test(src)) src = decodeBasicEntities(src);
  const parts: string[] = [];
  let pendingComma = -1;
  const push = (tok: string) => {
    if (tok === ",") pendingComma = parts.length;
    else if (tok.trim() !== "") pendingComma = -1;
    parts.push(tok);
  };
  const dropTrailingComma = () => {
    if (pendingComma >= 0) parts[pendingComma] = "";
    pendingComma = -1;
  };
  const stack: string[] = [];
  let started = false;
  let i = 0;
  const n = src.length;
  while (i < n) {
    const ch = src[i] as string;
    if (ch === '"' || ch === "'") {
      const quote = ch;
      let s = '"';
      i++;
      while (i < n && src[i] !== quote) {
        const c = src[i] as string;
        if (c === "\\") {
          const next = src[i + 1] ?? "";
          if (next === "'") s += "'";
          else if (next === '"' || "\\/bfnrtu".includes(next)) s += c + next;
          else s += next;
          i += 2;
          continue;
        }
        if (c === '"') s += '\\"';
        else if (c.charCodeAt(0) < 0x20) s += `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
        else s += c;
        i++;
      }
      push(`${s}"`);
      i++;
      continue;
    }
    if (ch === "/" && src[i + 1] === "/") {
      while (i < n && src[i] !== "\n") i++;
      continue;
    }
    if (ch === "/" && src[i + 1] === "*") {
      const end = findSeq(src, "*/", i + 2);
      i = end < 0 ? n : end + 2;
      continue;
    }
    if (ch === "{" || ch === "[") {
      // Real JSON-LD nests a dozen levels; thousands means garbage, and JSON.parse recurses.
      if (stack.length >= MAX_REPAIR_DEPTH) throw new Error("nesting too deep to repair");
      stack.push(ch === "{" ? "}" : "]");
      started = true;
      push(ch);
      i++;
      continue;
    }
    if (ch === "}" || ch === "]") {
      dropTrailingComma();
      if (stack.length > 0) stack.pop();
      push(ch);
      i++;
      if (started && stack.length === 0) break;
      continue;
    }
    push(ch);
    i++;
  }
  dropTrailingComma();
  let out = parts.join("");
  if (stack.length > 0) {
    let j = out.length;
    while (j > 0 && /[,\s]/.test(out[j - 1] as string)) j--;
    out = out.slice(0, j);
    if (out.endsWith(":")) out += " null";
    while (stack.length > 0) out += stack.pop();
  }
  return out;
}

export function parseRepaired(src: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(repairJson(src)) };
  } catch {
    return { ok: false };
  }
}
