import { loadEnv } from "../env.ts";

const USAGE = `usage: reputation <command> [options]

  all                         API and workers in one process (embedded when no DATABASE_URL/REDIS_URL)
  serve                       API only (in embedded mode it also runs the jobs)
  work                        workers only (needs REDIS_URL)
  migrate                     apply database migrations
  keys create --name N --scope read|admin
                              create an API key; the key is printed alone on the last line
  parse <url-or-file> [--kind K] [--json]
                              fetch (through the guarded fetch layer) or read a file, print what was parsed
  diagnose --name "Business" --url <url> [--url ...] [--competitor-url <url>] --locale fr|en [--json report.json] [--out report.html]
                              run a reputation diagnostic (embedded unless DATABASE_URL is set)
`;

const ROLES = { all: "all", serve: "api", work: "worker" } as const;

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help") {
    process.stdout.write(USAGE);
    return;
  }
  // Configuration first: a bad value is reported before anything heavy loads.
  loadEnv();
  if (command in ROLES) {
    const { boot, handleSignals } = await import("../boot.ts");
    handleSignals(await boot(ROLES[command as keyof typeof ROLES]));
    return;
  }
  const { runCliCommand } = await import("./commands.ts");
  process.exitCode = await runCliCommand(command, rest, USAGE);
}

main(process.argv.slice(2)).catch((err) => {
  process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
