-- Readable source of migration 20261207064000_counters (appended with node scripts/sql-to-migration.mjs).
-- counter_next(key): the next value of the counter `key` from its own PostgreSQL sequence, created on
-- demand (lib/platform/db/counters.ts, kind "sequence"). nextval holds no lock until commit, so the
-- per-year registration counter is no longer a row every submission of the country queues on.
-- Sequence name: ctr_<readable key>_<8 hex of md5(key)> (unique per key, at most 53 characters).
-- A new sequence starts after the value the key reached in "LicenceNumberCounter" (the row counter
-- used before), so no number is handed out twice across the switch.
CREATE FUNCTION counter_sequence_name(p_key text) RETURNS text LANGUAGE sql IMMUTABLE AS
$$ SELECT 'ctr_' || left(regexp_replace(lower(p_key), '[^a-z0-9]+', '_', 'g'), 40) || '_' || left(md5(p_key), 8) $$;

-- Creates the sequence of `key` when it does not exist yet. The first creator holds a transaction
-- advisory lock until it commits: the timed job counters.prepare creates next year's sequences in
-- advance, so a request transaction normally never creates one.
CREATE FUNCTION counter_ensure(p_key text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  seq text := counter_sequence_name(p_key);
  start bigint;
BEGIN
  IF to_regclass(seq) IS NULL THEN
    PERFORM pg_advisory_xact_lock(hashtext('counter_next'), hashtext(p_key));
    -- Reading the old counter row (a new relation lock) also makes this backend see a sequence
    -- that another transaction committed while we waited.
    SELECT COALESCE(max(c."last"), 0) + 1 INTO start FROM "LicenceNumberCounter" c WHERE c."key" = p_key;
    BEGIN
      EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I AS bigint START WITH %s', seq, start);
    EXCEPTION WHEN duplicate_table OR unique_violation THEN
      NULL;
    END;
  END IF;
  RETURN seq;
END $$;

CREATE FUNCTION counter_next(p_key text) RETURNS bigint LANGUAGE sql AS
$$ SELECT nextval(counter_ensure(p_key)::regclass) $$;
