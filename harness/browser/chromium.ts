// Which Chromium to drive: $ESB_CHROMIUM if set, else Playwright's own build when installed, else Debian's.
import { existsSync } from "node:fs";
import { chromium } from "playwright";

export interface ChromiumChoice {
  executablePath: string | undefined;
  source: "ESB_CHROMIUM" | "playwright" | "system";
}

const SYSTEM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export function chooseChromium(): ChromiumChoice {
  const fromEnv = process.env.ESB_CHROMIUM;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`ESB_CHROMIUM points to ${fromEnv}, which does not exist`);
    return { executablePath: fromEnv, source: "ESB_CHROMIUM" };
  }
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  if (bundled && existsSync(bundled)) return { executablePath: undefined, source: "playwright" };
  const system = SYSTEM_CANDIDATES.find((p) => existsSync(p));
  if (system) return { executablePath: system, source: "system" };
  throw new Error(
    "No Chromium found. Run the README's setup command (it installs Playwright's Chromium or Debian's chromium), or set ESB_CHROMIUM.",
  );
}

/** Flags every run needs: quiet networking (this machine has none), and no sandbox when running as root. */
export function baseChromiumArgs(): string[] {
  const args = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ];
  if (process.getuid?.() === 0) args.push("--no-sandbox");
  return args;
}
