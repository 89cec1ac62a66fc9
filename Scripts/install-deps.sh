#!/usr/bin/env bash
# Installs the system packages azlin needs where they are missing: libedit-dev (always), tmux (--tmux).
set -euo pipefail
need=()
dpkg -s libedit-dev >/dev/null 2>&1 || need+=(libedit-dev)
if [ "${1:-}" = "--tmux" ]; then command -v tmux >/dev/null 2>&1 || need+=(tmux); fi
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]}…" >&2
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
fi
