/**
 * Words that say nothing about why customers are unhappy, in French and
 * English, already accent-folded (see fold() in text.ts). Review boilerplate
 * ("avis", "review", "star") is included: every mention has it.
 */
const EN = `a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each even ever every few for from further
get got had has have having he her here hers herself him himself his how i if in into is it its itself just
me more most my myself no nor not now of off on once only or other our ours ourselves out over own really
same she should so some still such than that the their theirs them themselves then there these they this
those through to too under until up very was we were what when where which while who whom why will with
would you your yours yourself yourselves im ive dont didnt doesnt isnt wasnt cant couldnt wont its thats
one two also back much many well way went go going come came make made said say told us lot bit thing
things time times day days review reviews star stars rating place company don didn doesn isn wasn aren
weren haven hasn hadn couldn wouldn shouldn won ll ve re`;

const FR = `a ai aie aient aies ait as au aucun aupres aussi autre autres aux avaient avais avait avant avec avez
avions avoir avons ayant bon bien c ca car ce ceci cela celle celles celui cependant certain ces cet cette
ceux chaque chez ci comme comment d dans de des deja depuis donc dont du elle elles en encore entre es est
et etaient etais etait etant ete etes etre eu eux fait faire fais faut fois font ici il ils j je jusqu l la
le les leur leurs lui m ma mais me meme mes moi mon n ne ni nos notre nous on ont or ou par parce pas peu
peut plus pour pourquoi qu quand que quel quelle quelles quels qui quoi s sa sans se sera ses si sien son
sont sous suis sur t ta te tes toi ton tous tout toute toutes tres tu un une vers voici voila vos votre vous
y aujourd hui alors apres ceux cote fin lors moins rien sera seront soit tant toujours trop va vais vont
deux ete avis etoile etoiles note magasin entreprise fois jour jours chose choses faites etes sommes
ont avait avez suis etait`;

export const STOP_WORDS: ReadonlySet<string> = new Set(`${EN} ${FR}`.split(/\s+/).filter(Boolean));
