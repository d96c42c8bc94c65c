import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema/index.ts";

export type Schema = typeof schema;
/** Both drivers produce this type; query functions take it (or a transaction) first. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  driver: "postgres" | "pglite";
  /** Round-trip to the database; false when it is unreachable. */
  ping(): Promise<boolean>;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../migrations");

export interface DatabaseOptions {
  databaseUrl?: string;
  /** PGlite data folder; `memory://` for a throwaway in-memory database. */
  dataDir?: string;
  max?: number;
}

/**
 * postgres.js when DATABASE_URL is set, PGlite (embedded Postgres in WASM) otherwise.
 * Drivers are imported lazily so a service process never loads PGlite and vice versa.
 */
export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.max ?? 10);
  return openPglite(opts.dataDir ?? "./data");
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  // The service's statements are short, and their row estimates (arrays, unnest, unions of
  // rollup tables) high: with JIT the server spent up to seconds compiling what runs in
  // milliseconds, and parallel workers cost ~13 ms to start for a 1 ms weekly trend.
  const client = postgres(url, {
    max,
    onnotice: () => {},
    connect_timeout: 10,
    connection: { jit: "off", max_parallel_workers_per_gather: "0" },
  });
  const db = drizzle({ client, schema, casing: "snake_case" });
  return {
    db: db as unknown as Db,
    driver: "postgres",
    async ping() {
      try {
        await client`select 1`;
        return true;
      } catch {
        return false;
      }
    },
    migrate: () => migrate(db, { migrationsFolder: MIGRATIONS_DIR }),
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(dataDir: string): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  let location: string | undefined;
  if (dataDir !== "memory://") {
    location = join(resolve(dataDir), "pgdata");
    mkdirSync(location, { recursive: true });
  }
  const client = location ? new PGlite(location) : new PGlite();
  await client.waitReady;
  const db = drizzle({ client, schema, casing: "snake_case" });
  let closed = false;
  return {
    db: db as unknown as Db,
    driver: "pglite",
    async ping() {
      if (closed) return false;
      try {
        await client.query("select 1");
        return true;
      } catch {
        return false;
      }
    },
    migrate: () => migrate(db, { migrationsFolder: MIGRATIONS_DIR }),
    async close() {
      closed = true;
      await client.close();
    },
  };
}
