// The messages between the twin's MySQL backend (main thread) and its worker thread (mysql-worker.ts). Only
// plain data crosses: rows, ids and error descriptions, never a live connection or an Error object.
import type { ConnectionOptions } from "mysql2";

export type MysqlValue = number | string | null | Uint8Array;
export type MysqlParams = MysqlValue[] | Record<string, MysqlValue>;

export type MysqlRequest =
  | { op: "connect"; options: ConnectionOptions }
  /** A prepared (binary protocol) statement, cached per connection: the twin's queries. */
  | { op: "execute"; handle: number; sql: string; params: MysqlParams }
  /** A plain text statement: DDL, USE, transaction control. */
  | { op: "query"; handle: number; sql: string }
  | { op: "end"; handle: number };

export interface MysqlFailure {
  message: string;
  /** The driver's or server's code: ECONNREFUSED, ER_ACCESS_DENIED_ERROR, ER_DUP_ENTRY... */
  code?: string;
}

export type MysqlResponse =
  | { ok: true; handle?: number; rows?: Array<Record<string, MysqlValue>>; insertId?: number }
  | { ok: false; failure: MysqlFailure };
