#!/usr/bin/env node
// Entry point of the `ringlens` command: runs the TypeScript CLI through tsx so a fresh
// clone needs no build step for the server.
import { register } from "tsx/esm/api";

// Settings may also come from a .env file in the working folder; real environment variables win.
try {
  process.loadEnvFile();
} catch (error) {
  if (error.code !== "ENOENT") throw error;
}
register();
const { main } = await import("../server/cli.ts");
process.exitCode = await main(process.argv);
