#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (/usr/bin/chromium): Playwright cannot download its own browsers here.
# Installs it when missing and we are root; otherwise stops with one line saying how.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests (apt-get, about a minute)…" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium is missing: run 'sudo apt-get install -y chromium' (Debian) and try again." >&2
exit 1
