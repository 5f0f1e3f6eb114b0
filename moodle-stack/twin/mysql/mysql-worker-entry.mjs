// Node 20 cannot hand tsx's loader to a worker thread (--import in execArgv is ignored there): this plain
// module is the worker's entry, and loads the TypeScript worker through tsx's API.
import { tsImport } from "tsx/esm/api";

await tsImport("./mysql-worker.ts", import.meta.url);
