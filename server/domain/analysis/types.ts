/**
 * Moved to server/domain/analysis-types.ts. Kept only for the server/store/ adapters, which are
 * being rewritten; delete this file once they import analysis-types.ts.
 */
export type * from "../analysis-types.ts";
