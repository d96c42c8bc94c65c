import { type SQL, sql } from "drizzle-orm";
import type { SourceKind } from "../../collect/types.ts";
import type { Aspect } from "../../domain.ts";
import type { AspectStats, HighlightFacts, HighlightOptions, SourceVolume } from "../../reports/highlights/types.ts";
import type { Db } from "../client.ts";
import { loadPickedMentions } from "./mentions.ts";
import { executePrepared } from "./prepared.ts";
import { aspectMicrosPerMention } from "./rollups.ts";
import { rowsOf } from "./rows.ts";

export interface SourceFirstSeen {
  id: string;
  businessId: string;
  kind: SourceKind;
  url: string | null;
  firstMentionAt: Date | null;
}

/** Day of the first mention of source `s`, from the rollups. */
const FIRST_DAY = sql`(select min(r.day) from rollups_daily r where r.business_id = s.business_id and r.dim_kind = 'all'
        and r.dim_value = '' and r.source_id = s.id)`;

/** A source row with the day of its first mention (string or Date, as the driver gives it). */
function toSourceFirstSeen(r: {
  id: string;
  businessId: string;
  kind: SourceKind;
  url: string | null;
  first: string | Date | null;
}): SourceFirstSeen {
  return {
    id: r.id,
    businessId: r.businessId,
    kind: r.kind,
    url: r.url,
    firstMentionAt: r.first
      ? new Date(typeof r.first === "string" ? `${r.first.slice(0, 10)}T00:00:00Z` : r.first)
      : null,
  };
}

