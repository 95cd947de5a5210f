#!/usr/bin/env bash
# Differential test of reference/datacontract against Mono's DataContractJsonSerializer
# (the .NET Framework reference source). Installs mono-devel when mcs is missing, then
# runs the same case table under several server time zones.
set -euo pipefail
cd "$(dirname "$0")/../../.."
# Mono reads the system zone database: without tzdata every TZ below would silently be UTC.
if ! command -v mcs >/dev/null 2>&1 || [ ! -e /usr/share/zoneinfo/Europe/Moscow ]; then
	echo "interop: installing mono-devel and tzdata (Debian) …"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mono-devel tzdata >/dev/null
fi
GO="${GO:-go}"
mkdir -p reference/datacontract/interop/work
for tz in UTC Europe/Moscow Asia/Kolkata America/New_York; do
	log="reference/datacontract/interop/work/test-${tz//\//_}.log"
	echo "interop: TZ=$tz (full log: $log)"
	if ! TZ="$tz" SVCCHECK_INTEROP=1 "$GO" test ./reference/datacontract/interop/ -run Interop -count=1 -v >"$log" 2>&1; then
		grep -E -A8 -- '--- FAIL' "$log" | head -80
		echo "interop: FAILED under TZ=$tz"
		exit 1
	fi
	grep -E 'encode cases|XML cases|^ok' "$log"
done
echo "interop: all time zones green"
