import { type SQL, sql } from "drizzle-orm";
import { EMOTIONS } from "../../domain.ts";
import type { Db } from "../client.ts";

/** UTC calendar day of a timestamp, the rollups' grain. */
export const utcDay = (d: Date) => d.toISOString().slice(0, 10);

const emotionInsertCols = EMOTIONS.flatMap((e) => [`e_${e}_n`, `e_${e}_sum`]).join(", ");
const COLUMNS = `business_id, dim_kind, dim_value, day, source_id, lang, count, sentiment_sum, positive, neutral, negative,
  rating_count, rating_sum, promoters, passives, detractors, ${emotionInsertCols}`;
/** Every metric column is additive (daily → monthly sums, increments). */
const SUM_COLUMNS = [
  "count",
  "sentiment_sum",
  "positive",
  "neutral",
  "negative",
  "rating_count",
  "rating_sum",
  "promoters",
  "passives",
  "detractors",
  ...EMOTIONS.flatMap((e) => [`e_${e}_n`, `e_${e}_sum`]),
];
const SUMS = SUM_COLUMNS.map((c) => `sum(${c})`).join(", ");
// Each emotion's intensity is read from the JSON once per mention (rollup_base), not once
// per aggregate and dimension row.
const emotionColumns = EMOTIONS.map((e) => `(m.emotions->>'${e}')::float8 as "em_${e}"`).join(", ");
const emotionAggs = EMOTIONS.flatMap((e) => [`count("em_${e}")`, `coalesce(sum("em_${e}"), 0)`]).join(",\n      ");

/**
 * Columns a rollup row is computed from, one row per mention: id, business_id, source_id,
 * lang, occurred_at, rating_value/best/worst, sentiment_score, sentiment_label,
 * emotions, aspects. Read from the tables for a recomputation, or from the rows a
 * statement is writing for an increment.
 */
export type RollupInput = SQL;

/** The stored mentions (with their analyses) matching `where`, as a rollup input. */
export function storedRollupInput(where: SQL): RollupInput {
  return sql`select m.id, m.business_id, m.source_id, m.lang, m.occurred_at, m.rating_value, m.rating_best, m.rating_worst,
      a.sentiment_score, a.sentiment_label, a.emotions, a.aspects
    from mentions m left join analyses a on a.mention_id = m.id
    where ${where}`;
}

/**
 * The rollup figures of `input` per (business, dimension, value, day, source,
 * language): CTEs rollup_base → rollup_dims → rollup_agg, and per (business, day, aspect,
 * source): rollup_aspect_agg.
 */
function aggregateCtes(input: RollupInput): SQL {
  return sql`rollup_base as (
        select m.id, m.business_id, m.source_id, coalesce(m.lang, '') as lang, m.occurred_at,
               (m.occurred_at at time zone 'UTC')::date as day,
               m.sentiment_score, m.sentiment_label,
               coalesce(m.emotions, '{}'::jsonb) as emotions, coalesce(m.aspects, '[]'::jsonb) as aspects,
               ${sql.raw(emotionColumns)},
               case when m.rating_value is null then null
                    else greatest(1, least(5, 1 + 4 * (m.rating_value - coalesce(m.rating_worst, 1))
                             / nullif(coalesce(m.rating_best, 5) - coalesce(m.rating_worst, 1), 0))) end as r5
        from (${input}) m
      ), rollup_dims as (
        select 'all'::text as dim_kind, ''::text as dim_value, b.* from rollup_base b
        union all
        select 'aspect', x.aspect, b.* from rollup_base b
          cross join lateral (select distinct e->>'aspect' as aspect from jsonb_array_elements(b.aspects) e) x
        union all
        select 'emotion', k.key, b.* from rollup_base b cross join lateral jsonb_object_keys(b.emotions) as k(key)
      ), rollup_aspect_agg (business_id, day, aspect, source_id, count, score_micros, latest) as (
        -- Per mention and aspect the mean of its scores in millionths (reports/highlights
        -- aspectMicros), then per day the count, sum and latest.
        select business_id, day, aspect, source_id, count(*)::int, sum(micros)::bigint, max(occurred_at)
        from (${aspectMicrosPerMention(sql`rollup_base`, ["business_id", "day", "source_id", "occurred_at"])}) per_mention
        group by business_id, day, aspect, source_id
      ), rollup_agg (${sql.raw(COLUMNS)}) as (
      select business_id, dim_kind, dim_value, day, source_id, lang, count(*),
        coalesce(sum(sentiment_score), 0),
        count(*) filter (where sentiment_label = 'positive'),
        count(*) filter (where sentiment_label = 'neutral'),
        count(*) filter (where sentiment_label = 'negative'),
        count(r5), coalesce(sum(r5), 0),
        count(*) filter (where round(r5) >= 5),
        count(*) filter (where round(r5) = 4),
        count(*) filter (where round(r5) <= 3),
        ${sql.raw(emotionAggs)}
      from rollup_dims
      group by business_id, dim_kind, dim_value, day, source_id, lang
      )`;
}

/**
 * One row per mention and aspect of `rows` (which have id, aspects and `keep`): the
 * aspect and the mean of the mention's scores for it in whole millionths, rounded half
 * up, as `aspectMicros` (reports/highlights) computes it; scores outside [-1, 1] and
 * malformed entries are skipped. Shared by the aspect rollups and the highlights'
 * partial days, so both count the same way.
 */
