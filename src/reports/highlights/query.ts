/**
 * Query parameters of the highlights routes and the period arithmetic behind
 * them, so the API and a scheduled newsletter job read a request the same way.
 */
import { z } from "zod";
import { HIGHLIGHT_FORMATS } from "./render.ts";
import { HIGHLIGHT_LOCALES } from "./types.ts";

const DAY = 86_400_000;

export const HighlightsQuery = z
  .object({
    format: z.enum(HIGHLIGHT_FORMATS).default("json"),
    locale: z.enum(HIGHLIGHT_LOCALES).default("en"),
    /** Opaque cursor from a previous page's `nextCursor`. */
    since: z.string().min(1).max(512).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    /** Length of the period when `from` is absent (ends at `to` or now). */
    days: z.coerce.number().int().min(1).max(366).default(7),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), {
    message: "from must be before to",
    path: ["from"],
  });
export type HighlightsQuery = z.output<typeof HighlightsQuery>;

export interface Period {
  from: Date;
  to: Date;
}

/** The requested period: explicit bounds win, else `days` ending at `to` (default now). */
export function resolvePeriod(q: Pick<HighlightsQuery, "from" | "to" | "days">, now: Date): Period {
  const to = q.to ? new Date(q.to) : now;
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - q.days * DAY);
  return { from, to };
}

/** The comparison period for aspect deltas: same length, just before. */
export function previousPeriod(p: Period): Period {
  const span = p.to.getTime() - p.from.getTime();
  return { from: new Date(p.from.getTime() - span), to: p.from };
}
