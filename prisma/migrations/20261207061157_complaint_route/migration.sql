-- AlterTable
ALTER TABLE "Complaint" ADD COLUMN     "answerChannel" TEXT NOT NULL DEFAULT 'portal',
ADD COLUMN     "extendedAt" TIMESTAMP(3),
ADD COLUMN     "handlerKind" TEXT NOT NULL DEFAULT 'provider_head',
ADD COLUMN     "termUnit" TEXT NOT NULL DEFAULT 'calendarDays',
ADD COLUMN     "termValue" INTEGER NOT NULL DEFAULT 15;


-- Complaints filed before this migration were given 15 working days (the former setting).
UPDATE "Complaint" SET "termUnit" = 'workingDays';
