import { type ParseResult, result } from "../result.ts";
import { resolveUrl } from "../util.ts";
import { extractStructuredData } from "./structured.ts";

/** A web page: reviews and ratings from its structured data, merged across syntaxes. */
export function parseHtml(text: string, url?: string): ParseResult {
  const sd = extractStructuredData(text, url);
  const format = sd.syntaxesFound.length > 0 ? sd.syntaxesFound.join("+") : "html";
  const warnings = [...sd.warnings];
  if (sd.ratings.length === 0 && sd.mentions.length === 0) warnings.push("no review or rating markup found");
  const next = resolveUrl(sd.nextHref, url);
  return result(format, {
    ...(next ? { paging: { next } } : {}),
    ratings: sd.ratings,
    mentions: sd.mentions,
    warnings,
    details: {
      ldBlocks: sd.ldBlocks,
      ldInvalid: sd.ldInvalid,
      ldRawControlChars: sd.ldRawControlChars,
      ldRepaired: sd.ldRepaired,
      counts: sd.counts,
      nextData: sd.nextData,
      truncated: sd.truncated,
    },
  });
}
