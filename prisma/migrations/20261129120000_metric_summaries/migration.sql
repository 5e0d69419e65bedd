-- AlterTable
ALTER TABLE "ApplicationStep" ADD COLUMN     "workingMinutes" INTEGER;

-- CreateTable
CREATE TABLE "IndicatorDaily" (
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

    CONSTRAINT "IndicatorDaily_pkey" PRIMARY KEY ("day","organisationId","serviceCode")
);

-- CreateTable
CREATE TABLE "StepDurationMonthly" (
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

    CONSTRAINT "StepDurationMonthly_pkey" PRIMARY KEY ("month","organisationId","serviceCode","stepKey","bucket")
);


-- Readable source of the hand-written part of migration 20261129120000_metric_summaries (appended with
-- node scripts/sql-to-migration.mjs, which only re-quotes function bodies). Keep both in step.
-- ---------------------------------------------------------------------------------------------
-- Summary maintenance (hand-written). The triggers below keep "IndicatorDaily" and
-- "StepDurationMonthly" equal to the raw rows in the SAME transaction as every write, whatever
-- code path writes (use cases, jobs, factories, manual SQL), so the summaries cannot drift.
-- metrics_rebuild_summaries() recomputes both from raw rows with the same helper functions,
-- an integration test checks rebuild = incrementally maintained state.
-- A session that bulk-loads and then rebuilds may `SET LOCAL metrics.skip_summaries = 'on'`.
-- ---------------------------------------------------------------------------------------------

