#!/usr/bin/env bash
# `npm run soak`: the long runs of the randomised tests, one step each, ending with one line saying what failed.
# Add a campaign as one more `soak_step` line. FUZZ_RUNS (default 20000) sets the property-based fuzzers' budget.
set -uo pipefail
cd "$(dirname "$0")/.."

export FUZZ_RUNS="${FUZZ_RUNS:-20000}"
failed_steps=()

soak_step() {
  local name="$1"
  shift
  echo "==> $name"
  local started=$SECONDS
  if ! "$@"; then failed_steps+=("$name"); fi
  echo "<== $name: $((SECONDS - started)) s"
}

soak_step "fuzz (FUZZ_RUNS=$FUZZ_RUNS)" npx vitest run --project unit tests/unit/fuzz

# The kill campaign with KILL_ROUNDS SIGKILLs (default 100; KILL_SEED replays a run) and the storage faults, on a fresh build.
export KILL_ROUNDS="${KILL_ROUNDS:-100}"
soak_step "build" npx vite build
soak_step "kill campaign (KILL_ROUNDS=$KILL_ROUNDS) and storage faults" npm run test:e2e -- tests/e2e/killCampaign.test.ts tests/e2e/storageFaults.test.ts

if [ "${#failed_steps[@]}" -gt 0 ]; then
  echo "Soak failed: ${failed_steps[*]}"
  exit 1
fi
echo "Soak passed"
