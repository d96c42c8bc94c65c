/**
 * npm run bench:api [-- --mentions 1000000 --businesses 100 --concurrency 8 --seconds 5 --admin-url postgres://…]
 *
 * Seeds a fresh PostgreSQL database (1M mentions over 100 businesses and 2 years by
 * default, generated server-side in batches), then measures, side by side:
 *  - the ingest path (upsertMentions: idempotent upsert + analyses + exact rollup refresh), mentions/s;
 *  - p50/p95/p99 of the trends, highlights and mentions endpoints under concurrent load
 *    over real HTTP, next to the same trend query as a raw GROUP BY over the raw table.
 * The database is dropped at the end.
 */
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { serve } from "@hono/node-server";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { createApp } from "../src/app.ts";
import { openDatabase } from "../src/db/client.ts";
import { createApiKey } from "../src/db/queries/api-keys.ts";
import { createBusiness } from "../src/db/queries/businesses.ts";
import { type MentionInput, upsertMentions } from "../src/db/queries/mentions.ts";
import { rollupIncrementCtes, storedRollupInput } from "../src/db/queries/rollups.ts";
import { rowsOf } from "../src/db/queries/rows.ts";
import { createSource } from "../src/db/queries/sources.ts";
import { parseEnv } from "../src/env.ts";
import { createLogger } from "../src/logger.ts";
import { InProcessQueue } from "../src/queue/in-process.ts";

