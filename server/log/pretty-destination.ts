/**
 * Readable log lines for a person at a terminal: pino-pretty, in process, one short line per
 * entry (time, level, message, then any extra fields inline). pino-pretty is loaded only when
 * asked for, so JSON logging never pays for it.
 */
import { createRequire } from "node:module";
import type { DestinationStream } from "pino";
import type PinoPretty from "pino-pretty";

/** Fields the line leaves out: always the same (pid, hostname), or already in the message (the request's). */
const IGNORED = "pid,hostname,req,res,responseTime";

/**
 * A pino destination writing pretty lines to `stream`.
 *
 * @example pino({ level: "info" }, prettyDestination(process.stderr))
 */
export function prettyDestination(stream: NodeJS.WriteStream): DestinationStream {
  const pretty = createRequire(import.meta.url)("pino-pretty") as typeof PinoPretty;
  return pretty({
    destination: stream,
    colorize: Boolean(stream.isTTY),
    translateTime: "SYS:HH:MM:ss",
    ignore: IGNORED,
    singleLine: true,
    sync: true,
  });
}
