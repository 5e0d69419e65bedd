#!/bin/sh
# The streaming replica: cloned from the primary with pg_basebackup on first start (standby.signal
# and primary_conninfo written by -R, a replication slot so the primary keeps the WAL it needs).
set -eu
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until PGPASSWORD="$REPLICATION_PASSWORD" pg_basebackup -h postgres -U replicator -D "$PGDATA" -R -X stream -C -S replica1; do
    echo "waiting for the primary …"; rm -rf "${PGDATA:?}"/*; sleep 2
  done
  chmod 0700 "$PGDATA"
fi
exec postgres -c hot_standby=on
