// Preloaded (`node --import`) into every process the bench spawns: on exit, writes the
// process's peak resident set size (process.resourceUsage().maxRSS, kilobytes) to the file
// named by BENCH_RSS_FILE. Plain JavaScript so it also preloads into bin/ringlens.mjs,
// which registers tsx itself.
import fs from "node:fs";

const target = process.env.BENCH_RSS_FILE;
if (target) {
  process.on("exit", () => {
    fs.writeFileSync(target, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }));
  });
}
