#!/usr/bin/env bash
# Build the standalone app (PyInstaller, one folder) and check that the result really runs.
#
#     bash bench/build_smoke.sh            # uses `python`; PYTHON=/path/to/python to choose
#
# Needs PyInstaller in the same environment as the app (pip install -e '.[build]').  Checks:
#   1. `--version` prints the name and version of the package it was built from;
#   2. `--demo` runs offscreen for a few seconds, paints its lock screen, quits by itself with
#      exit code 0, prints no traceback or error, and imports no matplotlib before it is needed;
#   3. the demo journal written by the built app is encrypted (its SQLCipher works), and the
#      bundled resources were found (the theme is read from them before the lock screen shows).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python}"
APP_ID=resilience-journal
APP="dist/$APP_ID/$APP_ID"

if ! "$PYTHON" -m PyInstaller --version >/dev/null 2>&1; then
    echo "PyInstaller is not installed for $PYTHON: pip install -e '.[build]'" >&2
    exit 2
fi

start=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN build.spec
echo "built in $(( $(date +%s) - start )) s: dist/$APP_ID ($(du -sh "dist/$APP_ID" | cut -f1))"

fail() { echo "SMOKE CHECK FAILED: $*" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 1. --version
expected=$("$PYTHON" -c "from resilience_journal import APP_NAME, __version__; print(APP_NAME, __version__)")
got=$("$APP" --version)
[ "$got" = "$expected" ] || fail "--version printed '$got', expected '$expected'"
echo "ok: --version -> $got"

# 2. --demo, offscreen, a few seconds.  TMPDIR is private so we can see the demo folder is removed.
mkdir -p "$work/tmp"
set +e
TMPDIR="$work/tmp" QT_QPA_PLATFORM=offscreen RJ_STARTUP_PROBE=1 RJ_QUIT_AFTER=4 \
    timeout 120 "$APP" --demo >"$work/out" 2>"$work/err"
code=$?
set -e
[ "$code" -eq 0 ] || { cat "$work/err" >&2; fail "--demo exited with $code"; }
grep -q "^rj-startup-probe .* matplotlib=0" "$work/out" || { cat "$work/out" "$work/err" >&2; fail "--demo never painted its lock screen, or imported matplotlib first"; }
# Qt's offscreen platform notes what it cannot do; anything else on stderr is a problem.
if grep -v "does not support propagateSizeHints" "$work/err" | grep -E "Traceback|Error|error|Warning" >&2; then
    fail "--demo wrote errors to stderr"
fi
[ -z "$(ls -A "$work/tmp")" ] || fail "--demo left files behind in the temporary folder: $(ls "$work/tmp")"
echo "ok: --demo ran offscreen, painted the lock screen, quit cleanly, left nothing behind"

# 3. --demo --data-dir keeps the journal: it must be encrypted.
TMPDIR="$work/tmp" QT_QPA_PLATFORM=offscreen RJ_QUIT_AFTER=1 timeout 120 "$APP" --demo --data-dir "$work/demo" 2>"$work/err2" >/dev/null \
    || { cat "$work/err2" >&2; fail "--demo --data-dir failed"; }
[ -s "$work/demo/journal.db" ] || fail "no demo journal was written"
if head -c 16 "$work/demo/journal.db" | grep -q "SQLite format 3"; then
    fail "the built app wrote a plaintext database"
fi
echo "ok: the built app writes an encrypted journal ($(du -h "$work/demo/journal.db" | cut -f1))"
echo "smoke check passed"
