// Login sessions: an opaque MoodleSession cookie, a sesskey per session, and expiry.
import { randomBytes } from "node:crypto";

export interface Session {
  id: string;
  userid: number;
  sesskey: string;
  expires: number;
}

const COOKIE = "MoodleSession";

export class Sessions {
  private readonly byId = new Map<string, Session>();

  constructor(private readonly lifetimeMs = 2 * 60 * 60 * 1000) {}

  create(userid: number): Session {
    const session: Session = {
      id: randomBytes(24).toString("base64url"),
      userid,
      sesskey: randomBytes(8).toString("base64url").slice(0, 10),
      expires: Date.now() + this.lifetimeMs,
    };
    this.byId.set(session.id, session);
    return session;
  }

  /** The live session named by the request's cookie header, if any. */
  fromCookieHeader(header: string | undefined): Session | undefined {
    const match = (header ?? "").split(/;\s*/).find((c) => c.startsWith(`${COOKIE}=`));
    const session = match ? this.byId.get(match.slice(COOKIE.length + 1)) : undefined;
    if (!session) return undefined;
    if (session.expires <= Date.now()) {
      this.byId.delete(session.id);
      return undefined;
    }
    return session;
  }

  cookie(session: Session): string {
    return `${COOKIE}=${session.id}; Path=/; HttpOnly; Secure; SameSite=Lax`;
  }

  /** Ends every session of a user (logout everywhere, or an administrator killing sessions). */
  endAllFor(userid: number): void {
    for (const [id, s] of this.byId) if (s.userid === userid) this.byId.delete(id);
  }
}
