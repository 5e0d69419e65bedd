-- lib/cases/licence-signing: PAdES-signed licence PDFs (issue 18). The unique index treats NULL
-- duplicate/annex ids as equal (PostgreSQL 15+), so each document has one row per revision.
-- AlterEnum
ALTER TYPE "SignaturePurpose" ADD VALUE 'DOCUMENT';

-- CreateTable
CREATE TABLE "LicenceDocument" (
    "id" TEXT NOT NULL,
    "licenceId" TEXT NOT NULL,
    "duplicateId" TEXT,
    "annexId" TEXT,
    "revision" INTEGER NOT NULL,
    "pdf" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "signatureId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LicenceDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LicenceSigning" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT,
    "licenceId" TEXT,
    "reservedNumber" TEXT,
    "preparedById" TEXT NOT NULL,
    "preparedAt" TIMESTAMP(3) NOT NULL,
    "applicationVersion" INTEGER,
    "certFingerprint" TEXT NOT NULL,
    "facts" JSONB NOT NULL,
    "pdf" BYTEA NOT NULL,
    "byteRange" INTEGER[],

    CONSTRAINT "LicenceSigning_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LicenceDocument_sha256_idx" ON "LicenceDocument"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "LicenceDocument_licenceId_duplicateId_annexId_revision_key" ON "LicenceDocument"("licenceId", "duplicateId", "annexId", "revision") NULLS NOT DISTINCT;

-- CreateIndex
CREATE UNIQUE INDEX "LicenceSigning_applicationId_key" ON "LicenceSigning"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "LicenceSigning_licenceId_key" ON "LicenceSigning"("licenceId");

-- CreateIndex
CREATE UNIQUE INDEX "LicenceSigning_reservedNumber_key" ON "LicenceSigning"("reservedNumber");

-- AddForeignKey
ALTER TABLE "LicenceDocument" ADD CONSTRAINT "LicenceDocument_licenceId_fkey" FOREIGN KEY ("licenceId") REFERENCES "Licence"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LicenceDocument" ADD CONSTRAINT "LicenceDocument_signatureId_fkey" FOREIGN KEY ("signatureId") REFERENCES "Signature"("id") ON DELETE SET NULL ON UPDATE CASCADE;

