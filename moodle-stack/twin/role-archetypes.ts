// Moodle's standard roles (mdl_role, with their usual ids) and the capabilities the plugin's API relies on, with
// the archetypes that get them by default (mod/scorm/db/access.php, moodle-scorm-contract §5.1, plus the plugin's
// own launch capability and moodle/course:view for managers). Defaults live at the system context, as Moodle
// installs them; overrides at a module context come from the LMS driver.
export const CAP_ALLOW = 1;
export const CAP_PREVENT = -1;
export const CAP_PROHIBIT = -1000;

export const ROLES = [
  { id: 1, shortname: "manager", name: "Manager" },
  { id: 2, shortname: "coursecreator", name: "Course creator" },
  { id: 3, shortname: "editingteacher", name: "Teacher" },
  { id: 4, shortname: "teacher", name: "Non-editing teacher" },
  { id: 5, shortname: "student", name: "Student" },
  { id: 6, shortname: "guest", name: "Guest" },
  { id: 7, shortname: "user", name: "Authenticated user" },
  { id: 8, shortname: "frontpage", name: "Authenticated user on site home" },
] as const;

export type RoleShortname = (typeof ROLES)[number]["shortname"];

interface CapabilityDefinition {
  name: string;
  captype: "read" | "write";
  contextlevel: number;
  component: string;
  archetypes: readonly RoleShortname[];
}

const TEACHING: readonly RoleShortname[] = ["teacher", "editingteacher", "manager"];
const EVERY_PARTICIPANT: readonly RoleShortname[] = ["student", ...TEACHING];

export const CAPABILITIES: readonly CapabilityDefinition[] = [
  {
    name: "moodle/course:view",
    captype: "read",
    contextlevel: 50,
    component: "moodle",
    archetypes: ["manager"],
  },
  {
    name: "mod/scorm:addinstance",
    captype: "write",
    contextlevel: 50,
    component: "mod_scorm",
    archetypes: ["editingteacher", "manager"],
  },
  {
    name: "mod/scorm:viewreport",
    captype: "read",
    contextlevel: 70,
    component: "mod_scorm",
    archetypes: TEACHING,
  },
  {
    name: "mod/scorm:skipview",
    captype: "read",
    contextlevel: 70,
    component: "mod_scorm",
    archetypes: ["student"],
  },
  {
    name: "mod/scorm:savetrack",
    captype: "write",
    contextlevel: 70,
    component: "mod_scorm",
    archetypes: EVERY_PARTICIPANT,
  },
  {
    name: "mod/scorm:viewscores",
    captype: "read",
    contextlevel: 70,
    component: "mod_scorm",
    archetypes: EVERY_PARTICIPANT,
  },
  {
    name: "mod/scorm:deleteresponses",
    captype: "write",
    contextlevel: 70,
    component: "mod_scorm",
    archetypes: TEACHING,
  },
  {
    name: "mod/scorm:deleteownresponses",
    captype: "write",
    contextlevel: 70,
    component: "mod_scorm",
    archetypes: [],
  },
  {
    name: "local/externalscormbridge:launch",
    captype: "write",
    contextlevel: 70,
    component: "local_externalscormbridge",
    archetypes: EVERY_PARTICIPANT,
  },
];

const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** The INSERT statements that install the system context, the roles, the capabilities and the archetype defaults. */
export function roleSeedStatements(): string[] {
  const lines = [
    "INSERT INTO mdl_context (id, contextlevel, instanceid, path, depth) VALUES (1, 10, 0, '/1', 1)",
  ];
  ROLES.forEach((r, i) =>
    lines.push(
      `INSERT INTO mdl_role (id, name, shortname, archetype, sortorder) VALUES (${r.id}, ${quote(r.name)}, ${quote(r.shortname)}, ${quote(r.shortname)}, ${i + 1})`,
    ),
  );
  for (const c of CAPABILITIES) {
    lines.push(
      `INSERT INTO mdl_capabilities (name, captype, contextlevel, component) VALUES (${quote(c.name)}, ${quote(c.captype)}, ${c.contextlevel}, ${quote(c.component)})`,
    );
    for (const archetype of c.archetypes) {
      const role = ROLES.find((r) => r.shortname === archetype)!;
      lines.push(
        `INSERT INTO mdl_role_capabilities (contextid, roleid, capability, permission) VALUES (1, ${role.id}, ${quote(c.name)}, ${CAP_ALLOW})`,
      );
    }
  }
  return lines;
}

export function roleId(shortname: RoleShortname): number {
  return ROLES.find((r) => r.shortname === shortname)!.id;
}
