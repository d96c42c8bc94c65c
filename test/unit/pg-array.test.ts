import { describe, expect, it } from "vitest";
import { type ArrayValue, pgArrayOf } from "../../src/db/queries/pg-array.ts";

const pgArray = (values: ArrayValue[]) => pgArrayOf(values, (v) => v);

describe("pgArrayOf", () => {
  it("quotes every element, escapes quotes and backslashes, writes NULL for null", () => {
    expect(pgArray(["a", "", null, 'say "hi"', "back\\slash", "{b,c}", " sp "])).toBe(
      '{"a","",NULL,"say \\"hi\\"","back\\\\slash","{b,c}"," sp "}',
    );
    expect(pgArray([1, 2.5, null, undefined])).toBe("{1,2.5,NULL,NULL}");
    expect(pgArray([true, false])).toBe("{t,f}");
    expect(pgArray([])).toBe("{}");
  });
  it("refuses numbers PostgreSQL would read differently", () => {
    expect(() => pgArray([Number.NaN])).toThrow(RangeError);
    expect(() => pgArray([Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });
});
