#!/usr/bin/env bash
# The containers stack's prerequisites, best effort (scripts/setup.sh calls it; it never fails the setup):
# a Docker engine (Debian's docker.io, dockerd started as root in the background when none answers) and the
# images built from a Debian base without a registry (moodle-stack/containers/build-images.ts). Whatever step
# fails is named with its reason; the containers tests then skip with theirs.
# ESB_SKIP_CONTAINERS=1 skips all of it. Times each step. Logs: /tmp/esb-dockerd.log, /tmp/esb-build-images.log.
set -uo pipefail
cd "$(dirname "$0")/.."

say() { echo "setup-containers: $*"; }
elapsed() { echo "$(($(date +%s) - $1)) s"; }
engine_answers() { timeout 10 docker info >/dev/null 2>&1; }

if [ -n "${ESB_SKIP_CONTAINERS:-}" ]; then
  say "ESB_SKIP_CONTAINERS is set: not preparing the containers stack"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if sudo -n true 2>/dev/null; then SUDO="sudo"; else
    say "not root and no password-less sudo: cannot install or start Docker; the containers stack will be skipped"
    exit 0
  fi
fi

started=$(date +%s)
if ! command -v dockerd >/dev/null 2>&1 || ! command -v debootstrap >/dev/null 2>&1; then
  if ! command -v apt-get >/dev/null 2>&1; then
    say "no apt-get to install docker.io and debootstrap; the containers stack will be skipped"
    exit 0
  fi
  say "installing Debian's docker.io and debootstrap"
  install() { DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq docker.io debootstrap >>/tmp/esb-apt-docker.log 2>&1; }
  if ! install && ! { $SUDO apt-get update -qq >>/tmp/esb-apt-docker.log 2>&1 && install; }; then
    say "installing docker.io/debootstrap failed (see /tmp/esb-apt-docker.log); the containers stack will be skipped"
    exit 0
  fi
  say "installed in $(elapsed "$started")"
fi

if engine_answers; then
  say "a Docker engine already answers"
else
  started=$(date +%s)
  say "starting dockerd (logs: /tmp/esb-dockerd.log)"
  for driver in overlay2 vfs; do
    $SUDO bash -c "nohup dockerd --iptables=false --storage-driver=$driver >/tmp/esb-dockerd.log 2>&1 & echo \$! >/tmp/esb-dockerd.pid"
    for _ in $(seq 1 60); do
      engine_answers && break
      sleep 1
    done
    if engine_answers; then
      say "dockerd answers (storage driver $driver) after $(elapsed "$started")"
      break
    fi
    say "dockerd with $driver did not answer within 60 s: $(tail -n 1 /tmp/esb-dockerd.log)"
    $SUDO kill "$(cat /tmp/esb-dockerd.pid)" 2>/dev/null # the dockerd this script started
    sleep 2
  done
  if ! engine_answers; then
    say "no Docker engine could be started; the containers stack will be skipped"
    exit 0
  fi
fi

started=$(date +%s)
say "building the images (cached; logs: /tmp/esb-build-images.log)"
if $SUDO env "PATH=$PATH" ${ESB_MYSQL_IMAGE:+ESB_MYSQL_IMAGE=$ESB_MYSQL_IMAGE} ${ESB_MOCK_CDN_IMAGE:+ESB_MOCK_CDN_IMAGE=$ESB_MOCK_CDN_IMAGE} timeout 1200 \
  node --import tsx moodle-stack/containers/build-images.ts >/tmp/esb-build-images.log 2>&1; then
  sed 's/^/setup-containers: /' /tmp/esb-build-images.log | grep 'build-images:' || true
  say "images ready after $(elapsed "$started")"
else
  say "building the images failed after $(elapsed "$started"):"
  tail -n 15 /tmp/esb-build-images.log | sed 's/^/setup-containers:   /'
  say "the containers stack will be skipped"
fi
exit 0
