#!/usr/bin/env bash
# Installs a real Moodle for the suite from a Moodle codebase folder the user names (ESB_MOODLE_DIR; this project
# never ships or fetches Moodle code): Debian's PHP 8.2 and MariaDB, the plugin local_externalscormbridge (with
# the built bridge-lms.js) copied into the codebase, Moodle installed by admin/cli/install.php, the settings the
# CDN URL type needs, then Moodle served by `php -S`. Prints the site's URL and the admin's credentials.
#
# Environment: ESB_MOODLE_DIR (required), ESB_MOODLE_WORK (dataroot, logs, pid; default /tmp/esb-real-moodle),
# ESB_MOODLE_PORT (default 8480), ESB_MOODLE_DB (default esb_moodle), ESB_MOODLE_ADMIN_PASSWORD.
set -euo pipefail
cd "$(dirname "$0")/../.."

: "${ESB_MOODLE_DIR:?set ESB_MOODLE_DIR to a Moodle 4.1-4.5 codebase folder (the folder holding version.php)}"
MOODLE_DIR="$(cd "$ESB_MOODLE_DIR" && pwd)"
WORK="${ESB_MOODLE_WORK:-/tmp/esb-real-moodle}"
PORT="${ESB_MOODLE_PORT:-8480}"
DB="${ESB_MOODLE_DB:-esb_moodle}"
DBUSER="esb_moodle"
DBPASS="esb-moodle-db"
ADMINPASS="${ESB_MOODLE_ADMIN_PASSWORD:-Esb-admin-1!}"
WWWROOT="http://127.0.0.1:$PORT"

if [ ! -f "$MOODLE_DIR/version.php" ] || [ ! -f "$MOODLE_DIR/admin/cli/install.php" ]; then
  echo "install-moodle: $MOODLE_DIR is not a Moodle codebase (no version.php / admin/cli/install.php)" >&2
  exit 1
fi
if [ -f "$MOODLE_DIR/config.php" ]; then
  echo "install-moodle: $MOODLE_DIR/config.php exists; remove it (this script installs a fresh site)" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
PACKAGES="php8.2-cli php8.2-mysql php8.2-xml php8.2-mbstring php8.2-curl php8.2-zip php8.2-gd php8.2-intl php8.2-soap mariadb-server"
missing=""
for p in $PACKAGES; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
  echo "install-moodle: installing Debian's$missing"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
# Moodle 4.5 wants max_input_vars >= 5000 (admin/cli/install.php refuses otherwise).
mkdir -p "$WORK/moodledata"
printf 'max_input_vars=5000\nmemory_limit=512M\npost_max_size=64M\nupload_max_filesize=64M\n' >"$WORK/99-esb.ini"
export PHP_INI_SCAN_DIR="/etc/php/8.2/cli/conf.d:$WORK"

if ! mysqladmin ping >/dev/null 2>&1; then
  echo "install-moodle: starting MariaDB"
  $SUDO service mariadb start >/dev/null 2>&1 || ($SUDO mysqld_safe --user=mysql >/dev/null 2>&1 &)
  for _ in $(seq 1 30); do mysqladmin ping >/dev/null 2>&1 && break; sleep 1; done
fi
$SUDO mysql -e "DROP DATABASE IF EXISTS \`$DB\`; CREATE DATABASE \`$DB\` DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
  CREATE USER IF NOT EXISTS '$DBUSER'@'localhost' IDENTIFIED BY '$DBPASS';
  GRANT ALL PRIVILEGES ON \`$DB\`.* TO '$DBUSER'@'localhost'; FLUSH PRIVILEGES;"

echo "install-moodle: building the plugin into $MOODLE_DIR/local/externalscormbridge"
npx tsx moodle-stack/real/build-plugin.ts "$MOODLE_DIR/local" >/dev/null

rm -rf "$WORK/moodledata" && mkdir -p "$WORK/moodledata"
echo "install-moodle: admin/cli/install.php (a few minutes)"
php "$MOODLE_DIR/admin/cli/install.php" --non-interactive --agree-license --lang=en \
  --wwwroot="$WWWROOT" --dataroot="$WORK/moodledata" --dbtype=mariadb --dbhost=localhost --dbname="$DB" \
  --dbuser="$DBUSER" --dbpass="$DBPASS" --prefix=mdl_ --fullname="ESB conformance" --shortname="esb" \
  --adminuser=admin --adminpass="$ADMINPASS" --adminemail=admin@example.invalid --supportemail=admin@example.invalid \
  >"$WORK/install.log" 2>&1 || { tail -30 "$WORK/install.log" >&2; exit 1; }

# The CDN URL type is mod_scorm's "external" type; the mock CDN runs on this machine.
for setting in "allowtypeexternal 1 scorm" "curlsecurityblockedhosts ''" "curlsecurityallowedport ''" \
  "enablewebservices 1" "debug 32767" "debugdisplay 0"; do
  set -- $setting
  php "$MOODLE_DIR/admin/cli/cfg.php" --name="$1" --set="$(eval echo "$2")" ${3:+--component=$3}
done

if [ -f "$WORK/php-server.pid" ] && kill -0 "$(cat "$WORK/php-server.pid")" 2>/dev/null; then
  kill "$(cat "$WORK/php-server.pid")"
fi
nohup php -S "127.0.0.1:$PORT" -t "$MOODLE_DIR" >"$WORK/php-server.log" 2>&1 &
echo $! >"$WORK/php-server.pid"
echo "install-moodle: Moodle at $WWWROOT (admin / $ADMINPASS), php -S pid $(cat "$WORK/php-server.pid"), logs in $WORK"
