// Mutant (server side): capabilities are resolved from the roles' site-wide defaults only; overrides in an
// activity's context (prevent, prohibit) are ignored (breaks P22).
export { GUEST_USERNAME, isGuestUser, userRoleIds } from "../../../moodle-stack/twin/capabilities.ts";
import { userRoleIds } from "../../../moodle-stack/twin/capabilities.ts";
import { SYSTEM_CONTEXT_ID, type ContextRow } from "../../../moodle-stack/twin/contexts.ts";
import type { TwinDb } from "../../../moodle-stack/twin/db.ts";
import { CAP_ALLOW } from "../../../moodle-stack/twin/role-archetypes.ts";

export function hasCapability(db: TwinDb, capability: string, context: ContextRow, userid: number): boolean {
  return userRoleIds(db, userid, context).some(
    (roleid) =>
      db.get<{ permission: number }>(
        "SELECT permission FROM mdl_role_capabilities WHERE roleid = ? AND capability = ? AND contextid = ?",
        [roleid, capability, SYSTEM_CONTEXT_ID],
      )?.permission === CAP_ALLOW,
  );
}
