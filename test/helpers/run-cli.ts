/** Runs the real `ringlens` command in a child process and collects its output and exit code. */
import { spawn } from "node:child_process";
import path from "node:path";
import { childEnv } from "./child-env.ts";

export const BIN = path.resolve(import.meta.dirname, "../../bin/ringlens.mjs");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return runNode([BIN, ...args], env);
}

/** Runs Node with these arguments (a script and its arguments) and collects its output and exit code. */
export function runNode(nodeArgs: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nodeArgs, { env: childEnv(env), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
