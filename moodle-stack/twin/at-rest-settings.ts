// The plugin's encryption-at-rest settings (admin settings, validated with a reason for every bad value): whether
// suspend_data and the elements named sensitive are stored encrypted with the site key. Sensitive elements are
// SCORM element names; "n" stands for any collection index (cmi.interactions.n.learner_response), and a name
// matches both the 1.2 stored spelling (cmi.interactions_0.x) and the 2004 one (cmi.interactions.0.x).
// Elements mod_scorm grades, completes or reports from in SQL cannot be sensitive: they must stay readable there.

export interface AtRestSettings {
  encrypt: boolean;
  sensitiveElements: readonly string[];
}

/** Off unless ESB_ENCRYPT_AT_REST=1: the default run keeps plaintext so SQL readers see SCORM values. */
export function defaultAtRestSettings(env: NodeJS.ProcessEnv = process.env): AtRestSettings {
  return { encrypt: env.ESB_ENCRYPT_AT_REST === "1", sensitiveElements: [] };
}

export class AtRestSettingsError extends Error {
  constructor(
    readonly setting: string,
    readonly reason: string,
  ) {
    super(`${setting}: ${reason}`);
    this.name = "AtRestSettingsError";
  }
}

/** Always encrypted when encryption is on (both versions store it under this name). */
export const SUSPEND_DATA_ELEMENT = "cmi.suspend_data";

const ELEMENT_NAME = /^cmi(\.(?:[a-z_]+|n|\d+))+$/;
/** What mod_scorm's grading, completion and reports read from scorm_scoes_value in SQL. */
const READ_BY_MOD_SCORM =
  /^cmi\.(core\.)?(lesson_status|completion_status|success_status|total_time|score(\.(raw|min|max|scaled))?)$|^cmi\.core\.score(\.(raw|min|max))?$/;

export function validateAtRestSettings(
  input: Partial<Record<keyof AtRestSettings, unknown>>,
): AtRestSettings {
  const encrypt = input.encrypt ?? false;
  if (typeof encrypt !== "boolean") throw new AtRestSettingsError("encrypt", "must be true or false");
  const list = input.sensitiveElements ?? [];
  if (!Array.isArray(list))
    throw new AtRestSettingsError("sensitiveElements", "must be a list of element names");
  const names: string[] = [];
  for (const raw of list) {
    if (typeof raw !== "string" || !ELEMENT_NAME.test(raw.trim()))
      throw new AtRestSettingsError(
        "sensitiveElements",
        `"${String(raw)}" is not a SCORM element name (cmi.… with "n" for a collection index)`,
      );
    const name = raw.trim();
    if (READ_BY_MOD_SCORM.test(name))
      throw new AtRestSettingsError(
        "sensitiveElements",
        `${name} cannot be sensitive: mod_scorm grades, completes and reports from it in SQL`,
      );
    if (!names.includes(name)) names.push(name);
  }
  return { encrypt, sensitiveElements: names };
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function storedNamePattern(name: string): RegExp {
  const parts = name.split(".").map((part, i) => {
    if (i === 0) return escapeRegExp(part);
    if (part === "n") return "[._]\\d+";
    if (/^\d+$/.test(part)) return `[._]${part}`;
    return `\\.${escapeRegExp(part)}`;
  });
  return new RegExp(`^${parts.join("")}$`);
}

/** True when a value of this stored element (mod_scorm's spelling) is kept encrypted. */
export function isSealedElement(settings: AtRestSettings, storedElement: string): boolean {
  if (!settings.encrypt) return false;
  if (storedElement === SUSPEND_DATA_ELEMENT) return true;
  return settings.sensitiveElements.some((name) => storedNamePattern(name).test(storedElement));
}
