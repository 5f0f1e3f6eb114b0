// Where a run writes its reports: $ESB_REPORTS_DIR, else reports/ at the project root.
import path from "node:path";
import { PROJECT_ROOT } from "../packages/package-files.ts";

export function reportsDir(): string {
  return path.resolve(process.env.ESB_REPORTS_DIR ?? path.join(PROJECT_ROOT, "reports"));
}
