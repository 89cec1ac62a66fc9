#!/usr/bin/env bash
# The scripted end-to-end check: a piped shell creates sam on the simulator, shows it in
# /history, undoes it; `azlin sim` sees each state. Usage: Scripts/e2e.sh path/to/azlin
set -euo pipefail
azlin=${1:?usage: e2e.sh path/to/azlin}
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export AZLIN_HOME=$home AZLIN_BACKEND=sim
fail() { echo "FAIL e2e: $*" >&2; exit 1; }

out=$(printf 'create a vm called sam in westus2\n/history\n' | "$azlin" shell --yes)
grep -q 'create VM sam' <<<"$out" || fail "no plan for sam: $out"
grep -q 'az vm create' <<<"$out" || fail "/history does not show the vm create: $out"
"$azlin" sim vm list --output tsv --query '[].name' 2>/dev/null | grep -qx sam \
  || "$azlin" sim vm list | grep -q '"name": "sam"' || fail "sam does not exist after create"
echo "PASS e2e: create a vm called sam → sam exists, /history shows it"

out=$(printf '/undo\ny\n/quit\n' | "$azlin" shell)
grep -q 'rolled back' <<<"$out" || fail "/undo did not roll back: $out"
"$azlin" sim vm list | grep -q '"name": "sam"' && fail "sam still exists after /undo"
echo "PASS e2e: /undo removed sam"

out=$(printf 'create a vm called "my vm!"\n' | "$azlin" shell --yes)
grep -q "my vm!" <<<"$out" || fail "bad name not reported: $out"
"$azlin" sim vm list | grep -q '"name"' && fail "a VM was created from a bad name"
echo "PASS e2e: a name Azure would reject is refused before any command"

status=0
printf '\n   \n\x01\x02hello\n/hisotry\n' | "$azlin" shell >/dev/null 2>&1 || status=$?
[ "$status" -eq 0 ] || fail "bad input made the shell exit $status"
head -c 1048576 /dev/zero | tr '\0' 'a' | "$azlin" shell >"$home/big.out" 2>&1 || fail "a 1 MB line made the shell fail"
grep -q 'over 64 KB' "$home/big.out" || fail "1 MB line not reported"
printf 'list vms \xff\xfe\n' | "$azlin" shell 2>&1 | grep -q 'not valid UTF-8' || fail "invalid UTF-8 not reported"
echo "PASS e2e: empty lines, control characters, a 1 MB line and invalid UTF-8 get one-line answers"