export function aspectMicrosPerMention(rows: SQL, keep: string[]): SQL {
  const cols = keep.map((c) => `w.${c}`).join(", ");
  return sql`select ${sql.raw(cols)}, e.value ->> 'aspect' as aspect,
      floor(sum((e.value ->> 'score')::float8 order by e.ord) / count(*) * 1e6::float8 + 0.5::float8)::bigint as micros
    from ${rows} w
    cross join lateral jsonb_array_elements(case jsonb_typeof(w.aspects) when 'array' then w.aspects else '[]' end)
      with ordinality as e(value, ord)
    where jsonb_typeof(e.value -> 'score') = 'number' and jsonb_typeof(e.value -> 'aspect') = 'string'
      and (e.value ->> 'score')::float8 between -1 and 1
    group by w.id, ${sql.raw(cols)}, e.value ->> 'aspect'`;
}

const KEY = "business_id, dim_kind, dim_value, day, source_id, lang";
const ASPECT_COLUMNS = "business_id, day, aspect, source_id, count, score_micros, latest";
/** `on conflict … do update` adding the incoming figures to a row's own (alias r). */
const ADD = SUM_COLUMNS.map((c) => `${c} = r.${c} + excluded.${c}`).join(", ");

/**
 * CTEs (to put after `with …,` in a statement) that add the figures of `input` —
 * mentions that did not exist before — to the daily, dimension and monthly rollups:
 * an increment, so a batch costs the same whatever the history behind it. An edited
 * row's old figures are not known here; its days are recomputed instead
 * (refreshRollups). Increments commute, so concurrent writers stay exact.
 */
export function rollupIncrementCtes(input: RollupInput): SQL {
  return sql`${aggregateCtes(input)},
    rollup_add_daily as (
      insert into rollups_daily as r (${sql.raw(COLUMNS)}) select * from rollup_agg where dim_kind = 'all'
      on conflict (${sql.raw(KEY)}) do update set ${sql.raw(ADD)}
    ), rollup_add_dims as (
      insert into rollup_dims_daily as r (${sql.raw(COLUMNS)}) select * from rollup_agg where dim_kind <> 'all'
      on conflict (${sql.raw(KEY)}) do update set ${sql.raw(ADD)}
    ), rollup_add_monthly as (
      insert into rollups_monthly as r (${sql.raw(COLUMNS)})
      select business_id, dim_kind, dim_value, date_trunc('month', day)::date, source_id, lang, ${sql.raw(SUMS)}
      from rollup_agg where dim_kind = 'all'
      group by business_id, dim_kind, dim_value, date_trunc('month', day)::date, source_id, lang
      on conflict (${sql.raw(KEY)}) do update set ${sql.raw(ADD)}
    ), rollup_add_aspects as (
      insert into rollup_aspects_daily as r (${sql.raw(ASPECT_COLUMNS)}) select * from rollup_aspect_agg
      on conflict (business_id, day, aspect, source_id) do update
        set count = r.count + excluded.count, score_micros = r.score_micros + excluded.score_micros,
          latest = greatest(r.latest, excluded.latest)
    )`;
}

/**
 * Recompute the daily rollups of one source for the given days from the raw rows.
 * Exact by construction (no drift from increments), bounded by the days touched,
 * and free of races between workers because a source is collected by one worker
 * at a time (lease) and rows are keyed by source.
 */
export async function refreshRollups(db: Db, params: { sourceId: string; days: string[] }): Promise<void> {
  const days = [...new Set(params.days)].sort();
  if (days.length === 0) return;
  const min = `${days[0]}T00:00:00Z`;
  const last = new Date(`${days.at(-1)}T00:00:00Z`);
  const max = new Date(last.getTime() + 86_400_000).toISOString();
  const dayList = sql.raw(`array[${days.map((d) => `'${d.replace(/[^0-9-]/g, "")}'`).join(",")}]::date[]`);
  // Callers inside a transaction pass it as `db`; the statements must commit together.
  await db.execute(sql`delete from rollups_daily where source_id = ${params.sourceId} and day = any(${dayList})`);
  await db.execute(sql`delete from rollup_dims_daily where source_id = ${params.sourceId} and day = any(${dayList})`);
  await db.execute(
    sql`delete from rollup_aspects_daily where source_id = ${params.sourceId} and day = any(${dayList})`,
  );
  await db.execute(sql`
      with ${aggregateCtes(
        storedRollupInput(sql`m.source_id = ${params.sourceId}
          and m.occurred_at >= ${min}::timestamptz and m.occurred_at < ${max}::timestamptz
          and (m.occurred_at at time zone 'UTC')::date = any(${dayList})`),
      )}, main as (
        insert into rollups_daily (${sql.raw(COLUMNS)}) select * from rollup_agg where dim_kind = 'all'
      ), aspects as (
        insert into rollup_aspects_daily (${sql.raw(ASPECT_COLUMNS)}) select * from rollup_aspect_agg
      )
      insert into rollup_dims_daily (${sql.raw(COLUMNS)}) select * from rollup_agg where dim_kind <> 'all'`);
  // The months those days fall in, rebuilt from their daily rows.
  const months = [...new Set(days.map((d) => `${d.slice(0, 7)}-01`))];
  const monthList = sql.raw(`array[${months.map((m) => `'${m.replace(/[^0-9-]/g, "")}'`).join(",")}]::date[]`);
  await db.execute(sql`delete from rollups_monthly where source_id = ${params.sourceId} and day = any(${monthList})`);
  await db.execute(sql`
      insert into rollups_monthly (${sql.raw(COLUMNS)})
      select business_id, dim_kind, dim_value, date_trunc('month', day)::date, source_id, lang, ${sql.raw(SUMS)}
      from rollups_daily
      where source_id = ${params.sourceId} and date_trunc('month', day)::date = any(${monthList})
      group by business_id, dim_kind, dim_value, date_trunc('month', day)::date, source_id, lang`);
}
