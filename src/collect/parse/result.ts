import type { ParsedDocument } from "../types.ts";

/**
 * What parseDocument returns: the shared ParsedDocument plus `details`, the
 * format-specific facts an audit or a test wants (node counts per markup
 * syntax, reported totals, raw API fields) that have no place on a mention.
 */
export interface ParseResult extends ParsedDocument {
  details: Record<string, unknown>;
  encoding?: string;
}

export function result(format: string, parts: Partial<ParseResult>): ParseResult {
  return {
    format,
    ratings: parts.ratings ?? [],
    mentions: parts.mentions ?? [],
    warnings: parts.warnings ?? [],
    ...(parts.paging ? { paging: parts.paging } : {}),
    details: parts.details ?? {},
  };
}
