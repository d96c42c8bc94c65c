import { parse as parseCsv } from "csv-parse/sync";
import { decodeBody } from "../parse/decode.ts";
import { hashId, htmlToText, isObject, str, toIsoDate, toNumber } from "../parse/util.ts";
import type { RawMention } from "../types.ts";
import { ParseError } from "../types.ts";
import { type ColumnMapping, guessMapping } from "./mapping.ts";

export interface ImportOptions {
  format?: "csv" | "json";
  mapping?: ColumnMapping;
  /** Top of the rating scale in the file (default 5; 10 and 100 are inferred from the values). */
  ratingBest?: number;
  /** Where the review array sits in a JSON export (dotted path), if not at the top or under a known key. */
  jsonPath?: string;
  maxRows?: number;
}

export interface RejectedRow {
  /** 1-based data row (header excluded) for CSV, 1-based array index for JSON. */
  row: number;
  /** 1-based line in the file where the row starts (CSV only). */
  line?: number;
  reason: string;
}

export interface ImportReport {
  format: "csv" | "json";
  mapping: ColumnMapping;
  total: number;
  mentions: RawMention[];
  rejected: RejectedRow[];
}

function get(rec: Record<string, unknown>, path: string | undefined): unknown {
  if (!path) return undefined;
  if (path in rec) return rec[path];
  let cur: unknown = rec;
  for (const part of path.split(".")) {
    if (!isObject(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

function jsonRows(v: unknown, path?: string): unknown[] {
  if (path) {
    const at = get(isObject(v) ? v : {}, path);
    if (Array.isArray(at)) return at;
    throw new ParseError("invalid_input", `no array at "${path}" in the JSON export`);
  }
  if (Array.isArray(v)) return v;
  if (isObject(v))
    for (const k of ["reviews", "data", "items", "results", "records", "avis"]) if (Array.isArray(v[k])) return v[k];
  throw new ParseError("invalid_input", "JSON export must be an array of reviews or hold one under reviews/data/items");
}

function rowToMention(
  rec: Record<string, unknown>,
  m: ColumnMapping,
  opts: ImportOptions,
  seen: Set<string>,
): RawMention | string {
  const rawText = str(get(rec, m.text));
  const text = htmlToText(rawText ?? "");
  if (!text) return m.text ? `empty "${m.text}"` : "no text column";
  const rawRating = get(rec, m.rating);
  let rating: RawMention["rating"];
  if (m.rating && rawRating !== undefined && rawRating !== null && String(rawRating).trim() !== "") {
    const value = toNumber(rawRating);
    if (value === undefined) return `rating "${String(rawRating).slice(0, 20)}" is not a number`;
    const best = opts.ratingBest ?? (value <= 5 ? 5 : value <= 10 ? 10 : 100);
    if (value < 0 || value > best) return `rating ${value} outside 0–${best}`;
    rating = { value, best, worst: value < 1 ? 0 : 1 };
  }
  const rawDate = get(rec, m.date);
  let publishedAt: string | undefined;
  if (m.date && rawDate !== undefined && rawDate !== null && String(rawDate).trim() !== "") {
    publishedAt = toIsoDate(/^\d{1,2}\/\d{1,2}\/\d{4}/.test(String(rawDate)) ? frenchDate(String(rawDate)) : rawDate);
    if (!publishedAt) return `date "${String(rawDate).slice(0, 30)}" is not readable`;
  }
  const author = str(get(rec, m.author))?.trim();
  const id = str(get(rec, m.id))?.trim();
  const externalId = id || hashId("import", author, publishedAt, text);
  if (seen.has(externalId)) return id ? `duplicate id "${id.slice(0, 40)}"` : "duplicate row";
  seen.add(externalId);
  const url = str(get(rec, m.url))?.trim();
  const title = str(get(rec, m.title))?.trim();
  const lang = str(get(rec, m.lang))?.trim();
  const reply = htmlToText(str(get(rec, m.reply)) ?? "");
  return {
    externalId,
    kind: "review",
    ...(url ? { url } : {}),
    ...(title ? { title } : {}),
    text,
    ...(author ? { author: { name: author } } : {}),
    ...(rating ? { rating } : {}),
    ...(lang ? { lang } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    ...(reply ? { reply: { text: reply } } : {}),
  };
}

/** dd/mm/yyyy (French exports); returns an ISO-ish string toIsoDate can read. */
function frenchDate(s: string): string {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2}))?/.exec(s) as RegExpExecArray;
  const [, d, mo, y, h, mi] = m;
  return `${y}-${(mo as string).padStart(2, "0")}-${(d as string).padStart(2, "0")}T${(h ?? "00").padStart(2, "0")}:${mi ?? "00"}:00Z`;
}

/**
 * Reviews from a CSV or JSON export. Bad rows do not fail the import: each is
 * listed in `rejected` with its row number and the reason.
 */
export function importReviews(
  input: { body: Uint8Array | string; contentType?: string; filename?: string },
  options: ImportOptions = {},
): ImportReport {
  const text = typeof input.body === "string" ? input.body : decodeBody(input.body, input.contentType).text;
  const trimmed = text.trimStart();
  if (!trimmed) throw new ParseError("empty_document", "the export is empty");
  const format =
    options.format ??
    (/json/i.test(input.contentType ?? "") || /\.json$/i.test(input.filename ?? "") || /^[[{]/.test(trimmed)
      ? "json"
      : "csv");
  const rows: Array<{ rec: Record<string, unknown>; row: number; line?: number }> = [];
  if (format === "json") {
    let v: unknown;
    try {
      v = JSON.parse(trimmed);
    } catch (err) {
      throw new ParseError("malformed_json", "the JSON export is not valid JSON", { cause: err });
    }
    for (const [i, r] of jsonRows(v, options.jsonPath).entries()) rows.push({ rec: isObject(r) ? r : {}, row: i + 1 });
  } else {
    let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
    try {
      records = parseCsv(trimmed, {
        columns: (h: string[]) => h.map((x) => x.trim()),
        bom: true,
        delimiter: [",", ";", "\t"],
        info: true,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
        trim: true,
      });
    } catch (err) {
      throw new ParseError("invalid_input", `CSV could not be read: ${(err as Error).message.slice(0, 200)}`, {
        cause: err,
      });
    }
    let prevEnd = 1;
    records.forEach((r, i) => {
      rows.push({ rec: r.record, row: i + 1, line: prevEnd + 1 });
      prevEnd = r.info.lines;
    });
  }
  const limited = options.maxRows ? rows.slice(0, options.maxRows) : rows;
  const headers = [...new Set(limited.flatMap((r) => Object.keys(r.rec)))];
  const mapping = guessMapping(headers, options.mapping);
  const seen = new Set<string>();
  const mentions: RawMention[] = [];
  const rejected: RejectedRow[] = [];
  for (const r of limited) {
    const out = rowToMention(r.rec, mapping, options, seen);
    if (typeof out === "string") rejected.push({ row: r.row, ...(r.line ? { line: r.line } : {}), reason: out });
    else mentions.push(out);
  }
  return { format, mapping, total: limited.length, mentions, rejected };
}
