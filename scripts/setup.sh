#!/usr/bin/env bash
# Installs what DuiConformance needs and is missing, from the system's own packages only (DESIGN.md §3):
# Debian's Chromium for the browser driver. Never downloads a browser build. Idempotent and quiet when all is there.
set -euo pipefail

need_packages=()
if [ -z "${DUI_BROWSER_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  need_packages+=(chromium)
fi
# Python 3: the IMAP simulator is tested with Python's imaplib as a second, independent client.
if ! command -v python3 >/dev/null 2>&1; then
  need_packages+=(python3)
fi
# A font so screenshots and the report's rendering check show real glyphs.
# Note: the font file first: under pipefail, grep -q closing the pipe early made fc-list die of SIGPIPE, the test
# failed, and the package was installed again at every start (apt-get update included).
if [ ! -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] && ! fc-list 2>/dev/null | grep -qi dejavu; then
  need_packages+=(fonts-dejavu-core)
fi

if [ ${#need_packages[@]} -gt 0 ]; then
  echo "dui-conformance: installation de ${need_packages[*]} (paquets Debian)…" >&2
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo_cmd=(sudo); else
      echo "dui-conformance: droits root nécessaires pour installer ${need_packages[*]} (ou définissez DUI_BROWSER_PATH)." >&2
      exit 3
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq >/dev/null
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${need_packages[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "dui-conformance: le SDK .NET 10 est requis (dotnet introuvable)." >&2
  exit 3
fi
