/** The bench serves the viewer as built from client/ now (tools/client-build.ts). */
export { ensureClientBuilt } from "../../tools/client-build.ts";
