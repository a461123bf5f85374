// The few lines bash runs before a step so that a pipeline whose reader stops early does not
// fail the step (docs/shell-semantics.md). Kept apart from shell.ts: it is bash, not TypeScript.

/** Recorded in shellFlags for bash: not a bash flag, the name of the prelude below. */
export const SIGPIPE_TOLERANT = '+sigpipe-tolerant';
/** The environment variable that carries the bash prelude into the step's shell (and no further). */
export const PRELUDE_VARIABLE = 'RUNBOOK_GATE_BASH_PRELUDE';

/**
 * Run by bash before the step's first command, on the step's first line (so every line number
 * in bash's messages stays the step's own). With `-e -o pipefail -o errtrace` it makes
 * a pipeline whose reader stopped early pass, and nothing else:
 *   - ERR trap: a failing pipeline whose non-zero statuses are all 141 (SIGPIPE) in elements
 *     before the last, the last being 0, is tolerated: `set +e` keeps bash from exiting, and
 *     the DEBUG trap turns `-e` back on before the next command (a `set +e` of the step's own
 *     then still works). Anything else fails as under plain `-e`.
 *   - A 141 that merely passes on a tolerated pipeline's status (the last command of a
 *     function, subshell, `$(...)` or of the step itself) is tolerated too: "held" says that
 *     at most one command (the trap's own) started since the tolerated pipeline.
 *   - EXIT trap (set on the first tolerance, after any trap of the step's own, which it runs):
 *     a shell ending with that passed-on 141 exits 0.
 * Its traces are kept out of `set -x` output (stderr of the trap commands is discarded).
 * (A plain template literal: `\${` is bash's `${`; the text has no other backslash.)
 */
export const BASH_PRELUDE = `unset ${PRELUDE_VARIABLE}
__runbook_gate_status() { return "$1"; }
__runbook_gate_on_error() {
  local status=$1 tolerated=1 i=0 element
  shift
  if [ $# -gt 1 ]; then
    for element in "$@"; do
      i=$((i + 1))
      if [ $i -eq $# ]; then
        [ "$element" = 0 ] || tolerated=
      else
        case $element in 0|141) ;; *) tolerated= ;; esac
      fi
    done
  elif [ "$status" != 141 ] || [ -z "\${__runbook_gate_held-}" ]; then
    tolerated=
  fi
  if [ -z "$tolerated" ]; then
    __runbook_gate_held=
    if [ "\${__runbook_gate_suspended-}" = 1 ]; then __runbook_gate_suspended=; exit "$status"; fi
    return 0
  fi
  __runbook_gate_held=1
  case $- in *e*) set +e; __runbook_gate_suspended=1 ;; esac
  if [ "\${__runbook_gate_exit_level-}" != "$BASH_SUBSHELL" ]; then
    __runbook_gate_exit_level=$BASH_SUBSHELL
    __runbook_gate_user_exit=
    if [ "$BASH_SUBSHELL" = 0 ]; then
      local trap_now
      trap_now=$(trap -p EXIT)
      [ -z "$trap_now" ] || eval "__runbook_gate_keep_exit_trap \${trap_now#trap }"
    fi
    trap '{ __runbook_gate_on_exit; } 2>/dev/null' EXIT
  fi
  trap '{ __runbook_gate_next; [ -n "\${__runbook_gate_held-}" ] || trap - DEBUG; } 2>/dev/null' DEBUG
}
__runbook_gate_keep_exit_trap() { __runbook_gate_user_exit=$2; }
__runbook_gate_next() {
  if [ "\${__runbook_gate_suspended-}" = 1 ]; then __runbook_gate_suspended=; set -e; fi
  case $BASH_COMMAND in exit|exit[[:space:]]*) __runbook_gate_held=; return 0 ;; esac
  case \${__runbook_gate_held-} in 1) __runbook_gate_held=2 ;; *) __runbook_gate_held= ;; esac
}
__runbook_gate_on_exit() {
  local status=$?
  if [ "$status" = 141 ] && [ -n "\${__runbook_gate_held-}" ]; then status=0; fi
  trap - DEBUG
  if [ -n "\${__runbook_gate_user_exit-}" ]; then __runbook_gate_status "$status"; eval "$__runbook_gate_user_exit"; fi
  exit "$status"
}
trap '{ __runbook_gate_on_error "$?" "\${PIPESTATUS[@]}"; } 2>/dev/null' ERR`;
