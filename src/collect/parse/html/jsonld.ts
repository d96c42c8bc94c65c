import { parseRepaired, parseTolerant } from "./json-repair.ts";

export type LdStatus = "valid" | "control_chars" | "repaired" | "invalid";

export interface LdBlock {
  index: number;
  status: LdStatus;
  value?: unknown;
  error?: string;
}

/** Each `<script type="application/ld+json">` body, parsed as leniently as is safe. */
export function parseJsonLdBlocks(raws: string[]): LdBlock[] {
  return raws.map((raw, index) => {
    const tolerant = parseTolerant(raw);
    if (tolerant.ok) return { index, status: tolerant.controlChars ? "control_chars" : "valid", value: tolerant.value };
    const repaired = raw.trim() === "" ? { ok: false as const } : parseRepaired(raw);
    if (repaired.ok) return { index, status: "repaired", value: repaired.value, error: tolerant.error };
    return { index, status: "invalid", error: tolerant.error };
  });
}
