import { describe, expect, it } from "vitest";
import { analyze, warmLanguageDetector } from "../../../src/analysis/index.ts";

// eld's model is loaded on the first text that needs it (not at import): the first
// analyze() of this file is the one that loads it.
describe("language detection with a lazily loaded model", () => {
  it("gives texts of another language their ISO code, without a hint", () => {
    expect(analyze("Das Essen war kalt und der Kellner hat uns eine Stunde warten lassen.").lang).toBe("de");
    expect(analyze("Nunca más volveremos a este restaurante, fue una experiencia horrible.").lang).toBe("es");
  });

  it("still tells French and English apart when the function words do not decide", () => {
    expect(analyze("Livraison rapide, produit conforme").lang).toBe("fr");
    expect(analyze("Fast delivery, product as described").lang).toBe("en");
  });

  it("reads short English in ASCII letters from an English-only function word, and asks eld for the rest", () => {
    expect(analyze("Sending it back.").lang).toBe("en");
    expect(analyze("Just give him a chance!").lang).toBe("en");
    expect(analyze("Questo prodotto non funziona per niente").lang).toBe("it");
    expect(analyze("Tôi không muốn thi nữa").lang).toBe("vi");
  });

  it("loads once: warming again changes nothing", () => {
    warmLanguageDetector();
    warmLanguageDetector();
    expect(analyze("Das Essen war kalt und der Kellner hat uns eine Stunde warten lassen.").lang).toBe("de");
  });
});
