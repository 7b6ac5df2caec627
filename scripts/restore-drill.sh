#!/usr/bin/env bash
# `npm run restore-drill`: a backup and a restore, done for real, and checked.
#   1. backup:  pg_dump (custom format, one consistent snapshot) of DATABASE_URL, and a tar of
#               STORAGE_DIR (the stored letter PDFs and sheets), into BACKUP_DIR, with sha256 sums;
#   2. restore: a fresh database RESTORE_DATABASE (on the same server unless RESTORE_URL names
#               another) from the dump, and the storage unpacked into RESTORE_STORAGE_DIR;
#   3. check:   every table has the same number of rows in both databases, the same migrations
#               are applied, and every stored file is there with the same content.
# It never writes to the source database or storage. It refuses a RESTORE_DATABASE that exists
# (pass --replace to drop and recreate it). Start the app on the restored copy with the two
# variables it prints; tests/integration/restore-drill.test.ts does, and compares the public
# figures and a print file with the original's.
#
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/preventiekaart STORAGE_DIR=var/storage \
#     bash scripts/restore-drill.sh [--replace]
# Defaults: STORAGE_DIR=var/storage, BACKUP_DIR=var/backups/<UTC time>,
#   RESTORE_DATABASE=<source database>_restored, RESTORE_STORAGE_DIR=$BACKUP_DIR/storage-restored.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '[restore-drill] %s\n' "$*" >&2; }
die() { printf '[restore-drill] failed: %s\n' "$*" >&2; exit 1; }

replace=0
for a in "$@"; do
  case "$a" in
    --replace) replace=1 ;;
    *) die "unknown argument '$a' (only --replace)" ;;
  esac
done

# PostgreSQL 15's own programs: the Debian wrappers in /usr/bin pick a version by cluster.
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
[ -x "$PG_BIN/pg_dump" ] || PG_BIN=$(dirname "$(command -v pg_dump)")
source_url=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/preventiekaart}
storage=${STORAGE_DIR:-var/storage}
backup=${BACKUP_DIR:-var/backups/$(date -u +%Y%m%dT%H%M%SZ)}
source_db=$(node -e 'console.log(decodeURIComponent(new URL(process.argv[1]).pathname.slice(1)))' "$source_url")
target_db=${RESTORE_DATABASE:-${source_db}_restored}
[ "$target_db" != "$source_db" ] || die "RESTORE_DATABASE is the source database '$source_db'"
target_url=$(node -e 'const u=new URL(process.argv[1]); u.pathname="/"+encodeURIComponent(process.argv[2]); console.log(u.toString())' "${RESTORE_URL:-$source_url}" "$target_db")
admin_url=$(node -e 'const u=new URL(process.argv[1]); u.pathname="/postgres"; console.log(u.toString())' "${RESTORE_URL:-$source_url}")
restored_storage=${RESTORE_STORAGE_DIR:-$backup/storage-restored}
q() { "$PG_BIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }

mkdir -p "$backup"
say "1/3 backup of $source_db and $storage into $backup"
t0=$(date +%s)
"$PG_BIN/pg_dump" --format=custom --file "$backup/database.dump" "$source_url" || die "pg_dump of $source_db"
if [ -d "$storage" ]; then
  tar -C "$storage" -cf "$backup/storage.tar" .
else
  say "no storage folder $storage: nothing stored yet"
  tar -cf "$backup/storage.tar" --files-from /dev/null
fi
(cd "$backup" && sha256sum database.dump storage.tar > SHA256SUMS)
say "   $(du -h "$backup/database.dump" | cut -f1) database dump, $(du -h "$backup/storage.tar" | cut -f1) storage, $(( $(date +%s) - t0 )) s"

say "2/3 restore into database $target_db and $restored_storage"
t0=$(date +%s)
(cd "$backup" && sha256sum --quiet -c SHA256SUMS) || die "the backup files do not match their sums"
# The name goes in as a psql variable (:'db' / :"db"), quoted by psql, never pasted into SQL.
exists=$(echo "SELECT count(*) FROM pg_database WHERE datname = :'db'" | q "$admin_url" -v db="$target_db")
if [ "$exists" != 0 ]; then
  [ "$replace" = 1 ] || die "database $target_db exists; pass --replace to drop it, or set RESTORE_DATABASE"
  echo 'DROP DATABASE :"db" WITH (FORCE)' | q "$admin_url" -v db="$target_db"
fi
echo 'CREATE DATABASE :"db"' | q "$admin_url" -v db="$target_db"
# --no-owner: the restored copy belongs to whoever restores it (another server, another role).
"$PG_BIN/pg_restore" --no-owner --exit-on-error --dbname "$target_url" "$backup/database.dump" ||
  die "pg_restore into $target_db"
rm -rf "$restored_storage"
mkdir -p "$restored_storage"
tar -C "$restored_storage" -xf "$backup/storage.tar"
say "   $(( $(date +%s) - t0 )) s"

say "3/3 check: rows per table, migrations, stored files"
counts_sql="SELECT string_agg(format('%s %s', t, (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.%I', s, t), false, true, '')))[1]::text), E'\n' ORDER BY t)
FROM (SELECT table_schema AS s, table_name AS t FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema = 'public') x"
a=$(q "$source_url" -c "$counts_sql")
b=$(q "$target_url" -c "$counts_sql")
[ "$a" = "$b" ] || die "row counts differ:
$(diff <(echo "$a") <(echo "$b") || true)"
tables=$(echo "$a" | wc -l)
rows=$(echo "$a" | awk '{s += $2} END {print s}')
m_sql="SELECT coalesce(max(version)::text, 'none') FROM schema_migrations"
[ "$(q "$source_url" -c "$m_sql")" = "$(q "$target_url" -c "$m_sql")" ] || die "the restored database has other migrations"
files_of() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum); }
if [ -d "$storage" ]; then
  [ "$(files_of "$storage")" = "$(files_of "$restored_storage")" ] || die "the restored storage differs from $storage"
fi
files=$(find "$restored_storage" -type f | wc -l)

say "restored: $tables tables, $rows rows, the same in both; $files stored files, the same content"
say "start the app on the copy with:"
echo "DATABASE_URL=$target_url STORAGE_DIR=$restored_storage"
