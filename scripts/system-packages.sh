#!/usr/bin/env bash
# Installs the Debian packages the tests and the setup need, only when missing:
# chromium (the real browser of the page tests; never a downloaded browser build) and gettext (msgfmt).
set -euo pipefail
missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
command -v msgfmt >/dev/null || missing+=(gettext)
command -v npm >/dev/null || missing+=(npm)
((${#missing[@]})) || exit 0
if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; else SUDO=; fi
if ! command -v apt-get >/dev/null; then
  echo "Please install: ${missing[*]} (Debian/Ubuntu package names)" >&2
  exit 1
fi
echo "Installing Debian packages: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
