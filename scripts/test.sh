#!/usr/bin/env bash
# `npm test`: installs, checks and runs every test, ending with one line "Tests: N passed, M failed[, K skipped]".
set -euo pipefail
cd "$(dirname "$0")/.."

passed=0
failed=0
skipped=0
failed_steps=()
results_dir="$(mktemp -d)"

summary() {
  local status=$?
  rm -rf "$results_dir"
  if [ "${#failed_steps[@]}" -gt 0 ]; then
    echo "Failed steps: ${failed_steps[*]}"
    [ "$status" -ne 0 ] || status=1
  fi
  local line="Tests: $passed passed, $failed failed"
  [ "$skipped" -eq 0 ] || line="$line, $skipped skipped"
  echo "$line"
  exit "$status"
}
trap summary EXIT

# A non-test step that fails counts as one failure, so the summary never reads "0 failed" on a failing run.
step() {
  local name="$1"
  shift
  echo "==> $name"
  if ! "$@"; then
    failed_steps+=("$name")
    failed=$((failed + 1))
    return 1
  fi
}

# Runs vitest with a JSON report and adds its counts to the totals.
vitest_step() {
  local name="$1"
  shift
  local report="$results_dir/$name.json"
  local status=0
  echo "==> $name"
  "$@" --reporter=default --reporter=json --outputFile="$report" || status=$?
  local counts="0 0 0 0"
  if [ -s "$report" ]; then
    counts="$(node -e '
      const r = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
      const n = (k) => Number(r[k] ?? 0);
      console.log(n("numPassedTests"), n("numFailedTests"), n("numPendingTests") + n("numTodoTests"), n("numFailedTestSuites"));
    ' "$report")" || counts="0 0 0 0"
  fi
  local p f s fs
  read -r p f s fs <<<"$counts"
  passed=$((passed + p))
  skipped=$((skipped + s))
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
    # vitest failed without a failing test (a file that does not load, a crash): count the broken files.
    f=$((fs > 0 ? fs : 1))
  fi
  failed=$((failed + f))
  if [ "$status" -ne 0 ]; then
    failed_steps+=("$name")
  fi
}

ensure_system_packages() {
  local chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
  local missing=()
  [ -x "$chromium" ] || missing+=(chromium)
  command -v ip >/dev/null 2>&1 || missing+=(iproute2)
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils) # the PDF export test reads the PDF's text
  command -v openssl >/dev/null 2>&1 || missing+=(openssl) # the HTTPS test makes a self-signed certificate
  command -v nft >/dev/null 2>&1 || missing+=(nftables) # the relay test across NAT masquerades two private networks
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server) # the relay scale-out test
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql) # the relay scale-out test's shared store
  local office=()
  command -v soffice >/dev/null 2>&1 || office+=(libreoffice-writer-nogui) # the DOCX export test opens DOCX in LibreOffice
  [ -e /usr/lib/libreoffice/program/libsclo.so ] || office+=(libreoffice-calc-nogui) # the journal.csv test opens it in Calc
  missing+=("${office[@]}")
  [ "${#missing[@]}" -gt 0 ] || return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing ${missing[*]}: install Debian's ${missing[*]} package(s) (apt-get install ${missing[*]}) and rerun." >&2
    if [[ " ${missing[*]} " == *" chromium "* || " ${missing[*]} " == *" poppler-utils "* || " ${missing[*]} " == *" libreoffice-"* || " ${missing[*]} " == *" redis-server "* || " ${missing[*]} " == *" postgresql "* || " ${missing[*]} " == *" nftables "* || " ${missing[*]} " == *" openssl "* ]]; then return 1; fi
    return 0 # without iproute2 the browser tests still run, on the host network (see scripts/e2e.mjs)
  fi
  apt-get update || return 1
  local system=()
  for p in "${missing[@]}"; do [[ "$p" == libreoffice-* ]] || system+=("$p"); done
  if [ "${#system[@]}" -gt 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get install -y "${system[@]}" || return 1; fi
  if [ "${#office[@]}" -gt 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${office[@]}" || return 1; fi
  if [ ! -x "$chromium" ]; then
    echo "Chromium not found at $chromium after installing Debian's chromium package (check CHROMIUM_PATH)." >&2
    return 1
  fi
}

# REFERAT_SKIP_NPM_CI=1 reuses the installed node_modules (for quick local runs); CI always installs cleanly.
if [ "${REFERAT_SKIP_NPM_CI:-0}" != 1 ]; then
  step "npm ci" npm ci || exit 1
fi
step "system packages" ensure_system_packages || exit 1

step "lint" npm run lint || true
step "typecheck" npm run typecheck || true
vitest_step "unit" npx vitest run --project unit
if step "build" npx vite build; then
  vitest_step "e2e" npm run test:e2e --
fi

[ "${#failed_steps[@]}" -eq 0 ]
