/**
 * Problems seen on real reviews, fixed by general rules, and properties of the
 * single-pass tokeniser. Sentences written for this project.
 */
import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/analysis/index.ts";
import { Kind, tokenize } from "../../../src/analysis/tokenize.ts";

const words = (text: string) =>
  tokenize(text, 20_000)
    .tokens.filter((t) => t.kind === Kind.Word)
    .map((t) => t.w);

describe("amazement and minimisers are not negation", () => {
  it.each([
    "I cannot believe how good this place is.",
    "Can't believe how friendly the staff were!",
    "I never knew a blender could be this good.",
    "The pasta couldn't be better.",
  ])("%s → positive", (text) => {
    expect(analyze(text, { lang: "en" }).sentiment.label).toBe("positive");
  });

  it("still reads amazement at something bad as negative", () => {
    expect(analyze("I can't believe how rude the waiter was.", { lang: "en" }).sentiment.label).toBe("negative");
  });

  it("reads being made to wait as a complaint, not as patience", () => {
    const a = analyze("Nous avons dû patienter vingt minutes avant d'être servis.", { lang: "fr" });
    expect(a.sentiment.score).toBeLessThan(0);
    for (const x of a.aspects) expect(x.polarity).not.toBe("positive");
  });

  it("does not turn 'rien de grave' into praise", () => {
    for (const text of [
      "La chambre était un peu bruyante, mais rien de grave.",
      "Un peu bruyant mais rien de grave.",
    ]) {
      const a = analyze(text, { lang: "fr" });
      expect(a.sentiment.label).not.toBe("positive");
      expect(a.sentiment.score).toBeLessThan(0);
    }
  });
});

describe("aspect windows stop at contrast words and clause marks", () => {
  it("files 'un peu chers' as a negative offer aspect", () => {
    const a = analyze("Le personnel est adorable mais les prix sont un peu chers.", { lang: "fr" });
    expect(a.aspects.find((x) => x.aspect === "offer")?.polarity).toBe("negative");
    expect(a.aspects.find((x) => x.aspect === "relationship")?.polarity).toBe("positive");
  });

  it("does not lend the praise before 'but' to what follows it", () => {
    const a = analyze("Great staff but the prices are too high.", { lang: "en" });
    expect(a.aspects.find((x) => x.aspect === "offer")?.polarity).toBe("negative");
    expect(a.aspects.find((x) => x.aspect === "relationship")?.polarity).toBe("positive");
  });
});

describe("language pre-decision", () => {
  it.each([
    ["Bon", "fr"],
    ["Bon.", "fr"],
    ["Un service absolument parfait", "fr"],
    ["I'm a bit disappointed.", "en"],
  ])("%s → %s", (text, lang) => {
    expect(analyze(text).lang).toBe(lang);
  });

  it("does not count lone letters as French elisions", () => {
    expect(analyze("J-E-T-S suck. Suck! SUCK!").lang).not.toBe("fr");
    expect(analyze("J-E-T-S suck. Suck! SUCK!").sentiment.label).toBe("negative");
  });
});

describe("single-pass tokeniser", () => {
  it("lower-cases, folds accents and splits elisions in one pass", () => {
    expect(words("L'ÉTÉ était TRÈÈÈS bien")).toEqual(["l", "ete", "etait", "treees", "bien"]);
    expect(words("J’ADORE l’hôtel qu'aujourd'hui")).toEqual(["j", "adore", "l", "hotel", "qu", "aujourd'hui"]);
    expect(words("ŒUVRE cœur don't")).toEqual(["oeuvre", "coeur", "don't"]);
  });

  it("marks capitals and elongation like the whole-word path", () => {
    const t = tokenize("SUPER trèèès Bien", 100).tokens;
    expect(t.map((x) => x.caps)).toEqual([true, false, false]);
    expect(t[1]?.squeezed).toBe("trees");
    expect(t[0]?.squeezed).toBeNull();
  });

  it("gives every occurrence of a word the same record", () => {
    const t = tokenize("Super super SUPER", 100).tokens;
    expect(t[0]?.v).toBe(t[1]?.v);
    expect(t[1]?.v).toBe(t[2]?.v);
  });

  it("handles words longer than its buffer and context-dependent lower case", () => {
    const long = `${"a".repeat(70)}É`;
    expect(words(long)).toEqual([`${"a".repeat(70)}e`]);
    expect(words("ΣΊΣΥΦΟΣ")).toEqual(["ΣΊΣΥΦΟΣ".toLowerCase()]);
  });
});

describe("reused working memory", () => {
  it("gives a text the same analysis whatever was analysed before it", () => {
    const a = "Service client injoignable depuis trois semaines, mais le site est pratique ! 😀";
    const b = `${"Très très bien, je recommande. ".repeat(400)}Mais trop cher :(`;
    const first = JSON.stringify(analyze(a));
    analyze(b);
    analyze("");
    expect(JSON.stringify(analyze(a))).toBe(first);
    expect(JSON.stringify(analyze(b))).toBe(JSON.stringify(analyze(b)));
  });

  it("keeps the words of a long text (more tokens than the initial buffers)", () => {
    // 4,500 tokens, within the 20,000 characters that are read
    const text = `${"Une phrase. ".repeat(1500)}Excellent !`;
    const a = analyze(text, { lang: "fr" });
    expect(a.sentences).toHaveLength(1501);
    expect(a.sentences[1500]?.text).toBe("Excellent !");
    expect(a.sentences[1500]?.evidence.map((e) => e.term)).toContain("excellent");
    expect(words(text)).toHaveLength(3001);
  });
});
