#!/usr/bin/env bash
# Differential test of reference/datacontract against Mono's DataContractJsonSerializer
# (the .NET Framework reference source). Installs mono-devel when mcs is missing, then
# runs the same case table under several server time zones.
set -euo pipefail
cd "$(dirname "$0")/../../.."
if ! command -v mcs >/dev/null 2>&1; then
	echo "interop: installing mono-devel (Debian) …"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mono-devel >/dev/null
fi
GO="${GO:-go}"
for tz in UTC Europe/Moscow Asia/Kolkata America/New_York; do
	echo "interop: TZ=$tz"
	TZ="$tz" SVCCHECK_INTEROP=1 "$GO" test ./reference/datacontract/interop/ -run Interop -count=1 -v 2>&1 |
		grep -E '^(--- |ok|FAIL|PASS)|interop_test|harness_test.go:[0-9]+: TZ=|^\s+--- FAIL|Error:|differ|\.NET:|Go:' || true
	TZ="$tz" SVCCHECK_INTEROP=1 "$GO" test ./reference/datacontract/interop/ -run Interop -count=1 >/dev/null
done
echo "interop: all time zones green"
