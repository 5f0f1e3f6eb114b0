// Who plays a golden scenario on the twin: the actor's course role (the recordings use student1, a student, and
// teacher1, an editing teacher) and the recorded capability overrides in the activity's context.
import type { LmsPermission, LmsRole } from "../lms-driver/lms-driver.ts";
import type { GoldenScenario } from "./scenario-types.ts";

export interface CapabilityOverride {
  role: LmsRole;
  capability: string;
  permission: LmsPermission;
}

const ROLES = new Set<LmsRole>(["student", "teacher", "editingteacher", "manager"]);
/** Moodle's permission values (CAP_ALLOW, CAP_PREVENT, CAP_PROHIBIT, CAP_INHERIT). */
const PERMISSIONS: Record<number, LmsPermission> = {
  1: "allow",
  [-1]: "prevent",
  [-1000]: "prohibit",
  0: "inherit",
};

export function actorRole(s: GoldenScenario): LmsRole | null {
  if (/^student\d*$/.test(s.actor)) return "student";
  if (/^teacher\d*$/.test(s.actor)) return "editingteacher";
  return null;
}

/** The overrides as the LMS driver takes them; null when one of them is not of that form. */
export function capabilityOverrides(s: GoldenScenario): CapabilityOverride[] | null {
  const out: CapabilityOverride[] = [];
  for (const entry of s.capability_overrides) {
    if (!Array.isArray(entry) || entry.length !== 3) return null;
    const [role, capability, value] = entry as [unknown, unknown, unknown];
    const permission = typeof value === "number" ? PERMISSIONS[value] : undefined;
    if (!ROLES.has(role as LmsRole) || typeof capability !== "string" || !permission) return null;
    out.push({ role: role as LmsRole, capability, permission });
  }
  return out;
}
