#!/usr/bin/env bash
# The end-to-end suite needs two programs from the system's packages: redis-server (queue-mode n8n)
# and chromium (the editor check). Installs whichever is missing with apt (as root, or with sudo
# when it needs no password); otherwise says what to install.
set -euo pipefail

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
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
