#!/usr/bin/env bash
# Refreshes the front-end libraries vendored in src/Mutuality.Web/wwwroot/lib from npm.
# The vendored files are committed, so running the app needs nothing but the .NET SDK;
# run this only to change a version (see package.json).
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund --silent
lib=src/Mutuality.Web/wwwroot/lib
mkdir -p "$lib/htmx" "$lib/chartjs"
cp node_modules/htmx.org/dist/htmx.min.js "$lib/htmx/htmx.min.js"
cp node_modules/htmx.org/LICENSE "$lib/htmx/LICENSE"
cp node_modules/chart.js/dist/chart.umd.min.js "$lib/chartjs/chart.umd.min.js" 2>/dev/null || cp node_modules/chart.js/dist/chart.umd.js "$lib/chartjs/chart.umd.min.js"
cp node_modules/chart.js/LICENSE.md "$lib/chartjs/LICENSE.md"
echo "vendored: htmx $(node -p "require('./node_modules/htmx.org/package.json').version"), chart.js $(grep -m1 '"version"' node_modules/chart.js/package.json)"
