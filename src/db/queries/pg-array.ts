/**
 * PostgreSQL array literals ('{"a",NULL,"b"}') for column-wise batch writes:
 * `unnest($1::text[], $2::real[], …)` reads a batch far faster than expanding a
 * JSON document row by row, and one text parameter per column is the same
 * statement on postgres.js and PGlite.
 */
export type ArrayValue = string | number | boolean | null | undefined;

const NEEDS_ESCAPE = /["\\]/;

/** Every element quoted (so empty strings, spaces, commas and braces survive); null → NULL. */
export function pgArray(values: readonly ArrayValue[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) parts[i] = "NULL";
    else if (typeof v === "number") {
      if (!Number.isFinite(v)) throw new RangeError(`not a finite number: ${v}`);
      parts[i] = String(v);
    } else if (typeof v === "boolean") parts[i] = v ? "t" : "f";
    else parts[i] = NEEDS_ESCAPE.test(v) ? `"${v.replace(/["\\]/g, "\\$&")}"` : `"${v}"`;
  }
  return `{${parts.join(",")}}`;
}
