-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('APPLICANT', 'OFFICE_CLERK', 'HEAD', 'DEPUTY_HEAD', 'DEPARTMENT_HEAD', 'EXECUTOR', 'SUPERVISOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "SupervisorScope" AS ENUM ('ORGANISATION', 'REGION', 'ALL');

-- CreateEnum
CREATE TYPE "SubjectKind" AS ENUM ('LEGAL_ENTITY', 'INDIVIDUAL_ENTREPRENEUR', 'INDIVIDUAL');

-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('COMMITTEE', 'REGIONAL');

-- CreateEnum
CREATE TYPE "Variant" AS ENUM ('ISSUE', 'ANNEX', 'REISSUE', 'DUPLICATE', 'REGISTRATION', 'REREGISTRATION');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'IN_PROGRESS', 'SUSPENDED', 'DEEMED_ISSUED', 'ISSUED', 'REFUSED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('PORTAL', 'PROVIDER');

-- CreateEnum
CREATE TYPE "DeadlineLevel" AS ENUM ('ON_TIME', 'DUE_SOON', 'OVERDUE');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('PENDING', 'PAID', 'DECLINED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "SignaturePurpose" AS ENUM ('REQUEST', 'DECISION', 'LOGIN');

-- CreateEnum
CREATE TYPE "LicenceStatus" AS ENUM ('ACTIVE', 'SUSPENDED', 'TERMINATED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "ComplaintStatus" AS ENUM ('REGISTERED', 'IN_REVIEW', 'ANSWERED', 'REJECTED');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "login" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "surname" TEXT NOT NULL,
    "givenName" TEXT NOT NULL,
    "patronymic" TEXT,
    "iin" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "position" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'ru',
    "canSign" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "organisationId" TEXT,
    "supervisorScope" "SupervisorScope",
    "subjectId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Subject" (
    "id" TEXT NOT NULL,
    "kind" "SubjectKind" NOT NULL,
    "identifier" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "legalAddress" TEXT,
    "headName" TEXT,
    "headIin" TEXT,
    "registeredAt" DATE,
    "email" TEXT,
    "phone" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Subject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Representative" (
    "id" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "iin" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "poaNumber" TEXT,
    "poaDate" DATE,
    "poaNotarised" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Representative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ok" BOOLEAN NOT NULL,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuthChallenge" (
    "id" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "AuthChallenge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "kind" "OrganisationKind" NOT NULL,
    "region" TEXT NOT NULL,
    "nameKk" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "addressKk" TEXT,
    "addressRu" TEXT,
    "addressEn" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "web" TEXT,
    "workingHours" JSONB NOT NULL,
    "receptionHours" JSONB,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganisationService" (
    "organisationId" TEXT NOT NULL,
    "serviceCode" TEXT NOT NULL,

    CONSTRAINT "OrganisationService_pkey" PRIMARY KEY ("organisationId","serviceCode")
);

-- CreateTable
CREATE TABLE "CalendarYear" (
    "year" INTEGER NOT NULL,
    "holidays" TEXT[],
    "extraWorkingDays" TEXT[],
    "extraDaysOff" TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "CalendarYear_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "Service" (
    "code" TEXT NOT NULL,
    "standardNo" INTEGER,
    "kind" TEXT NOT NULL,
    "providerLevel" TEXT NOT NULL,
    "titleKk" TEXT NOT NULL,
    "titleRu" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "variants" TEXT[],
    "electronic" BOOLEAN NOT NULL DEFAULT true,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "RegulationVersion" (
    "id" TEXT NOT NULL,
    "regulationId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "serviceCode" TEXT NOT NULL,
    "organisationId" TEXT,
    "region" TEXT,
    "effectiveFrom" DATE NOT NULL,
    "effectiveTo" DATE,
    "definition" JSONB NOT NULL,
    "sha256" TEXT NOT NULL,
    "activatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activatedById" TEXT,

    CONSTRAINT "RegulationVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Application" (
    "id" TEXT NOT NULL,
    "registrationNumber" TEXT,
    "serviceCode" TEXT NOT NULL,
    "variant" "Variant" NOT NULL,
    "channel" "Channel" NOT NULL DEFAULT 'PORTAL',
    "status" "ApplicationStatus" NOT NULL DEFAULT 'DRAFT',
    "organisationId" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "applicantName" TEXT NOT NULL,
    "applicantIdentifier" TEXT NOT NULL,
    "representativeId" TEXT,
    "createdById" TEXT NOT NULL,
    "intakeOfficerId" TEXT,
    "regulationVersionId" TEXT,
    "baseLicenceId" TEXT,
    "formData" JSONB NOT NULL DEFAULT '{}',
    "workflowData" JSONB NOT NULL DEFAULT '{}',
    "decision" JSONB,
    "stepKey" TEXT,
    "stepRole" "Role",
    "assigneeId" TEXT,
    "stepStartedAt" TIMESTAMP(3),
    "stepDueAt" TIMESTAMP(3),
    "deadlineLevel" "DeadlineLevel" NOT NULL DEFAULT 'ON_TIME',
    "submittedAt" TIMESTAMP(3),
    "registeredAt" TIMESTAMP(3),
    "dueAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "deemedIssuedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationStep" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "stepKey" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "assigneeId" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "completedById" TEXT,
    "outcome" TEXT,
    "data" JSONB,
    "alertLevel" "DeadlineLevel" NOT NULL DEFAULT 'ON_TIME',

    CONSTRAINT "ApplicationStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationSuspension" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,

    CONSTRAINT "ApplicationSuspension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT,
    "slotKey" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "scanned" BOOLEAN NOT NULL DEFAULT false,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "paymentCode" TEXT NOT NULL,
    "amountKzt" INTEGER NOT NULL,
    "mci" DECIMAL(10,2) NOT NULL,
    "mciYear" INTEGER NOT NULL,
    "status" "PaymentStatus" NOT NULL DEFAULT 'PENDING',
    "channel" TEXT NOT NULL,
    "gatewayOrderId" TEXT,
    "receiptNumber" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "paidAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentCallback" (
    "id" TEXT NOT NULL,
    "paymentId" TEXT,
    "eventId" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "signatureValid" BOOLEAN NOT NULL,
    "applied" BOOLEAN NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentCallback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GatewayOrder" (
    "id" TEXT NOT NULL,
    "merchantRef" TEXT NOT NULL,
    "amountKzt" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "returnUrl" TEXT NOT NULL,
    "callbackUrl" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GatewayOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Signature" (
    "id" TEXT NOT NULL,
    "purpose" "SignaturePurpose" NOT NULL,
    "applicationId" TEXT,
    "signerIin" TEXT,
    "signerBin" TEXT,
    "signerName" TEXT NOT NULL,
    "certSerial" TEXT NOT NULL,
    "certIssuer" TEXT NOT NULL,
    "signingTime" TIMESTAMP(3) NOT NULL,
    "contentSha256" TEXT NOT NULL,
    "cms" BYTEA NOT NULL,
    "status" TEXT NOT NULL,
    "verifiedAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Signature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaState" (
    "id" TEXT NOT NULL,
    "state" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IssuedCertificate" (
    "serial" TEXT NOT NULL,
    "userId" TEXT,
    "subjectDn" TEXT NOT NULL,
    "iin" TEXT,
    "bin" TEXT,
    "purpose" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "notBefore" TIMESTAMP(3) NOT NULL,
    "notAfter" TIMESTAMP(3) NOT NULL,
    "p12" BYTEA,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IssuedCertificate_pkey" PRIMARY KEY ("serial")
);

-- CreateTable
CREATE TABLE "CertificateRevocation" (
    "serial" TEXT NOT NULL,
    "revokedAt" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "revokedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CertificateRevocation_pkey" PRIMARY KEY ("serial")
);

-- CreateTable
CREATE TABLE "Licence" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "serviceCode" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "holderId" TEXT NOT NULL,
    "holderName" TEXT NOT NULL,
    "holderIdentifier" TEXT NOT NULL,
    "subtypes" TEXT[],
    "status" "LicenceStatus" NOT NULL DEFAULT 'ACTIVE',
    "validFrom" TIMESTAMP(3) NOT NULL,
    "validTo" TIMESTAMP(3),
    "suspendedUntil" TIMESTAMP(3),
    "versionNo" INTEGER NOT NULL DEFAULT 1,
    "previousId" TEXT,
    "applicationId" TEXT,
    "signatureId" TEXT,
    "tacit" BOOLEAN NOT NULL DEFAULT false,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Licence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LicenceNumberCounter" (
    "key" TEXT NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "LicenceNumberCounter_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "LicenceAnnex" (
    "id" TEXT NOT NULL,
    "licenceId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "subtypes" TEXT[],
    "applicationId" TEXT,
    "issuedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LicenceAnnex_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LicenceDuplicate" (
    "id" TEXT NOT NULL,
    "licenceId" TEXT NOT NULL,
    "applicationId" TEXT,
    "reason" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LicenceDuplicate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LicenceStatusEvent" (
    "id" TEXT NOT NULL,
    "licenceId" TEXT NOT NULL,
    "from" "LicenceStatus" NOT NULL,
    "to" "LicenceStatus" NOT NULL,
    "reason" TEXT NOT NULL,
    "periodFrom" TIMESTAMP(3),
    "periodTo" TIMESTAMP(3),
    "actorId" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LicenceStatusEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Complaint" (
    "id" TEXT NOT NULL,
    "ticketNumber" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "applicationId" TEXT,
    "officerId" TEXT,
    "kind" TEXT NOT NULL,
    "addressee" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "postalAddress" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "demands" TEXT NOT NULL,
    "status" "ComplaintStatus" NOT NULL DEFAULT 'REGISTERED',
    "acceptedById" TEXT,
    "acceptedAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "handlerId" TEXT,
    "answer" TEXT,
    "answeredAt" TIMESTAMP(3),
    "satisfied" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Complaint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "serviceCode" TEXT NOT NULL,
    "q1Process" INTEGER NOT NULL,
    "q2Information" INTEGER NOT NULL,
    "q3Courtesy" INTEGER,
    "q4Appeal" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "messageKey" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "applicationId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),
    "emailedAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "type" TEXT NOT NULL,
    "actorId" TEXT,
    "actorRole" TEXT NOT NULL,
    "actorName" TEXT,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "applicationId" TEXT,
    "organisationId" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "ip" TEXT,
    "userAgent" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "RegistryEntity" (
    "bin" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "legalAddress" TEXT NOT NULL,
    "headName" TEXT NOT NULL,
    "headIin" TEXT NOT NULL,
    "registeredAt" DATE NOT NULL,
    "status" TEXT NOT NULL,

    CONSTRAINT "RegistryEntity_pkey" PRIMARY KEY ("bin")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_login_key" ON "User"("login");

-- CreateIndex
CREATE INDEX "User_organisationId_role_active_idx" ON "User"("organisationId", "role", "active");

-- CreateIndex
CREATE INDEX "User_subjectId_idx" ON "User"("subjectId");

-- CreateIndex
CREATE INDEX "User_iin_idx" ON "User"("iin");

-- CreateIndex
CREATE UNIQUE INDEX "Subject_identifier_key" ON "Subject"("identifier");

-- CreateIndex
CREATE UNIQUE INDEX "Representative_subjectId_iin_key" ON "Representative"("subjectId", "iin");

-- CreateIndex
CREATE INDEX "LoginAttempt_key_at_idx" ON "LoginAttempt"("key", "at");

-- CreateIndex
CREATE UNIQUE INDEX "AuthChallenge_nonce_key" ON "AuthChallenge"("nonce");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_code_key" ON "Organisation"("code");

-- CreateIndex
CREATE INDEX "Organisation_region_idx" ON "Organisation"("region");

-- CreateIndex
CREATE INDEX "OrganisationService_serviceCode_idx" ON "OrganisationService"("serviceCode");

-- CreateIndex
CREATE INDEX "RegulationVersion_serviceCode_organisationId_effectiveFrom_idx" ON "RegulationVersion"("serviceCode", "organisationId", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "RegulationVersion_regulationId_version_key" ON "RegulationVersion"("regulationId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Application_registrationNumber_key" ON "Application"("registrationNumber");

-- CreateIndex
CREATE INDEX "Application_organisationId_stepRole_stepDueAt_id_idx" ON "Application"("organisationId", "stepRole", "stepDueAt", "id");

-- CreateIndex
CREATE INDEX "Application_assigneeId_stepDueAt_id_idx" ON "Application"("assigneeId", "stepDueAt", "id");

-- CreateIndex
CREATE INDEX "Application_organisationId_status_stepDueAt_id_idx" ON "Application"("organisationId", "status", "stepDueAt", "id");

-- CreateIndex
CREATE INDEX "Application_organisationId_serviceCode_variant_stepDueAt_idx" ON "Application"("organisationId", "serviceCode", "variant", "stepDueAt");

-- CreateIndex
CREATE INDEX "Application_subjectId_createdAt_idx" ON "Application"("subjectId", "createdAt");

-- CreateIndex
CREATE INDEX "Application_applicantIdentifier_idx" ON "Application"("applicantIdentifier");

-- CreateIndex
CREATE INDEX "Application_status_dueAt_idx" ON "Application"("status", "dueAt");

-- CreateIndex
CREATE INDEX "Application_organisationId_closedAt_idx" ON "Application"("organisationId", "closedAt");

-- CreateIndex
CREATE INDEX "Application_closedAt_serviceCode_idx" ON "Application"("closedAt", "serviceCode");

-- CreateIndex
CREATE INDEX "ApplicationStep_role_completedAt_idx" ON "ApplicationStep"("role", "completedAt");

-- CreateIndex
CREATE INDEX "ApplicationStep_completedAt_stepKey_idx" ON "ApplicationStep"("completedAt", "stepKey");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationStep_applicationId_seq_key" ON "ApplicationStep"("applicationId", "seq");

-- CreateIndex
CREATE INDEX "ApplicationSuspension_applicationId_idx" ON "ApplicationSuspension"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "Document_storageKey_key" ON "Document"("storageKey");

-- CreateIndex
CREATE INDEX "Document_applicationId_slotKey_idx" ON "Document"("applicationId", "slotKey");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_paymentCode_key" ON "Payment"("paymentCode");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_gatewayOrderId_key" ON "Payment"("gatewayOrderId");

-- CreateIndex
CREATE INDEX "Payment_applicationId_status_idx" ON "Payment"("applicationId", "status");

-- CreateIndex
CREATE INDEX "PaymentCallback_eventId_idx" ON "PaymentCallback"("eventId");

-- CreateIndex
CREATE INDEX "PaymentCallback_paymentId_idx" ON "PaymentCallback"("paymentId");

-- CreateIndex
CREATE UNIQUE INDEX "GatewayOrder_merchantRef_key" ON "GatewayOrder"("merchantRef");

-- CreateIndex
CREATE INDEX "Signature_applicationId_idx" ON "Signature"("applicationId");

-- CreateIndex
CREATE INDEX "Signature_certSerial_idx" ON "Signature"("certSerial");

-- CreateIndex
CREATE INDEX "IssuedCertificate_userId_idx" ON "IssuedCertificate"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Licence_number_key" ON "Licence"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Licence_previousId_key" ON "Licence"("previousId");

-- CreateIndex
CREATE INDEX "Licence_organisationId_status_issuedAt_idx" ON "Licence"("organisationId", "status", "issuedAt");

-- CreateIndex
CREATE INDEX "Licence_holderId_idx" ON "Licence"("holderId");

-- CreateIndex
CREATE INDEX "Licence_holderIdentifier_idx" ON "Licence"("holderIdentifier");

-- CreateIndex
CREATE UNIQUE INDEX "LicenceAnnex_number_key" ON "LicenceAnnex"("number");

-- CreateIndex
CREATE INDEX "LicenceAnnex_licenceId_idx" ON "LicenceAnnex"("licenceId");

-- CreateIndex
CREATE INDEX "LicenceDuplicate_licenceId_idx" ON "LicenceDuplicate"("licenceId");

-- CreateIndex
CREATE INDEX "LicenceStatusEvent_licenceId_at_idx" ON "LicenceStatusEvent"("licenceId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_ticketNumber_key" ON "Complaint"("ticketNumber");

-- CreateIndex
CREATE INDEX "Complaint_organisationId_status_dueAt_idx" ON "Complaint"("organisationId", "status", "dueAt");

-- CreateIndex
CREATE INDEX "Complaint_subjectId_idx" ON "Complaint"("subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResponse_applicationId_key" ON "SurveyResponse"("applicationId");

-- CreateIndex
CREATE INDEX "SurveyResponse_organisationId_serviceCode_createdAt_idx" ON "SurveyResponse"("organisationId", "serviceCode", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_applicationId_at_idx" ON "AuditEvent"("applicationId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_organisationId_at_idx" ON "AuditEvent"("organisationId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_type_at_idx" ON "AuditEvent"("type", "at");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Representative" ADD CONSTRAINT "Representative_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationService" ADD CONSTRAINT "OrganisationService_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationService" ADD CONSTRAINT "OrganisationService_serviceCode_fkey" FOREIGN KEY ("serviceCode") REFERENCES "Service"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegulationVersion" ADD CONSTRAINT "RegulationVersion_serviceCode_fkey" FOREIGN KEY ("serviceCode") REFERENCES "Service"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegulationVersion" ADD CONSTRAINT "RegulationVersion_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_serviceCode_fkey" FOREIGN KEY ("serviceCode") REFERENCES "Service"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_representativeId_fkey" FOREIGN KEY ("representativeId") REFERENCES "Representative"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_intakeOfficerId_fkey" FOREIGN KEY ("intakeOfficerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_regulationVersionId_fkey" FOREIGN KEY ("regulationVersionId") REFERENCES "RegulationVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_baseLicenceId_fkey" FOREIGN KEY ("baseLicenceId") REFERENCES "Licence"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationStep" ADD CONSTRAINT "ApplicationStep_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationStep" ADD CONSTRAINT "ApplicationStep_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationStep" ADD CONSTRAINT "ApplicationStep_completedById_fkey" FOREIGN KEY ("completedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationSuspension" ADD CONSTRAINT "ApplicationSuspension_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentCallback" ADD CONSTRAINT "PaymentCallback_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signature" ADD CONSTRAINT "Signature_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssuedCertificate" ADD CONSTRAINT "IssuedCertificate_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Licence" ADD CONSTRAINT "Licence_serviceCode_fkey" FOREIGN KEY ("serviceCode") REFERENCES "Service"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Licence" ADD CONSTRAINT "Licence_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Licence" ADD CONSTRAINT "Licence_holderId_fkey" FOREIGN KEY ("holderId") REFERENCES "Subject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Licence" ADD CONSTRAINT "Licence_previousId_fkey" FOREIGN KEY ("previousId") REFERENCES "Licence"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Licence" ADD CONSTRAINT "Licence_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Licence" ADD CONSTRAINT "Licence_signatureId_fkey" FOREIGN KEY ("signatureId") REFERENCES "Signature"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LicenceAnnex" ADD CONSTRAINT "LicenceAnnex_licenceId_fkey" FOREIGN KEY ("licenceId") REFERENCES "Licence"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LicenceDuplicate" ADD CONSTRAINT "LicenceDuplicate_licenceId_fkey" FOREIGN KEY ("licenceId") REFERENCES "Licence"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LicenceStatusEvent" ADD CONSTRAINT "LicenceStatusEvent_licenceId_fkey" FOREIGN KEY ("licenceId") REFERENCES "Licence"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_acceptedById_fkey" FOREIGN KEY ("acceptedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_handlerId_fkey" FOREIGN KEY ("handlerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE SET NULL ON UPDATE CASCADE;