const { values: opt } = parseArgs({
  options: {
    mentions: { type: "string", default: "1000000" },
    businesses: { type: "string", default: "100" },
    concurrency: { type: "string", default: "4" },
    seconds: { type: "string", default: "5" },
    "ingest-mentions": { type: "string", default: "100000" },
    // Concurrent ingest streams to measure, one after the other (a stream = one worker).
    "ingest-streams": { type: "string", default: "1,2" },
    batch: { type: "string", default: "5000" },
    "admin-url": { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
    keep: { type: "boolean", default: false },
    // Re-run against a database kept by an earlier --keep run (skips seeding).
    reuse: { type: "string" },
    // Only the endpoints whose name contains this text ("ingest" for the ingest path alone).
    only: { type: "string" },
  },
});
const N = Number(opt.mentions);
const B = Number(opt.businesses);
const C = Number(opt.concurrency);
const SECONDS = Number(opt.seconds);

const log = (s: string) => process.stdout.write(`${s}\n`);
const admin = postgres(opt["admin-url"]!, { max: 1, onnotice: () => {} });
const dbName = opt.reuse ?? `rep_bench_${Date.now()}`;
if (!/^rep_bench_\d+$/.test(dbName)) throw new Error(`--reuse expects a rep_bench_<n> database, got ${dbName}`);
// --reuse of a database that does not exist yet seeds it under that name (and keeps it).
const exists = opt.reuse ? (await admin`select 1 from pg_database where datname = ${dbName}`).length > 0 : false;
if (!exists) await admin.unsafe(`create database ${dbName}`);
const seed = !exists;
const wanted = (name: string) => !opt.only || name.includes(opt.only);
const url = new URL(opt["admin-url"]!);
url.pathname = `/${dbName}`;
const database = await openDatabase({ databaseUrl: url.toString(), max: C + 2 });
await database.migrate();
const { db } = database;

try {
  // ---- seed ----------------------------------------------------------------
  let t = performance.now();
  const businesses: string[] = [];
  const sources: string[] = [];
  if (!seed) {
    const rows = rowsOf<{ id: string }>(
      await db.execute(sql`select id from businesses where name like 'Bench business %' order by name`),
    );
    businesses.push(...rows.map((r) => r.id));
    log(`reusing ${dbName}: ${businesses.length} businesses`);
  }
  for (let i = 0; i < B && seed; i++) {
    const b = await createBusiness(db, { name: `Bench business ${i}` });
    businesses.push(b.id);
    for (const kind of ["web", "feed"] as const) {
      sources.push((await createSource(db, { businessId: b.id, kind, url: `https://bench${i}.example/${kind}` })).id);
    }
  }
  const perSource = Math.ceil(N / Math.max(1, sources.length));
  const chunk = 25;
  for (let i = 0; i < sources.length; i += chunk) {
    const ids = sources.slice(i, i + chunk);
    await db.execute(sql`
      insert into mentions (business_id, source_id, kind, external_id, content_hash, text, lang, rating_value, rating_best,
        rating_worst, published_at, occurred_at, collected_at, updated_at, reply_text, reply_at,
        text_length, trimmed_length, quote_score, quote_label, quote_confidence, quote_mismatch, quote_stars)
      select s.business_id, s.id, 'review', 'seed-' || g, md5(s.id::text || g), t.text,
        case when g % 2 = 0 then 'fr' else 'en' end,
        r.stars, 5, 1, ts, ts, ts, ts,
        case when g % 9 = 0 then 'Merci pour votre retour' end, case when g % 9 = 0 then ts + interval '1 day' end,
        js_length(t.text), js_length(js_trim(t.text)), js_number(r.score),
        case when r.score > 0.1 then 'positive' when r.score < -0.1 then 'negative' else 'neutral' end,
        js_number(0.7::real), false, rating_stars(r.stars, 5, 1)
      from sources s cross join generate_series(1, ${perSource}) g
      cross join lateral (select now() - ((g * 104729 % 730) || ' days')::interval - ((g % 24) || ' hours')::interval as ts) d
      cross join lateral (select 1 + (g * 7919 % 5) as stars, ((g * 7919 % 5 - 2) / 2.0)::real as score) r
      cross join lateral (select (array['Service rapide et personnel très aimable, je recommande.',
        'Attente interminable au téléphone, remboursement toujours pas reçu.',
        'Great food but we waited 40 minutes for a table.', 'Rude staff and a cold pizza, never again.',
        'Produit conforme, livraison rapide.', 'Excellent advice from the team, thank you!'])[1 + (g % 6)] as text) t
      where s.id in (${sql.join(
        ids.map((x) => sql`${x}::uuid`),
        sql`, `,
      )})`);
    await db.execute(sql`
      insert into analyses (mention_id, version, lang, sentiment_score, sentiment_label, confidence, emotions, aspects, touchpoints)
      select m.id, 'bench', coalesce(m.lang, 'en'), m.quote_score::real, m.quote_label, m.quote_confidence::real,
        case when m.quote_score < -0.3 then '{"anger":0.6,"frustration":0.4}'::jsonb
          when m.quote_score > 0.3 then '{"joy":0.7}'::jsonb else '{}'::jsonb end,
        jsonb_build_array(jsonb_build_object('aspect', (array['offer','convenience','relationship','advice'])[1 + (abs(hashtext(m.external_id)) % 4)],
          'polarity', case when m.quote_score >= 0 then 'positive' else 'negative' end, 'score', m.quote_score, 'evidence', '[]'::jsonb)),
        '[]'::jsonb
      from mentions m
      where m.source_id in (${sql.join(
        ids.map((x) => sql`${x}::uuid`),
        sql`, `,
      )})`);
  }
  const seeded = Number(rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from mentions`))[0]?.n);
  const seedS = (performance.now() - t) / 1000;
  t = performance.now();
  // The seeded rows enter the (empty) rollups as one increment per chunk of sources.
  for (let i = 0; i < sources.length; i += chunk) {
    const ids = sql.join(
      sources.slice(i, i + chunk).map((x) => sql`${x}::uuid`),
      sql`, `,
    );
    await db.execute(sql`with ${rollupIncrementCtes(storedRollupInput(sql`m.source_id in (${ids})`))} select 1`);
  }
  await db.execute(sql`analyze`);
  if (seed)
    log(
      `seeded ${seeded.toLocaleString("en")} mentions (+analyses) over ${B} businesses in ${seedS.toFixed(1)} s; rollups built in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

  // ---- ingest path ------------------------------------------------------------
  const ingestN = wanted("ingest") ? Number(opt["ingest-mentions"]) : 0;
  const ib = await createBusiness(db, { name: "Ingest bench" });
  const isrc = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      createSource(db, { businessId: ib.id, kind: "feed", url: `https://ingest.example/${i}` }),
    ),
  );
  const batch = Number(opt.batch);
  const mk = (i: number): MentionInput => ({
    externalId: `ing-${i}`,
    contentHash: `h${i}`,
    kind: "review",
    text: "Accueil chaleureux mais attente un peu longue.",
    lang: "fr",
    rating: { value: 1 + (i % 5), best: 5, worst: 1 },
    publishedAt: new Date(Date.now() - (i % 7) * 86_400_000),
    analysis: {
      version: "bench",
      lang: "fr",
      sentimentScore: 0.2,
      sentimentLabel: "positive",
      confidence: 0.6,
      emotions: { joy: 0.4 },
      aspects: [{ aspect: "convenience", polarity: "negative", score: -0.3, evidence: ["attente"] }],
      touchpoints: ["physical"],
      ratingMismatch: false,
    },
  });
  // Each configuration writes its own ingestN new mentions; with several streams, each
  // stream writes its own sources concurrently, as several workers would.
  const streamCounts = ingestN ? opt["ingest-streams"]!.split(",").map(Number) : [];
  let offset = 0;
  for (const streams of streamCounts) {
    const base = offset;
    offset += ingestN;
    t = performance.now();
    let written = 0;
    const batches = Math.ceil(ingestN / batch);
    await Promise.all(
      Array.from({ length: streams }, async (_, s) => {
        for (let k = s; k < batches; k += streams) {
          const from = base + k * batch;
          const rows = Array.from({ length: Math.min(batch, base + ingestN - from) }, (_, j) => mk(from + j));
          const sourceId = isrc[k % isrc.length]!.id;
          const r = await upsertMentions(db, { businessId: ib.id, sourceId, rows });
          written += r.inserted;
        }
      }),
    );
    const ingestS = (performance.now() - t) / 1000;
    log(
      `ingest path, ${streams} stream${streams > 1 ? "s" : ""}: ${written.toLocaleString("en")} mentions in ${ingestS.toFixed(2)} s = ${Math.round(written / ingestS).toLocaleString("en")} mentions/s (batches of ${batch}, upsert + analyses + rollups)`,
    );
  }

  // ---- endpoints under load -------------------------------------------------
  const env = parseEnv({ LOG_LEVEL: "silent", DATABASE_URL: url.toString() });
  const queue = new InProcessQueue(createLogger("silent"));
  const app = createApp({ db, dbPing: () => database.ping(), queue, log: createLogger("silent"), env });
  const key = (await createApiKey(db, { name: "bench", scope: "read" })).key;
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((r) => server.once("listening", r));
  const port = (server.address() as { port: number }).port;
  const pick = () => businesses[Math.floor(Math.random() * businesses.length)]!;
  const endpoints: Array<[string, (b: string) => string]> = [
    ["trends month (12 months)", (b) => `/v1/businesses/${b}/trends?bucket=month`],
    ["trends week + compare", (b) => `/v1/businesses/${b}/trends?bucket=week&compare=previous`],
    ["highlights (30 days)", (b) => `/v1/businesses/${b}/highlights?days=30&limit=10`],
    ["mentions (page of 50)", (b) => `/v1/businesses/${b}/mentions?limit=50`],
  ];
  const results: Array<{
    name: string;
    n: number;
    p50: number;
    p95: number;
    p99: number;
    rps: number;
    errors: number;
  }> = [];
  const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? Number.NaN;
  const record = (name: string, lat: number[], errors: number) => {
    lat.sort((a, b) => a - b);
    results.push({
      name,
      n: lat.length,
      p50: pct(lat, 50),
      p95: pct(lat, 95),
      p99: pct(lat, 99),
      rps: lat.length / SECONDS,
      errors,
    });
  };
  for (const [name, path] of endpoints.filter(([name]) => wanted(name))) {
    // The client runs in a worker thread: it must not share the server's event loop.
    const { lat, errors } = await new Promise<{ lat: number[]; errors: number }>((resolve, reject) => {
      const w = new Worker(new URL("./bench-load.mjs", import.meta.url), {
        workerData: {
          base: `http://127.0.0.1:${port}`,
          paths: businesses.map(path),
          headers: { authorization: `Bearer ${key}` },
          concurrency: C,
          seconds: SECONDS,
          warmup: 50,
        },
      });
      w.once("message", resolve);
      w.once("error", reject);
    });
    record(name, lat, errors);
  }
  async function load(name: string, once: () => Promise<boolean>) {
    for (let i = 0; i < 20; i++) await once();
    const lat: number[] = [];
    let errors = 0;
    const end = performance.now() + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: C }, async () => {
        while (performance.now() < end) {
          const s = performance.now();
          if (!(await once())) errors++;
          lat.push(performance.now() - s);
        }
      }),
    );
    record(name, lat, errors);
  }
  // Baseline: the same monthly trend as a GROUP BY over raw mentions (what rollups avoid).
  if (wanted("raw SQL GROUP BY (baseline)"))
    await load("raw SQL GROUP BY (baseline)", async () => {
      await db.execute(sql`
      select date_trunc('month', m.occurred_at) t, count(*), avg(a.sentiment_score), avg(m.rating_value),
        count(*) filter (where a.sentiment_label = 'negative')
      from mentions m join analyses a on a.mention_id = m.id
      where m.business_id = ${pick()} and m.occurred_at >= now() - interval '12 months'
      group by 1 order by 1`);
      return true;
    });
  server.close();
  log(
    `\n${N.toLocaleString("en")} mentions, ${B} businesses, concurrency ${C}, ${SECONDS} s per endpoint, machine: ${process.arch} node ${process.version}`,
  );
  log("| endpoint | requests | req/s | p50 ms | p95 ms | p99 ms | errors |");
  log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of results) {
    log(
      `| ${r.name} | ${r.n} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} |`,
    );
  }
  log(`\ngoal: p95 <= 20 ms per endpoint; ingest >= 20,000 mentions/s`);
} finally {
  await database.close();
  if (!opt.keep && !opt.reuse) await admin.unsafe(`drop database if exists ${dbName} with (force)`);
  await admin.end();
}
