// The twin's MySQL/MariaDB address, `mysql://user:password@host:port/prefix`: checked once, turned into
// mysql2's connection options, a redacted spelling for messages, and a fresh database name per twin
// (<prefix>_<pid>_<random>, so parallel workers and runs never share tables).
import { randomBytes } from "node:crypto";
import type { ConnectionOptions } from "mysql2";

export class TwinDatabaseError extends Error {
  override name = "TwinDatabaseError";
}

export interface MysqlAddress {
  connection: ConnectionOptions;
  /** The URL without its password, for messages. */
  redacted: string;
  /** Each twin's database name starts with it (the URL's path; default `esbtwin`). */
  prefix: string;
}

const PREFIX = /^[A-Za-z0-9_]{1,40}$/;

export function parseMysqlUrl(raw: string): MysqlAddress {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TwinDatabaseError(
      "The twin's MySQL URL is not a URL; expected mysql://user:password@host:port/prefix",
    );
  }
  const redacted = url.password ? raw.replace(`:${url.password}@`, ":***@") : raw;
  const bad = (why: string) => new TwinDatabaseError(`The twin's MySQL URL ${redacted} ${why}`);
  if (url.protocol !== "mysql:" && url.protocol !== "mariadb:")
    throw bad("must start with mysql:// or mariadb://");
  if (!url.hostname) throw bad("names no host");
  if (!url.username) throw bad("names no user");
  if (url.search || url.hash) throw bad("may not carry a query or fragment");
  const prefix = decodeURIComponent(url.pathname.replace(/^\//, "")) || "esbtwin";
  if (!PREFIX.test(prefix)) throw bad("has a database prefix other than 1 to 40 letters, digits or _");
  return {
    redacted,
    prefix,
    connection: {
      host: url.hostname.replace(/^\[|\]$/g, ""),
      port: url.port ? Number(url.port) : 3306,
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      connectTimeout: 10_000,
      charset: "UTF8MB4_BIN",
      // The twin passes {":col": v} and ? arrays; SUM/AVG come back as numbers, like SQLite's.
      namedPlaceholders: true,
      decimalNumbers: true,
    },
  };
}

/** A database name no other twin uses: the prefix, this process and 8 random hex digits. */
export function freshDatabaseName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`;
}
