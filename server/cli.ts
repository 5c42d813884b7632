/**
 * The `ringlens` command line: the composition root of every command. Parses flags with
 * commander, resolves the configuration once and passes it down; maps errors to a one-line
 * message and an exit code (1 failure, 2 usage).
 */
import { Command, CommanderError, Option } from "commander";
import { armCheckpoints } from "./checkpoints.ts";
import { loadConfig } from "./config.ts";
import type { CommandContext } from "./cli/command-context.ts";
import { isRinglensError, messageOf } from "./errors.ts";
import { runLoad } from "./cli/load-command.ts";
import { runHealth } from "./cli/health-command.ts";
import { registerCommands } from "./cli/register-commands.ts";

export async function main(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  let exitCode = 0;
  const program = new Command("ringlens")
    .description("Find organised refund-fraud rings in accounts, addresses, devices, employees and refunds.")
    .addOption(
      new Option(
        "--db <path>",
        "folder of the embedded store (default ./data/ringlens, or RINGLENS_DB); implies --store embedded, even when NEO4J_URI is set, unless --store is given",
      ),
    )
    .addOption(
      new Option("--store <kind>", "store to use (default: neo4j when NEO4J_URI is set, else embedded)").choices(["embedded", "neo4j"]),
    )
    .addOption(
      new Option(
        "--log-format <format>",
        "server log lines: pretty (readable) or json (default: pretty when stderr is a terminal, else json; or RINGLENS_LOG_FORMAT)",
      ).choices(["json", "pretty"]),
    )
    .showHelpAfterError("(run `ringlens --help` for usage)")
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) });

  const ctx: CommandContext = {
    config() {
      const globals = program.opts<{ db?: string; store?: "embedded" | "neo4j"; logFormat?: "json" | "pretty" }>();
      const base = loadConfig(env);
      armCheckpoints(base.pauseAt);
      // A store folder named on the command line means that store, whatever NEO4J_URI the shell or a .env holds.
      const store = globals.store ?? (globals.db ? "embedded" : undefined);
      return {
        ...base,
        ...(globals.db ? { db: globals.db } : {}),
        ...(store ? { store } : {}),
        ...(globals.logFormat ? { logFormat: globals.logFormat } : {}),
      };
    },
    out: process.stdout,
    setExit(code) {
      exitCode = code;
    },
  };

  program
    .command("load")
    .description("import a folder of CSV/JSONL files into the store, with a per-file report")
    .argument("<dir>", "folder with accounts.csv and optional addresses, devices, payments, identifiers, employees, refunds, contacts")
    .option("--mapping <file>", "JSON file renaming your files and columns onto ringlens' format")
    .option("--rejects <file>", "where to write the reject report (default: beside the store)")
    .option("--json", "print the report as one JSON object")
    .action(async (dir: string, flags) => ctx.setExit(await runLoad(dir, flags, ctx.config(), ctx.out)));

  program
    .command("health")
    .description("say which store is in use, whether it answers, and what it holds")
    .action(async () => ctx.setExit(await runHealth(ctx.config(), ctx.out)));

  registerCommands(program, ctx);

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    process.stderr.write(`ringlens: ${isRinglensError(error) ? error.message : messageOf(error)}\n`);
    if (!isRinglensError(error) && env.RINGLENS_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    return 1;
  }
}
