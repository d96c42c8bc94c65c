import { type Agent, request } from "undici";
import { readBody } from "./body.ts";
import { describeTarget, FetchError, findFetchError } from "./errors.ts";

/** One HTTP request/response on one URL, no redirects, no retries. */
export interface ExchangeInit {
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
  /** Decoded body cap. */
  maxBytes: number;
  /** Stop quietly at the cap instead of failing (robots.txt). */
  truncate: boolean;
  /** Deadline for the whole exchange, connect to last body byte. */
  totalMs: number;
}

export interface Exchange {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
  truncated: boolean;
  wireBytes: number;
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

const TIMEOUT_CODES = new Set(["UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);

/** Maps undici, net and zlib failures onto the closed FetchError codes. */
export function toFetchError(err: unknown, url: URL): FetchError {
  const found = findFetchError(err);
  if (found) return found;
  const target = describeTarget(url);
  const code = (err as { code?: unknown })?.code;
  if (typeof code === "string" && TIMEOUT_CODES.has(code)) {
    return new FetchError("timeout", `timed out (${code})`, { target, cause: err });
  }
  if (code === "UND_ERR_HEADERS_OVERFLOW") {
    return new FetchError("too_large", "response headers too large", { target, cause: err });
  }
  if (typeof code === "string" && code.startsWith("Z_")) {
    return new FetchError("network", "invalid compressed body", { target, cause: err, retryable: false });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new FetchError("network", `network error: ${message}`, { target, cause: err });
}

/** Only successful responses are read; others are drained (up to a small limit) and dropped. */
export async function exchange(agent: Agent, url: URL, init: ExchangeInit): Promise<Exchange> {
  const controller = new AbortController();
  const timer = setTimeout(
    () =>
      controller.abort(
        new FetchError("timeout", `no complete response within ${init.totalMs} ms`, { target: describeTarget(url) }),
      ),
    init.totalMs,
  );
  try {
    const res = await request(url, {
      dispatcher: agent,
      method: init.method,
      headers: init.headers,
      ...(init.body === undefined ? {} : { body: init.body }),
      signal: controller.signal,
    });
    const headers = flattenHeaders(res.headers);
    if (res.statusCode < 200 || res.statusCode >= 300) {
      await res.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
      return { status: res.statusCode, headers, body: new Uint8Array(), truncated: false, wireBytes: 0 };
    }
    const encoding = headers["content-encoding"];
    const declared = Number(headers["content-length"]);
    if (!init.truncate && !encoding && Number.isFinite(declared) && declared > init.maxBytes) {
      res.body.destroy();
      throw new FetchError("too_large", `content-length ${declared} exceeds ${init.maxBytes} bytes`, {
        target: describeTarget(url),
      });
    }
    const read = await readBody(res.body, encoding, {
      maxBytes: init.maxBytes,
      truncate: init.truncate,
      signal: controller.signal,
    });
    return { status: res.statusCode, headers, ...read };
  } catch (err) {
    throw toFetchError(controller.signal.aborted ? (controller.signal.reason ?? err) : err, url);
  } finally {
    clearTimeout(timer);
  }
}
