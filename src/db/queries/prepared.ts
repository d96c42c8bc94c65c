import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Db } from "../client.ts";

/** The part of a postgres.js client used here (`db.$client` when the driver is postgres.js). */
interface PostgresJsClient {
  unsafe(query: string, params?: unknown[], options?: { prepare?: boolean }): Promise<unknown>;
}

const dialect = new PgDialect();

/**
 * Runs a read of the hot API paths as a named prepared statement on postgres.js:
 * drizzle's `execute` sends the statement's text and has it parsed on every call,
 * which cost a large share of a request (the text of a trends or highlights
 * statement is kilobytes). The statement's text must not embed values that vary
 * from request to request (they go in as parameters), or every request would
 * prepare a new one. PGlite, and a transaction's `db`, go through `db.execute`.
 */
export function executePrepared(db: Db, query: SQL): Promise<unknown> {
  const client = (db as unknown as { $client?: Partial<PostgresJsClient> }).$client;
  if (typeof client?.unsafe !== "function") return db.execute(query);
  const { sql: text, params } = dialect.sqlToQuery(query);
  return (client as PostgresJsClient).unsafe(text, params, { prepare: true });
}
