/** Commands added by later parts (demo, analyze, serve, …) register here. */
import type { Command } from "commander";
import type { CommandContext } from "../cli.ts";

export function registerCommands(_program: Command, _ctx: CommandContext): void {}
