#!/usr/bin/env bash
# `npm start`: installs dependencies if needed, builds the app and serves it with the signalling server and the relay.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci
fi
npx vite build
exec node server/main.mjs "$@"
