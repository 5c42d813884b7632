/** The process logger (pino): JSON lines on stderr, written asynchronously, secrets redacted. */
import { pino, type Logger } from "pino";
import type { Config } from "./config.ts";

export function createLogger(config: Pick<Config, "logLevel">): Logger {
  return pino({ level: config.logLevel, redact: ["token", "password", "*.password", "*.token"] }, pino.destination({ dest: 2, sync: false }));
}
