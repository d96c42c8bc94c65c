import { boot, handleSignals } from "./boot.ts";

// API process entry: `tsx src/index.ts` (the CLI's `serve` does the same).
const running = await boot("api");
handleSignals(running);
