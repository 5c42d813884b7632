/** What the machine was doing when figures were taken: load averages, cores, memory, versions. */
import os from "node:os";
import { engineVersion } from "../engine/bench-engine.ts";

export interface MachineSnapshot {
  at: string;
  loadAverage: [number, number, number];
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  freeMemoryGb: number;
  node: string;
  engine: string;
  platform: string;
}

export function machineSnapshot(): MachineSnapshot {
  const [one, five, fifteen] = os.loadavg();
  const cpus = os.cpus();
  return {
    at: new Date().toISOString(),
    loadAverage: [round2(one!), round2(five!), round2(fifteen!)],
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? "unknown",
    memoryGb: round2(os.totalmem() / 2 ** 30),
    freeMemoryGb: round2(os.freemem() / 2 ** 30),
    node: process.version,
    engine: engineVersion(),
    platform: `${os.platform()} ${os.release()}`,
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
