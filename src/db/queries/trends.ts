import { sql } from "drizzle-orm";
import { EMOTIONS } from "../../domain.ts";
import type { Db } from "../client.ts";
import { executePrepared } from "./prepared.ts";
import { rowsOf } from "./rows.ts";

export type Bucket = "day" | "week" | "month";

export interface TrendSums {
  businessId: string;
  /** Bucket start, YYYY-MM-DD (weeks start on Monday, ISO). */
  t: string;
  count: number;
  sentimentSum: number;
  positive: number;
  neutral: number;
  negative: number;
  ratingCount: number;
  ratingSum: number;
  promoters: number;
  passives: number;
  detractors: number;
  emotions: Record<string, { n: number; sum: number }>;
}

const emotionSelect = EMOTIONS.map(
  (e) => `sum(e_${e}_n)::int as "e_${e}_n", sum(e_${e}_sum)::float8 as "e_${e}_sum"`,
).join(", ");

export interface TrendParams {
  businessIds: string[];
  bucket: Bucket;
  from: string;
  to: string;
  sourceId?: string;
  lang?: string;
  aspect?: string;
  emotion?: string;
}

/**
 * Sums per business and bucket, read from the rollup tables only (never the raw
 * mentions). `aspect` / `emotion` filters read the rows of that dimension.
 */
export async function trendSums(db: Db, params: TrendParams): Promise<TrendSums[]> {
  const [rows] = await trendSumsOfWindows(db, params, [{ from: params.from, to: params.to }]);
  return rows ?? [];
}

/**
 * The same sums for several windows (a period and the one it is compared with) in one
 * statement: one round trip however many windows.
 */
export async function trendSumsOfWindows(
  db: Db,
  params: Omit<TrendParams, "from" | "to">,
  windows: Array<{ from: string; to: string; businessIds?: string[] }>,
): Promise<TrendSums[][]> {
  const dimKind = params.aspect ? "aspect" : params.emotion ? "emotion" : "all";
  const dimValue = params.aspect ?? params.emotion ?? "";
  const bucket = sql.raw(`'${params.bucket}'`);
  const sources = windows.map((w, i) => {
    const ids = sql.join(
      (w.businessIds ?? params.businessIds).map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    const filters = sql`business_id in (${ids}) and dim_kind = ${dimKind} and dim_value = ${dimValue}
      ${params.sourceId ? sql`and source_id = ${params.sourceId}` : sql``}
      ${params.lang ? sql`and lang = ${params.lang}` : sql``}`;
    const firstFull = monthCeil(w.from);
    const lastFull = monthFloor(w.to);
    const n = sql.raw(String(i));
    // Whole months inside the window come from the monthly table; the partial months at
    // either end from the daily rows. Dimension filters read the daily dimension table.
    return params.bucket === "month" && dimKind === "all" && firstFull < lastFull
      ? sql`
        select ${n} as w, * from rollups_monthly where ${filters} and day >= ${firstFull}::date and day < ${lastFull}::date
        union all
        select ${n}, * from rollups_daily where ${filters}
          and ((day >= ${w.from}::date and day < ${firstFull}::date) or (day >= ${lastFull}::date and day < ${w.to}::date))`
      : sql`
        select ${n} as w, * from ${sql.raw(dimKind === "all" ? "rollups_daily" : "rollup_dims_daily")}
        where ${filters} and day >= ${w.from}::date and day < ${w.to}::date`;
  });
  const result = await executePrepared(
    db,
    sql`
    select w, business_id as "businessId", to_char(date_trunc(${bucket}, day), 'YYYY-MM-DD') as t,
      sum(count)::int as count, sum(sentiment_sum)::float8 as "sentimentSum",
      sum(positive)::int as positive, sum(neutral)::int as neutral, sum(negative)::int as negative,
      sum(rating_count)::int as "ratingCount", sum(rating_sum)::float8 as "ratingSum",
      sum(promoters)::int as promoters, sum(passives)::int as passives, sum(detractors)::int as detractors,
      ${sql.raw(emotionSelect)}
    from (${sql.join(sources, sql` union all `)}) r
    group by 1, 2, 3
    order by 1, 2, 3`,
  );
  const out: TrendSums[][] = windows.map(() => []);
  for (const r of rowsOf<Record<string, unknown>>(result)) {
    out[Number(r.w)]?.push({
      businessId: String(r.businessId),
      t: String(r.t),
      count: Number(r.count),
      sentimentSum: Number(r.sentimentSum),
      positive: Number(r.positive),
      neutral: Number(r.neutral),
      negative: Number(r.negative),
      ratingCount: Number(r.ratingCount),
      ratingSum: Number(r.ratingSum),
      promoters: Number(r.promoters),
      passives: Number(r.passives),
      detractors: Number(r.detractors),
      emotions: Object.fromEntries(
        EMOTIONS.map((e) => [e, { n: Number(r[`e_${e}_n`] ?? 0), sum: Number(r[`e_${e}_sum`] ?? 0) }]),
      ),
    });
  }
  return out;
}

/** First day of the month of `day` (YYYY-MM-DD), or of the next month when `day` is not a first. */
function monthCeil(day: string): string {
  if (day.endsWith("-01")) return day;
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
}

function monthFloor(day: string): string {
  return `${day.slice(0, 7)}-01`;
}
