import { importReviews } from "../import/import-reviews.ts";
import type { ColumnMapping } from "../import/mapping.ts";
import type { Adapter } from "../types.ts";
import { ParseError } from "../types.ts";
import { coverage, done, onlyNew, rememberIds, seenIds } from "./shared.ts";

/**
 * A CSV/JSON export at a URL, read with the source's column mapping
 * (`options.mapping`). Rejected rows come back as warnings with their row number.
 */
export const importAdapter: Adapter = {
  kind: "import",
  async collect(source, state, ctx) {
    if (!source.url) throw new ParseError("invalid_input", "an import source needs the url of the export");
    const res = await ctx.fetcher.fetch({ url: source.url });
    const mapping = (source.options?.mapping ?? {}) as ColumnMapping;
    const format =
      source.options?.format === "json" || source.options?.format === "csv" ? source.options.format : undefined;
    const report = importReviews(
      { body: res.body, contentType: res.contentType, filename: res.url },
      { mapping, ...(format ? { format } : {}) },
    );
    const seen = seenIds(state);
    return done(
      onlyNew(report.mentions, seen),
      { seenIds: rememberIds(report.mentions, seen) },
      coverage(report.mentions.length, report.total),
      { warnings: report.rejected.map((r) => `row ${r.row}: ${r.reason}`) },
    );
  },
};
