#!/usr/bin/env bash
# Makes the legacy fixtures: a SQLite data directory and a PostgreSQL dump made by an earlier build of Kinerja,
# with every kind of data in them, and what that build answered about them (expected-*.json). LegacyDatabaseTests
# opens them with this build and compares. Run from the repository with a built checkout of the earlier build:
#   git worktree add /tmp/old <commit> && (cd /tmp/old/host/ClientApp && npm ci) && dotnet build /tmp/old/host
#   tests/Kinerja.Tests/Fixtures/Legacy/make-fixtures.sh /tmp/old [OUTPUT-DIRECTORY]
# OUTPUT-DIRECTORY defaults to this folder (Fixtures/Legacy); another one is made if missing. The registers and report
# data come from the earlier build's own samples, so that their operations are those its API has.
set -euo pipefail
old=$(cd "$1" && pwd)
repo=$(git rev-parse --show-toplevel)
out="${2:-$repo/tests/Kinerja.Tests/Fixtures/Legacy}"
mkdir -p "$out"; out=$(cd "$out" && pwd)
password='kata-sandi-uji-yang-panjang'
port=5391
work=$(mktemp -d); chmod 755 "$work"
trap 'kill $(jobs -p) 2>/dev/null || true; [ -n "${pgdir:-}" ] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdir" -m immediate stop >/dev/null 2>&1 || true' EXIT

kinerja() { dotnet "$old/host/bin/Debug/net10.0/Kinerja.Host.dll" "$@"; }

gql() { # token query-json-string
  curl -sf "http://127.0.0.1:$port/graphql" -H 'content-type: application/json' -H "Authorization: Bearer $1" --data-binary "$2"
}
json() { python3 -c 'import json,sys; print(json.dumps({"query": sys.stdin.read()}))'; }
login() {
  gql "" "$(printf 'mutation { login(username: "%s", password: "%s") { token } }' "$1" "$password" | json)" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["login"]["token"])'
}
run() { # token query; fails on any GraphQL error
  local answer; answer=$(gql "$1" "$(printf '%s' "$2" | json)")
  python3 -c 'import json,sys; a=json.loads(sys.argv[1]); "errors" in a and sys.exit(str(a["errors"]))' "$answer"
}
# A build whose verifyRealization and returnRealization name the revision the verifikator read (v0.1 on) is given it,
# read with realizations(...) { revision } as the verifikator; an earlier build has neither.
if grep -Eq 'verifyRealization\(.*revision: Int!' "$old/schema.graphql"; then revisions=yes; else revisions=; fi
revision() { # token indicator year quarter: the realization's revision, as ", revision: N"; nothing for an earlier build
  [ -n "$revisions" ] || return 0
  local answer; answer=$(gql "$1" "$(printf '{ realizations(year: %s, quarter: %s) { indicator { code } revision } }' "$3" "$4" | json)")
  python3 -c '
import json, sys
a = json.loads(sys.argv[1]); "errors" in a and sys.exit(str(a["errors"]))
found = [r["revision"] for r in a["data"]["realizations"] if r["indicator"]["code"] == sys.argv[2]]
len(found) == 1 or sys.exit("no single realization of " + sys.argv[2])
print(", revision: %d" % found[0])' "$answer" "$2"
}

