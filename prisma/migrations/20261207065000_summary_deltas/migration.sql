-- CreateTable
CREATE TABLE "IndicatorDailyDelta" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "organisationId" TEXT NOT NULL,
    "serviceCode" TEXT NOT NULL,
    "closed" INTEGER NOT NULL DEFAULT 0,
    "onTime" INTEGER NOT NULL DEFAULT 0,
    "issued" INTEGER NOT NULL DEFAULT 0,
    "refused" INTEGER NOT NULL DEFAULT 0,
    "deemed" INTEGER NOT NULL DEFAULT 0,
    "q1a1" INTEGER NOT NULL DEFAULT 0,
    "q1a2" INTEGER NOT NULL DEFAULT 0,
    "q1a3" INTEGER NOT NULL DEFAULT 0,
    "q2a1" INTEGER NOT NULL DEFAULT 0,
    "q2a2" INTEGER NOT NULL DEFAULT 0,
    "q2a3" INTEGER NOT NULL DEFAULT 0,
    "q3a1" INTEGER NOT NULL DEFAULT 0,
    "q3a2" INTEGER NOT NULL DEFAULT 0,
    "q3a3" INTEGER NOT NULL DEFAULT 0,
    "q4a1" INTEGER NOT NULL DEFAULT 0,
    "q4a2" INTEGER NOT NULL DEFAULT 0,
    "q4a3" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "IndicatorDailyDelta_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StepDurationDelta" (
    "id" BIGSERIAL NOT NULL,
    "month" DATE NOT NULL,
    "organisationId" TEXT NOT NULL,
    "serviceCode" TEXT NOT NULL,
    "stepKey" TEXT NOT NULL,
    "bucket" SMALLINT NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,
    "calendarSeconds" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "maxCalendarSeconds" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "workingMinutes" BIGINT NOT NULL DEFAULT 0,
    "minWorking" INTEGER,
    "maxWorking" INTEGER,

    CONSTRAINT "StepDurationDelta_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StepDurationDelta_month_organisationId_serviceCode_stepKey__idx" ON "StepDurationDelta"("month", "organisationId", "serviceCode", "stepKey", "bucket");



-- Readable source of the hand-written part of migration 20261207065000_summary_deltas (appended with
-- node scripts/sql-to-migration.mjs). Issue 14: no shared summary row is upserted inside request
-- transactions any more.
-- * Statement-level triggers with transition tables append ONE aggregated delta row per statement
--   and key to "IndicatorDailyDelta" / "StepDurationDelta" (insert-only: no row lock that another
--   writer could wait on, a bulk INSERT of 1,000 steps writes a handful of delta rows).
-- * metrics_fold_summaries() (timed job metrics.fold_summaries, every minute) moves committed deltas
--   into "IndicatorDaily" / "StepDurationMonthly" in one statement each.
-- * Readers use the views "IndicatorDailyLive" / "StepDurationMonthlyLive" = folded rows + unfolded
--   deltas, so every report stays exact at every instant.
-- * The rare path (a counted step changed or deleted: minimum and maximum cannot be decremented)
--   still recomputes its histogram row from the raw rows, now together with that row's deltas in one
--   statement (one snapshot), under advisory locks that keep the fold out meanwhile.

DROP TRIGGER "Application_metrics_summary" ON "Application";
DROP TRIGGER "Application_metrics_summary_update" ON "Application";
DROP TRIGGER "SurveyResponse_metrics_summary" ON "SurveyResponse";
DROP TRIGGER "ApplicationStep_metrics_summary" ON "ApplicationStep";
DROP TRIGGER "ApplicationStep_metrics_summary_update" ON "ApplicationStep";
DROP FUNCTION metrics_application_trigger();
DROP FUNCTION metrics_survey_trigger();
DROP FUNCTION metrics_step_trigger();
DROP FUNCTION metrics_add_closing(text, timestamp, timestamp, timestamp, text, text, integer);
DROP FUNCTION metrics_add_survey(timestamp, text, text, integer, integer, integer, integer, integer);

-- ---- IndicatorDaily: closings and survey answers -------------------------------------------------

-- Signed deltas (old rows out, new rows in), summed per key, keys whose sums are all zero (an
-- update that did not touch what is counted) write nothing.
CREATE FUNCTION metrics_application_delta() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF current_setting(''metrics.skip_summaries'', true) = ''on'' THEN RETURN NULL\073 END IF\073
  IF TG_OP = ''INSERT'' THEN
    INSERT INTO "IndicatorDailyDelta" ("day", "organisationId", "serviceCode", "closed", "onTime", "issued", "refused", "deemed")
    SELECT metrics_almaty_day(x.at), x.org, x.svc, sum(x.sg), sum(x.sg * x.ot), sum(x.sg * x.iss), sum(x.sg * x.ref), sum(x.sg * x.dee)
      FROM (SELECT metrics_closing_instant(n."status"::text, n."closedAt", n."deemedIssuedAt") AS at, n."organisationId" AS org, n."serviceCode" AS svc, 1 AS sg,
                   metrics_on_time(n."status"::text, n."closedAt", n."dueAt", n."deemedIssuedAt")::int AS ot, (n."status" = ''ISSUED'')::int AS iss,
                   (n."status" = ''REFUSED'')::int AS ref, (n."status" = ''DEEMED_ISSUED'')::int AS dee
              FROM new_rows n) x
     WHERE x.at IS NOT NULL
     GROUP BY 1, 2, 3\073
  ELSIF TG_OP = ''DELETE'' THEN
    INSERT INTO "IndicatorDailyDelta" ("day", "organisationId", "serviceCode", "closed", "onTime", "issued", "refused", "deemed")
    SELECT metrics_almaty_day(x.at), x.org, x.svc, sum(x.sg), sum(x.sg * x.ot), sum(x.sg * x.iss), sum(x.sg * x.ref), sum(x.sg * x.dee)
      FROM (SELECT metrics_closing_instant(o."status"::text, o."closedAt", o."deemedIssuedAt") AS at, o."organisationId" AS org, o."serviceCode" AS svc, -1 AS sg,
                   metrics_on_time(o."status"::text, o."closedAt", o."dueAt", o."deemedIssuedAt")::int AS ot, (o."status" = ''ISSUED'')::int AS iss,
                   (o."status" = ''REFUSED'')::int AS ref, (o."status" = ''DEEMED_ISSUED'')::int AS dee
              FROM old_rows o) x
     WHERE x.at IS NOT NULL
     GROUP BY 1, 2, 3\073
  ELSE
    INSERT INTO "IndicatorDailyDelta" ("day", "organisationId", "serviceCode", "closed", "onTime", "issued", "refused", "deemed")
    SELECT metrics_almaty_day(x.at), x.org, x.svc, sum(x.sg), sum(x.sg * x.ot), sum(x.sg * x.iss), sum(x.sg * x.ref), sum(x.sg * x.dee)
      FROM (SELECT metrics_closing_instant(o."status"::text, o."closedAt", o."deemedIssuedAt") AS at, o."organisationId" AS org, o."serviceCode" AS svc, -1 AS sg,
                   metrics_on_time(o."status"::text, o."closedAt", o."dueAt", o."deemedIssuedAt")::int AS ot, (o."status" = ''ISSUED'')::int AS iss,
                   (o."status" = ''REFUSED'')::int AS ref, (o."status" = ''DEEMED_ISSUED'')::int AS dee
              FROM old_rows o
            UNION ALL
            SELECT metrics_closing_instant(n."status"::text, n."closedAt", n."deemedIssuedAt"), n."organisationId", n."serviceCode", 1,
                   metrics_on_time(n."status"::text, n."closedAt", n."dueAt", n."deemedIssuedAt")::int, (n."status" = ''ISSUED'')::int,
                   (n."status" = ''REFUSED'')::int, (n."status" = ''DEEMED_ISSUED'')::int
              FROM new_rows n) x
     WHERE x.at IS NOT NULL
     GROUP BY 1, 2, 3
    HAVING sum(x.sg) <> 0 OR sum(x.sg * x.ot) <> 0 OR sum(x.sg * x.iss) <> 0 OR sum(x.sg * x.ref) <> 0 OR sum(x.sg * x.dee) <> 0\073
  END IF\073
  RETURN NULL\073
END ';

CREATE TRIGGER "Application_metrics_delta_insert" AFTER INSERT ON "Application"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_application_delta();
CREATE TRIGGER "Application_metrics_delta_update" AFTER UPDATE ON "Application"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_application_delta();
CREATE TRIGGER "Application_metrics_delta_delete" AFTER DELETE ON "Application"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_application_delta();

-- One signed row per answer, summed per key (an unchanged update nets to zero and writes nothing).
CREATE FUNCTION metrics_survey_delta_rows(sg integer, created_at timestamp, org text, svc text, q1 integer, q2 integer, q3 integer, q4 integer)
RETURNS TABLE (day date, org_id text, svc_code text, c integer[]) LANGUAGE sql IMMUTABLE AS
$$ SELECT metrics_almaty_day(created_at), org, svc, ARRAY[
     sg * COALESCE(q1 = 1, false)::int, sg * COALESCE(q1 = 2, false)::int, sg * COALESCE(q1 = 3, false)::int,
     sg * COALESCE(q2 = 1, false)::int, sg * COALESCE(q2 = 2, false)::int, sg * COALESCE(q2 = 3, false)::int,
     sg * COALESCE(q3 = 1, false)::int, sg * COALESCE(q3 = 2, false)::int, sg * COALESCE(q3 = 3, false)::int,
     sg * COALESCE(q4 = 1, false)::int, sg * COALESCE(q4 = 2, false)::int, sg * COALESCE(q4 = 3, false)::int] $$;

CREATE FUNCTION metrics_survey_delta() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF current_setting(''metrics.skip_summaries'', true) = ''on'' THEN RETURN NULL\073 END IF\073
  IF TG_OP = ''INSERT'' THEN
    INSERT INTO "IndicatorDailyDelta" ("day", "organisationId", "serviceCode", "q1a1", "q1a2", "q1a3", "q2a1", "q2a2", "q2a3", "q3a1", "q3a2", "q3a3", "q4a1", "q4a2", "q4a3")
    SELECT s.day, s.org_id, s.svc_code, sum(s.c[1]), sum(s.c[2]), sum(s.c[3]), sum(s.c[4]), sum(s.c[5]), sum(s.c[6]), sum(s.c[7]), sum(s.c[8]), sum(s.c[9]), sum(s.c[10]), sum(s.c[11]), sum(s.c[12])
      FROM (SELECT r.* FROM new_rows n, metrics_survey_delta_rows(1, n."createdAt", n."organisationId", n."serviceCode", n."q1Process", n."q2Information", n."q3Courtesy", n."q4Appeal") r) s
     GROUP BY 1, 2, 3
    HAVING sum(s.c[1]) <> 0 OR sum(s.c[2]) <> 0 OR sum(s.c[3]) <> 0 OR sum(s.c[4]) <> 0 OR sum(s.c[5]) <> 0 OR sum(s.c[6]) <> 0 OR sum(s.c[7]) <> 0 OR sum(s.c[8]) <> 0 OR sum(s.c[9]) <> 0 OR sum(s.c[10]) <> 0 OR sum(s.c[11]) <> 0 OR sum(s.c[12]) <> 0\073
  ELSIF TG_OP = ''DELETE'' THEN
    INSERT INTO "IndicatorDailyDelta" ("day", "organisationId", "serviceCode", "q1a1", "q1a2", "q1a3", "q2a1", "q2a2", "q2a3", "q3a1", "q3a2", "q3a3", "q4a1", "q4a2", "q4a3")
    SELECT s.day, s.org_id, s.svc_code, sum(s.c[1]), sum(s.c[2]), sum(s.c[3]), sum(s.c[4]), sum(s.c[5]), sum(s.c[6]), sum(s.c[7]), sum(s.c[8]), sum(s.c[9]), sum(s.c[10]), sum(s.c[11]), sum(s.c[12])
      FROM (SELECT r.* FROM old_rows o, metrics_survey_delta_rows(-1, o."createdAt", o."organisationId", o."serviceCode", o."q1Process", o."q2Information", o."q3Courtesy", o."q4Appeal") r) s
     GROUP BY 1, 2, 3
    HAVING sum(s.c[1]) <> 0 OR sum(s.c[2]) <> 0 OR sum(s.c[3]) <> 0 OR sum(s.c[4]) <> 0 OR sum(s.c[5]) <> 0 OR sum(s.c[6]) <> 0 OR sum(s.c[7]) <> 0 OR sum(s.c[8]) <> 0 OR sum(s.c[9]) <> 0 OR sum(s.c[10]) <> 0 OR sum(s.c[11]) <> 0 OR sum(s.c[12]) <> 0\073
  ELSE
    INSERT INTO "IndicatorDailyDelta" ("day", "organisationId", "serviceCode", "q1a1", "q1a2", "q1a3", "q2a1", "q2a2", "q2a3", "q3a1", "q3a2", "q3a3", "q4a1", "q4a2", "q4a3")
    SELECT s.day, s.org_id, s.svc_code, sum(s.c[1]), sum(s.c[2]), sum(s.c[3]), sum(s.c[4]), sum(s.c[5]), sum(s.c[6]), sum(s.c[7]), sum(s.c[8]), sum(s.c[9]), sum(s.c[10]), sum(s.c[11]), sum(s.c[12])
      FROM (SELECT r.* FROM old_rows o, metrics_survey_delta_rows(-1, o."createdAt", o."organisationId", o."serviceCode", o."q1Process", o."q2Information", o."q3Courtesy", o."q4Appeal") r
                 UNION ALL SELECT r.* FROM new_rows n, metrics_survey_delta_rows(1, n."createdAt", n."organisationId", n."serviceCode", n."q1Process", n."q2Information", n."q3Courtesy", n."q4Appeal") r) s
     GROUP BY 1, 2, 3
    HAVING sum(s.c[1]) <> 0 OR sum(s.c[2]) <> 0 OR sum(s.c[3]) <> 0 OR sum(s.c[4]) <> 0 OR sum(s.c[5]) <> 0 OR sum(s.c[6]) <> 0 OR sum(s.c[7]) <> 0 OR sum(s.c[8]) <> 0 OR sum(s.c[9]) <> 0 OR sum(s.c[10]) <> 0 OR sum(s.c[11]) <> 0 OR sum(s.c[12]) <> 0\073
  END IF\073
  RETURN NULL\073
END ';

CREATE TRIGGER "SurveyResponse_metrics_delta_insert" AFTER INSERT ON "SurveyResponse"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_survey_delta();
CREATE TRIGGER "SurveyResponse_metrics_delta_update" AFTER UPDATE ON "SurveyResponse"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_survey_delta();
CREATE TRIGGER "SurveyResponse_metrics_delta_delete" AFTER DELETE ON "SurveyResponse"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_survey_delta();

-- ---- StepDurationMonthly: completed steps ------------------------------------------------------

-- Recomputes one histogram row from the raw steps, together with its unfolded deltas, in ONE
-- statement (one snapshot: a step is counted either through the raw rows or through its delta,
-- never both). Lock order: the fold lock shared, then the key's own lock.
CREATE OR REPLACE FUNCTION metrics_refresh_step_bucket(p_month date, p_org text, p_svc text, p_step text, p_bucket smallint) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  PERFORM pg_advisory_xact_lock_shared(hashtext(''metrics.fold''))\073
  PERFORM pg_advisory_xact_lock(hashtext(''metrics.step_bucket''), hashtext(concat_ws(''|'', p_month, p_org, p_svc, p_step, p_bucket)))\073
  DELETE FROM "StepDurationMonthly"
   WHERE "month" = p_month AND "organisationId" = p_org AND "serviceCode" = p_svc AND "stepKey" = p_step AND "bucket" = p_bucket\073
  WITH gone AS (
    DELETE FROM "StepDurationDelta"
     WHERE "month" = p_month AND "organisationId" = p_org AND "serviceCode" = p_svc AND "stepKey" = p_step AND "bucket" = p_bucket
    RETURNING 1)
  INSERT INTO "StepDurationMonthly" ("month", "organisationId", "serviceCode", "stepKey", "bucket", "n", "calendarSeconds", "maxCalendarSeconds", "workingMinutes", "minWorking", "maxWorking")
  SELECT p_month, p_org, p_svc, p_step, p_bucket, count(*), sum(extract(epoch FROM st."completedAt" - st."startedAt"))::float8,
         max(extract(epoch FROM st."completedAt" - st."startedAt"))::float8, COALESCE(sum(st."workingMinutes"), 0), min(st."workingMinutes"), max(st."workingMinutes")
    FROM "ApplicationStep" st JOIN "Application" a ON a."id" = st."applicationId"
   WHERE st."completedAt" >= metrics_almaty_midnight(p_month) AND st."completedAt" < metrics_almaty_midnight((p_month + interval ''1 month'')::date)
     AND st."stepKey" = p_step AND a."organisationId" = p_org AND a."serviceCode" = p_svc
     AND metrics_step_counted(st."completedAt", st."outcome") AND metrics_duration_bucket(st."workingMinutes") = p_bucket
  HAVING count(*) > 0\073
END ';

CREATE FUNCTION metrics_step_delta() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  r record\073
BEGIN
  IF current_setting(''metrics.skip_summaries'', true) = ''on'' THEN RETURN NULL\073 END IF\073
  IF TG_OP = ''INSERT'' THEN
    -- The usual case: steps that arrive completed (bulk loads) are increments.
    INSERT INTO "StepDurationDelta" ("month", "organisationId", "serviceCode", "stepKey", "bucket", "n", "calendarSeconds", "maxCalendarSeconds", "workingMinutes", "minWorking", "maxWorking")
    SELECT date_trunc(''month'', metrics_almaty_day(s."completedAt"))::date, a."organisationId", a."serviceCode", s."stepKey", metrics_duration_bucket(s."workingMinutes"),
           count(*), sum(extract(epoch FROM s."completedAt" - s."startedAt"))::float8, max(extract(epoch FROM s."completedAt" - s."startedAt"))::float8,
           COALESCE(sum(s."workingMinutes"), 0), min(s."workingMinutes"), max(s."workingMinutes")
      FROM new_rows s JOIN "Application" a ON a."id" = s."applicationId"
     WHERE metrics_step_counted(s."completedAt", s."outcome")
     GROUP BY 1, 2, 3, 4, 5\073
    RETURN NULL\073
  END IF\073
  IF TG_OP = ''UPDATE'' THEN
    -- A step completes (not counted before, counted now): an increment.
    INSERT INTO "StepDurationDelta" ("month", "organisationId", "serviceCode", "stepKey", "bucket", "n", "calendarSeconds", "maxCalendarSeconds", "workingMinutes", "minWorking", "maxWorking")
    SELECT date_trunc(''month'', metrics_almaty_day(s."completedAt"))::date, a."organisationId", a."serviceCode", s."stepKey", metrics_duration_bucket(s."workingMinutes"),
           count(*), sum(extract(epoch FROM s."completedAt" - s."startedAt"))::float8, max(extract(epoch FROM s."completedAt" - s."startedAt"))::float8,
           COALESCE(sum(s."workingMinutes"), 0), min(s."workingMinutes"), max(s."workingMinutes")
      FROM new_rows s JOIN old_rows o ON o."id" = s."id" JOIN "Application" a ON a."id" = s."applicationId"
     WHERE metrics_step_counted(s."completedAt", s."outcome") AND NOT metrics_step_counted(o."completedAt", o."outcome")
     GROUP BY 1, 2, 3, 4, 5\073
    -- A counted step changed (rare): recompute the rows it left and entered.
    FOR r IN
      SELECT DISTINCT k.m, k.org, k.svc, k.step, k.bucket FROM (
        SELECT date_trunc(''month'', metrics_almaty_day(o."completedAt"))::date AS m, a."organisationId" AS org, a."serviceCode" AS svc, o."stepKey" AS step,
               metrics_duration_bucket(o."workingMinutes") AS bucket
          FROM old_rows o JOIN new_rows s ON s."id" = o."id" JOIN "Application" a ON a."id" = o."applicationId"
         WHERE metrics_step_counted(o."completedAt", o."outcome")
           AND (o."completedAt", o."startedAt", o."outcome", o."stepKey", o."workingMinutes", o."applicationId")
               IS DISTINCT FROM (s."completedAt", s."startedAt", s."outcome", s."stepKey", s."workingMinutes", s."applicationId")
        UNION
        SELECT date_trunc(''month'', metrics_almaty_day(s."completedAt"))::date, a."organisationId", a."serviceCode", s."stepKey", metrics_duration_bucket(s."workingMinutes")
          FROM old_rows o JOIN new_rows s ON s."id" = o."id" JOIN "Application" a ON a."id" = s."applicationId"
         WHERE metrics_step_counted(o."completedAt", o."outcome") AND metrics_step_counted(s."completedAt", s."outcome")
           AND (o."completedAt", o."startedAt", o."outcome", o."stepKey", o."workingMinutes", o."applicationId")
               IS DISTINCT FROM (s."completedAt", s."startedAt", s."outcome", s."stepKey", s."workingMinutes", s."applicationId")) k
      ORDER BY 1, 2, 3, 4, 5
    LOOP
      PERFORM metrics_refresh_step_bucket(r.m, r.org, r.svc, r.step, r.bucket)\073
    END LOOP\073
    RETURN NULL\073
  END IF\073
  -- DELETE of counted steps (their application still exists): recompute their rows.
  FOR r IN
    SELECT DISTINCT date_trunc(''month'', metrics_almaty_day(o."completedAt"))::date AS m, a."organisationId" AS org, a."serviceCode" AS svc, o."stepKey" AS step,
           metrics_duration_bucket(o."workingMinutes") AS bucket
      FROM old_rows o JOIN "Application" a ON a."id" = o."applicationId"
     WHERE metrics_step_counted(o."completedAt", o."outcome")
     ORDER BY 1, 2, 3, 4, 5
  LOOP
    PERFORM metrics_refresh_step_bucket(r.m, r.org, r.svc, r.step, r.bucket)\073
  END LOOP\073
  RETURN NULL\073
END ';

CREATE TRIGGER "ApplicationStep_metrics_delta_insert" AFTER INSERT ON "ApplicationStep"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_step_delta();
CREATE TRIGGER "ApplicationStep_metrics_delta_update" AFTER UPDATE ON "ApplicationStep"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_step_delta();
CREATE TRIGGER "ApplicationStep_metrics_delta_delete" AFTER DELETE ON "ApplicationStep"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_step_delta();

-- ---- Fold (timed job metrics.fold_summaries) -----------------------------------------------------

-- Moves the committed deltas into the summaries: one statement per summary, so a delta is either
-- still in its table or already in the summary for every reader. Returns the delta rows folded.
CREATE FUNCTION metrics_fold_summaries() RETURNS integer LANGUAGE plpgsql AS E'
DECLARE
  a integer\073
  b integer\073
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext(''metrics.fold''))\073
  WITH moved AS (DELETE FROM "IndicatorDailyDelta" RETURNING *),
       summed AS (
         SELECT "day", "organisationId", "serviceCode", sum("closed") AS closed, sum("onTime") AS on_time, sum("issued") AS issued, sum("refused") AS refused,
                sum("deemed") AS deemed, sum("q1a1") AS q1a1, sum("q1a2") AS q1a2, sum("q1a3") AS q1a3, sum("q2a1") AS q2a1, sum("q2a2") AS q2a2, sum("q2a3") AS q2a3,
                sum("q3a1") AS q3a1, sum("q3a2") AS q3a2, sum("q3a3") AS q3a3, sum("q4a1") AS q4a1, sum("q4a2") AS q4a2, sum("q4a3") AS q4a3, count(*) AS rows
           FROM moved GROUP BY 1, 2, 3),
       ins AS (
         INSERT INTO "IndicatorDaily" AS d ("day", "organisationId", "serviceCode", "closed", "onTime", "issued", "refused", "deemed",
                                             "q1a1", "q1a2", "q1a3", "q2a1", "q2a2", "q2a3", "q3a1", "q3a2", "q3a3", "q4a1", "q4a2", "q4a3")
         SELECT "day", "organisationId", "serviceCode", closed, on_time, issued, refused, deemed, q1a1, q1a2, q1a3, q2a1, q2a2, q2a3, q3a1, q3a2, q3a3, q4a1, q4a2, q4a3 FROM summed
         ON CONFLICT ("day", "organisationId", "serviceCode") DO UPDATE SET
           "closed" = d."closed" + EXCLUDED."closed", "onTime" = d."onTime" + EXCLUDED."onTime", "issued" = d."issued" + EXCLUDED."issued",
           "refused" = d."refused" + EXCLUDED."refused", "deemed" = d."deemed" + EXCLUDED."deemed",
           "q1a1" = d."q1a1" + EXCLUDED."q1a1", "q1a2" = d."q1a2" + EXCLUDED."q1a2", "q1a3" = d."q1a3" + EXCLUDED."q1a3",
           "q2a1" = d."q2a1" + EXCLUDED."q2a1", "q2a2" = d."q2a2" + EXCLUDED."q2a2", "q2a3" = d."q2a3" + EXCLUDED."q2a3",
           "q3a1" = d."q3a1" + EXCLUDED."q3a1", "q3a2" = d."q3a2" + EXCLUDED."q3a2", "q3a3" = d."q3a3" + EXCLUDED."q3a3",
           "q4a1" = d."q4a1" + EXCLUDED."q4a1", "q4a2" = d."q4a2" + EXCLUDED."q4a2", "q4a3" = d."q4a3" + EXCLUDED."q4a3"
         RETURNING 1)
  SELECT COALESCE((SELECT sum(rows) FROM summed), 0) INTO a\073
  WITH moved AS (DELETE FROM "StepDurationDelta" RETURNING *),
       summed AS (
         SELECT "month", "organisationId", "serviceCode", "stepKey", "bucket", sum("n") AS n, sum("calendarSeconds") AS cal, max("maxCalendarSeconds") AS max_cal,
                sum("workingMinutes") AS wm, min("minWorking") AS min_w, max("maxWorking") AS max_w, count(*) AS rows
           FROM moved GROUP BY 1, 2, 3, 4, 5),
       ins AS (
         INSERT INTO "StepDurationMonthly" AS d ("month", "organisationId", "serviceCode", "stepKey", "bucket", "n", "calendarSeconds", "maxCalendarSeconds", "workingMinutes", "minWorking", "maxWorking")
         SELECT "month", "organisationId", "serviceCode", "stepKey", "bucket", n, cal, max_cal, wm, min_w, max_w FROM summed
         ON CONFLICT ("month", "organisationId", "serviceCode", "stepKey", "bucket") DO UPDATE SET
           "n" = d."n" + EXCLUDED."n", "calendarSeconds" = d."calendarSeconds" + EXCLUDED."calendarSeconds",
           "maxCalendarSeconds" = GREATEST(d."maxCalendarSeconds", EXCLUDED."maxCalendarSeconds"), "workingMinutes" = d."workingMinutes" + EXCLUDED."workingMinutes",
           "minWorking" = LEAST(d."minWorking", EXCLUDED."minWorking"), "maxWorking" = GREATEST(d."maxWorking", EXCLUDED."maxWorking")
         RETURNING 1)
  SELECT COALESCE((SELECT sum(rows) FROM summed), 0) INTO b\073
  RETURN a + b\073
