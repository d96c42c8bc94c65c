import { describe, expect, it } from "vitest";
import { importReviews, ParseError } from "../../../src/collect/index.ts";

const enc = (s: string) => new TextEncoder().encode(s);

describe("CSV/JSON review import", () => {
  it("maps French headers, keeps good rows and lists rejected ones with row numbers", () => {
    const csv = [
      "Identifiant;Auteur;Note;Date;Avis",
      "a1;Marie;5;12/03/2024;Très bon accueil",
      "a2;Paul;cinq;2024-03-13;Note illisible",
      'a3;Léa;2;2024-03-14;"Attente trop longue,',
      'vraiment"',
      "a4;Jean;4;pas une date;Bien",
      "a5;Zoé;3;2024-03-15;",
      "a1;Marie;5;12/03/2024;Doublon",
      "a6;Max;9;2024-03-16;Hors échelle",
    ].join("\n");
    const r = importReviews({ body: enc(csv), filename: "avis.csv" }, { ratingBest: 5 });
    expect(r.format).toBe("csv");
    expect(r.mapping).toMatchObject({
      id: "Identifiant",
      author: "Auteur",
      rating: "Note",
      date: "Date",
      text: "Avis",
    });
    expect(r.mentions.map((m) => m.externalId)).toEqual(["a1", "a3"]);
    expect(r.mentions[0]?.publishedAt).toBe("2024-03-12T00:00:00.000Z");
    expect(r.mentions[1]?.text).toBe("Attente trop longue, vraiment");
    expect(r.rejected.map((x) => [x.row, x.line])).toEqual([
      [2, 3],
      [4, 6],
      [5, 7],
      [6, 8],
      [7, 9],
    ]);
    expect(r.rejected[0]?.reason).toMatch(/not a number/);
    expect(r.rejected[4]?.reason).toMatch(/outside/);
  });

  it("reads a JSON export with an explicit mapping and dotted paths", () => {
    const body = JSON.stringify({
      reviews: [{ ref: "x", body: "Great", user: { name: "Al" }, stars: "4,5" }, { ref: "y" }],
    });
    const r = importReviews(
      { body: enc(body) },
      { mapping: { id: "ref", text: "body", author: "user.name", rating: "stars" } },
    );
    expect(r.format).toBe("json");
    expect(r.mentions[0]).toMatchObject({
      externalId: "x",
      text: "Great",
      author: { name: "Al" },
      rating: { value: 4.5, best: 5 },
    });
    expect(r.rejected).toEqual([{ row: 2, reason: 'empty "body"' }]);
  });

  it("rejects unreadable files with a typed error", () => {
    expect(() => importReviews({ body: enc("") })).toThrow(ParseError);
    expect(() => importReviews({ body: enc("{oops"), filename: "x.json" })).toThrow(
      expect.objectContaining({ code: "malformed_json" }),
    );
  });
});
