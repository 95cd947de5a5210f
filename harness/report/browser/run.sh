#!/usr/bin/env bash
# Browser test of report.html: renders a report made by a real failing run in Debian's headless
# Chromium, asserts on the rendered DOM and keeps a screenshot. Installs chromium when missing.
set -euo pipefail
cd "$(dirname "$0")/../../.."
if ! command -v chromium >/dev/null 2>&1; then
	echo "test-browser: installing chromium (Debian) …"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
GO="${GO:-go}"
mkdir -p reports/browser
SVCCHECK_BROWSER=1 "$GO" test ./harness/report/ -run Browser -count=1 -v -artifacts -outputdir "$PWD/reports/browser"
echo "test-browser: screenshot under reports/browser/"
