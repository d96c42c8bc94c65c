/**
 * Hand-checked English sentences: expected label, and "strong" where |score| must reach
 * STRONG. Written for this project (not taken from any evaluation set).
 */
import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/analysis/index.ts";

const STRONG = 0.45;
// "lean": a mixed text whose contrast decides the sign; the label may stay neutral.
type Case = [text: string, label: "negative" | "neutral" | "positive", strength?: "strong" | "lean"];

const CASES: Case[] = [
  // plain verdicts
  ["Great service, I highly recommend them.", "positive", "strong"],
  ["Excellent food and friendly staff.", "positive", "strong"],
  ["Five stars!", "positive", "strong"],
  ["I love this place.", "positive", "strong"],
  ["The refund arrived quickly, thank you!", "positive", "strong"],
  ["Amazing experience from start to finish.", "positive", "strong"],
  ["Very helpful and knowledgeable staff.", "positive", "strong"],
  ["Best pizza in town.", "positive", "strong"],
  ["Quick, easy and cheap.", "positive"],
  ["Worth every penny.", "positive", "strong"],
  ["Terrible customer service.", "negative", "strong"],
  ["This is a scam, stay away.", "negative", "strong"],
  ["Waste of money.", "negative", "strong"],
  ["The staff was rude and unhelpful.", "negative", "strong"],
  ["Worst experience ever.", "negative", "strong"],
  ["Awful, just awful.", "negative", "strong"],
  ["The product broke after two days.", "negative"],
  ["Overpriced and bland.", "negative", "strong"],
  ["I'm really disappointed.", "negative", "strong"],
  ["Horrible.", "negative", "strong"],
  // negation with scope
  ["Not bad at all.", "positive"],
  ["Not bad.", "positive"],
  ["The food was not good.", "negative"],
  ["I would not recommend this company.", "negative", "strong"],
  ["I wouldn't recommend it to anyone.", "negative", "strong"],
  ["Never had a problem with them.", "positive"],
  ["No complaints so far.", "positive"],
  ["No issues at all.", "positive"],
  ["It doesn't work.", "negative"],
  ["It did not work with my phone.", "negative"],
  ["I never received a refund.", "negative"],
  ["No response to my emails.", "negative"],
  ["Not happy with the service.", "negative"],
  ["The staff isn't friendly.", "negative"],
  ["Not the best, not the worst.", "neutral"],
  ["I don't like it.", "negative"],
  ["I didn't enjoy the movie.", "negative"],
  ["Without any doubt the best coffee around.", "positive", "strong"],
  ["Nothing special.", "negative", "lean"],
  ["Can't complain.", "positive"],
  ["I can't wait to come back!", "positive", "strong"],
  ["Don't waste your time here.", "negative", "strong"],
  ["Don't buy this phone.", "negative"],
  ["We won't be back.", "negative", "strong"],
  ["I will never go back.", "negative"],
  ["It stopped working after a week.", "negative", "strong"],
  ["Not worth it.", "negative", "strong"],
  // intensity, elongation, capitals, punctuation
  ["It was sooo good!!!", "positive", "strong"],
  ["This is GREAT", "positive", "strong"],
  ["Extremely slow service.", "negative"],
  ["Slightly disappointed.", "negative"],
  ["Very very happy.", "positive", "strong"],
  ["The room was a bit dirty.", "negative"],
  ["Pretty good overall.", "positive"],
  ["It was okay.", "neutral"],
  ["Just okay.", "neutral"],
  ["Good.", "positive"],
  ["The wait was way too long.", "negative"],
  ["The case feels too plastic.", "negative"],
  // contrast and concession
  ["The food was good but the service was terrible.", "negative"],
  ["The staff was rude, but the food was amazing.", "positive", "lean"],
  ["Although the room was small, everything was perfect.", "positive"],
  ["Nice location. However, the rooms were filthy.", "negative"],
  ["Expensive but worth it.", "positive"],
  ["I wanted to like it, but it was bland.", "negative"],
  ["Despite the delay, they were very helpful.", "positive"],
  ["Great price, terrible quality.", "negative", "lean"],
  // comparatives and wishes
  ["It could be better.", "negative"],
  ["The app could have been better designed.", "negative"],
  ["Less reliable than my old one.", "negative"],
  ["I expected more.", "negative"],
  ["Better than I expected.", "positive"],
  // emoji and emoticons
  ["Love it 😍", "positive", "strong"],
  ["Thanks :)", "positive", "strong"],
  ["Still waiting for my refund 😡", "negative", "strong"],
  ["Meh :(", "negative", "strong"],
  ["👍👍", "positive", "strong"],
  ["😭😭😭", "negative", "strong"],
  ["lol", "positive"],
  // review idioms and domain words
  ["Would definitely recommend.", "positive", "strong"],
  ["Top notch service.", "positive", "strong"],
  ["They went above and beyond.", "positive", "strong"],
  ["Customer service hung up on me.", "negative"],
  ["I was on hold for an hour.", "negative"],
  ["We waited 45 minutes for our food.", "negative"],
  ["I had to return it.", "negative", "lean"],
  ["Sent it back for a refund.", "negative"],
  ["They refunded me within a day, great service.", "positive", "strong"],
  ["Rating: 2/10", "negative", "strong"],
  ["9/10 would buy again", "positive", "strong"],
  ["One star.", "negative", "strong"],
  ["Ripped off by this garage.", "negative", "strong"],
  // plain facts and questions
  ["I filed a claim last week.", "neutral"],
  ["How do I cancel my subscription?", "neutral"],
  ["The store opens at 9am.", "neutral"],
  ["I ordered the chicken and a salad.", "neutral"],
  ["My policy covers theft and fire.", "neutral"],
];

describe("golden English sentences", () => {
  it("has about a hundred cases", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(95);
  });
  it.each(CASES)("%s → %s", (text, label, strength) => {
    const a = analyze(text, { lang: "en" });
    if (strength === "lean") {
      expect(["neutral", label]).toContain(a.sentiment.label);
      expect(Math.sign(a.sentiment.score)).toBe(label === "positive" ? 1 : -1);
      return;
    }
    expect(a.sentiment.label).toBe(label);
    if (strength === "strong") expect(Math.abs(a.sentiment.score)).toBeGreaterThanOrEqual(STRONG);
  });
  it("detects English without a hint on these sentences", () => {
    const longer = CASES.filter(([t]) => t.split(" ").length >= 6);
    const ok = longer.filter(([t]) => analyze(t).lang === "en").length;
    expect(ok / longer.length).toBeGreaterThan(0.9);
  });
});
