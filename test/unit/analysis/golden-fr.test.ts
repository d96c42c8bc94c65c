/**
 * Hand-checked French sentences: expected label, and "strong" where |score| must reach
 * STRONG. Written for this project (not taken from any evaluation set).
 */
import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/analysis/index.ts";

const STRONG = 0.45;
// "lean": a mixed text whose contrast decides the sign; the label may stay neutral.
type Case = [text: string, label: "negative" | "neutral" | "positive", strength?: "strong" | "lean"];

const CASES: Case[] = [
  // plain verdicts
  ["Très satisfait de mon assurance, je recommande.", "positive", "strong"],
  ["Service impeccable, rien à redire.", "positive", "strong"],
  ["Assurance au top !", "positive", "strong"],
  ["Je suis ravie de la rapidité du remboursement.", "positive", "strong"],
  ["Conseillère très aimable et compétente.", "positive", "strong"],
  ["Nickel, rapide et efficace.", "positive", "strong"],
  ["Tarifs compétitifs et souscription en ligne très simple.", "positive", "strong"],
  ["Bon rapport qualité prix.", "positive"],
  ["Merci pour votre réactivité.", "positive"],
  ["Un grand merci à Julie pour son aide.", "positive", "strong"],
  ["Très déçu par cette mutuelle.", "negative", "strong"],
  ["Service client nul.", "negative", "strong"],
  ["Une arnaque, fuyez !", "negative", "strong"],
  ["Assurance à fuir.", "negative", "strong"],
  ["Je déconseille fortement cet assureur.", "negative", "strong"],
  ["C'est honteux et inadmissible.", "negative", "strong"],
  ["Des escrocs, rien d'autre.", "negative", "strong"],
  ["Conseiller désagréable et incompétent.", "negative", "strong"],
  ["Lamentable.", "negative", "strong"],
  ["Quelle déception !", "negative", "strong"],
  // negation with scope
  ["Je ne suis pas satisfait du service.", "negative"],
  ["Je ne recommande pas cette assurance.", "negative", "strong"],
  ["Pas satisfait du tout.", "negative"],
  ["Le service n'est pas à la hauteur.", "negative", "strong"],
  ["Je n'ai jamais eu de problème avec eux.", "positive"],
  ["Aucun souci depuis cinq ans.", "positive"],
  ["Pas de problème, tout s'est bien passé.", "positive"],
  ["Sans problème et sans attente.", "positive"],
  ["Pas mal du tout.", "positive"],
  ["C'est pas mal.", "positive"],
  ["Ce n'est pas terrible.", "negative"],
  ["Je ne suis plus satisfait depuis la hausse des tarifs.", "negative"],
  ["Aucune réponse à mes mails.", "negative"],
  ["Toujours pas de remboursement.", "negative"],
  ["Je n'ai reçu aucune explication.", "negative"],
  ["Ils ne rappellent jamais.", "negative"],
  ["J'aime pas leur façon de faire.", "negative"],
  ["Je recommande pas.", "negative"],
  ["Pas très efficace.", "negative"],
  ["Peu efficace et peu aimable.", "negative"],
  ["Je ne regrette pas mon choix.", "positive"],
  ["Jamais déçu.", "positive"],
  ["Sans hésitation je recommande.", "positive", "strong"],
  ["Je n'ai rien à redire.", "positive"],
  ["Ce n'est pas cher.", "positive"],
  ["Je ne suis ni satisfait ni content.", "negative"],
  // elision, missing accents and apostrophes
  ["J'ai ete tres decu par l'accueil.", "negative"],
  ["tres satisfaite du service client", "positive"],
  ["j ai jamais eu de reponse", "negative"],
  ["n hesitez pas, ils sont top", "positive"],
  ["c est une honte", "negative", "strong"],
  ["L'assurance est trop chère.", "negative"],
  // intensity
  ["Trèèès satisfait !!!", "positive", "strong"],
  ["Vraiment très déçu.", "negative", "strong"],
  ["Un peu cher mais correct.", "positive", "lean"],
  ["Un peu long.", "negative", "lean"],
  ["Super rapide !", "positive", "strong"],
  ["Hyper compliqué de les joindre.", "negative"],
  ["Extrêmement lent.", "negative", "strong"],
  ["NUL NUL NUL", "negative", "strong"],
  ["Service client INJOIGNABLE", "negative", "strong"],
  // contrast and concession
  ["Prix correct mais service client injoignable.", "negative"],
  ["Un peu cher mais très bon service.", "positive"],
  ["Le site est pratique, cependant le remboursement est très lent.", "negative"],
  ["Malgré un petit retard, je suis très satisfait.", "positive"],
  ["Bon accueil. Par contre, aucun suivi du dossier.", "negative", "lean"],
  ["Tout allait bien pendant dix ans. Mais au premier sinistre, plus personne !", "negative"],
  ["J'étais inquiet mais tout a été réglé rapidement.", "positive"],
  ["Même si les délais sont longs, le conseiller était parfait.", "positive"],
  // comparatives
  ["Moins cher qu'ailleurs.", "positive"],
  ["Plus cher que la concurrence pour les mêmes garanties.", "negative"],
  ["Le service est moins bon qu'avant.", "negative"],
  ["Les tarifs devraient être meilleurs.", "negative"],
  // emoji and emoticons
  ["Merci 😊", "positive"],
  ["Très content 👍", "positive", "strong"],
  ["Toujours rien 😡", "negative", "strong"],
  ["Déçu :(", "negative", "strong"],
  ["👎👎👎", "negative", "strong"],
  ["Parfait :)", "positive", "strong"],
  // insurance domain words
  ["J'ai déclaré un sinistre le 3 mars.", "neutral"],
  ["Sinistre pris en charge rapidement, merci.", "positive"],
  ["Dossier sinistre réglé en une semaine, parfait.", "positive", "strong"],
  ["Résiliation demandée il y a trois mois, toujours rien.", "negative"],
  ["Augmentation de 20 % sans justification.", "negative"],
  ["Relance après relance, aucune réponse.", "negative", "strong"],
  ["Attente interminable au téléphone.", "negative"],
  ["Remboursement en 48 heures, je recommande.", "positive", "strong"],
  ["Ils sont prompts à encaisser les cotisations mais dès qu'il s'agit de payer, plus personne.", "negative"],
  ["Résultat : je vais résilier.", "negative"],
  ["Mon contrat auto couvre le vol et l'incendie.", "neutral"],
  ["Le conseiller m'a expliqué les garanties.", "neutral"],
  ["Franchise de 300 euros.", "neutral"],
  // ratings written in the text
  ["Note : 5/5", "positive", "strong"],
  ["Je mets 1/5.", "negative", "strong"],
  ["Cinq étoiles !", "positive", "strong"],
  // mixed reviews end near neutral, not on one side
  ["Accueil excellent mais remboursements catastrophiques.", "negative", "lean"],
  [
    "Les conseillers sont aimables, les délais sont désastreux, le site est pratique, les prix sont trop élevés.",
    "neutral",
  ],
  // questions and plain facts
  ["Comment résilier mon contrat ?", "neutral"],
  ["J'ai souscrit une assurance habitation en janvier.", "neutral"],
  ["Bonjour, je voudrais connaître les garanties.", "neutral"],
];

describe("golden French sentences", () => {
  it("has about a hundred cases", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(95);
  });
  it.each(CASES)("%s → %s", (text, label, strength) => {
    const a = analyze(text, { lang: "fr" });
    if (strength === "lean") {
      expect(["neutral", label]).toContain(a.sentiment.label);
      expect(Math.sign(a.sentiment.score)).toBe(label === "positive" ? 1 : -1);
      return;
    }
    expect(a.sentiment.label).toBe(label);
    if (strength === "strong") expect(Math.abs(a.sentiment.score)).toBeGreaterThanOrEqual(STRONG);
  });
  it("detects French without a hint on these sentences", () => {
    const longer = CASES.filter(([t]) => t.split(" ").length >= 6);
    const ok = longer.filter(([t]) => analyze(t).lang === "fr").length;
    expect(ok / longer.length).toBeGreaterThan(0.9);
  });
});
