// Decides which golden scenarios the replay covers and how: normal-mode launches of the player, a new attempt
// when the learner asked for one, single SCOs and multi-SCO packages whose SCOs each ran one session (opened one
// after the other, as the native player's auto-continue or separate player loads did).
import { actorRole, capabilityOverrides } from "./actor-people.ts";
import type { GoldenLaunch, GoldenScenario } from "./scenario-types.ts";

/** full/prefix: SCO calls replayed through a player; direct: hand-made requests sent to the plugin's API; out. */
export type ScopeKind = "full" | "prefix" | "direct" | "out";

export interface ScenarioScope {
  kind: ScopeKind;
  reason: string;
  /** SCO identifier a launch opens when it names none. */
  sco: string;
  /** Launches to replay, in order (empty when out of scope); each opens `launch.sco ?? sco`. */
  launches: GoldenLaunch[];
  /**
   * SCOs the native player reached by in-player navigation, so Moodle stored no x.start.time for them: the replay
   * opens each with a player load of its own, whose x.start.time is therefore not compared.
   */
  navigatedScos: string[];
}

/**
 * A launch the twin's player repeats: Enter (or a new attempt) on the view page, one SCO session. Moodle's server
 * does not check the player's mode: Preview (browse) and review writes are stored and graded like normal ones
 * (golden README, behaviour 13). The plugin has neither mode: its launch of a Preview is a normal launch, and Enter on
 * a finished attempt (review mode) reopens the same attempt; so the tables compare. The SCO sees cmi mode normal
 * rather than browse or review: an API difference, reported, not asserted.
 */
export function isPlainLaunch(launch: GoldenLaunch): boolean {
  const mode =
    (launch.mode === "normal" && launch.player_mode_banner === null) ||
    (launch.mode === "normal" && launch.player_mode_banner === "Review mode" && !launch.newattempt) ||
    (launch.mode === "browse" && launch.player_mode_banner === "Preview mode" && !launch.newattempt);
  return launch.via === "enter" && mode && launch.sessions_completed === 1;
}

/** A separate player.php load of one named SCO in normal mode (scenarios that open each SCO themselves). */
function isDirectScoLaunch(launch: GoldenLaunch): boolean {
  return (
    launch.via === "player" &&
    launch.mode === "normal" &&
    !launch.newattempt &&
    launch.player_mode_banner === null &&
    launch.sessions_completed === 1 &&
    typeof launch.sco === "string"
  );
}

function describe(launch: GoldenLaunch): string {
  if (launch.mode !== "normal")
    return `is a ${launch.mode}-mode launch (${launch.player_mode_banner ?? "no banner"})`;
  if (launch.player_mode_banner) return `opens the player in ${launch.player_mode_banner}`;
  if (launch.via !== "enter") return `is a ${launch.via} launch`;
  return `runs ${launch.sessions_completed} SCO sessions in one player page`;
}

const usesNavigationRequests = (s: GoldenScenario): boolean =>
  Object.values(s.script).some((sessions) =>
    sessions.some((calls) =>
      calls.some((c) => {
        const [fn, element] = Array.isArray(c) ? [c[0], c[1]] : [c.fn, c.args[0]];
        return fn === "SetValue" && element === "adl.nav.request";
      }),
    ),
  );

/**
 * Multi-SCO scenarios the replay repeats: one Enter whose SCOs ran one session each (auto-continue), or one
 * separate player load per SCO. Null when the package's launches are something else.
 */
/**
 * One Enter whose first SCO asked to navigate (adl.nav.request) and whose player then ran further SCOs in the same
 * page: the bridge follows such a request by loading player.php for the next SCO, so the replay opens each SCO that
 * ran (those with a probe log, in order) with a player load of its own.
 */
function navigationScope(s: GoldenScenario): ScenarioScope | null {
  const ran = (s.probe_log ?? []).filter((l) => l.session === 0).map((l) => l.sco);
  const [first] = s.launches;
  if (
    s.launches.length !== 1 ||
    !first ||
    first.via !== "enter" ||
    first.mode !== "normal" ||
    first.newattempt ||
    first.player_mode_banner !== null ||
    first.sessions_completed !== ran.length ||
    ran.length < 2 ||
    ran.some((sco) => (s.script[sco]?.length ?? 0) !== 1)
  )
    return null;
  return {
    kind: "full",
    reason: `one Enter ran ${ran.join(", ")} in one player page by navigation requests; the bridge follows a navigation request by loading player.php for the next SCO, so the replay opens each with a player load of its own`,
    sco: ran[0]!,
    launches: ran.map((sco, i) => ({ ...first, sco, sessions_completed: 1, navigated: i > 0 })),
    navigatedScos: ran.slice(1),
  };
}

