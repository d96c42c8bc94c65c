/** Typed arrays the analyser grows as texts and vocabularies grow. */
export type Grown = Uint8Array | Int8Array | Uint16Array | Int32Array | Float64Array;

/** A copy of `a` in a new array of the same type with room for `cap` elements (cap ≥ a.length). */
export function grown<T extends Grown>(a: T, cap: number): T {
  const b = new (a.constructor as new (n: number) => T)(cap);
  b.set(a);
  return b;
}
