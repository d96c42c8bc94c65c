import { boot, handleSignals, type Role } from "../boot.ts";
import { runCliCommand } from "./commands.ts";

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
                              run a reputation diagnostic
`;

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  const roles: Record<string, Role> = { all: "all", serve: "api", work: "worker" };
  if (command && command in roles) {
    handleSignals(await boot(roles[command]!));
    return;
  }
  if (!command || command === "help" || command === "--help") {
    process.stdout.write(USAGE);
    return;
  }
  const code = await runCliCommand(command, rest, USAGE);
  process.exitCode = code;
}

main(process.argv.slice(2)).catch((err) => {
  process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