-- Almaty calendar day of a UTC timestamp(3) column: the bucket expression of the reports.
CREATE FUNCTION metrics_almaty_day(ts timestamp) RETURNS date LANGUAGE sql STABLE AS
$$ SELECT ((ts AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Almaty')::date $$;

-- The UTC instant of Almaty midnight starting a local date.
CREATE FUNCTION metrics_almaty_midnight(d date) RETURNS timestamp LANGUAGE sql STABLE AS
$$ SELECT (d::timestamp AT TIME ZONE 'Asia/Almaty') AT TIME ZONE 'UTC' $$;

-- Indicator 1.1: the instant at which an application counts as a closed case (NULL = not counted):
-- ISSUED/REFUSED at closedAt, DEEMED_ISSUED at deemedIssuedAt, withdrawn, drafts and open never.
CREATE FUNCTION metrics_closing_instant(status text, closed_at timestamp, deemed_at timestamp) RETURNS timestamp LANGUAGE sql IMMUTABLE AS
$$ SELECT CASE WHEN status IN ('ISSUED', 'REFUSED') THEN closed_at WHEN status = 'DEEMED_ISSUED' THEN deemed_at END $$;

-- On time: closed within the term and never deemed issued (tacit approval = the term was missed).
CREATE FUNCTION metrics_on_time(status text, closed_at timestamp, due_at timestamp, deemed_at timestamp) RETURNS boolean LANGUAGE sql IMMUTABLE AS
$$ SELECT COALESCE(status IN ('ISSUED', 'REFUSED') AND deemed_at IS NULL AND closed_at <= due_at, false) $$;

-- A step counts in the durations once completed, unless it was cancelled (withdrawal, re-opening …).
CREATE FUNCTION metrics_step_counted(completed_at timestamp, outcome text) RETURNS boolean LANGUAGE sql IMMUTABLE AS
$$ SELECT completed_at IS NOT NULL AND (outcome IS NULL OR outcome NOT LIKE 'cancelled%') $$;

-- ⅛-octave bucket of working minutes, floor(8 · log2(1 + minutes)), -1 = no working time stored.
-- Integer thresholds T_b = the least x with x^8 >= 2^b (b = 1 … 200, i.e. up to ~30 years): exact at the
-- bucket edges and a binary search instead of a logarithm per row (the rebuild reads millions of steps).
CREATE FUNCTION metrics_duration_bucket(minutes integer) RETURNS smallint LANGUAGE sql IMMUTABLE AS
$$ SELECT CASE WHEN minutes IS NULL THEN -1 ELSE width_bucket(1 + GREATEST(minutes, 0), '{2,2,2,2,2,2,2,2,3,3,3,3,4,4,4,4,5,5,6,6,7,7,8,8,9,10,11,12,13,14,15,16,18,20,21,23,25,27,30,32,35,39,42,46,50,54,59,64,70,77,83,91,99,108,118,128,140,153,166,182,198,216,235,256,280,305,332,363,395,431,470,512,559,609,664,725,790,862,940,1024,1117,1218,1328,1449,1580,1723,1879,2048,2234,2436,2656,2897,3159,3445,3757,4096,4467,4871,5312,5793,6317,6889,7513,8192,8934,9742,10624,11586,12634,13778,15025,16384,17867,19484,21248,23171,25268,27555,30049,32768,35734,38968,42495,46341,50536,55109,60097,65536,71468,77936,84990,92682,101071,110218,120194,131072,142936,155872,169980,185364,202141,220436,240388,262144,285871,311744,339959,370728,404282,440872,480775,524288,571741,623488,679918,741456,808563,881744,961549,1048576,1143481,1246975,1359835,1482911,1617126,1763488,1923097,2097152,2286961,2493949,2719670,2965821,3234251,3526976,3846194,4194304,4573921,4987897,5439340,5931642,6468502,7053951,7692388,8388608,9147842,9975793,10878679,11863284,12937003,14107901,15384775,16777216,18295684,19951585,21757358,23726567,25874005,28215802,30769550,33554432}'::integer[])::smallint END $$;

-- ---- IndicatorDaily ----------------------------------------------------------------------------

CREATE FUNCTION metrics_add_closing(status text, closed_at timestamp, deemed_at timestamp, due_at timestamp, org text, svc text, sign integer) RETURNS void LANGUAGE plpgsql AS E'
DECLARE
  at timestamp := metrics_closing_instant(status, closed_at, deemed_at)\073
BEGIN
  IF at IS NULL THEN RETURN\073 END IF\073
  INSERT INTO "IndicatorDaily" ("day", "organisationId", "serviceCode", "closed", "onTime", "issued", "refused", "deemed")
  VALUES (metrics_almaty_day(at), org, svc, sign, sign * metrics_on_time(status, closed_at, due_at, deemed_at)::int,
          sign * (status = ''ISSUED'')::int, sign * (status = ''REFUSED'')::int, sign * (status = ''DEEMED_ISSUED'')::int)
  ON CONFLICT ("day", "organisationId", "serviceCode") DO UPDATE SET
    "closed" = "IndicatorDaily"."closed" + EXCLUDED."closed", "onTime" = "IndicatorDaily"."onTime" + EXCLUDED."onTime",
    "issued" = "IndicatorDaily"."issued" + EXCLUDED."issued", "refused" = "IndicatorDaily"."refused" + EXCLUDED."refused",
    "deemed" = "IndicatorDaily"."deemed" + EXCLUDED."deemed"\073
END ';

-- Signed deltas (old row out, new row in): a re-opened or withdrawn case leaves its old day, a
-- re-closed one enters its new day, so one application is counted at most once.
CREATE FUNCTION metrics_application_trigger() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF current_setting(''metrics.skip_summaries'', true) = ''on'' THEN RETURN NULL\073 END IF\073
  IF TG_OP <> ''INSERT'' THEN
    PERFORM metrics_add_closing(OLD."status"::text, OLD."closedAt", OLD."deemedIssuedAt", OLD."dueAt", OLD."organisationId", OLD."serviceCode", -1)\073
  END IF\073
  IF TG_OP <> ''DELETE'' THEN
    PERFORM metrics_add_closing(NEW."status"::text, NEW."closedAt", NEW."deemedIssuedAt", NEW."dueAt", NEW."organisationId", NEW."serviceCode", 1)\073
  END IF\073
  RETURN NULL\073
END ';

CREATE TRIGGER "Application_metrics_summary" AFTER INSERT OR DELETE ON "Application"
  FOR EACH ROW EXECUTE FUNCTION metrics_application_trigger();
CREATE TRIGGER "Application_metrics_summary_update" AFTER UPDATE OF "status", "closedAt", "deemedIssuedAt", "dueAt", "organisationId", "serviceCode" ON "Application"
  FOR EACH ROW
  WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."closedAt" IS DISTINCT FROM NEW."closedAt" OR OLD."deemedIssuedAt" IS DISTINCT FROM NEW."deemedIssuedAt"
        OR OLD."dueAt" IS DISTINCT FROM NEW."dueAt" OR OLD."organisationId" IS DISTINCT FROM NEW."organisationId" OR OLD."serviceCode" IS DISTINCT FROM NEW."serviceCode")
  EXECUTE FUNCTION metrics_application_trigger();

CREATE FUNCTION metrics_add_survey(created_at timestamp, org text, svc text, q1 integer, q2 integer, q3 integer, q4 integer, sign integer) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "IndicatorDaily" ("day", "organisationId", "serviceCode", "q1a1", "q1a2", "q1a3", "q2a1", "q2a2", "q2a3", "q3a1", "q3a2", "q3a3", "q4a1", "q4a2", "q4a3")
  VALUES (metrics_almaty_day(created_at), org, svc,
          sign * COALESCE(q1 = 1, false)::int, sign * COALESCE(q1 = 2, false)::int, sign * COALESCE(q1 = 3, false)::int,
          sign * COALESCE(q2 = 1, false)::int, sign * COALESCE(q2 = 2, false)::int, sign * COALESCE(q2 = 3, false)::int,
          sign * COALESCE(q3 = 1, false)::int, sign * COALESCE(q3 = 2, false)::int, sign * COALESCE(q3 = 3, false)::int,
          sign * COALESCE(q4 = 1, false)::int, sign * COALESCE(q4 = 2, false)::int, sign * COALESCE(q4 = 3, false)::int)
  ON CONFLICT ("day", "organisationId", "serviceCode") DO UPDATE SET
    "q1a1" = "IndicatorDaily"."q1a1" + EXCLUDED."q1a1", "q1a2" = "IndicatorDaily"."q1a2" + EXCLUDED."q1a2", "q1a3" = "IndicatorDaily"."q1a3" + EXCLUDED."q1a3",
    "q2a1" = "IndicatorDaily"."q2a1" + EXCLUDED."q2a1", "q2a2" = "IndicatorDaily"."q2a2" + EXCLUDED."q2a2", "q2a3" = "IndicatorDaily"."q2a3" + EXCLUDED."q2a3",
    "q3a1" = "IndicatorDaily"."q3a1" + EXCLUDED."q3a1", "q3a2" = "IndicatorDaily"."q3a2" + EXCLUDED."q3a2", "q3a3" = "IndicatorDaily"."q3a3" + EXCLUDED."q3a3",
    "q4a1" = "IndicatorDaily"."q4a1" + EXCLUDED."q4a1", "q4a2" = "IndicatorDaily"."q4a2" + EXCLUDED."q4a2", "q4a3" = "IndicatorDaily"."q4a3" + EXCLUDED."q4a3"\073
END ';

CREATE FUNCTION metrics_survey_trigger() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF current_setting(''metrics.skip_summaries'', true) = ''on'' THEN RETURN NULL\073 END IF\073
  IF TG_OP <> ''INSERT'' THEN
    PERFORM metrics_add_survey(OLD."createdAt", OLD."organisationId", OLD."serviceCode", OLD."q1Process", OLD."q2Information", OLD."q3Courtesy", OLD."q4Appeal", -1)\073
  END IF\073
  IF TG_OP <> ''DELETE'' THEN
    PERFORM metrics_add_survey(NEW."createdAt", NEW."organisationId", NEW."serviceCode", NEW."q1Process", NEW."q2Information", NEW."q3Courtesy", NEW."q4Appeal", 1)\073
  END IF\073
  RETURN NULL\073
END ';

CREATE TRIGGER "SurveyResponse_metrics_summary" AFTER INSERT OR UPDATE OR DELETE ON "SurveyResponse"
  FOR EACH ROW EXECUTE FUNCTION metrics_survey_trigger();

-- ---- StepDurationMonthly ----------------------------------------------------------------------

-- Recomputes one histogram row from the raw steps. Used when a counted step changes or disappears
-- (rare): minimum and maximum cannot be decremented. The row lock is taken in its own statement so
-- the recomputation (a new snapshot under READ COMMITTED) sees every transaction that held it.
CREATE FUNCTION metrics_refresh_step_bucket(p_month date, p_org text, p_svc text, p_step text, p_bucket smallint) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  PERFORM 1 FROM "StepDurationMonthly"
   WHERE "month" = p_month AND "organisationId" = p_org AND "serviceCode" = p_svc AND "stepKey" = p_step AND "bucket" = p_bucket FOR UPDATE\073
  DELETE FROM "StepDurationMonthly"
   WHERE "month" = p_month AND "organisationId" = p_org AND "serviceCode" = p_svc AND "stepKey" = p_step AND "bucket" = p_bucket\073
  INSERT INTO "StepDurationMonthly" ("month", "organisationId", "serviceCode", "stepKey", "bucket", "n", "calendarSeconds", "maxCalendarSeconds", "workingMinutes", "minWorking", "maxWorking")
  SELECT p_month, p_org, p_svc, p_step, p_bucket, count(*), sum(extract(epoch FROM st."completedAt" - st."startedAt"))::float8,
         max(extract(epoch FROM st."completedAt" - st."startedAt"))::float8, COALESCE(sum(st."workingMinutes"), 0), min(st."workingMinutes"), max(st."workingMinutes")
    FROM "ApplicationStep" st JOIN "Application" a ON a."id" = st."applicationId"
   WHERE st."completedAt" >= metrics_almaty_midnight(p_month) AND st."completedAt" < metrics_almaty_midnight((p_month + interval ''1 month'')::date)
     AND st."stepKey" = p_step AND a."organisationId" = p_org AND a."serviceCode" = p_svc
     AND metrics_step_counted(st."completedAt", st."outcome") AND metrics_duration_bucket(st."workingMinutes") = p_bucket
  HAVING count(*) > 0\073
END ';

CREATE FUNCTION metrics_step_trigger() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  old_counted boolean := TG_OP <> ''INSERT'' AND metrics_step_counted(OLD."completedAt", OLD."outcome")\073
  new_counted boolean := TG_OP <> ''DELETE'' AND metrics_step_counted(NEW."completedAt", NEW."outcome")\073
  org text\073 svc text\073
  old_key text\073 new_key text\073
BEGIN
  IF current_setting(''metrics.skip_summaries'', true) = ''on'' OR NOT (old_counted OR new_counted) THEN RETURN NULL\073 END IF\073
  -- The histogram is per organisation and service of the application (they never change once submitted).
  SELECT a."organisationId", a."serviceCode" INTO org, svc FROM "Application" a
   WHERE a."id" = CASE WHEN TG_OP = ''DELETE'' THEN OLD."applicationId" ELSE NEW."applicationId" END\073
  IF org IS NULL THEN RETURN NULL\073 END IF\073 -- the application itself is being deleted
  IF old_counted THEN
    old_key := concat_ws(''|'', date_trunc(''month'', metrics_almaty_day(OLD."completedAt")), OLD."stepKey", metrics_duration_bucket(OLD."workingMinutes"))\073
    PERFORM metrics_refresh_step_bucket(date_trunc(''month'', metrics_almaty_day(OLD."completedAt"))::date, org, svc, OLD."stepKey", metrics_duration_bucket(OLD."workingMinutes"))\073
  END IF\073
  IF new_counted THEN
    new_key := concat_ws(''|'', date_trunc(''month'', metrics_almaty_day(NEW."completedAt")), NEW."stepKey", metrics_duration_bucket(NEW."workingMinutes"))\073
    IF old_counted THEN
      -- The raw rows already hold NEW: recompute its row too unless it was the one just refreshed.
      IF new_key IS DISTINCT FROM old_key THEN
        PERFORM metrics_refresh_step_bucket(date_trunc(''month'', metrics_almaty_day(NEW."completedAt"))::date, org, svc, NEW."stepKey", metrics_duration_bucket(NEW."workingMinutes"))\073
      END IF\073
    ELSE
      -- The usual case (a step completes): increments commute, so concurrent writers need no more than the row lock.
      INSERT INTO "StepDurationMonthly" ("month", "organisationId", "serviceCode", "stepKey", "bucket", "n", "calendarSeconds", "maxCalendarSeconds", "workingMinutes", "minWorking", "maxWorking")
      VALUES (date_trunc(''month'', metrics_almaty_day(NEW."completedAt"))::date, org, svc, NEW."stepKey", metrics_duration_bucket(NEW."workingMinutes"), 1,
              extract(epoch FROM NEW."completedAt" - NEW."startedAt")::float8, extract(epoch FROM NEW."completedAt" - NEW."startedAt")::float8,
              COALESCE(NEW."workingMinutes", 0), NEW."workingMinutes", NEW."workingMinutes")
      ON CONFLICT ("month", "organisationId", "serviceCode", "stepKey", "bucket") DO UPDATE SET
        "n" = "StepDurationMonthly"."n" + 1,
        "calendarSeconds" = "StepDurationMonthly"."calendarSeconds" + EXCLUDED."calendarSeconds",
        "maxCalendarSeconds" = GREATEST("StepDurationMonthly"."maxCalendarSeconds", EXCLUDED."maxCalendarSeconds"),
        "workingMinutes" = "StepDurationMonthly"."workingMinutes" + EXCLUDED."workingMinutes",
        "minWorking" = LEAST("StepDurationMonthly"."minWorking", EXCLUDED."minWorking"),
        "maxWorking" = GREATEST("StepDurationMonthly"."maxWorking", EXCLUDED."maxWorking")\073
    END IF\073
  END IF\073
  RETURN NULL\073
END ';

CREATE TRIGGER "ApplicationStep_metrics_summary" AFTER INSERT OR DELETE ON "ApplicationStep"
  FOR EACH ROW EXECUTE FUNCTION metrics_step_trigger();
CREATE TRIGGER "ApplicationStep_metrics_summary_update" AFTER UPDATE OF "completedAt", "startedAt", "outcome", "stepKey", "workingMinutes", "applicationId" ON "ApplicationStep"
  FOR EACH ROW
  WHEN (OLD."completedAt" IS DISTINCT FROM NEW."completedAt" OR OLD."startedAt" IS DISTINCT FROM NEW."startedAt" OR OLD."outcome" IS DISTINCT FROM NEW."outcome"
        OR OLD."stepKey" IS DISTINCT FROM NEW."stepKey" OR OLD."workingMinutes" IS DISTINCT FROM NEW."workingMinutes" OR OLD."applicationId" IS DISTINCT FROM NEW."applicationId")
  EXECUTE FUNCTION metrics_step_trigger();

-- ---- Rebuild ------------------------------------------------------------------------------------

-- Recomputes both summaries from the raw rows (migration of existing data, seed, bench, repair).
-- SHARE locks keep writers out meanwhile, so the result is a consistent snapshot.
CREATE FUNCTION metrics_rebuild_summaries() RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  LOCK TABLE "Application", "SurveyResponse", "ApplicationStep" IN SHARE MODE\073
  LOCK TABLE "IndicatorDaily", "StepDurationMonthly" IN EXCLUSIVE MODE\073
  DELETE FROM "IndicatorDaily"\073
  DELETE FROM "StepDurationMonthly"\073
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

-- Existing data (working minutes of existing steps are filled by rebuildMetricSummaries in lib/metrics,
-- which needs the organisation calendars, until then those steps sit in bucket -1).
SELECT metrics_rebuild_summaries();

-- ---- Open-application dashboard ---------------------------------------------------------------
-- Partial covering index for the deadline dashboard (counts + breakdowns become an index-only scan
-- over the ~5 % open rows). Not expressible in schema.prisma (INCLUDE, WHERE), hence here.
CREATE INDEX "Application_open_dashboard_idx" ON "Application" ("status", "dueAt")
  INCLUDE ("organisationId", "serviceCode", "variant", "stepKey", "assigneeId")
  WHERE "status" IN ('SUBMITTED', 'IN_PROGRESS', 'SUSPENDED', 'DEEMED_ISSUED');
