import type { Db } from "../src/db/client.ts";
import { listScheduledSources } from "../src/db/queries/sources.ts";
import type { Logger } from "../src/logger.ts";
import { parseSchedule } from "../src/queue/schedule.ts";
import type { JobQueue } from "../src/queue/types.ts";

/**
 * Scheduled work is data: one scheduler per enabled source, id derived from the
 * source id, upserted at every worker boot. Upserting is idempotent, so any number
 * of workers and restarts leave exactly one scheduler per source.
 */
export async function registerSchedulers(db: Db, queue: JobQueue, log: Logger): Promise<number> {
  const sources = await listScheduledSources(db);
  let n = 0;
  for (const s of sources) {
    try {
      await queue.upsertSchedule(s.id, parseSchedule(s.schedule!));
      n++;
    } catch (err) {
      log.warn({ sourceId: s.id, err: (err as Error).message }, "invalid schedule; source not scheduled");
    }
  }
  return n;
}
