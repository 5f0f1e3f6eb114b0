// The twin's database on a MySQL/MariaDB server, kept synchronous like the embedded one: mysql2 runs in a
// worker thread (mysql-worker.ts) and this thread blocks on each statement with synckit (Atomics.wait), over
// one connection per twin so BEGIN ... COMMIT stay on it. Each twin creates its own database and drops it on
// close.
import { createSyncFn } from "synckit";
import { plainParams, type Params, type Row, type SqlBackend } from "../sql-backend.ts";
import type { MysqlFailure, MysqlRequest, MysqlResponse } from "./mysql-protocol.ts";
import { freshDatabaseName, parseMysqlUrl, TwinDatabaseError } from "./mysql-url.ts";

export interface MysqlDatabaseOptions {
  /** mysql://user:password@host:port/prefix: a server the user may create and drop databases on. */
  mysqlUrl: string;
}

type Call = (request: MysqlRequest) => MysqlResponse;
const STATEMENT_TIMEOUT_MS = 120_000;
let worker: Call | undefined;

/** The process's MySQL worker thread, started at the first MySQL twin (an SQLite-only run never starts it). */
function mysqlWorker(): Call {
  worker ??= createSyncFn<(request: MysqlRequest) => Promise<MysqlResponse>>(
    new URL("./mysql-worker-entry.mjs", import.meta.url),
    { timeout: STATEMENT_TIMEOUT_MS },
  );
  return worker;
}

/** The reason a connection failed, in words a user can act on. */
function connectFailureReason(f: MysqlFailure, host: string): string {
  switch (f.code) {
    case "ECONNREFUSED":
      return `nothing answers at ${host} (is the server running?)`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `the host of ${host} is unknown`;
    case "ETIMEDOUT":
      return `${host} did not answer within 10 s`;
    case "ER_ACCESS_DENIED_ERROR":
    case "ER_ACCESS_DENIED_NO_PASSWORD_ERROR":
      return `access denied (check the user and password): ${f.message}`;
    case "ER_DBACCESS_DENIED_ERROR":
      return `the user may not create databases: ${f.message}`;
    default:
      return f.code ? `${f.code}: ${f.message}` : f.message;
  }
}

export class MysqlBackend implements SqlBackend {
  readonly dialect = "mysql";
  private closed = false;

  private constructor(
    private readonly call: Call,
    private readonly handle: number,
    private readonly database: string,
  ) {}

  /** Connects, creates a fresh database for this twin and uses it; one clear error when any of that fails. */
  static open(options: MysqlDatabaseOptions): MysqlBackend {
    const address = parseMysqlUrl(options.mysqlUrl);
    const where = `${address.connection.host}:${address.connection.port}`;
    const fail = (reason: string) =>
      new TwinDatabaseError(`The twin cannot use the MySQL server at ${address.redacted}: ${reason}`);
    let call: Call;
    let connected: MysqlResponse;
    try {
      call = mysqlWorker();
      connected = call({ op: "connect", options: address.connection });
    } catch (error) {
      throw fail(`its worker thread failed (${(error as Error).message.split("\n")[0]})`);
    }
    if (!connected.ok) throw fail(connectFailureReason(connected.failure, where));
    const handle = connected.handle!;
    const database = freshDatabaseName(address.prefix);
    for (const sql of [
      // A backslash in a string literal is a backslash, as in standard SQL and SQLite ('\mod_scorm\event\...').
      "SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'NO_BACKSLASH_ESCAPES')",
      `CREATE DATABASE ${database} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`,
      `USE ${database}`,
    ]) {
      const r = call({ op: "query", handle, sql });
      if (!r.ok) {
        call({ op: "end", handle });
        throw fail(connectFailureReason(r.failure, where));
      }
    }
    return new MysqlBackend(call, handle, database);
  }

  private request(request: MysqlRequest, sql: string): MysqlResponse & { ok: true } {
    if (this.closed) throw new TwinDatabaseError("The twin's MySQL database is closed");
    const r = this.call(request);
    if (!r.ok) {
      const error = new TwinDatabaseError(
        `MySQL: ${r.failure.message} (in: ${sql.replace(/\s+/g, " ").slice(0, 200)})`,
      );
      Object.assign(error, { code: r.failure.code });
      throw error;
    }
    return r;
  }

  all(sql: string, params: Params): Row[] {
    const r = this.request({ op: "execute", handle: this.handle, sql, params: plainParams(params) }, sql);
    return (r.rows ?? []) as Row[];
  }

  run(sql: string, params: Params, insert: boolean): number {
    const r = this.request({ op: "execute", handle: this.handle, sql, params: plainParams(params) }, sql);
    return insert ? (r.insertId ?? 0) : 0;
  }

  exec(sql: string): void {
    this.request({ op: "query", handle: this.handle, sql }, sql);
  }

  /** Drops this twin's database and closes the connection; a server already gone is not an error here. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.call({ op: "query", handle: this.handle, sql: `DROP DATABASE IF EXISTS ${this.database}` });
    this.call({ op: "end", handle: this.handle });
  }
}
