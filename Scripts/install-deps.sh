#!/usr/bin/env bash
# Installs, with apt where missing, the system packages the README's two commands need:
#   libedit-dev  line editing (building azlin)
#   python3, python3-venv  the interop tests' Python (MCP server, python-hcl2) and the az parser oracle
#   procps       process tools the end-to-end checks use
#   tmux         the real-terminal smoke test
# Usage: Scripts/install-deps.sh [--build]   (--build: only what building azlin needs)
# Idempotent and quick when everything is there (no apt call). Without apt, or without root
# and sudo, it names what is missing and exits 0: Scripts/test then skips what needs it and says so.
set -uo pipefail
need=()
have_pkg() { dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed'; }
have_pkg libedit-dev || pkg-config --exists libedit 2>/dev/null || need+=(libedit-dev)
if [ "${1:-}" != "--build" ]; then
  command -v python3 >/dev/null 2>&1 || need+=(python3)
  # Debian's python3 has no venv/ensurepip without python3-venv.
  if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
    have_pkg python3-venv || need+=(python3-venv)
  fi
  command -v pgrep >/dev/null 2>&1 && command -v ps >/dev/null 2>&1 || need+=(procps)
  command -v tmux >/dev/null 2>&1 || need+=(tmux)
fi
[ ${#need[@]} -eq 0 ] && exit 0
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo_cmd=(sudo); else
    echo "install-deps: missing ${need[*]}; run as root or install sudo to install them with apt." >&2
    exit 0
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-deps: missing ${need[*]}; no apt-get here, install them with your package manager." >&2
  exit 0
fi
echo "install-deps: installing ${need[*]}…" >&2
if ! { "${sudo_cmd[@]}" apt-get update -qq &&
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${need[@]}" >/dev/null; }; then
  echo "install-deps: apt-get could not install ${need[*]}; what needs them is skipped." >&2
fi
exit 0
