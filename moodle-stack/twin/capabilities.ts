// has_capability() over the twin's role tables, resolved as Moodle resolves it: the user's roles are those assigned
// in the context or any parent (plus "Authenticated user" for every signed-in user, or "Guest" for the guest
// account); for each role the most specific permission on the path counts; a PROHIBIT anywhere wins; otherwise
// one role with ALLOW is enough.
import { contextLineage, type ContextRow } from "./contexts.ts";
import type { TwinDb } from "./db.ts";
import { CAP_ALLOW, CAP_PROHIBIT, roleId } from "./role-archetypes.ts";

/** The guest account's username, as Moodle names it ($CFG->siteguest). */
export const GUEST_USERNAME = "guest";

export function isGuestUser(db: TwinDb, userid: number): boolean {
  const row = db.get<{ username: string }>("SELECT username FROM mdl_user WHERE id = ?", [userid]);
  return row?.username === GUEST_USERNAME;
}

/**
 * Role ids the user holds in `context`: assigned on its path, plus the site-wide default role. `guest` is
 * isGuestUser's answer when the caller already has it (a check that just refused guests).
 */
export function userRoleIds(
  db: TwinDb,
  userid: number,
  context: ContextRow,
  guest: boolean = isGuestUser(db, userid),
): number[] {
  const lineage = contextLineage(context);
  const assigned = db
    .all<{ roleid: number }>(
      `SELECT DISTINCT roleid FROM mdl_role_assignments WHERE userid = ? AND contextid IN (${lineage.map(() => "?").join(",")})`,
      [userid, ...lineage],
    )
    .map((r) => r.roleid);
  const defaultRole = guest ? roleId("guest") : roleId("user");
  return [...new Set([...assigned, defaultRole])];
}

export function hasCapability(
  db: TwinDb,
  capability: string,
  context: ContextRow,
  userid: number,
  guest: boolean = isGuestUser(db, userid),
): boolean {
  const mostSpecificFirst = contextLineage(context).reverse();
  const roles = userRoleIds(db, userid, context, guest);
  // Every role's permissions for the capability in one query (roles always holds the default role).
  const perms = new Map<number, Map<number, number>>(roles.map((role) => [role, new Map()]));
  for (const r of db.all<{ roleid: number; contextid: number; permission: number }>(
    `SELECT roleid, contextid, permission FROM mdl_role_capabilities
      WHERE capability = ? AND roleid IN (${roles.map(() => "?").join(",")})`,
    [capability, ...roles],
  ))
    perms.get(r.roleid)?.set(r.contextid, r.permission);
  let allowed = false;
  for (const rolePerms of perms.values()) {
    let rolePermission: number | undefined;
    for (const contextid of mostSpecificFirst) {
      const perm = rolePerms.get(contextid);
      if (perm === undefined || perm === 0) continue;
      if (perm === CAP_PROHIBIT) return false;
      rolePermission ??= perm;
    }
    if (rolePermission === CAP_ALLOW) allowed = true;
  }
  return allowed;
}
