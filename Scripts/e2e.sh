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

status=0
"$azlin" doit "" >"$home/doit.out" 2>&1 || status=$?
[ "$status" -eq 2 ] || fail "azlin doit \"\" exited $status, not 2"
[ "$(wc -l <"$home/doit.out")" -eq 1 ] || fail "azlin doit \"\" said more than one line: $(cat "$home/doit.out")"
grep -q 'usage: azlin doit' "$home/doit.out" || fail "azlin doit \"\" gave no usage: $(cat "$home/doit.out")"
echo "PASS e2e: azlin doit \"\" exits 2 with one line of usage"

# SIGKILL in the middle of a multi-step objective: the next shell offers to resume it, and
# /resume finishes it with nothing lost or done twice.
rm -rf "$home"/*
printf 'create 3 vms called k1, k2 and k3\n' | AZLIN_SIM_PACE=0.02 "$azlin" shell --yes >"$home/killed.out" 2>&1 &
victim=$!
for _ in $(seq 1 200); do
  grep -qs '"exit_code" : 0' "$home"/objectives/*.json && grep -q 'create VM k1' "$home/killed.out" && break
  sleep 0.05
done
kill -9 "$victim" 2>/dev/null || true
wait "$victim" 2>/dev/null || true
out=$(printf '/objectives\n' | "$azlin" shell)
grep -q 'was interrupted' <<<"$out" || fail "no interrupted objective offered after SIGKILL: $out"
id=$(grep -oE 'Objective [0-9a-f]{8}' <<<"$out" | head -1 | cut -d' ' -f2)
grep -q "$id  in_progress" <<<"$out" || fail "/objectives does not list $id in progress: $out"
out=$(printf '/resume %s\n' "$id" | "$azlin" shell)
grep -q "Done (objective $id)" <<<"$out" || fail "/resume did not finish $id: $out"
count=$("$azlin" sim vm list | grep -c '"name": "k[123]"' || true)
[ "$count" -eq 3 ] || fail "expected k1 k2 k3 after resume, found $count"
grep -q '"status" : "completed"' "$home"/objectives/*.json || fail "objective not completed"
echo "PASS e2e: SIGKILL mid-objective, the next shell offers it, /resume finishes it"

# A secret typed in a request never reaches any file under $AZLIN_HOME (audit log, objectives,
# sessions, simulator state, ledger), nor the screen.
rm -rf "$home"/*
out=$(printf 'create a vm called vault with password Hunter2Secret!x\n/history\n/save %s/s.transcript\n' "$home" | "$azlin" shell --yes 2>&1)
grep -q 'Hunter2Secret' <<<"$out" && fail "the secret was shown on screen: $out"
grep -rq 'Hunter2Secret' "$home" && fail "the secret reached a file: $(grep -rl Hunter2Secret "$home")"
grep -q 'password \*\*\*' "$home/audit.log" || fail "the audit log does not show the redacted request"
echo "PASS e2e: a secret in a request is absent from every file and from the screen"

# The MCP strategy against a real server process: azlin's own `mcp-server`, configured in
# config.toml, carries the steps; a server that cannot start is reported and the Azure CLI
# takes over.
rm -rf "$home"/*
cat >"$home/config.toml" <<TOML
[mcp]
servers = [{name = "sim", command = "$azlin", args = ["mcp-server"]}]
TOML
out=$(printf '/strategy\ncreate a vm called m1\n' | "$azlin" shell --yes 2>&1)
grep -q 'mcp:sim (each step): ready — 34 tools' <<<"$out" || fail "/strategy does not show the MCP server ready: $out"
grep -q 'via mcp:sim (azmcp_compute_vm_create)' <<<"$out" || fail "the VM create did not go through MCP: $out"
"$azlin" sim vm list | grep -q '"name": "m1"' || fail "m1 does not exist after the MCP create"
# Read /proc directly (no procps needed): any process whose command line is "$azlin mcp-server".
running_server() {
  local f
  for f in /proc/[0-9]*/cmdline; do
    [ "$({ tr '\0' ' ' <"$f"; } 2>/dev/null)" = "$azlin mcp-server " ] && return 0
  done
  return 1
}
[ -r /proc/self/cmdline ] || fail "cannot read /proc, so cannot check that the MCP server ended"
running_server && fail "the MCP server outlived the shell"
cat >"$home/config.toml" <<TOML
[mcp]
servers = [{name = "broken", command = "false"}]
TOML
out=$(printf '/strategy\ncreate a vm called m2\n' | "$azlin" shell --yes 2>&1)
grep -q 'mcp:broken (each step): unavailable — MCP server broken exited with status 1' <<<"$out" \
  || fail "/strategy does not say why the broken server is unavailable: $out"
grep -q 'Done (objective' <<<"$out" || fail "the Azure CLI did not take over from the broken server: $out"
echo "PASS e2e: steps run through a real MCP server process; a broken one is reported and skipped"
