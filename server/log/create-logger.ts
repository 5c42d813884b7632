/**
 * The process logger (pino), secrets redacted: short readable lines when a person reads the
 * log (its stream is a terminal, or RINGLENS_LOG_FORMAT / --log-format say pretty), JSON lines,
 * written asynchronously, otherwise. Logs go to stderr; stdout is the commands' own output.
 */
import { pino, type Logger } from "pino";
import type { Config } from "../config.ts";
import { prettyDestination } from "./pretty-destination.ts";

export type LogFormat = "json" | "pretty";

const REDACT = ["token", "password", "*.password", "*.token"];

/**
 * The format a setting means for a stream: "auto" is pretty at a terminal, JSON elsewhere.
 *
 * @example logFormatFor("auto", { isTTY: false }) // "json"
 */
export function logFormatFor(setting: Config["logFormat"], stream: { isTTY?: boolean } = process.stderr): LogFormat {
  return setting === "auto" ? (stream.isTTY ? "pretty" : "json") : setting;
}

export function createLogger(
  config: Pick<Config, "logLevel" | "logFormat">,
  stream: NodeJS.WriteStream & { fd: number } = process.stderr,
): Logger {
  const options = { level: config.logLevel, redact: REDACT };
  if (logFormatFor(config.logFormat, stream) === "pretty") return pino(options, prettyDestination(stream));
  return pino(options, pino.destination({ dest: stream.fd, sync: false }));
}
