#!/usr/bin/env bash
# The real Azure CLI's parser as an oracle: every az command form azlin generates (collected by
# CommandFormsTests) must be accepted by az's argument parser. Runs with an empty configuration
# folder and no login, so nothing reaches Azure: accepted stops at "Please run 'az login'" (exit 1),
# rejected exits 2. Prints "N passed, M failed"; exits non-zero on any rejection.
# Usage: Scripts/az-oracle.sh   (SWIFT_SCRATCH_PATH picks swift's build folder; default .build)
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.build/az-oracle-venv
oracle=Tests/AzOracle/az_oracle.py
scratch=${SWIFT_SCRATCH_PATH:-.build}

if [ ! -x "$venv/bin/az" ]; then
  echo "az-oracle: installing azure-cli into $venv (about a minute, about 700 MB)"
  rm -rf "$venv"
  mkdir -p "$(dirname "$venv")"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check azure-cli
fi
az="$PWD/$venv/bin/az"
python="$PWD/$venv/bin/python3"
"$python" "$oracle" selftest

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/results"
log="$work/swift-test.log"
if ! AZLIN_EMIT_FORMS="$work/forms.jsonl" swift test --scratch-path "$scratch" \
  --filter CommandFormsTests >"$log" 2>&1; then
  tail -40 "$log"
  echo "az-oracle: CommandFormsTests failed; no forms to check"
  echo "0 passed, 1 failed"
  exit 1
fi
[ -s "$work/forms.jsonl" ] || { echo "az-oracle: CommandFormsTests wrote no forms"; echo "0 passed, 1 failed"; exit 1; }
echo "az-oracle: $(wc -l <"$work/forms.jsonl") forms from azlin, checked by $("$az" version --query '"azure-cli"' -o tsv 2>/dev/null || echo '?') of azure-cli"

# Each form must be accepted; one control with an unknown flag must be rejected, so a broken
# oracle (one that accepts everything) cannot pass.
{
  sed 's/^/accept\t/' "$work/forms.jsonl"
  printf 'reject\t["group", "list", "--no-such-flag", "--output", "json"]\n'
} >"$work/lines"
xargs -d '\n' -n 1 -P 2 "$python" "$oracle" check "$az" "$work/results" <"$work/lines" || true
"$python" "$oracle" summary "$work/results"
