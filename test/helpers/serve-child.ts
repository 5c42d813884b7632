/**
 * The real `ringlens serve` in a child process, for tests that need another process holding a
 * store or a server that starts on its own. Output is collected per stream (a line may arrive
 * in several chunks), waiting for a line ends early when the child exits, and stopping does not
 * wait for an exit that already happened.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import { childEnv } from "./child-env.ts";

const BIN = path.resolve(import.meta.dirname, "../../bin/ringlens.mjs");

export interface ServeChild {
  child: ChildProcessWithoutNullStreams;
  /** Everything it printed so far: stdout, then stderr. */
  output(): string;
  /** Resolves with its exit code once it has exited and its output is read. */
  exited: Promise<number | null>;
  /** Resolves with the output once `pattern` shows in stdout or stderr; throws, with the output, when it exits first or `ms` pass. */
  waitFor(pattern: RegExp, ms: number): Promise<string>;
  /** SIGTERM unless it has exited already, then waits for the exit. */
  stop(): Promise<void>;
}

/** `ringlens serve --port 0 …args` with logs off and the environment of childEnv plus `env`. */
export function startServe(args: string[], env: Record<string, string> = {}): ServeChild {
  const child = spawn(process.execPath, [BIN, "serve", "--port", "0", ...args], {
    env: childEnv({ RINGLENS_LOG_LEVEL: "silent", ...env }),
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => {
    stdout += d;
  });
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  let done = false;
  const exited = new Promise<number | null>((resolve) =>
    child.on("close", (code) => {
      done = true;
      resolve(code);
    }),
  );
  const output = () => stdout + stderr;
  return {
    child,
    output,
    exited,
    async waitFor(pattern, ms) {
      const deadline = Date.now() + ms;
      while (!pattern.test(stdout) && !pattern.test(stderr)) {
        if (done) throw new Error(`serve exited before printing ${pattern}:\n${output()}`);
        if (Date.now() > deadline) throw new Error(`serve did not print ${pattern} within ${ms} ms:\n${output()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      return output();
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
