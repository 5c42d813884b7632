/** The phases every analysis reports, in the order it runs them: what the CLI, the job report and the bench show. */
export const ANALYSIS_PHASES = [
  "read links",
  "index",
  "hubs",
  "components",
  "bridges",
  "split",
  "attach",
  "insiders",
  "scores",
  "lineage",
  "write back",
  "investigation",
];
