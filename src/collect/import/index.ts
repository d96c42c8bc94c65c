export type { ImportOptions, ImportReport, RejectedRow } from "./import-reviews.ts";
export { importReviews } from "./import-reviews.ts";
export type { ColumnMapping, ImportField } from "./mapping.ts";
export { FIELDS as IMPORT_FIELDS, guessMapping } from "./mapping.ts";
