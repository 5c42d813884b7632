/**
 * What every command receives from the command line's composition root (server/cli.ts): the
 * configuration with the global flags applied, where to print, and how to set the exit code.
 * Types only, so commands never import cli.ts back.
 */
import type { Config } from "../config.ts";

export interface CommandContext {
  /** Configuration with the global flags applied. */
  config(): Config;
  out: NodeJS.WritableStream;
  setExit(code: number): void;
}
