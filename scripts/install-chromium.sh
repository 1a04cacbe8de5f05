#!/usr/bin/env bash
# Installs Debian's chromium package when /usr/bin/chromium is absent, for the browser tests (Playwright drives the
# system browser; no browser build is ever downloaded). Idempotent: does nothing when the browser is already there.
# Uses sudo only when not root. Exits non-zero, saying why, when the browser cannot be installed.
set -euo pipefail

browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then
    echo "chromium: $browser is present"
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
else
    echo "chromium: $browser is absent and this user ($(id -un)) is neither root nor allowed to sudo without a password;" >&2
    echo "install it once by hand: sudo apt-get install -y --no-install-recommends chromium" >&2
    exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "chromium: $browser is absent and there is no apt-get here; install Debian's chromium package (or set CHROMIUM_PATH)" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
start=$(date +%s)
"${as_root[@]}" apt-get update -q
"${as_root[@]}" apt-get install -y -q --no-install-recommends chromium
if [ ! -x "$browser" ]; then
    echo "chromium: apt-get installed the chromium package but $browser is still absent" >&2
    exit 1
fi

echo "chromium: installed $("$browser" --version 2>/dev/null || echo "$browser") in $(( $(date +%s) - start )) s"
