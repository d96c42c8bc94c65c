/**
 * A source's schedule: an interval ("30m", "6h", "1d", minimum 1 minute, or
 * seconds in tests "15s") or a 5-field cron pattern ("0 7 * * *").
 */
export type Repeat = { every: number } | { pattern: string };

const INTERVAL = /^(\d+)\s*(s|m|h|d)$/;
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

export function parseSchedule(schedule: string): Repeat {
  const s = schedule.trim();
  const m = INTERVAL.exec(s);
  if (m) {
    const every = Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
    if (every < 1_000) throw new Error(`schedule too short: ${schedule}`);
    return { every };
  }
  const fields = s.split(/\s+/);
  if (fields.length === 5 && fields.every((f) => /^[\d*/,-]+$/.test(f))) return { pattern: s };
  throw new Error(`invalid schedule "${schedule}": use an interval like 30m, 6h, 1d or a 5-field cron pattern`);
}

export function isValidSchedule(schedule: string): boolean {
  try {
    parseSchedule(schedule);
    return true;
  } catch {
    return false;
  }
}
