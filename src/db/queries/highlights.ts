import { type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { SourceKind } from "../../collect/types.ts";
import type { Aspect } from "../../domain.ts";
import type { AspectStats, HighlightFacts, HighlightOptions, SourceVolume } from "../../reports/highlights/types.ts";
import type { Db } from "../client.ts";
import { loadPickedMentions } from "./mentions.ts";
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

/** What `highlightFacts` reads: the windows `loadMentions` would read, and the thresholds of the quote rules. */
export interface HighlightFactsParams {
  /** One business, or every business (null). */
  businessId: string | null;
  /** The period [from, to). */
  from: Date;
  to: Date;
  /** The comparison period [from, to). */
  previous: { from: Date; to: Date };
  /** Each window keeps its newest `max` mentions by (occurred_at, id), as `loadMentions` does. */
  max: number;
  options: Pick<HighlightOptions, "minConfidence" | "minQuoteChars" | "bestQuotes" | "worstUnanswered">;
}

/**
 * Characters that may be cut from both ends of a text before its length is
 * bounded from below: every character JavaScript's `trim()` removes, plus a
 * few more (a larger set only loosens the bound, it never breaks it).
 */
const TRIM_CHARS =
  "\t\n\v\f\r \u0085\u00a0\u1680\u180e\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u2028\u2029\u202f\u205f\u3000\ufeff";

/**
 * Aspect stats of a window, as `aspectStats` computes them: per mention and
 * aspect the mean of its numeric scores (in array order), then per aspect the
 * count, the sum of those means (added in the order the mentions are loaded,
 * newest first, so that the float sum is the same to the last bit) and the
 * latest date. A JSON number outside the float8 range would make the
 * statement fail; JavaScript never writes one.
 */
function aspectRows(window: SQL, period: number): SQL {
  // A mention with a single aspect entry (the common case) needs no per-mention grouping:
  // its mean is 0 + score, as the selection computes it. Aspects are grouped by their JSON
  // text under the "C" collation: byte comparison, and "1" stays apart from 1 as in a JS Map.
  return sql`
    select business_id, ${period}::int as period, aspect::jsonb as aspect, count(*)::int as n,
      0::float8 + sum(mean order by occurred_at desc, id desc) as total, max(eff) as latest
    from (
      select w.business_id, w.id, w.occurred_at, w.eff, (w.aspects -> 0 -> 'aspect')::text collate "C" as aspect,
        0::float8 + (w.aspects -> 0 ->> 'score')::float8 as mean
      from ${window} w
      where jsonb_typeof(w.aspects) = 'array' and jsonb_array_length(w.aspects) = 1
        and jsonb_typeof(w.aspects -> 0 -> 'score') = 'number'
      union all
      select w.business_id, w.id, w.occurred_at, w.eff, (e.value -> 'aspect')::text collate "C" as aspect,
        sum((e.value ->> 'score')::float8 order by e.ord) / count(*) as mean
      from ${window} w
      cross join lateral jsonb_array_elements(case jsonb_typeof(w.aspects) when 'array' then w.aspects else '[]' end)
        with ordinality as e(value, ord)
      where jsonb_typeof(w.aspects) = 'array' and jsonb_array_length(w.aspects) > 1
        and jsonb_typeof(e.value -> 'score') = 'number'
      group by w.business_id, w.id, w.occurred_at, w.eff, (e.value -> 'aspect')::text collate "C"
    ) per_mention
    group by business_id, aspect`;
}

/** The newest `max` mentions of a window, as `loadMentions` reads them, with the columns the facts need. */
function windowRows(params: HighlightFactsParams, from: Date, to: Date, extra: SQL): SQL {
  const business = params.businessId ? sql`m.business_id = ${params.businessId}::uuid and` : sql``;
  return sql`
    select m.id, m.business_id, m.source_id, m.occurred_at, coalesce(m.published_at, m.collected_at) as eff ${extra}
    from mentions m
    where ${business} m.occurred_at >= ${from.toISOString()}::timestamptz and m.occurred_at < ${to.toISOString()}::timestamptz
    order by m.occurred_at desc, m.id desc
    limit ${params.max}`;
}

/**
 * The mentions of one rule (CTE `best` or `worst`, k items kept) that cannot be
 * ruled out: see `highlightFacts`. Mentions with the same text, rating and
 * analysis numbers get the same sort key in the selection, which then orders
 * them by id, so only the k smallest ids of each such group can be picked.
 */
function candidates(rule: "best" | "worst", k: number): SQL {
  const from = sql.raw(rule);
  return sql`${sql.raw(`${rule}_cut`)} as materialized (
      select business_id, k1_lo, k2_lo, k3_lo from (
        select business_id, k1_lo, k2_lo, k3_lo,
          row_number() over (partition by business_id order by k1_lo desc, k2_lo desc, k3_lo desc) as rk
        from ${from} where sure) x
      where rk = ${k}
    ),
    ${sql.raw(`${rule}_picked`)} as (
      select r.id from (
        select c.*, row_number() over (
          partition by c.business_id, c.odd, c.text collate "C", c.v, c.rb, c.rw, c.s, c.conf order by c.id) as twin
        from ${from} c where c.maybe) r
      left join ${sql.raw(`${rule}_cut`)} t on t.business_id = r.business_id
      where ${k} > 0 and (r.odd or r.twin <= ${k})
        and (t.business_id is null or (r.k1_hi, r.k2_hi, r.k3_hi) >= (t.k1_lo, t.k2_lo, t.k3_lo))
    )`;
}

type AspectRow = { b: string; p: 0 | 1; a: Aspect; n: number; sum: string; latest: number | string | null };
type VolumeRow = { b: string; s: string; n: number };
type SourceRow = { id: string; businessId: string; kind: SourceKind; url: string | null; first: string | null };

/** The part of a postgres.js client this module uses (`db.$client` when the driver is postgres.js). */
interface PostgresJsClient {
  begin<T>(fn: (tx: PostgresJsClient) => Promise<T>): Promise<T>;
  unsafe(query: string, params?: unknown[], options?: { prepare?: boolean }): Promise<unknown>;
}

const dialect = new PgDialect();

/**
 * How the facts statement runs. On postgres.js it is a named prepared
 * statement (drizzle's execute is not prepared; planning this large statement
 * on every request cost ~4.5 ms of a ~13 ms request) inside a transaction with
 * hash joins off (a window holds at most `max` mentions: probing analyses by
 * key beats hashing the whole table, which the planner picks for wide
 * windows). JIT is already off for every service session (db/client.ts).
 * PGlite (embedded, no JIT) and transactions go through db.execute.
 */
function factsExecutor(db: Db): (query: SQL) => Promise<unknown> {
  const client = (db as unknown as { $client?: Partial<PostgresJsClient> }).$client;
  if (typeof client?.begin !== "function" || typeof client.unsafe !== "function") return (q) => db.execute(q);
  const pg = client as PostgresJsClient;
  return (q) => {
    const { sql: text, params } = dialect.sqlToQuery(q);
    return pg.begin(async (tx) => {
      await tx.unsafe("select set_config('enable_hashjoin', 'off', true)");
      return tx.unsafe(text, params, { prepare: true });
    });
  };
}

/** A float8 sent as the hex of its 8 bytes: exact whatever the session's float output settings. */
function float8FromHex(hex: string): number {
  return Buffer.from(hex, "hex").readDoubleBE(0);
}

/**
 * The facts `selectHighlightsFromFacts` needs, computed by the database in one
 * statement: aspect stats of both periods, mentions per source, and the few
 * mentions that can become the best quote or the worst unanswered review.
 *
 * Candidates. The quote rules compare floats JavaScript reads from text, so
 * SQL does not rank; it bounds. For each mention of the period it computes a
 * lower and an upper bound of the rule's sort key (tier, strength, length for
 * the best quote; polarity, rating, length for the worst), wide enough to
 * cover every difference between float4 arithmetic here and double
 * arithmetic in JavaScript, and two flags: "may be eligible" and "is surely
 * eligible". With L the k-th largest lower bound among surely eligible
 * mentions (k = items kept), a mention whose upper bound is below L is beaten
 * by k eligible mentions whatever the rounding, so it cannot be picked; every
 * other mention that may be eligible is returned, and the selection applies
 * the exact rules to them. Odd values (NaN, infinite or degenerate rating
 * scales) get unbounded keys and are always returned.
 */
export async function highlightFacts(
  db: Db,
  params: HighlightFactsParams,
): Promise<{ facts: HighlightFacts; sources: SourceFirstSeen[]; business: { id: string; name: string } | null }> {
  const { minConfidence, minQuoteChars, bestQuotes, worstUnanswered } = params.options;
  const from = params.from.toISOString();
  const to = params.to.toISOString();
  const tolConf = 1e-6 * (1 + Math.abs(minConfidence));
  const ctes = sql`
    cur as materialized (
      select w.*, a.mention_id is not null as analysed, a.sentiment_score::float8 as s, a.sentiment_label as label,
        a.confidence::float8 as conf, a.rating_mismatch as mismatch, a.aspects
      from (${windowRows(
        params,
        params.from,
        params.to,
        sql`, m.text, m.rating_value::float8 as v, coalesce(m.rating_best, 5)::float8 as rb,
          coalesce(m.rating_worst, 1)::float8 as rw, coalesce(m.reply_text, '') = '' as unanswered`,
      )}) w
      left join analyses a on a.mention_id = w.id
      where w.eff >= ${from}::timestamptz and w.eff < ${to}::timestamptz
    ),
    prev as materialized (
      select w.*, a.aspects
      from (${windowRows(params, params.previous.from, params.previous.to, sql``)}) w
      left join analyses a on a.mention_id = w.id
    ),
    sig as (
      select c.id, c.business_id, c.text, c.unanswered, c.label, c.mismatch, c.analysed, c.s, c.conf, c.v, c.rb, c.rw,
        c.v is null as unrated, r.n, r.eps_n,
        c.v is not null and r.n is null as odd_rating,
        c.analysed and not (c.s between -1e15 and 1e15 and c.conf between -1e15 and 1e15) as odd_analysis,
        c.s * c.conf as strength, 3e-7 * abs(c.s * c.conf) + 1e-12 as eps_s,
        char_length(c.text)::float8 as len_lo,
        (char_length(c.text) + (octet_length(c.text) - char_length(c.text)) / 3)::float8 as len_hi,
        char_length(btrim(c.text, ${TRIM_CHARS}))::float8 as trim_lo
      from cur c
      cross join lateral (
        select case when c.v between -1e15 and 1e15 and c.rb between -1e15 and 1e15 and c.rw between -1e15 and 1e15
            and c.rb - c.rw > 1e-5 * greatest(abs(c.v), abs(c.rb), abs(c.rw))
          then (least(c.rb, greatest(c.rw, c.v)) - c.rw) / (c.rb - c.rw) end as n,
          case when c.v between -1e15 and 1e15 and c.rb between -1e15 and 1e15 and c.rw between -1e15 and 1e15
            and c.rb - c.rw > 1e-5 * greatest(abs(c.v), abs(c.rb), abs(c.rw))
          then 2e-6 * greatest(abs(c.v), abs(c.rb), abs(c.rw)) / (c.rb - c.rw) + 1e-12 end as eps_n
      ) r
      where (c.label = 'positive' and not c.mismatch) or c.unanswered
    ),
    best as materialized (
      select id, business_id, odd_analysis or odd_rating as odd, text, v, rb, rw, s, conf,
        label = 'positive' and not mismatch and text <> ''
          and (odd_analysis or (s > 0 and conf >= ${minConfidence - tolConf}::float8))
          and (unrated or odd_rating or n >= 0.75 - eps_n) as maybe,
        label = 'positive' and not mismatch and trim_lo > 0 and not odd_analysis
          and s > 0 and conf >= ${minConfidence + tolConf}::float8
          and (unrated or (not odd_rating and n >= 0.75 + eps_n)) as sure,
        case when odd_analysis or odd_rating then 'Infinity'::float8
          else 2 * (not unrated and n >= 0.999 - eps_n)::int + (len_hi >= ${minQuoteChars})::int end as k1_hi,
        case when odd_analysis or odd_rating then 'Infinity'::float8 else strength + eps_s end as k2_hi,
        len_hi as k3_hi,
        (2 * (not unrated and n >= 0.999 + eps_n)::int + (trim_lo >= ${minQuoteChars})::int)::float8 as k1_lo,
        strength - eps_s as k2_lo,
        len_lo as k3_lo
      from sig
    ),
    worst as materialized (
      select id, business_id, odd_analysis or odd_rating as odd, text, v, rb, rw, s, conf,
        unanswered and text <> '' and (
          (not unrated and (odd_rating or n < 0.375 + eps_n))
          or (unrated and label = 'negative' and (odd_analysis or conf >= ${minConfidence - tolConf}::float8))
        ) as maybe,
        unanswered and trim_lo > 0 and not odd_analysis and (
          (not unrated and not odd_rating and n < 0.375 - eps_n - 1e-9)
          or (unrated and label = 'negative' and conf >= ${minConfidence + tolConf}::float8)
        ) as sure,
        case when odd_analysis or odd_rating then 'Infinity'::float8 else -p.cp + p.eps end as k1_hi,
        case when odd_analysis or odd_rating then 'Infinity'::float8 when unrated then -1 else -n + eps_n end as k2_hi,
        len_hi as k3_hi,
        -p.cp - p.eps as k1_lo,
        case when unrated then -1 else -n - eps_n end as k2_lo,
        len_lo as k3_lo
      from sig
      cross join lateral (
        select case when unrated then case when analysed then strength else 0 end
            when analysed then (strength + (2 * n - 1)) / 2 else 2 * n - 1 end as cp,
          case when analysed then eps_s else 0 end + case when unrated then 0 else 2 * eps_n end as eps
      ) p
      where unanswered
    ),
    ${candidates("best", bestQuotes)},
    ${candidates("worst", worstUnanswered)},
    picked as (select id from best_picked union select id from worst_picked),
    aspects as (${aspectRows(sql`cur`, 0)} union all ${aspectRows(sql`prev`, 1)}),
    volume as (select business_id, source_id, count(*)::int as n from cur group by business_id, source_id),
    extra(value) as (
      select json_build_object(
        'aspects', (select coalesce(json_agg(json_build_object('b', business_id, 'p', period, 'a', aspect, 'n', n,
            'sum', encode(float8send(total), 'hex'), 'latest', floor(extract(epoch from latest) * 1000))), '[]'::json)
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
  // loadPickedMentions only calls `execute`: hand it one that runs the statement as described above.
  const runner = { execute: factsExecutor(db) } as unknown as Db;
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
    (r.p === 0 ? entry.current : entry.previous).set(r.a, { count: r.n, sum: float8FromHex(r.sum), latest });
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
