import type { Aspect, Emotion, Touchpoint } from "../../domain.ts";

/** Cue words and phrases for one language (see cues-fr.ts, cues-en.ts). */
export interface CueSet {
  emotions: Record<Emotion, string[]>;
  /** phrases that block shorter cues inside them ("merci de" is a request formula) */
  blocked: string[];
  aspects: Record<Aspect, string[]>;
  touchpoints: Record<Touchpoint, string[]>;
}
