import { defineConfig } from "drizzle-kit";

// Generation only needs the schema; migrations are applied by `npm run db:migrate`
// (and at boot) through drizzle-orm's migrator, for both postgres.js and PGlite.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema/index.ts",
  out: "./migrations",
  casing: "snake_case",
});
