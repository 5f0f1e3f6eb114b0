#!/usr/bin/env bash
# Installs everything the suite needs on a fresh Debian machine with Node 20 and npm:
# pnpm, the project's dependencies, and a Chromium (Playwright's own where it can be downloaded, else Debian's).
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=10.34.9
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  echo "setup: installing pnpm $PNPM_VERSION with npm"
  npm install -g "pnpm@$PNPM_VERSION" >/dev/null
fi

# better-sqlite3 (the twin's SQLite) installs a prebuilt binary downloaded from GitHub; where that download is not
# possible, pnpm builds it from source, which needs a C++ toolchain and the headers of the running Node.
if { ! command -v g++ >/dev/null 2>&1 || ! command -v make >/dev/null 2>&1; } && command -v apt-get >/dev/null 2>&1; then
  echo "setup: installing Debian's g++ and make (to build better-sqlite3 where no prebuilt binary can be downloaded)"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  ($SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    g++ make python3 >/dev/null) || echo "setup: g++/make could not be installed; better-sqlite3 needs its prebuilt binary"
fi
NODE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node_version.h ] &&
  grep -q "define NODE_MAJOR_VERSION $NODE_MAJOR\$" /usr/include/node/node_version.h; then
  # The system's headers match this Node: a source build uses them instead of downloading them from nodejs.org.
  export npm_config_nodedir=/usr
fi

echo "setup: installing dependencies (pnpm install --frozen-lockfile)"
pnpm install --frozen-lockfile --reporter=append-only

if [ -n "${ESB_CHROMIUM:-}" ]; then
  echo "setup: Chromium: using ESB_CHROMIUM=$ESB_CHROMIUM"
elif timeout 300 pnpm exec playwright install chromium >/tmp/esb-playwright-install.log 2>&1; then
  echo "setup: Chromium: using Playwright's own Chromium"
elif command -v chromium >/dev/null 2>&1; then
  echo "setup: Chromium: Playwright's download is not available here; using Debian's $(command -v chromium)"
elif command -v apt-get >/dev/null 2>&1; then
  echo "setup: Chromium: Playwright's download is not available here; installing Debian's chromium"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
  echo "setup: Chromium: using Debian's $(command -v chromium)"
else
  echo "setup: no Chromium could be installed: Playwright's download failed (see /tmp/esb-playwright-install.log) and apt-get is missing." >&2
  echo "setup: install a Chromium and set ESB_CHROMIUM to its path." >&2
  exit 1
fi

# PHP CLI: `php -l` over the Moodle plugin and reading its web-service declarations (tests skip without it).
if [ -n "${ESB_PHP:-}" ]; then
  echo "setup: PHP: using ESB_PHP=$ESB_PHP"
elif command -v php >/dev/null 2>&1; then
  echo "setup: PHP: using $(command -v php)"
elif command -v apt-get >/dev/null 2>&1; then
  echo "setup: PHP: installing Debian's php-cli"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  if ! DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends php-cli >/dev/null 2>&1; then
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends php-cli >/dev/null
  fi
  echo "setup: PHP: using $(command -v php)"
else
  echo "setup: no PHP CLI and no apt-get: the Moodle plugin's PHP tests will be skipped (set ESB_PHP to a php binary)."
fi

# MariaDB's server binaries (no service is installed or started): the twin's database tests start a private
# server of their own (tests/support/private-mariadb.ts; they skip where it is missing).
if command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ]; then
  echo "setup: MariaDB: using $(command -v mariadbd || echo /usr/sbin/mariadbd)"
elif command -v apt-get >/dev/null 2>&1; then
  echo "setup: MariaDB: installing Debian's mariadb-server-core (binaries only, no service)"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  MARIADB_PACKAGES="mariadb-server-core mariadb-client-core"
  if ! DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $MARIADB_PACKAGES >/dev/null 2>&1; then
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $MARIADB_PACKAGES >/dev/null
  fi
else
  echo "setup: no MariaDB and no apt-get: the twin's MySQL tests will be skipped."
fi

# The containers stack (pnpm conformance --stack containers): Docker engine and images, best effort; its tests
# skip with the reason when any of it is missing.
bash scripts/setup-containers.sh || echo "setup: the containers stack's setup failed; its tests will be skipped."
