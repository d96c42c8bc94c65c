import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ZodError } from "zod";
import { AppError, ERROR_CODES, type ErrorCode } from "../errors.ts";
import type { Logger } from "../logger.ts";

/**
 * Wire format of every error: RFC 9457 problem+json with a stable `code` and the
 * request id. A 500 never carries the internal message (SQL, constraint names):
 * the log line with the same request id has it.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  requestId: string;
  errors?: Array<{ path: string; message: string }>;
}

const TITLES: Record<ErrorCode, string> = {
  bad_request: "Bad request",
  validation_failed: "Validation failed",
  unauthorized: "Unauthorized",
  forbidden: "Forbidden",
  not_found: "Not found",
  conflict: "Conflict",
  payload_too_large: "Payload too large",
  unsupported_media_type: "Unsupported media type",
  rate_limited: "Too many requests",
  fetch_refused: "Fetch refused",
  fetch_failed: "Fetch failed",
  parse_failed: "Unreadable document",
  unavailable: "Service unavailable",
  internal: "Internal error",
};

export function problemResponse(c: Context, code: ErrorCode, detail: string, extra?: Partial<Problem>) {
  const status = ERROR_CODES[code].status;
  const body: Problem = {
    type: `https://reputation-monitor.dev/problems/${code.replaceAll("_", "-")}`,
    title: TITLES[code],
    status,
    code,
    detail,
    requestId: (c.get("requestId") as string | undefined) ?? "",
    ...extra,
  };
  return c.body(JSON.stringify(body), status as ContentfulStatusCode, {
    "content-type": "application/problem+json",
  });
}

export function zodIssues(err: ZodError) {
  return err.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

export function handleError(err: Error, c: Context, log: Logger) {
  if (err instanceof AppError) {
    if (err.status >= 500) log.error({ err, requestId: c.get("requestId") }, "request failed");
    const detail = err.status >= 500 && err.code === "internal" ? "internal error" : err.message;
    const errors = Array.isArray(err.details?.errors) ? (err.details.errors as Problem["errors"]) : undefined;
    return problemResponse(c, err.code, detail, errors ? { errors } : undefined);
  }
  if (err instanceof ZodError)
    return problemResponse(c, "validation_failed", "invalid input", { errors: zodIssues(err) });
  if (err instanceof HTTPException) {
    const status = err.status;
    const code: ErrorCode =
      status === 413
        ? "payload_too_large"
        : status === 401
          ? "unauthorized"
          : status === 404
            ? "not_found"
            : "bad_request";
    return problemResponse(c, code, err.message || TITLES[code]);
  }
  log.error({ err, requestId: c.get("requestId") }, "unhandled error");
  return problemResponse(c, "internal", "internal error; quote the request id when reporting it");
}
