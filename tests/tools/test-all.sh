#!/usr/bin/env bash
# `npm test`: type check, unit + component + browser tests (vitest), then end-to-end tests (Playwright).
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tests/tools/ensure-chromium.sh
echo "== type check"
npm run --silent check
echo "== vitest (unit, dom, browser)"
npx vitest run
echo "== playwright (end to end)"
npx playwright test