/** Sources with the day of their first mention, read from the rollups (no scan of raw mentions). */
export async function sourcesFirstSeen(db: Db, params: { businessIds?: string[] }): Promise<SourceFirstSeen[]> {
  const filter = params.businessIds?.length
    ? sql`where s.business_id in (${sql.join(
        params.businessIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  const result = await db.execute(sql`
    select s.id, s.business_id as "businessId", s.kind, s.url, ${FIRST_DAY} as first
    from sources s ${filter}`);
  return rowsOf<{ id: string; businessId: string; kind: SourceKind; url: string | null; first: string | Date | null }>(
    result,
  ).map(toSourceFirstSeen);
}

/** What `highlightFacts` reads: the periods and the quote rules' thresholds. */
export interface HighlightFactsParams {
  /** One business, or every business (null). */
  businessId: string | null;
  /** The period [from, to). */
  from: Date;
  to: Date;
  /** The comparison period [from, to). */
  previous: { from: Date; to: Date };
  options: Pick<HighlightOptions, "minConfidence" | "minQuoteChars" | "bestQuotes" | "worstUnanswered">;
}

const DAY = 86_400_000;
const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * A period as the rollups can serve it: the whole UTC days inside it [fullFrom,
 * fullTo) (none when it holds no whole day), and the partial days at its edges as
 * time ranges, read from the raw mentions.
 */
export function splitPeriod(from: Date, to: Date): { full: [string, string] | null; edges: Array<[Date, Date]> } {
  const a = Math.ceil(from.getTime() / DAY) * DAY;
  const b = Math.floor(to.getTime() / DAY) * DAY;
  if (a >= b) return { full: null, edges: from < to ? [[from, to]] : [] };
  const edges: Array<[Date, Date]> = [];
  if (from.getTime() < a) edges.push([from, new Date(a)]);
  if (b < to.getTime()) edges.push([new Date(b), to]);
  return { full: [dayOf(a), dayOf(b)], edges };
}

/** A finite float8 (NaN and ±Infinity are not between these). */
const finite = (x: string) => sql.raw(`(${x} between -1e300 and 1e300)`);

/**
 * The quote rules (select-quotes.ts) over the mentions of the period, in SQL, on
 * the numbers JavaScript sees: the writer stores the analysis's score and
 * confidence and the rating on 1–5 as JavaScript reads them back (js_number,
 * rating_stars: migration 0007), and from there every step is the same IEEE
 * double operation in the same order, so the keys, and the order they give, are
 * JavaScript's own. Each rule keeps its first `k` mentions per business; the
 * selection re-applies the rules to those few.
 */
function quoteCandidates(params: HighlightFactsParams): SQL {
  const { minConfidence, minQuoteChars, bestQuotes, worstUnanswered } = params.options;
  const conf = sql`${minConfidence}::float8`;
  return sql`
    quote_base as (
      select m.id, m.business_id, m.text_length as len, m.trimmed_length as trimmed, m.quote_label as label,
        m.quote_mismatch as mismatch, coalesce(m.reply_text, '') = '' as unanswered, m.quote_score as s,
        m.quote_confidence as c, m.quote_stars as stars, (m.quote_stars - 1) / 4 as n
      from biz
      join mentions m on m.business_id = biz.id
        and m.occurred_at >= ${params.from.toISOString()}::timestamptz and m.occurred_at < ${params.to.toISOString()}::timestamptz
      where m.trimmed_length > 0
    ),
    best_ranked as (
      select id, row_number() over (partition by business_id
        order by (case when n >= 0.999::float8 then 2 else 0 end + case when trimmed >= ${minQuoteChars} then 1 else 0 end) desc,
          s * c desc, len desc, id) as rank
      from quote_base
      where label = 'positive' and not mismatch and ${finite("s")} and ${finite("c")}
        and s > 0 and c >= ${conf} and (n is null or n >= 0.75::float8)
    ),
    worst_ranked as (
      select id, row_number() over (partition by business_id
        order by case when label is null then coalesce(2 * n - 1, 0) when n is null then s * c
            else (s * c + (2 * n - 1)) / 2 end,
          coalesce(n, 1), len desc, id) as rank
      from quote_base
      where unanswered and (label is null or (${finite("s")} and ${finite("c")}))
        and case when stars is not null then stars + 1e-9::float8 < 2.5::float8 else label = 'negative' end
        and (stars is not null or (label is not null and c >= ${conf}))
    ),
    picked as (
      select id from best_ranked where rank <= ${bestQuotes}
      union select id from worst_ranked where rank <= ${worstUnanswered}
    )`;
}

type AspectRow = { b: string; p: 0 | 1; a: Aspect; n: number; sum: number; latest: number | string | null };
type VolumeRow = { b: string; s: string; n: number };
type SourceRow = { id: string; businessId: string; kind: SourceKind; url: string | null; first: string | null };

/**
 * The facts `selectHighlightsFromFacts` needs, computed by the database in one
 * statement without reading the periods' mentions one by one:
 * - aspect stats of both periods from the daily aspect rollups, plus the raw
 *   mentions of the partial days at the periods' edges;
 * - mentions per source from the daily rollups (and the same edges);
 * - the few mentions that rank first under the quote rules (`quoteCandidates`),
 *   ranked from columns the writer keeps on the mention row;
 * - the sources with their first day, and the business.
 * A period is [from, to) on `occurred_at`, which the writer keeps equal to
 * coalesce(published_at, collected_at), the date the selection reads.
 * Aspect sums are whole millionths (aspectMicros), so per-day sums add up to
 * exactly the mention-by-mention sum.
 */
export async function highlightFacts(
  db: Db,
  params: HighlightFactsParams,
): Promise<{ facts: HighlightFacts; sources: SourceFirstSeen[]; business: { id: string; name: string } | null }> {
  // Fixed slots (a whole-day range and two edge ranges per period, empty when unused) keep
  // the statement's text, and so its prepared plan, the same for every request.
  const slots = [splitPeriod(params.from, params.to), splitPeriod(params.previous.from, params.previous.to)].map(
    (split) => ({
      full: split.full ?? ["1970-01-01", "1970-01-01"],
      edges: [0, 1].map((k) => split.edges[k] ?? [new Date(0), new Date(0)]),
    }),
  );
  const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;
  const fullDays = (table: SQL, period: number, columns: SQL, extra = sql``) => {
    const [lo, hi] = slots[period]!.full;
    return sql`select r.business_id, ${sql.raw(String(period))} as period, ${columns} from biz
      join ${table} r on r.business_id = biz.id ${extra} and r.day >= ${lo}::date and r.day < ${hi}::date`;
  };
  const edgeRows = slots.flatMap((slot, period) =>
    slot.edges.map(
      ([
        lo,
        hi,
      ]) => sql`select ${sql.raw(String(period))} as period, m.id, m.business_id, m.source_id, m.occurred_at, a.aspects
        from biz join mentions m on m.business_id = biz.id and m.occurred_at >= ${ts(lo!)} and m.occurred_at < ${ts(hi!)}
        left join analyses a on a.mention_id = m.id`,
    ),
  );
  const aspectColumns = sql`r.aspect, r.count as n, r.score_micros as total, r.latest`;
  const ctes = sql`
    biz as (
      select b.id from businesses b ${params.businessId ? sql`where b.id = ${params.businessId}::uuid` : sql``}
    ),
    edge_rows as materialized (${sql.join(edgeRows, sql` union all `)}),
    ${quoteCandidates(params)},
    aspects as (
      select business_id, period, aspect, sum(n)::int as n, sum(total)::bigint as total, max(latest) as latest
      from (
        ${fullDays(sql`rollup_aspects_daily`, 0, aspectColumns)}
        union all
        ${fullDays(sql`rollup_aspects_daily`, 1, aspectColumns)}
        union all
        select business_id, period, aspect, 1, micros, occurred_at
        from (${aspectMicrosPerMention(sql`edge_rows`, ["business_id", "period", "occurred_at"])}) per_mention
      ) x
      group by business_id, period, aspect
    ),
    volume as (
      select business_id, source_id, sum(n)::int as n
      from (
        select business_id, source_id, n from (${fullDays(
          sql`rollups_daily`,
          0,
          sql`r.source_id, r.count as n`,
          sql`and r.dim_kind = 'all' and r.dim_value = ''`,
        )}) d
        union all
        select business_id, source_id, 1 from edge_rows where period = 0
      ) v
      group by business_id, source_id
    ),
    extra(value) as (
      select json_build_object(
        'aspects', (select coalesce(json_agg(json_build_object('b', business_id, 'p', period, 'a', aspect, 'n', n,
            'sum', total, 'latest', floor(extract(epoch from latest) * 1000))), '[]'::json)
          from aspects),
        'volume', (select coalesce(json_agg(json_build_object('b', business_id, 's', source_id, 'n', n)), '[]'::json)
          from volume),
        'sources', (select coalesce(json_agg(json_build_object('id', s.id, 'businessId', s.business_id, 'kind', s.kind,
            'url', s.url, 'first', ${FIRST_DAY})), '[]'::json)
          from sources s ${params.businessId ? sql`where s.business_id = ${params.businessId}::uuid` : sql``}),
        'business', ${
          params.businessId
            ? sql`(select json_build_object('id', b.id, 'name', b.name) from businesses b where b.id = ${params.businessId}::uuid)`
            : sql`null`
        })
    )`;
  // loadPickedMentions only calls `execute`: hand it one that prepares the statement.
  const runner = { execute: (q: SQL) => executePrepared(db, q) } as unknown as Db;
  const { mentions, extra } = await loadPickedMentions(runner, ctes);
  const facts = (extra ?? { aspects: [], volume: [], sources: [], business: null }) as {
    aspects: AspectRow[];
    volume: VolumeRow[];
    sources: SourceRow[];
    business: { id: string; name: string } | null;
  };
  const aspects = new Map<string, { current: Map<Aspect, AspectStats>; previous: Map<Aspect, AspectStats> }>();
  for (const r of facts.aspects) {
    let entry = aspects.get(r.b);
    if (!entry) {
      entry = { current: new Map(), previous: new Map() };
      aspects.set(r.b, entry);
    }
    // Dates before 1970 count as 0, as the selection's running max starts there.
    const latest = r.latest === null ? 0 : Math.max(0, Number(r.latest));
    (r.p === 0 ? entry.current : entry.previous).set(r.a, { count: r.n, sum: Number(r.sum) / 1e6, latest });
  }
  const counts = new Map<string, Map<string, number>>();
  for (const r of facts.volume) {
    const bySource = counts.get(r.b) ?? new Map<string, number>();
    bySource.set(r.s, r.n);
    counts.set(r.b, bySource);
  }
  const volume = new Map<string, SourceVolume>();
  for (const [b, bySource] of counts) {
    let total = 0;
    for (const n of bySource.values()) total += n;
    volume.set(b, { total, bySource });
  }
  return {
    facts: { candidates: mentions, aspects, volume },
    sources: facts.sources.map(toSourceFirstSeen),
    business: facts.business,
  };
}
