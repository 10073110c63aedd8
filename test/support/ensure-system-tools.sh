#!/usr/bin/env bash
# The end-to-end suite needs three things from the system's packages: redis-server and PostgreSQL
# (queue-mode n8n; test/n8n/postgres.ts finds PostgreSQL under /usr/lib/postgresql/<major>/bin, where
# Debian puts it, or on PATH) and chromium (the editor check). Installs whichever is missing with apt
# (as root, or with sudo when it needs no password); otherwise says what to install.
set -euo pipefail
shopt -s nullglob

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
postgres_bins=(/usr/lib/postgresql/*/bin/initdb)
command -v initdb >/dev/null 2>&1 || [ "${#postgres_bins[@]}" -gt 0 ] || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
[ "${#missing[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
	SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	SUDO=(sudo -n)
else
	echo "The end-to-end tests need: ${missing[*]}. Install them (Debian/Ubuntu: sudo apt-get install ${missing[*]}) and run npm test again." >&2
	exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
	echo "The end-to-end tests need: ${missing[*]}, and this system has no apt-get. Install them with its package manager and run npm test again." >&2
	exit 1
fi
echo "[system] installing ${missing[*]} from the system's packages (once; about a minute)" >&2
started=$SECONDS
"${SUDO[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
echo "[system] installed ${missing[*]} in $((SECONDS - started))s" >&2
