// natural ships types only for its root entry, which loads every module (~700 ms);
// these sub-paths are imported one by one to keep the analyser's import cheap.
declare module "natural/lib/natural/stemmers/porter_stemmer_fr.js" {
  const stemmer: { stem(token: string): string };
  export default stemmer;
}
declare module "natural/lib/natural/stemmers/porter_stemmer.js" {
  const stemmer: { stem(token: string): string };
  export default stemmer;
}
