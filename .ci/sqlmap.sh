#!/usr/bin/env bash
# Runs sqlmap (Debian's package) against the product on loopback, signed in, over the search,
# filter, sort and paging parameters of the routes that have them, and prints its findings.
# Not part of the default test run: it takes minutes. Usage: bash .ci/sqlmap.sh
# Exit status: 0 when sqlmap found no injectable parameter, 1 when it found one, 2 on set-up errors.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v sqlmap >/dev/null 2>&1; then
  echo "Installing sqlmap with apt-get"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends sqlmap >/dev/null
fi

work=$(mktemp -d /tmp/hdl-sqlmap-XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
admin_password="Sqlmap-Admin-Pass-$RANDOM$RANDOM"
user_password="Sqlmap-User-Pass-$RANDOM$RANDOM"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build HelpdeskLite/HelpdeskLite.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
app="HelpdeskLite/bin/Release/net10.0/HelpdeskLite.dll"
settings=(--Helpdesk:DataFolder="$work/data" --urls="$base")

echo "$admin_password" | dotnet "$app" admin create --username sqladmin "${settings[@]}" >/dev/null
dotnet "$app" "${settings[@]}" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  curl -fsS "$base/health" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS "$base/health" >/dev/null || { echo "The server did not start; see $work/server.log" >&2; exit 2; }

# Prints the antiforgery token of a page, keeping the cookies in the jar.
token() { curl -fsS -b "$1" -c "$1" "$base$2" | sed -n 's/.*name="csrf-token" content="\([^"]*\)".*/\1/p' | head -n 1; }
post() { local jar=$1 path=$2; shift 2; curl -sS -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" "$base$path" --data-urlencode "__RequestVerificationToken=$(token "$jar" "$path")" "$@"; }
session() { awk '$6 == "hd_session" { print $7 }' "$1"; }

admin_jar="$work/admin.jar"
user_jar="$work/user.jar"
post "$admin_jar" /account/sign-in --data-urlencode Username=sqladmin --data-urlencode "Password=$admin_password" >/dev/null
post "$admin_jar" /admin/users/new --data-urlencode Username=sqluser --data-urlencode DisplayName="Sqlmap User" \
  --data-urlencode Role=User --data-urlencode "Password=$admin_password" >/dev/null
post "$user_jar" /account/sign-in --data-urlencode Username=sqluser --data-urlencode "Password=$admin_password" >/dev/null
post "$user_jar" /account/change-password --data-urlencode "CurrentPassword=$admin_password" \
  --data-urlencode "NewPassword=$user_password" --data-urlencode "ConfirmPassword=$user_password" >/dev/null
[ -n "$(session "$admin_jar")" ] && [ -n "$(session "$user_jar")" ] || { echo "Signing in failed." >&2; exit 2; }

# Targets: "role|url|parameters": every route with free-text search, filter, sort or paging
# parameters. Typed parameters (enums, dates, numbers) fail binding before any query is built,
# so the text parameters are the ones listed.
targets=(
  "user|$base/?q=printer|q"
  "user|$base/tickets?q=printer&sort=subject&dir=asc|q,sort,dir"
  "admin|$base/tickets?view=all&q=printer&assignee=none&sort=created&dir=desc|view,q,assignee,sort,dir"
  "admin|$base/incidents?q=phishing|q"
  "admin|$base/audit?actor=sqladmin&entityType=ticket&entityId=1|actor,entityType,entityId"
  "admin|$base/reports?kind=tickets|kind"
  "admin|$base/admin/users?q=smith&role=User&active=true&page=1|q,role,active,page"
)

found=0
for target in "${targets[@]}"; do
  IFS='|' read -r who url parameters <<<"$target"
  jar="$user_jar"; [ "$who" = admin ] && jar="$admin_jar"
  echo "== sqlmap as $who: $url (parameters $parameters)"
  output=$(sqlmap -u "$url" -p "$parameters" --cookie="hd_session=$(session "$jar")" --batch \
    --level=3 --risk=2 --time-sec=2 --threads=4 --output-dir="$work/sqlmap" --disable-coloring 2>&1 || true)
  echo "$output" | grep -E "injectable|vulnerable|CRITICAL|WARNING.*(redirect|403|401)|all tested parameters" | sort -u || true
  # "appears to be ... injectable" is a heuristic that sqlmap often withdraws after confirming;
  # only a confirmed injection point counts.
  if echo "$output" | grep -qE "sqlmap identified the following injection point"; then
    found=1
  fi
done

if [ "$found" -eq 1 ]; then
  echo "sqlmap found an injectable parameter (details above)."
  exit 1
fi
echo "sqlmap found no injectable parameter."