END ';

-- ---- Readers -----------------------------------------------------------------------------------

CREATE VIEW "IndicatorDailyLive" AS
SELECT "day", "organisationId", "serviceCode",
       sum("closed")::int AS "closed", sum("onTime")::int AS "onTime", sum("issued")::int AS "issued", sum("refused")::int AS "refused", sum("deemed")::int AS "deemed",
       sum("q1a1")::int AS "q1a1", sum("q1a2")::int AS "q1a2", sum("q1a3")::int AS "q1a3", sum("q2a1")::int AS "q2a1", sum("q2a2")::int AS "q2a2", sum("q2a3")::int AS "q2a3",
       sum("q3a1")::int AS "q3a1", sum("q3a2")::int AS "q3a2", sum("q3a3")::int AS "q3a3", sum("q4a1")::int AS "q4a1", sum("q4a2")::int AS "q4a2", sum("q4a3")::int AS "q4a3"
  FROM (SELECT "day", "organisationId", "serviceCode", "closed", "onTime", "issued", "refused", "deemed", "q1a1", "q1a2", "q1a3", "q2a1", "q2a2", "q2a3", "q3a1", "q3a2", "q3a3", "q4a1", "q4a2", "q4a3"
          FROM "IndicatorDaily"
        UNION ALL
        SELECT "day", "organisationId", "serviceCode", "closed", "onTime", "issued", "refused", "deemed", "q1a1", "q1a2", "q1a3", "q2a1", "q2a2", "q2a3", "q3a1", "q3a2", "q3a3", "q4a1", "q4a2", "q4a3"
          FROM "IndicatorDailyDelta") u
 GROUP BY 1, 2, 3;

