// The worker thread that holds the twin's MySQL connections. The main thread blocks on each request (synckit:
// a SharedArrayBuffer and Atomics.wait), so TwinDb stays synchronous while mysql2 stays asynchronous here.
// Failures come back as data (MysqlResponse), so the caller can say what went wrong in one sentence.
import { createConnection, type Connection, type ResultSetHeader, type RowDataPacket } from "mysql2/promise";
import { runAsWorker } from "synckit";
import type { MysqlFailure, MysqlRequest, MysqlResponse, MysqlValue } from "./mysql-protocol.ts";

const connections = new Map<number, Connection>();
let nextHandle = 1;

function failure(error: unknown): MysqlFailure {
  const e = error as { message?: unknown; code?: unknown };
  const message = typeof e?.message === "string" && e.message !== "" ? e.message : String(error);
  return typeof e?.code === "string" ? { message, code: e.code } : { message };
}

function connection(handle: number): Connection {
  const c = connections.get(handle);
  if (!c) throw new Error(`No open MySQL connection ${handle}`);
  return c;
}

function answer(result: unknown): MysqlResponse {
  if (Array.isArray(result)) return { ok: true, rows: result as Array<Record<string, MysqlValue>> };
  return { ok: true, insertId: Number((result as ResultSetHeader).insertId ?? 0) };
}

async function handle(request: MysqlRequest): Promise<MysqlResponse> {
  try {
    switch (request.op) {
      case "connect": {
        const c = await createConnection(request.options);
        // A server that goes away is reported by the next statement; unheard, it would end this thread.
        c.on("error", () => {});
        const id = nextHandle++;
        connections.set(id, c);
        return { ok: true, handle: id };
      }
      case "execute": {
        const [result] = await connection(request.handle).execute<RowDataPacket[] | ResultSetHeader>(
          request.sql,
          request.params,
        );
        return answer(result);
      }
      case "query": {
        const [result] = await connection(request.handle).query<RowDataPacket[] | ResultSetHeader>(
          request.sql,
        );
        return answer(result);
      }
      case "end": {
        const c = connections.get(request.handle);
        connections.delete(request.handle);
        await c?.end();
        return { ok: true };
      }
    }
  } catch (error) {
    return { ok: false, failure: failure(error) };
  }
}

runAsWorker(handle);
