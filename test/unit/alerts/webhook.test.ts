import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { evaluateRule } from "../../../src/reports/alerts/evaluate.ts";
import { alertWebhookBody } from "../../../src/reports/alerts/payload.ts";
import { AlertRule } from "../../../src/reports/alerts/rules.ts";
import { signWebhook, verifyWebhook, webhookHeaders } from "../../../src/reports/webhook.ts";
import { makeMention } from "../../factories/highlight-mentions.ts";

const secret = "whsec_test_0123456789";
const body = JSON.stringify({ id: "alt_123", type: "negative_spike", message: "Attente interminable — 20 avis" });
const ts = 1_795_000_000;
const now = new Date(ts * 1000 + 30_000);

describe("webhook signatures", () => {
  it("signs t.body with HMAC-SHA256 in the documented header format", () => {
    const header = signWebhook(secret, ts, body);
    const expected = createHmac("sha256", secret).update(`${ts}.${body}`).digest("hex");
    expect(header).toBe(`t=${ts},v1=${expected}`);
  });

  it("verifies a genuine request", () => {
    expect(verifyWebhook(secret, signWebhook(secret, ts, body), body, { now })).toEqual({ ok: true, timestamp: ts });
  });

  it("rejects a tampered body, a wrong secret and a forged timestamp", () => {
    const header = signWebhook(secret, ts, body);
    expect(verifyWebhook(secret, header, body.replace("20", "21"), { now })).toEqual({
      ok: false,
      reason: "bad_signature",
    });
    expect(verifyWebhook("other", header, body, { now })).toEqual({ ok: false, reason: "bad_signature" });
    const moved = header.replace(`t=${ts}`, `t=${ts + 10}`);
    expect(verifyWebhook(secret, moved, body, { now })).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("rejects old and far-future timestamps even when correctly signed", () => {
    const header = signWebhook(secret, ts, body);
    const at = (s: number) => ({ now: new Date((ts + s) * 1000), toleranceSeconds: 300 });
    expect(verifyWebhook(secret, header, body, at(300)).ok).toBe(true);
    expect(verifyWebhook(secret, header, body, at(301))).toEqual({ ok: false, reason: "stale_timestamp" });
    expect(verifyWebhook(secret, header, body, at(-301))).toEqual({ ok: false, reason: "stale_timestamp" });
  });

  it("accepts any secret of a rotation, and any v1 of the header", () => {
    const header = `${signWebhook("new-secret", ts, body)},v1=${"0".repeat(64)}`;
    expect(verifyWebhook(["old-secret", "new-secret"], header, body, { now }).ok).toBe(true);
    expect(verifyWebhook(["old-secret"], header, body, { now }).ok).toBe(false);
  });

  it.each([
    null,
    "",
    "v1=abc",
    `t=${ts}`,
    `t=abc,v1=${"a".repeat(64)}`,
    `t=${ts},v1=short`,
    `t=1,t=2,v1=${"a".repeat(64)}`,
  ])("rejects the malformed header %j", (header) => {
    expect(verifyWebhook(secret, header, body, { now })).toEqual({ ok: false, reason: "malformed_header" });
  });
});

describe("alert webhook delivery", () => {
  it("sends a body whose signature the receiver can check, carrying the explanation", () => {
    const at = new Date("2026-11-20T12:02:00Z");
    const rule = AlertRule.parse({ id: "kw", businessId: "b1", type: "keyword", keywords: ["arnaque"] });
    const m = makeMention({ text: "Une arnaque", collectedAt: new Date("2026-11-20T11:50:00Z") });
    const decision = evaluateRule(rule, { now: at, current: [m], baseline: [] });
    expect(decision).not.toBeNull();
    const sent = alertWebhookBody(decision!, { businessName: "Lune" });
    const headers = webhookHeaders(secret, at, sent, decision!.id);
    expect(verifyWebhook(secret, headers["X-Reputation-Signature"], sent, { now: at })).toMatchObject({ ok: true });
    const payload = JSON.parse(sent);
    expect(payload).toMatchObject({
      event: "alert.fired",
      version: 1,
      id: decision!.id,
      business: { id: "b1", name: "Lune" },
    });
    expect(payload.explanation.matchedMentionIds).toEqual([m.id]);
    expect(payload.window.end).toBe("2026-11-20T12:00:00.000Z");
  });
});
