// Generates permission set-ups for P22: a user enrolled with a role, and an override of the capability an LMS API
// operation needs (launch: local/externalscormbridge:launch; commit: mod/scorm:savetrack) in the activity's
// context, for that role or for another one.
import fc from "fast-check";

export type CourseRole = "student" | "teacher" | "editingteacher" | "manager";
export type Permission = "inherit" | "allow" | "prevent" | "prohibit";

export interface PermissionCase {
  role: CourseRole;
  operation: "launch" | "commit";
  permission: Permission;
  /** The role whose permission is overridden: the user's own, or another. */
  overridden: CourseRole;
}

const ROLES: CourseRole[] = ["student", "teacher", "editingteacher", "manager"];

export function permissionCaseArbitrary(): fc.Arbitrary<PermissionCase> {
  return fc
    .record({
      role: fc.constantFrom(...ROLES),
      operation: fc.constantFrom("launch" as const, "commit" as const),
      permission: fc.constantFrom<Permission>("inherit", "allow", "prevent", "prohibit"),
      own: fc.boolean(),
      other: fc.constantFrom(...ROLES),
    })
    .map(({ own, other, ...rest }) => ({ ...rest, overridden: own ? rest.role : other }));
}
