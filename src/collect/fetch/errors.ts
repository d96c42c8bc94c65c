/**
 * The one error type of the fetch layer. `code` is a closed list so workers can
 * map it to a job outcome: `retryable` says whether running the job again later
 * may succeed; `rate_limited` carries how long to wait, for a BullMQ rate limit.
 */
export const FETCH_ERROR_CODES = [
  "blocked_address",
  "blocked_scheme",
  "blocked_port",
  "invalid_url",
  "too_many_redirects",
  "timeout",
  "too_large",
  "http_error",
  "network",
  "robots_disallowed",
  "rate_limited",
] as const;
export type FetchErrorCode = (typeof FETCH_ERROR_CODES)[number];

const RETRYABLE_BY_DEFAULT: Record<FetchErrorCode, boolean> = {
  blocked_address: false,
  blocked_scheme: false,
  blocked_port: false,
  invalid_url: false,
  too_many_redirects: false,
  timeout: true,
  too_large: false,
  http_error: false,
  network: true,
  robots_disallowed: false,
  rate_limited: true,
};

export interface FetchErrorDetails {
  status?: number;
  retryAfterMs?: number;
  retryable?: boolean;
  /** Origin + path of the URL concerned (never the query string: it may hold API keys). */
  target?: string;
  cause?: unknown;
}

export class FetchError extends Error {
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly retryable: boolean;
  readonly target?: string;

  constructor(
    readonly code: FetchErrorCode,
    message: string,
    details: FetchErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "FetchError";
    if (details.status !== undefined) this.status = details.status;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
    if (details.target !== undefined) this.target = details.target;
    this.retryable = details.retryable ?? RETRYABLE_BY_DEFAULT[code];
  }
}

/** Finds a FetchError thrown inside undici/net callbacks, which may wrap it. */
export function findFetchError(err: unknown): FetchError | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (current instanceof FetchError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** What is safe to put in logs and messages: no query string, no credentials. */
export function describeTarget(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}
