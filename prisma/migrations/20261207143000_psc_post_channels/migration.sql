-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "Role" ADD VALUE 'PSC_OPERATOR';
ALTER TYPE "Role" ADD VALUE 'PSC_HEAD';

-- AlterEnum
ALTER TYPE "OrganisationKind" ADD VALUE 'PSC';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "Channel" ADD VALUE 'PSC';
ALTER TYPE "Channel" ADD VALUE 'POST';

-- AlterEnum
ALTER TYPE "SignaturePurpose" ADD VALUE 'SCAN';

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "pscAcceptedAt" TIMESTAMP(3),
ADD COLUMN     "pscHandedOverAt" TIMESTAMP(3),
ADD COLUMN     "pscHandedOverTo" TEXT,
ADD COLUMN     "pscId" TEXT,
ADD COLUMN     "pscReturnedAt" TIMESTAMP(3),
ADD COLUMN     "receivedByPostOn" DATE,
ADD COLUMN     "replyByPost" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Application_pscId_status_closedAt_idx" ON "Application"("pscId", "status", "closedAt");

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_pscId_fkey" FOREIGN KEY ("pscId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