fill() { # settings...
  for register in pmks psks tmp layanan; do kinerja import "$register" "$old/samples/registers/$register.csv" "$@" >/dev/null; done
  printf '%s\n' "$password" | kinerja user add admin --role admin "$@" >/dev/null
  printf '%s\n' "$password" | kinerja user add kadis --role pimpinan --unit DINSOS "$@" >/dev/null
  printf '%s\n' "$password" | kinerja user add op-umpeg --role operator --unit UMPEG "$@" >/dev/null
  printf '%s\n' "$password" | kinerja user add kasek --role verifikator --unit SEKRETARIAT "$@" >/dev/null
  dotnet "$old/host/bin/Debug/net10.0/Kinerja.Host.dll" --Urls="http://127.0.0.1:$port" --Kinerja:WarmUp=false "$@" >"$work/host.log" 2>&1 &
  local pid=$!
  for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/" >/dev/null && break; sleep 1; done
  local admin operator verifier
  admin=$(login admin); operator=$(login op-umpeg); verifier=$(login kasek)
  python3 - "$old/samples/reports/contoh-2026.graphql" >"$work/ops" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
for name, body in re.findall(r'mutation (\w+) (\{.*?\n\})', text, re.S):
    print(("mutation " + body).replace("\n", " "))
PY
  while IFS= read -r op; do run "$admin" "$op"; done <"$work/ops"
  run "$operator" 'mutation {
    a: recordRealization(input: { indicator: "UMPEG-1", year: 2026, quarter: 1, value: 4 }) { status }
    b: recordRealization(input: { indicator: "UMPEG-1", year: 2026, quarter: 2, value: 6 }) { status }
    c: recordRealization(input: { indicator: "UMPEG-5", year: 2026, quarter: 1, value: 12 }) { status }
    d: setTarget(input: { indicator: "UMPEG-1", year: 2026, quarter: 1, value: 5 }) { status }
    e: setTarget(input: { indicator: "UMPEG-1", year: 2026, quarter: 2, value: 5 }) { status } }'
  run "$admin" 'mutation {
    a: recordRealization(input: { indicator: "KEU-2", year: 2026, quarter: 1, numerator: 18, denominator: 20 }) { status }
    b: recordRealization(input: { indicator: "KEU-2", year: 2026, quarter: 2, numerator: 0, denominator: 0 }) { status }
    c: setTarget(input: { indicator: "KEU-2", year: 2026, quarter: 1, value: 95 }) { status }
    d: setTarget(input: { indicator: "KEU-2", year: 2026, quarter: 2, value: 95 }) { status }
    e: setIndicatorRule(year: 2027, indicator: "REHSOS-1", numerator: "sum:PEMULIHAN-1,PELAYANAN-1", denominator: "base:eks_penyakit_sosial.total") { isDefault }
    f: setPolarity(indicator: "KEU-4", lessIsBetter: true) { code }
    g: setSource(code: "PELAYANAN-4", year: 2026, source: ENTERED) { source } }'
  local verified returned
  verified=$(revision "$verifier" UMPEG-1 2026 1); returned=$(revision "$verifier" UMPEG-5 2026 1)
  run "$verifier" "mutation { a: verifyRealization(indicator: \"UMPEG-1\", year: 2026, quarter: 1$verified) { status }
    b: returnRealization(indicator: \"UMPEG-5\", year: 2026, quarter: 1$returned, reason: \"Lampirkan daftar hadir\") { status } }"
  run "$admin" 'mutation { runRollup(year: 2026, quarter: 1) { revision } }'
  run "$admin" 'mutation { reopenQuarter(year: 2026, quarter: 1) { closed } }'
  run "$operator" 'mutation { recordRealization(input: { indicator: "UMPEG-5", year: 2026, quarter: 1, value: 11 }) { status } }'
  run "$admin" 'mutation { a: runRollup(year: 2026, quarter: 1) { revision } b: runRollup(year: 2026, quarter: 2) { revision } }'

  # What this build answers: the new build must answer the same, but for targets read by the new rule.
  local values="" q
  for q in 1 2 3 4; do
    values+=" q$q: values(year: 2026, quarter: $q) { ...v } c$q: values(year: 2026, quarter: $q, cumulative: true) { ...v }"
    values+=" p$q: values(year: 2025, quarter: $q) { ...v }"
  done
  gql "$admin" "$(printf '%s' "{ $values y: values(year: 2026) { ...v } p: values(year: 2025) { ...v } }
    fragment v on IndicatorValue { indicator { code } numerator denominator value target achievement predicate status verification }" | json)" \
    >"$work/values.json"
  gql "$admin" "$(printf '%s' '{
    snapshots(year: 2026) { quarter revision createdAt trigger values { indicator { code } cumulative numerator denominator value target achievement predicate status source denominatorSource } }
    quarters(year: 2026) { quarter closed changedAt revision }
    auditTrail(limit: 1000) { at user action unit code year quarter before after }
    tree(year: 2027) { indicator { code } numerator denominator isDefault }
    sources(year: 2026) { code source }
    officials(year: 2026) { position nama jabatan pangkat nip }
    analyses(year: 2026) { indicator faktorPendukung faktorPenghambat upayaTindakLanjut changedBy changedAt }
    indicators { code lessIsBetter }
    r26: realizations(year: 2026) { indicator { code } quarter numerator denominator state enteredBy reviewedBy returnReason }
    r25: realizations(year: 2025) { indicator { code } quarter numerator denominator state enteredBy reviewedBy returnReason }
    served(indicator: "PMI-1", year: 2026) { subject kecamatan }
  }' | json)" >"$work/records.json"
  python3 - "$work/values.json" "$work/records.json" "$1" <<'PY'
import json, sys
values = json.load(open(sys.argv[1])); records = json.load(open(sys.argv[2]))
assert "errors" not in values and "errors" not in records, (values.get("errors"), records.get("errors"))
json.dump({"values": values["data"], "records": records["data"]}, open(sys.argv[3], "w"), ensure_ascii=False, indent=1, sort_keys=True)
PY
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

# SQLite: the data directory's database file, checkpointed (the host closed it).
mkdir -p "$work/sqlite"
fill "$out/expected-sqlite.json" --Kinerja:DataDirectory="$work/sqlite"
cp "$work/sqlite/kinerja.db" "$out/kinerja.db"

# PostgreSQL: a throwaway server, the database dumped as SQL.
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pgdir="$work/pg"; mkdir -p "$pgdir"; chown postgres "$pgdir"
runuser -u postgres -- "$pgbin/initdb" -D "$pgdir" -U kinerja --auth=trust --encoding=UTF8 --no-locale >/dev/null
runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdir" -w -l "$pgdir/server.log" start -o "-c listen_addresses=127.0.0.1 -p 5392 -k $pgdir -c fsync=off" >/dev/null
"$pgbin/createdb" -h 127.0.0.1 -p 5392 -U kinerja legacy
mkdir -p "$work/pgdata"
fill "$out/expected-postgresql.json" --Kinerja:DataDirectory="$work/pgdata" --Kinerja:Database:Provider=PostgreSQL \
  --ConnectionStrings:Kinerja="Host=127.0.0.1;Port=5392;Database=legacy;Username=kinerja"
"$pgbin/pg_dump" -h 127.0.0.1 -p 5392 -U kinerja --no-owner --no-privileges legacy | gzip -9n >"$out/kinerja-postgresql.sql.gz"
gzip -9nf "$out/kinerja.db"
echo "fixtures written to $out"
