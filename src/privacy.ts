import { createHmac } from "node:crypto";

/**
 * Reviewer names are personal data. We keep:
 *  - a pseudonym: HMAC-SHA256(secret, source kind + author id or name), 32 hex chars,
 *    enough to count distinct reviewers and spot repeat reviewers, not to name them;
 *  - a short display name for quotes ("Marie D."), first name and an initial.
 * The raw name and the platform's author id are never stored or logged.
 */
export function pseudonymize(
  secret: string,
  sourceKind: string,
  author?: { name?: string; id?: string },
): string | null {
  const key = author?.id?.trim() || author?.name?.trim().toLowerCase();
  if (!key) return null;
  return createHmac("sha256", secret).update(`${sourceKind}\u0000${key}`).digest("hex").slice(0, 32);
}

export function shortDisplayName(name?: string): string | null {
  const parts = (name ?? "")
    .normalize("NFC")
    .replace(/[\p{C}]/gu, "")
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  if (parts.length === 0) return null;
  const first = [...parts[0]!].slice(0, 24).join("");
  if (parts.length === 1) return first;
  const initial = [...parts[parts.length - 1]!][0]?.toUpperCase();
  return initial ? `${first} ${initial}.` : first;
}
