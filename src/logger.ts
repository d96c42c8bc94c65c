import { type Logger, pino } from "pino";

export type { Logger };

/**
 * Root logger: JSON lines on stdout. Modules and jobs use `logger.child({ module, jobId })`.
 * Reviewer names are personal data: they are never passed to the logger, and the
 * redact list is a second line of defence.
 */
export function createLogger(level = "info", destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          "req.headers.authorization",
          "headers.authorization",
          "*.author",
          "*.authorName",
          "*.displayName",
          "author",
          "authorName",
          "email",
          "*.email",
        ],
        censor: "[redacted]",
      },
    },
    destination,
  );
}

export const silentLogger: Logger = pino({ level: "silent" });
