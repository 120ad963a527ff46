#!/usr/bin/env bash
# The main job, with no Materialize at hand: plan, apply, then plan again
# against the embedded Materialize emulator, whose catalog is kept in a state
# file between the three runs. Pass another manifest as $1 to try it instead.
set -euo pipefail
cd "$(dirname "$0")/.."

manifest=${1:-examples/msk-privatelink.yaml}
state=.mzform/demo-state.json
mkdir -p .mzform
rm -f "$state"

# Values for the example's secrets and the fingerprint key; set your own to override.
export MSK_PASSWORD=${MSK_PASSWORD:-demo-password}
export MZFORM_FINGERPRINT_KEY=${MZFORM_FINGERPRINT_KEY:-demo-fingerprint-key}

run() {
  printf '\n$ mzform %s\n' "$*"
  node bin/run.js "$@"
}

run plan -f "$manifest" --emulator --emulator-state "$state"
run apply -f "$manifest" --emulator --emulator-state "$state" --auto-approve
run plan -f "$manifest" --emulator --emulator-state "$state" --detailed-exitcode