CREATE VIEW "StepDurationMonthlyLive" AS
SELECT "month", "organisationId", "serviceCode", "stepKey", "bucket", sum("n")::int AS "n", sum("calendarSeconds")::float8 AS "calendarSeconds",
       max("maxCalendarSeconds") AS "maxCalendarSeconds", sum("workingMinutes")::bigint AS "workingMinutes", min("minWorking") AS "minWorking", max("maxWorking") AS "maxWorking"
  FROM (SELECT "month", "organisationId", "serviceCode", "stepKey", "bucket", "n", "calendarSeconds", "maxCalendarSeconds", "workingMinutes", "minWorking", "maxWorking"
          FROM "StepDurationMonthly"
        UNION ALL
        SELECT "month", "organisationId", "serviceCode", "stepKey", "bucket", "n", "calendarSeconds", "maxCalendarSeconds", "workingMinutes", "minWorking", "maxWorking"
          FROM "StepDurationDelta") u
 GROUP BY 1, 2, 3, 4, 5;

-- ---- Rebuild: as before, and the deltas are part of what it replaces ------------------------------
CREATE OR REPLACE FUNCTION metrics_rebuild_summaries() RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  LOCK TABLE "Application", "SurveyResponse", "ApplicationStep" IN SHARE MODE\073
  LOCK TABLE "IndicatorDaily", "StepDurationMonthly", "IndicatorDailyDelta", "StepDurationDelta" IN EXCLUSIVE MODE\073
  PERFORM pg_advisory_xact_lock(hashtext(''metrics.fold''))\073
  DELETE FROM "IndicatorDaily"\073
  DELETE FROM "StepDurationMonthly"\073
  DELETE FROM "IndicatorDailyDelta"\073
  DELETE FROM "StepDurationDelta"\073
  INSERT INTO "IndicatorDaily" ("day", "organisationId", "serviceCode", "closed", "onTime", "issued", "refused", "deemed")
  SELECT metrics_almaty_day(x.at), x."organisationId", x."serviceCode", count(*),
         count(*) FILTER (WHERE metrics_on_time(x.st, x."closedAt", x."dueAt", x."deemedIssuedAt")),
         count(*) FILTER (WHERE x.st = ''ISSUED''), count(*) FILTER (WHERE x.st = ''REFUSED''), count(*) FILTER (WHERE x.st = ''DEEMED_ISSUED'')
    FROM (SELECT a."organisationId", a."serviceCode", a."closedAt", a."dueAt", a."deemedIssuedAt", a."status"::text AS st,
                 metrics_closing_instant(a."status"::text, a."closedAt", a."deemedIssuedAt") AS at
            FROM "Application" a
           WHERE a."status" IN (''ISSUED'', ''REFUSED'', ''DEEMED_ISSUED'')) x
   WHERE x.at IS NOT NULL
   GROUP BY 1, 2, 3\073
  INSERT INTO "IndicatorDaily" AS d ("day", "organisationId", "serviceCode", "q1a1", "q1a2", "q1a3", "q2a1", "q2a2", "q2a3", "q3a1", "q3a2", "q3a3", "q4a1", "q4a2", "q4a3")
  SELECT metrics_almaty_day(s."createdAt"), s."organisationId", s."serviceCode",
         count(*) FILTER (WHERE s."q1Process" = 1), count(*) FILTER (WHERE s."q1Process" = 2), count(*) FILTER (WHERE s."q1Process" = 3),
         count(*) FILTER (WHERE s."q2Information" = 1), count(*) FILTER (WHERE s."q2Information" = 2), count(*) FILTER (WHERE s."q2Information" = 3),
         count(*) FILTER (WHERE s."q3Courtesy" = 1), count(*) FILTER (WHERE s."q3Courtesy" = 2), count(*) FILTER (WHERE s."q3Courtesy" = 3),
         count(*) FILTER (WHERE s."q4Appeal" = 1), count(*) FILTER (WHERE s."q4Appeal" = 2), count(*) FILTER (WHERE s."q4Appeal" = 3)
    FROM "SurveyResponse" s
   GROUP BY 1, 2, 3
  ON CONFLICT ("day", "organisationId", "serviceCode") DO UPDATE SET
    "q1a1" = EXCLUDED."q1a1", "q1a2" = EXCLUDED."q1a2", "q1a3" = EXCLUDED."q1a3", "q2a1" = EXCLUDED."q2a1", "q2a2" = EXCLUDED."q2a2", "q2a3" = EXCLUDED."q2a3",
    "q3a1" = EXCLUDED."q3a1", "q3a2" = EXCLUDED."q3a2", "q3a3" = EXCLUDED."q3a3", "q4a1" = EXCLUDED."q4a1", "q4a2" = EXCLUDED."q4a2", "q4a3" = EXCLUDED."q4a3"\073
  INSERT INTO "StepDurationMonthly" ("month", "organisationId", "serviceCode", "stepKey", "bucket", "n", "calendarSeconds", "maxCalendarSeconds", "workingMinutes", "minWorking", "maxWorking")
  SELECT date_trunc(''month'', metrics_almaty_day(st."completedAt"))::date, a."organisationId", a."serviceCode", st."stepKey", metrics_duration_bucket(st."workingMinutes"),
         count(*), sum(extract(epoch FROM st."completedAt" - st."startedAt"))::float8, max(extract(epoch FROM st."completedAt" - st."startedAt"))::float8,
         COALESCE(sum(st."workingMinutes"), 0), min(st."workingMinutes"), max(st."workingMinutes")
    FROM "ApplicationStep" st JOIN "Application" a ON a."id" = st."applicationId"
   WHERE metrics_step_counted(st."completedAt", st."outcome")
   GROUP BY 1, 2, 3, 4, 5\073
END ';
