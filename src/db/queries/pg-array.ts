/**
 * PostgreSQL array literals ('{"a",NULL,"b"}') for column-wise batch writes:
 * `unnest($1::text[], $2::real[], …)` reads a batch far faster than expanding a
 * JSON document row by row, and one text parameter per column is the same
 * statement on postgres.js and PGlite.
 */
export type ArrayValue = string | number | boolean | null | undefined;

const NEEDS_ESCAPE = /["\\]/;

/**
 * The array literal of `get` over `items`, without an intermediate array of values.
 * Every element is quoted (so empty strings, spaces, commas and braces survive); null → NULL.
 */
export function pgArrayOf<T>(items: readonly T[], get: (item: T) => ArrayValue): string {
  let out = "{";
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ",";
    const v = get(items[i]!);
    if (v === null || v === undefined) out += "NULL";
    else if (typeof v === "string") out += NEEDS_ESCAPE.test(v) ? `"${v.replace(/["\\]/g, "\\$&")}"` : `"${v}"`;
    else if (typeof v === "number") {
      if (!Number.isFinite(v)) throw new RangeError(`not a finite number: ${v}`);
      out += v;
    } else out += v ? "t" : "f";
  }
  return `${out}}`;
}
