// Reads the player configuration the LMS page embeds as JSON (never as executable script).
export interface PlayerConfig {
  wwwroot: string;
  sesskey: string;
  userid: number;
  cmid: number;
  scoid: number;
}

export function readPlayerConfig(doc: Document): PlayerConfig {
  const el = doc.getElementById("esb-config");
  if (!el?.textContent) throw new Error("The player page has no bridge configuration.");
  const raw = JSON.parse(el.textContent) as Partial<PlayerConfig>;
  if (
    typeof raw.wwwroot !== "string" ||
    typeof raw.sesskey !== "string" ||
    !Number.isSafeInteger(raw.userid) ||
    !Number.isSafeInteger(raw.cmid) ||
    !Number.isSafeInteger(raw.scoid)
  ) {
    throw new Error("The bridge configuration on the player page is malformed.");
  }
  return {
    wwwroot: raw.wwwroot,
    sesskey: raw.sesskey,
    userid: raw.userid as number,
    cmid: raw.cmid as number,
    scoid: raw.scoid as number,
  };
}
