import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import { FetchError } from "./errors.ts";

export const ACCEPT_ENCODING = "gzip, deflate, br";

export interface ReadBodyOptions {
  /** Cap on the decoded size. */
  maxBytes: number;
  /** true: stop quietly at the cap and keep the first maxBytes (robots.txt); false: throw too_large. */
  truncate?: boolean;
  signal?: AbortSignal;
}

export interface BodyResult {
  body: Uint8Array;
  truncated: boolean;
  /** Bytes taken off the socket (before decompression). */
  wireBytes: number;
}

// zlib chunk size: small enough that a bomb is stopped within a few KiB of the cap.
const ZLIB_CHUNK = 16 * 1024;

function decoderFor(encoding: string): NodeJS.ReadWriteStream {
  switch (encoding) {
    case "gzip":
    case "x-gzip":
      return zlib.createGunzip({ chunkSize: ZLIB_CHUNK });
    // Unzip detects the zlib header; servers sending raw deflate are rare enough to refuse.
    case "deflate":
      return zlib.createUnzip({ chunkSize: ZLIB_CHUNK });
    case "br":
      return zlib.createBrotliDecompress({ chunkSize: ZLIB_CHUNK });
    default:
      throw new FetchError("network", `unsupported content-encoding ${encoding}`, { retryable: false });
  }
}

export function parseEncodings(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(",")
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== "" && e !== "identity");
}

class Truncated {}

/**
 * Reads a response body, undoing Content-Encoding (last applied, first undone)
 * and counting decoded bytes as they stream, so a gzip bomb is cut off at the cap
 * instead of being inflated in memory. Aborting `signal` stops the read.
 */
export async function readBody(
  source: Readable,
  contentEncoding: string | undefined,
  options: ReadBodyOptions,
): Promise<BodyResult> {
  const decoders = parseEncodings(contentEncoding).reverse().map(decoderFor);
  const chunks: Buffer[] = [];
  let size = 0;
  let wireBytes = 0;
  let truncated = false;
  source.on("data", (chunk: Buffer) => {
    wireBytes += chunk.length;
  });

  // Kept aside because pipeline may report the AbortError of the torn-down streams instead.
  let stop: FetchError | Truncated | undefined;
  const sink = async (decoded: AsyncIterable<Buffer>) => {
    for await (const chunk of decoded) {
      if (size + chunk.length > options.maxBytes) {
        if (!options.truncate) {
          stop = new FetchError(
            "too_large",
            `body exceeds ${options.maxBytes} bytes (read ${wireBytes} from the wire)`,
          );
          throw stop;
        }
        chunks.push(chunk.subarray(0, options.maxBytes - size));
        size = options.maxBytes;
        truncated = true;
        stop = new Truncated();
        throw stop;
      }
      chunks.push(chunk);
      size += chunk.length;
    }
  };

  try {
    const streams = [source, ...decoders] as unknown as [Readable, ...NodeJS.ReadWriteStream[]];
    await pipeline(...(streams as [Readable]), sink, options.signal ? { signal: options.signal } : {});
  } catch (err) {
    if (!(stop instanceof Truncated)) {
      for (const d of decoders) (d as unknown as Readable).destroy();
      source.destroy();
      throw stop ?? err;
    }
  }
  if (truncated) source.destroy();
  return { body: new Uint8Array(Buffer.concat(chunks, size)), truncated, wireBytes };
}