function multiScoScope(s: GoldenScenario, items: string[]): ScenarioScope | null {
  const oneSessionEach = items.every((id) => (s.script[id]?.length ?? 0) === 1);
  if (!oneSessionEach) return null;
  if (usesNavigationRequests(s)) return navigationScope(s);
  const [first] = s.launches;
  if (
    s.launches.length === 1 &&
    first &&
    first.via === "enter" &&
    first.mode === "normal" &&
    !first.newattempt &&
    first.player_mode_banner === null &&
    first.sessions_completed === items.length
  ) {
    return {
      kind: "full",
      reason: `one Enter ran the ${items.length} SCOs in turn (auto-continue); the replay opens each SCO in manifest order`,
      sco: items[0]!,
      launches: items.map((sco, i) => ({ ...first, sco, sessions_completed: 1, navigated: i > 0 })),
      navigatedScos: items.slice(1),
    };
  }
  if (
    s.launches.length === items.length &&
    s.launches.every(isDirectScoLaunch) &&
    new Set(s.launches.map((l) => l.sco)).size === items.length
  ) {
    return {
      kind: "full",
      reason: "each SCO was opened by a player load of its own, as the replay does",
      sco: items[0]!,
      launches: s.launches,
      navigatedScos: [],
    };
  }
  return null;
}

/**
 * dm_* scenarios whose SCO session through the player is replayed (the recorded direct datamodel.php posts are not:
 * the plugin's API has no such request; P22/P23 check that it refuses their equivalents).
 */
const SESSION_REPLAYED_DM = new Set(["dm_no_savetrack_teacher", "dm_logged_out"]);

export function scenarioScope(s: GoldenScenario): ScenarioScope {
  const items = s.manifest_facts.scoes.filter((x) => x.launch).map((x) => x.identifier);
  const sco = items[0] ?? "";
  const out = (reason: string): ScenarioScope => ({
    kind: "out",
    reason,
    sco,
    launches: [],
    navigatedScos: [],
  });
  if ((s.name.startsWith("dm_") || s.group === "datamodel.php") && !SESSION_REPLAYED_DM.has(s.name)) {
    if (!Array.isArray((s as { direct_requests?: unknown }).direct_requests))
      return out("dm_* scenario without direct_requests: nothing to send");
    return {
      kind: "direct",
      reason:
        "hand-made datamodel.php requests: each is sent as the equivalent request to the plugin's API, which must refuse the bad ones (error, nothing stored, one refusal event) and store the others as Moodle did",
      sco,
      launches: [],
      navigatedScos: [],
    };
  }
  if (!actorRole(s)) return out(`actor ${s.actor} has no course role the replay knows`);
  if (!capabilityOverrides(s)) return out("needs capability overrides the LMS driver cannot set");
  const foreign = s.db.values.find((v) => !/^<sco:[^:>]+>$/.test(v.scoid) || v.userid !== `<${s.actor}>`);
  if (foreign) return out(`touches another activity, SCO or user (${foreign.scoid} / ${foreign.userid})`);
  if (items.length !== 1) {
    return (
      multiScoScope(s, items) ??
      out(
        `multi-SCO package (${items.length} SCOs) run with in-player navigation requests: 2004 navigation inside one player page is not replayed`,
      )
    );
  }
  const sessions = s.script[sco]?.length ?? 0;
  if (sessions !== s.launches.length)
    return out(`${s.launches.length} launches but ${sessions} scripted sessions for ${sco}`);

  let prefix = 0;
  while (prefix < s.launches.length && isPlainLaunch(s.launches[prefix]!)) prefix++;
  if (prefix === s.launches.length)
    return {
      kind: "full",
      reason:
        "every launch is a plain launch: normal, a new attempt the learner asked for, Preview or review (stored like normal ones)",
      sco,
      launches: s.launches,
      navigatedScos: [],
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
    navigatedScos: [],
  };
}
