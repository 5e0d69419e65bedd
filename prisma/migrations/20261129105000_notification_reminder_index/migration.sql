-- CreateIndex
CREATE INDEX "Notification_applicationId_kind_createdAt_idx" ON "Notification"("applicationId", "kind", "createdAt");

