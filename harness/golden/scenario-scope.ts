// Decides which golden scenarios the replay covers: single-SCO, first attempt, launches the twin's player can repeat.
import type { GoldenLaunch, GoldenScenario } from "./scenario-types.ts";

export type ScopeKind = "full" | "prefix" | "out";

export interface ScenarioScope {
  kind: ScopeKind;
  reason: string;
  /** SCO identifier every replayed launch opens. */
  sco: string;
  /** Launches to replay, in order (empty when out of scope). */
  launches: GoldenLaunch[];
}

/** A plain launch: Enter on the view page, normal mode, no new attempt, no mode banner in the player. */
export function isPlainLaunch(launch: GoldenLaunch): boolean {
  return (
    launch.via === "enter" &&
    launch.mode === "normal" &&
    !launch.newattempt &&
    launch.player_mode_banner === null &&
    launch.sessions_completed === 1
  );
}

function describe(launch: GoldenLaunch): string {
  if (launch.newattempt) return "starts a new attempt";
  if (launch.mode !== "normal")
    return `is a ${launch.mode}-mode launch (${launch.player_mode_banner ?? "no banner"})`;
  if (launch.player_mode_banner) return `opens the player in ${launch.player_mode_banner}`;
  if (launch.via !== "enter") return `is a ${launch.via} launch`;
  return `runs ${launch.sessions_completed} SCO sessions in one player page`;
}

export function scenarioScope(s: GoldenScenario): ScenarioScope {
  const items = s.manifest_facts.scoes.filter((x) => x.launch);
  const sco = items[0]?.identifier ?? "";
  const out = (reason: string): ScenarioScope => ({ kind: "out", reason, sco, launches: [] });
  if (s.name.startsWith("dm_") || s.group === "datamodel.php")
    return out("dm_* scenario: hand-made requests straight to datamodel.php, not SCO calls through a player");
  if (items.length !== 1)
    return out(
      `multi-SCO package (${items.length} SCOs): auto-continue/in-player navigation and per-SCO launches are not replayed`,
    );
  if (s.capability_overrides.length > 0) return out("needs capability overrides the twin does not model");
  const foreign = s.db.values.find((v) => !/^<sco:[^:>]+>$/.test(v.scoid) || v.userid !== `<${s.actor}>`);
  if (foreign) return out(`touches another activity, SCO or user (${foreign.scoid} / ${foreign.userid})`);
  const sessions = s.script[sco]?.length ?? 0;
  if (sessions !== s.launches.length)
    return out(`${s.launches.length} launches but ${sessions} scripted sessions for ${sco}`);

  let prefix = 0;
  while (prefix < s.launches.length && isPlainLaunch(s.launches[prefix]!)) prefix++;
  if (prefix === s.launches.length)
    return {
      kind: "full",
      reason: "every launch is a plain normal-mode launch of attempt 1",
      sco,
      launches: s.launches,
    };
  const stop = s.launches[prefix]!;
  if (prefix === 0) return out(`launch 0 ${describe(stop)}; the twin's player has no such launch`);
  if (!s.db_snapshots.some((x) => x.after_launch === prefix - 1))
    return out(`launch ${prefix} ${describe(stop)} and there is no db snapshot after launch ${prefix - 1}`);
  return {
    kind: "prefix",
    reason: `launch ${prefix} ${describe(stop)}: only ${prefix === 1 ? "launch 0 is" : `launches 0-${prefix - 1} are`} replayed, compared with the db snapshot after launch ${prefix - 1}`,
    sco,
    launches: s.launches.slice(0, prefix),
  };
}
