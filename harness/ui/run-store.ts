// Where the harness keeps its runs: <reports>/harness-runs/<run id>/ with the CLI's reports and run.json.
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export interface RunMeta {
  id: string;
  args: string[];
  bridge: string;
  startedAt: string;
  finishedAt: string | null;
  exitCode: number | null;
}

export const RUN_ID = /^\d{8}-\d{6}-[a-f0-9]{6}$/;

export class RunStore {
  constructor(readonly root: string) {}

  dir(id: string): string {
    if (!RUN_ID.test(id)) throw new Error(`bad run id ${id}`);
    return path.join(this.root, id);
  }

  newId(now = new Date()): string {
    const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
    return `${stamp}-${Math.floor(Math.random() * 0xffffff)
      .toString(16)
      .padStart(6, "0")}`;
  }

  async save(meta: RunMeta): Promise<void> {
    await mkdir(this.dir(meta.id), { recursive: true });
    await writeFile(path.join(this.dir(meta.id), "run.json"), JSON.stringify(meta, null, 2) + "\n");
  }

  async read(id: string): Promise<RunMeta | null> {
    return readFile(path.join(this.dir(id), "run.json"), "utf8").then(
      (t) => JSON.parse(t) as RunMeta,
      () => null,
    );
  }

  async list(): Promise<RunMeta[]> {
    const ids = (await readdir(this.root).catch(() => [])).filter((d) => RUN_ID.test(d));
    const metas = await Promise.all(ids.map((id) => this.read(id)));
    return metas
      .filter((m): m is RunMeta => m !== null)
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }
}
