/**
 * Signed webhooks. The receiver recomputes HMAC-SHA256 over `${t}.${body}`
 * with the shared secret and rejects old timestamps, so a captured request
 * cannot be replayed later nor its body altered (docs/ALERTS.md).
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export const WEBHOOK_SIGNATURE_HEADER = "X-Reputation-Signature";
export const DEFAULT_TOLERANCE_SECONDS = 300;

function hmacHex(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
}

/** `t=<unix seconds>,v1=<hex>`. Sign the exact bytes you send: re-serialising JSON breaks the signature. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  if (!secret) throw new Error("webhook secret must not be empty");
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) throw new Error("timestamp must be unix seconds");
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, body)}`;
}

export type WebhookVerification =
  | { ok: true; timestamp: number }
  | { ok: false; reason: "malformed_header" | "stale_timestamp" | "bad_signature" };

/** Header parts: one `t`, any number of `v1` (several during a secret rotation). */
function parseHeader(header: string): { t: number; v1: string[] } | null {
  let t: number | null = null;
  const v1: string[] = [];
  for (const part of header.split(",")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === "t") {
      if (t !== null || !/^\d{1,12}$/.test(value)) return null;
      t = Number(value);
    } else if (key === "v1" && /^[0-9a-f]{64}$/i.test(value)) {
      v1.push(value.toLowerCase());
    }
  }
  return t === null || v1.length === 0 ? null : { t, v1 };
}

/**
 * Accepts when some v1 signature matches under some secret (pass an array
 * while rotating) and |now − t| ≤ toleranceSeconds. Comparison is constant-time.
 */
export function verifyWebhook(
  secret: string | readonly string[],
  header: string | null | undefined,
  body: string,
  opts: { now: Date; toleranceSeconds?: number },
): WebhookVerification {
  const parsed = header ? parseHeader(header) : null;
  if (!parsed) return { ok: false, reason: "malformed_header" };
  const tolerance = opts.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  // Future timestamps are refused too: a clock far ahead would otherwise mint long-lived replays.
  if (Math.abs(Math.floor(opts.now.getTime() / 1000) - parsed.t) > tolerance) {
    return { ok: false, reason: "stale_timestamp" };
  }
  const secrets = (typeof secret === "string" ? [secret] : [...secret]).filter((s) => s.length > 0);
  let match = false;
  // Every comparison runs: the time taken does not depend on which candidate matched.
  for (const s of secrets) {
    const expected = Buffer.from(hmacHex(s, parsed.t, body), "hex");
    for (const candidate of parsed.v1) {
      if (timingSafeEqual(expected, Buffer.from(candidate, "hex"))) match = true;
    }
  }
  return match ? { ok: true, timestamp: parsed.t } : { ok: false, reason: "bad_signature" };
}

/** Headers of one delivery; `deliveryId` lets the receiver drop a retry it already handled. */
export function webhookHeaders(secret: string, now: Date, body: string, deliveryId: string): Record<string, string> {
  return {
    "Content-Type": "application/json; charset=utf-8",
    [WEBHOOK_SIGNATURE_HEADER]: signWebhook(secret, Math.floor(now.getTime() / 1000), body),
    "X-Reputation-Delivery": deliveryId,
  };
}
