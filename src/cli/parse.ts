import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createFetcher, FetchError } from "../collect/fetch/index.ts";
import { parseDocument } from "../collect/index.ts";
import { ParseError, SOURCE_KINDS, type SourceKind } from "../collect/types.ts";
import { fetchOptionsFrom, loadEnv } from "../env.ts";
import { createLogger } from "../logger.ts";

/** `parse <url-or-file> [--kind K] [--json]`: fetch through the guarded layer (or read a file) and parse. */
export async function runParseCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { kind: { type: "string" }, json: { type: "boolean", default: false } },
  });
  const target = positionals[0];
  if (!target) {
    process.stderr.write("usage: parse <url-or-file> [--kind K] [--json]\n");
    return 2;
  }
  if (values.kind && !SOURCE_KINDS.includes(values.kind as SourceKind)) {
    process.stderr.write(`--kind must be one of: ${SOURCE_KINDS.join(", ")}\n`);
    return 2;
  }
  const env = loadEnv();
  let body: Uint8Array;
  let url: string;
  let contentType: string | undefined;
  if (/^https?:\/\//i.test(target)) {
    const fetcher = createFetcher({
      ...fetchOptionsFrom(env),
      logger: createLogger("warn"),
    });
    try {
      const res = await fetcher.fetch({ url: target });
      if (res.status >= 400) throw new FetchError("http_error", `HTTP ${res.status}`, { status: res.status });
      body = res.body;
      url = res.url;
      contentType = res.contentType;
    } catch (err) {
      process.stderr.write(`fetch refused or failed: ${describe(err)}\n`);
      return 1;
    } finally {
      await fetcher.close();
    }
  } else if (existsSync(target)) {
    body = new Uint8Array(await readFile(target));
    url = pathToFileURL(resolve(target)).href;
  } else {
    process.stderr.write(`not a URL and no such file: ${target}\n`);
    return 2;
  }
  try {
    const doc = await parseDocument({ body, url, contentType, kind: values.kind as SourceKind | undefined });
    if (values.json) process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
    else
      process.stdout.write(
        `format: ${doc.format}\nratings: ${doc.ratings.length}\nmentions: ${doc.mentions.length}\n${(doc.warnings ?? []).map((w) => `warning: ${w}\n`).join("")}`,
      );
    return 0;
  } catch (err) {
    process.stderr.write(`could not parse: ${describe(err)}\n`);
    return 1;
  }
}

function describe(err: unknown): string {
  if (err instanceof FetchError || err instanceof ParseError) return `${err.code}: ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}
