/**
 * Stable highlight ids. A pipeline that polls every hour must recognise an item
 * it already sent, so the id depends only on what the item is about, never on
 * when it was computed or on the wording of its title.
 */
import { createHash } from "node:crypto";
import type { HighlightType } from "./types.ts";

// The unit separator cannot appear in ids or ISO dates, so ("a", "b:c") and ("a:b", "c") never collide.
const SEP = "\u001f";

/** 32 hex chars (128 bits) of sha256(type, businessId, subject), prefixed `hl_`. */
export function highlightId(type: HighlightType, businessId: string, subject: string): string {
  const digest = createHash("sha256").update([type, businessId, subject].join(SEP)).digest("hex");
  return `hl_${digest.slice(0, 32)}`;
}

/** The subject of an aspect item: the aspect and the period, so each period gets its own item. */
export function aspectSubject(aspect: string, from: Date, to: Date): string {
  return `${aspect}@${from.toISOString()}/${to.toISOString()}`;
}

/**
 * A UUID (RFC 9562 version 8, "custom") carrying the id's 128 bits, for Atom's
 * `urn:uuid:` ids. Same highlight id, same UUID.
 */
export function highlightUuid(id: string): string {
  const hex = createHash("sha256").update(id).digest("hex").slice(0, 32).split("");
  hex[12] = "8";
  // Variant 10xx: keep the low two bits of the nibble, force the high ones to 10.
  hex[16] = ((Number.parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
