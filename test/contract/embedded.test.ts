/** The store contract on the embedded engine: always runs, each store in its own temp folder. */
import path from "node:path";
import { openEmbeddedStore } from "../../server/store/embedded-store.ts";
import { tempDir } from "../helpers/temp-dir.ts";
import { storeContract } from "./store-contract.ts";

const root = tempDir("ringlens-contract-embedded-");
let n = 0;

storeContract(
  "embedded",
  async () => {
    const store = await openEmbeddedStore({ folder: path.join(root, `db-${++n}`), command: "test" });
    await store.ensureSchema();
    return store;
  },
  { graphAlgorithms: false },
);
