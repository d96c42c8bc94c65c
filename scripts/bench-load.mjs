// Load generator for bench:api, run in a worker thread so that the client does not
// share the server's event loop: GETs `paths` with `concurrency` clients for `seconds`.
import { parentPort, workerData } from "node:worker_threads";

const { base, paths, headers, concurrency, seconds, warmup } = workerData;
const pick = () => paths[Math.floor(Math.random() * paths.length)];
for (let i = 0; i < warmup; i++) await (await fetch(base + pick(), { headers })).arrayBuffer();
const lat = [];
let errors = 0;
const end = performance.now() + seconds * 1000;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (performance.now() < end) {
      const s = performance.now();
      const res = await fetch(base + pick(), { headers });
      await res.arrayBuffer();
      lat.push(performance.now() - s);
      if (!res.ok) errors++;
    }
  }),
);
parentPort.postMessage({ lat, errors });
