-- AlterTable
ALTER TABLE "Complaint" ADD COLUMN     "officialName" TEXT;


-- Complaints filed before this column kept the official as the first line of the body behind a marker.
UPDATE "Complaint"
   SET "officialName" = substring("body" FROM '^§official: ([^\n]*)'),
       "body" = regexp_replace("body", '^§official: [^\n]*\n*', '')
 WHERE "body" LIKE '§official: %';
