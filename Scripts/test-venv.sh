#!/usr/bin/env bash
# Prepares the Python used by the interop tests — the `mcp` package (a real MCP server for the
# MCP strategy's test) and `python-hcl2` (parses the Terraform that azlin generates) — in
# .build/test-venv, and prints the path of its python. The Swift tests that need it run when
# AZLIN_TEST_PYTHON names it (Scripts/test sets it), and say they were skipped otherwise.
# Usage: python=$(Scripts/test-venv.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.build/test-venv
if ! "$venv/bin/python3" -c 'import mcp, hcl2' 2>/dev/null; then
  echo "test-venv: installing mcp and python-hcl2 into $venv" >&2
  rm -rf "$venv"
  mkdir -p "$(dirname "$venv")"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'mcp>=1.20,<2' 'python-hcl2>=7' >&2
fi
echo "$PWD/$venv/bin/python3"
