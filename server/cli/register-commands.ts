/** The commands beyond load and health: demo data, analysis, exports, evaluation, serving. */
import type { Command } from "commander";
import type { CommandContext } from "./command-context.ts";
import { runDemo } from "./demo-command.ts";
import { runAnalyze } from "./analyze-command.ts";
import { runExport } from "./export-rings-command.ts";
import { runGraphExport } from "./export-graph-command.ts";
import { runEval } from "./eval-command.ts";
import { RinglensError } from "../errors.ts";
import { runServe } from "./serve-command.ts";
import { runStart } from "./start-command.ts";
import { runAlerts } from "./alerts-command.ts";

export function registerCommands(program: Command, ctx: CommandContext): void {
  program
    .command("demo")
    .description("write demo CSVs with planted REKK-like rings and their ground truth")
    .requiredOption("--out <dir>", "folder to write into")
    .option("--accounts <n>", "accounts in total (default 20000)")
    .option("--rings <k>", "planted rings (default 30)")
    .option("--seed <s>", "random seed; same seed, same files (default 1)")
    .option("--hard", "also plant bridged crews, relatives' shared devices and typo'd drop addresses (listed in truth/patterns.csv)")
    .action(async (flags) => ctx.setExit(await runDemo(flags, ctx.out)));

  program
    .command("analyze")
    .description("detect and score rings in the store, replacing the previous analysis")
    .option("--hub-threshold <n|auto>", "identifiers used by more accounts than this do not link (default auto)")
    .option("--max-ring-size <n>", "split larger groups with Louvain (default 40)")
    .option("--policy <file>", 'link policy JSON per identifier kind, e.g. {"ip": {"link": true, "hubThreshold": 20, "weight": 0.25}}')
    .option(
      "--link <kinds>",
      "only these identifier kinds link, comma-separated (address,device,email,phone,payment,ip and, from support contacts, contact-device,contact-phone,contact-email,contact-ip,handle); default: all but ip and contact-ip",
    )
    .option(
      "--kind <kind.key=value...>",
      "one policy setting, repeatable: phone.hubThreshold=10, ip.link=true, payment.weight=1, contact-device.hubThreshold=50",
    )
    .option(
      "--in-store",
      "detect in the store with its graph algorithms (Neo4j with Graph Data Science): links are not read into ringlens, for graphs beyond one process's memory",
    )
    .option("--top <n>", "rings to print (default 15)")
    .option("--json", "print the summary as JSON")
    .action(async (flags) => ctx.setExit(await runAnalyze(flags, ctx.config(), ctx.out)));

  program
    .command("rings")
    .description(
      "export detected rings, one row per member or attached account (account_id,ring_id,score,flagged,…,role,note,linked_rings)",
    )
    .option("--format <csv|json>", "output format (default csv)")
    .option("--out <file>", "write to a file instead of stdout")
    .option("--min-level <low|medium|high>", "only rings at or above this level (default low: all)")
    .option(
      "--spreadsheet-safe",
      "prefix text cells starting with = + - @ with ' so a spreadsheet shows them instead of running them (ids then differ from the store's)",
    )
    .action(async (flags) => ctx.setExit(await runExport("rings", flags, ctx.config(), ctx.out)));

  program
    .command("insiders")
    .description("export suspected insiders (employee_id,ring_id,score,…)")
    .option("--format <csv|json>", "output format (default csv)")
    .option("--out <file>", "write to a file instead of stdout")
    .option(
      "--spreadsheet-safe",
      "prefix text cells starting with = + - @ with ' so a spreadsheet shows them instead of running them (ids then differ from the store's)",
    )
    .action(async (flags) => ctx.setExit(await runExport("insiders", flags, ctx.config(), ctx.out)));

  program
    .command("alerts")
    .description("list the alerts analyses raised (a known fraudster back, a ring under investigation grown, a watch's new rows)")
    .option("--status <open|acknowledged|all>", "which alerts (default open)")
    .option("--json", "print them as JSON")
    .action(async (flags) => ctx.setExit(await runAlerts(flags, ctx.config(), ctx.out)));

  program
    .command("export")
    .description("write the embedded store's graph for Neo4j: a cypher-shell script, or CSVs for neo4j-admin database import")
    .requiredOption(
      "--format <cypher|neo4j-admin>",
      "cypher: one script of constraints and MERGE batches; neo4j-admin: typed CSVs plus the import command",
    )
    .requiredOption("--out <dir>", "folder to write into (created if missing)")
    .action(async (flags) => ctx.setExit(await runGraphExport(flags, ctx.config(), ctx.out)));

  program
    .command("eval")
    .description("measure detection against planted rings, beside naive connected components")
    .requiredOption("--truth <dir>", "the truth/ folder written by `ringlens demo`")
    .option("--json", "print the figures as JSON")
    .action(async (flags) => ctx.setExit(await runEval(flags, ctx.config(), ctx.out)));

  program
    .command("serve")
    .description("serve the API and the viewer")
    .option("--port <n>", "port (default 3000, or RINGLENS_PORT)")
    .option("--host <addr>", "interface to bind (default 127.0.0.1, or RINGLENS_HOST)")
    .option(
      "--store-wait <seconds>",
      "keep retrying a store that is not available at start-up this long, with back-off (default 60, or RINGLENS_STORE_WAIT_S)",
    )
    .action(async (flags: ServeFlags) => ctx.setExit(await runServe(withServeFlags(ctx, flags), ctx.out)));

  program
    .command("start")
    .description("demo data → load → analyze → serve (what `npm start` runs)")
    .option("--demo-dir <dir>", "where the demo data goes", "./data/demo")
    .option("--accounts <n>", "demo accounts (default 20000)")
    .option("--seed <s>", "demo seed (default 1)")
    .option("--fresh", "rewrite, reload and reanalyse even if done before")
    .option("--port <n>", "port (default 3000)")
    .option("--host <addr>", "interface to bind (default 127.0.0.1)")
    .action(async (flags) => ctx.setExit(await runStart(flags, withServeFlags(ctx, flags), ctx.out)));
}

interface ServeFlags {
  port?: string;
  host?: string;
  storeWait?: string;
}

function withServeFlags(ctx: CommandContext, flags: ServeFlags) {
  const config = ctx.config();
  const storeWaitS = flags.storeWait === undefined ? config.storeWaitS : Number(flags.storeWait);
  if (!Number.isFinite(storeWaitS) || storeWaitS < 0)
    throw new RinglensError("invalid-input", `--store-wait: expected seconds ≥ 0, got ${flags.storeWait}`);
  return {
    ...config,
    storeWaitS,
    ...(flags.port !== undefined ? { port: Number(flags.port) } : {}),
    ...(flags.host ? { host: flags.host } : {}),
  };
}
