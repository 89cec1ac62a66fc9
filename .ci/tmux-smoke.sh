#!/usr/bin/env bash
# Real-terminal smoke test of `azlin shell`, driven through tmux.
#
# Usage: .ci/tmux-smoke.sh PATH/TO/azlin
#
# Starts `azlin shell` in a detached tmux session (120x40, private tmux server,
# AZLIN_HOME in a fresh temporary folder) and checks, by polling the screen:
#   1. a prompt (a line starting with "azlin") appears; a request and "y" run a plan (its
#      "+" green on the terminal); Up recalls the request, not the answer "y"; Ctrl-C at
#      the next plan's question cancels it ("Cancelled"); Tab completes a live VM name;
#   2. "/bu" + Tab completes to "/budget";
#   3. Enter prints output and a new prompt;
#   4. Up recalls "/budget";
#   5. text + Ctrl-C abandons the line: a new, empty prompt; the shell still answers;
#   5b. Ctrl-R shows "(reverse-i-search)'…': match", typing narrows it, Enter runs it;
#   6. Ctrl-D on an empty line exits with status 0; "y" never reached shell_history;
#   7. a second session recalls "/budget" with Up (the history file was saved);
#      with NO_COLOR its plan is plain, and Ctrl-D at the approval question cancels it,
#      says so and leaves;
#   8. a third, with the simulator paced to real time, takes Ctrl-C while a plan runs: the
#      running step finishes, the next is not started, and rolling back is offered and done.
# Each step prints PASS or FAIL (with the screen). Exits 1 on any failure.
# SMOKE_TIMEOUT (seconds, default 10) bounds each wait; the screen is polled every 0.1 s.

set -u

