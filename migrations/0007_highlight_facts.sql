CREATE TABLE "rollup_aspects_daily" (
	"business_id" uuid NOT NULL,
	"day" date NOT NULL,
	"aspect" text NOT NULL,
	"source_id" uuid NOT NULL,
	"count" integer NOT NULL,
	"score_micros" bigint NOT NULL,
	"latest" timestamp with time zone NOT NULL,
	CONSTRAINT "rollup_aspects_daily_business_id_day_aspect_source_id_pk" PRIMARY KEY("business_id","day","aspect","source_id")
);
--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "quote_score" double precision;--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "quote_label" text;--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "quote_confidence" double precision;--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "quote_mismatch" boolean;--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "quote_stars" double precision;--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "text_length" integer;--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "trimmed_length" integer;--> statement-breakpoint
ALTER TABLE "rollup_aspects_daily" ADD CONSTRAINT "rollup_aspects_daily_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_aspects_daily" ADD CONSTRAINT "rollup_aspects_daily_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
-- Text lengths as JavaScript counts them (UTF-16 units; String.prototype.trim's
-- characters), for rows written before these columns existed. New rows get them
-- from the writer.
CREATE FUNCTION "js_length"(t text) RETURNS integer LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT 2 * char_length(t) - char_length(regexp_replace(t, '[\U00010000-\U0010FFFF]', '', 'g'))
$$;
--> statement-breakpoint
CREATE FUNCTION "js_trim"(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT btrim(t, E'\t\n\x0b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff')
$$;
--> statement-breakpoint
-- A float4 as JavaScript reads it: the driver gets the shortest decimal that reads back
-- as the float4 and parses it to a double (not the float4's exact value).
CREATE FUNCTION "js_number"(x real) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT x::text::float8
$$;
--> statement-breakpoint
-- A rating on 1–5 as normaliseRating (src/reports/metrics.ts) computes it, operation for
-- operation; null when unrated or the scale is unusable.
CREATE FUNCTION "rating_stars"(v float8, best float8, worst float8) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN v BETWEEN -1e300 AND 1e300 AND best BETWEEN -1e300 AND 1e300 AND worst BETWEEN -1e300 AND 1e300
      AND best > worst
    THEN 1 + (4 * (least(best, greatest(worst, v)) - worst)) / (best - worst) END
$$;
--> statement-breakpoint
UPDATE "mentions" m SET "quote_score" = js_number(a."sentiment_score"), "quote_label" = a."sentiment_label",
  "quote_confidence" = js_number(a."confidence"), "quote_mismatch" = a."rating_mismatch"
FROM "analyses" a WHERE a."mention_id" = m."id";
--> statement-breakpoint
UPDATE "mentions" SET "text_length" = js_length("text"), "trimmed_length" = js_length(js_trim("text")),
  "quote_stars" = rating_stars(js_number("rating_value"), coalesce(js_number("rating_best"), 5),
    coalesce(js_number("rating_worst"), 1));
--> statement-breakpoint
-- Aspect rollups of the mentions already stored (the same figures as queries/rollups.ts).
INSERT INTO "rollup_aspects_daily" ("business_id", "day", "aspect", "source_id", "count", "score_micros", "latest")
SELECT business_id, day, aspect, source_id, count(*)::int, sum(micros)::bigint, max(occurred_at)
FROM (
  SELECT m."business_id", (m."occurred_at" AT TIME ZONE 'UTC')::date AS day, m."source_id", m."occurred_at",
    e.value ->> 'aspect' AS aspect,
    floor(sum((e.value ->> 'score')::float8 ORDER BY e.ord) / count(*) * 1e6::float8 + 0.5::float8)::bigint AS micros
  FROM "mentions" m
  JOIN "analyses" a ON a."mention_id" = m."id"
  CROSS JOIN LATERAL jsonb_array_elements(CASE jsonb_typeof(a."aspects") WHEN 'array' THEN a."aspects" ELSE '[]' END)
    WITH ORDINALITY AS e(value, ord)
  WHERE jsonb_typeof(e.value -> 'score') = 'number' AND jsonb_typeof(e.value -> 'aspect') = 'string'
    AND (e.value ->> 'score')::float8 BETWEEN -1 AND 1
  GROUP BY m."id", m."business_id", m."source_id", m."occurred_at", e.value ->> 'aspect'
) per_mention
GROUP BY business_id, day, aspect, source_id;
