// Where the third-party SCORM corpus lives (../shared/corpus, read-only, never copied into the project), and
// whether this checkout has it.
import { existsSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "./package-files.ts";

export const CORPUS_SCORM_DIR = path.resolve(PROJECT_ROOT, "../shared/corpus/scorm");

export function corpusAbsentNotice(): string | null {
  return existsSync(CORPUS_SCORM_DIR)
    ? null
    : `SCORM corpus not found at ${CORPUS_SCORM_DIR}: skipping the third-party corpus tests.`;
}
