/**
 * One error type for the whole service. The code list is closed: each code has
 * one HTTP status and says whether a job that hit it may be retried.
 */
export const ERROR_CODES = {
  bad_request: { status: 400, retryable: false },
  validation_failed: { status: 422, retryable: false },
  unauthorized: { status: 401, retryable: false },
  forbidden: { status: 403, retryable: false },
  not_found: { status: 404, retryable: false },
  conflict: { status: 409, retryable: false },
  payload_too_large: { status: 413, retryable: false },
  unsupported_media_type: { status: 415, retryable: false },
  rate_limited: { status: 429, retryable: true },
  fetch_refused: { status: 422, retryable: false },
  fetch_failed: { status: 502, retryable: true },
  parse_failed: { status: 422, retryable: false },
  unavailable: { status: 503, retryable: true },
  internal: { status: 500, retryable: true },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly status: number;
  readonly retryable: boolean;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    options?: { cause?: unknown; retryable?: boolean },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.status = ERROR_CODES[code].status;
    this.retryable = options?.retryable ?? ERROR_CODES[code].retryable;
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