if [ $# -ne 1 ] || [ ! -x "$1" ]; then
  echo "usage: $0 PATH/TO/azlin (an executable file)" >&2
  exit 2
fi
if ! command -v tmux >/dev/null 2>&1; then
  echo "FAIL: tmux is not installed" >&2
  exit 2
fi

binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
timeout_tenths=$(( ${SMOKE_TIMEOUT:-10} * 10 ))
tmp=$(mktemp -d "${TMPDIR:-/tmp}/azlin-smoke.XXXXXX")
socket="azlin-smoke-$$"
session="azlin-smoke"
failures=0

tm() { tmux -L "$socket" -f /dev/null "$@"; }

cleanup() {
  tm kill-server >/dev/null 2>&1
  rm -rf "$tmp"
}
trap cleanup EXIT

# The visible screen, escape sequences stripped.
screen() { tm capture-pane -t "$session" -p 2>/dev/null; }

# The absolute row of the cursor (scrolled-off lines included): the line being edited.
cursor_row() {
  tm display-message -t "$session" -p '#{e|+:#{history_size},#{cursor_y}}' 2>/dev/null
}

# The screen line under the cursor.
cursor_line() {
  local y
  y=$(tm display-message -t "$session" -p '#{cursor_y}' 2>/dev/null) || return 1
  screen | sed -n "$((y + 1))p"
}

keys() { tm send-keys -t "$session" "$@"; }

pass() { echo "PASS: $1"; }

fail() {
  echo "FAIL: $1"
  echo "----- screen -----"
  screen | awk 'NF { for (; blank > 0; blank--) print ""; print; next } { blank++ }'
  echo "------------------"
  failures=$((failures + 1))
}

# wait_for DESCRIPTION COMMAND...: polls COMMAND until it succeeds or the time is up.
wait_for() {
  local description=$1
  shift
  local tries=0
  until "$@"; do
    tries=$((tries + 1))
    if [ "$tries" -ge "$timeout_tenths" ]; then
      fail "$description (waited ${SMOKE_TIMEOUT:-10} s)"
      return 1
    fi
    sleep 0.1
  done
  pass "$description"
}

# Predicates on the line being edited.
at_prompt() { cursor_line | grep -q '^azlin'; }
prompt_contains() { at_prompt && cursor_line | grep -qF -- "$1"; }
prompt_lacks() { at_prompt && ! cursor_line | grep -qF -- "$1"; }
# A prompt at least $1 rows below row $2.
prompt_below() {
  local row
  row=$(cursor_row) || return 1
  [ "$row" -ge $(($2 + $1)) ] && at_prompt && prompt_lacks "$3"
}
exit_file_written() { [ -s "$tmp/exit" ]; }
screen_has() { screen | grep -qF -- "$1"; }
answer_prompt() { cursor_line | grep -q '^proceed?'; }
cursor_line_has() { cursor_line | grep -qF -- "$1"; }

start_session() {
  rm -f "$tmp/exit"
  local command
  command="env -u NO_COLOR ${1:-} AZLIN_HOME=$(printf %q "$tmp") $(printf %q "$binary") shell;"
  command+=" echo EXIT=\$? > $(printf %q "$tmp/exit")"
  tm new-session -d -s "$session" -x 120 -y 40 "$command"
  # Keep the screen after the shell ends, to read its last words.
  tm set-option -t "$session" remain-on-exit on >/dev/null
}

finish() {
  if [ "$failures" -eq 0 ]; then
    echo "PASS: all steps"
    exit 0
  fi
  echo "FAIL: $failures step(s) failed"
  exit 1
}

# --- first session -------------------------------------------------------------
start_session
wait_for "a prompt starting with \"azlin\" appears" at_prompt || finish

keys 'create a vm called smoke' Enter
wait_for "a request shows its plan, its cost and asks to proceed" answer_prompt
keys 'y' Enter
wait_for "y runs the plan to the end" screen_has 'Done (objective'
wait_for "the prompt returns, showing the new run-rate" prompt_contains '$39.30/mo'

# Colour on a terminal: the plan's "+" was green (the screen with its escape sequences).
coloured_plus() { tm capture-pane -t "$session" -p -e 2>/dev/null | grep -qF $'\e[32m+'; }
wait_for "a plan's + create is coloured green on a terminal" coloured_plus

# Answers are not history: Up recalls the request, not the "y" typed at the prompt.
keys Up
wait_for "Up skips the answer \"y\" and recalls the request" prompt_contains 'create a vm called smoke'
keys C-u

# Ctrl-C at a question cancels that question, saying so, and the shell carries on.
keys 'create a vm called never' Enter
wait_for "a second plan asks to proceed" answer_prompt
keys C-c
wait_for "Ctrl-C at the question cancels it" screen_has 'Cancelled; nothing was changed.'
wait_for "after Ctrl-C at the question, the normal prompt returns" at_prompt

keys 'stop smo' Tab
wait_for "Tab completes a live VM name after \"stop\"" prompt_contains 'stop smoke'
keys C-u

keys '/bu' Tab
wait_for "Tab completes \"/bu\" to \"/budget\"" prompt_contains '/budget'

row=$(cursor_row)
keys Enter
wait_for "Enter shows the budget output and a new prompt" prompt_below 2 "$row" '/budget'

keys Up
wait_for "Up recalls \"/budget\"" prompt_contains '/budget'

keys ' smoke-typed-text'
wait_for "typed text is shown" prompt_contains 'smoke-typed-text'
row=$(cursor_row)
keys C-c
wait_for "Ctrl-C abandons the line and shows a new empty prompt" \
  prompt_below 1 "$row" 'smoke-typed-text'

row=$(cursor_row)
keys '/bu' Tab
if wait_for "after Ctrl-C, Tab still completes" prompt_contains '/budget'; then
  keys Enter
  wait_for "after Ctrl-C, the shell still answers" prompt_below 2 "$row" '/budget'
fi

# Ctrl-R: an incremental search prompt as in bash; Enter runs the match.
keys C-r
search_prompt() { cursor_line | grep -qF "(reverse-i-search)'"; }
wait_for "Ctrl-R shows (reverse-i-search)'':" search_prompt
keys 'budg'
wait_for "typing narrows the search to /budget" cursor_line_has "(reverse-i-search)'budg': /budget"
row=$(cursor_row)
keys Enter
wait_for "Enter runs the match" prompt_below 2 "$row" '(reverse-i-search)'

keys C-u C-d
if wait_for "Ctrl-D on an empty line ends the shell" exit_file_written; then
  if [ "$(cat "$tmp/exit")" = "EXIT=0" ]; then
    pass "exit status is 0"
  else
    fail "exit status is 0 (got: $(cat "$tmp/exit"))"
  fi
fi
if grep -qx 'y' "$tmp/shell_history" 2>/dev/null; then
  fail "the answer \"y\" is not kept in shell_history"
else
  pass "the answer \"y\" is not kept in shell_history"
fi

# --- second session: the history file -------------------------------------------
tm kill-session -t "$session" >/dev/null 2>&1
start_session "NO_COLOR=1"
if wait_for "a second session starts" at_prompt; then
  keys Up
  wait_for "Up recalls \"/budget\" from the saved history" prompt_contains '/budget'
  keys C-u
  # NO_COLOR: the same plan, plain. Ctrl-D at its question cancels it, says so and leaves.
  keys 'create a vm called bye' Enter
  wait_for "with NO_COLOR a plan asks to proceed" answer_prompt
  if tm capture-pane -t "$session" -p -e | grep -qF $'\e[32m'; then
    fail "with NO_COLOR nothing is coloured"
  else
    pass "with NO_COLOR nothing is coloured"
  fi
  keys C-d
  wait_for "Ctrl-D at the question says what it did" screen_has 'it was cancelled; leaving azlin'
  wait_for "the second session ends" exit_file_written
fi

# --- third session: Ctrl-C while a plan runs --------------------------------------
# Half a real second per modelled second: the group create takes about a second, the VM 45.
tm kill-session -t "$session" >/dev/null 2>&1
start_session "AZLIN_SIM_PACE=0.5"
if wait_for "a third session starts" at_prompt; then
  keys 'create a vm called late in rg stopgrp' Enter
  wait_for "the plan asks to proceed" answer_prompt
  keys 'y' Enter
  running_group() { cursor_line | grep -q 'create resource group stopgrp'; }
  wait_for "the group create is running" running_group
  keys C-c
  wait_for "after Ctrl-C the VM create is not started" screen_has 'not started: create VM late'
  wait_for "rolling back what was made is offered" screen_has 'Roll back the 1 change made so far?'
  keys 'y' Enter
  wait_for "the rollback runs" screen_has 'rolled back)'
  keys C-d
  wait_for "the third session ends" exit_file_written
fi

finish
