import { parseArgs } from "node:util";
import { createApiKey } from "../db/queries/api-keys.ts";
import { API_KEY_SCOPES, type ApiKeyScope } from "../db/schema/index.ts";
import { loadEnv } from "../env.ts";
import { createLogger } from "../logger.ts";
import { createRuntime } from "../runtime.ts";
import { runDiagnoseCommand } from "./diagnose.ts";
import { runParseCommand } from "./parse.ts";

/** One-shot commands. Returns the exit code. */
export async function runCliCommand(command: string, args: string[], usage: string): Promise<number> {
  switch (command) {
    case "migrate":
      return migrate();
    case "keys":
      return keys(args);
    case "parse":
      return runParseCommand(args);
    case "diagnose":
      return runDiagnoseCommand(args);
    default:
      process.stderr.write(`unknown command: ${command}\n\n${usage}`);
      return 2;
  }
}

async function migrate(): Promise<number> {
  const env = loadEnv();
  const rt = await createRuntime(env, createLogger(env.LOG_LEVEL), { migrate: false });
  try {
    await rt.database.migrate();
    process.stdout.write(`migrations applied (${rt.database.driver})\n`);
    return 0;
  } finally {
    await rt.close();
  }
}

async function keys(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { name: { type: "string" }, scope: { type: "string", default: "read" } },
  });
  if (positionals[0] !== "create" || !values.name) {
    process.stderr.write("usage: keys create --name N --scope read|admin\n");
    return 2;
  }
  if (!API_KEY_SCOPES.includes(values.scope as ApiKeyScope)) {
    process.stderr.write(`--scope must be one of: ${API_KEY_SCOPES.join(", ")}\n`);
    return 2;
  }
  const env = loadEnv();
  const rt = await createRuntime(env, createLogger("warn"));
  try {
    const created = await createApiKey(rt.database.db, { name: values.name, scope: values.scope as ApiKeyScope });
    process.stdout.write(
      `created ${created.scope} key "${created.name}" (prefix ${created.prefix}); only its hash is stored:\n`,
    );
    process.stdout.write(`${created.key}\n`);
    return 0;
  } finally {
    await rt.close();
  }
}
