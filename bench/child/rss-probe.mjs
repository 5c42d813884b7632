// Preloaded (`node --import`) into every process the bench spawns: on exit, writes the
// process's peak resident set size (process.resourceUsage().maxRSS, kilobytes) to the file
// named by BENCH_RSS_FILE, and with BENCH_RSS_EVERY_MS also the RSS sampled at that interval
// (to show whether memory grows with the input). Plain JavaScript so it also preloads into
// bin/ringlens.mjs, which registers tsx itself.
import fs from "node:fs";

const target = process.env.BENCH_RSS_FILE;
const every = Number(process.env.BENCH_RSS_EVERY_MS ?? 0);
if (target) {
  const started = Date.now();
  const samples = [];
  if (every > 0) setInterval(() => samples.push([Date.now() - started, Math.round(process.memoryUsage.rss() / 1024)]), every).unref();
  process.on("exit", () => {
    fs.writeFileSync(target, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, samples }));
  });
}
