-- CreateIndex
CREATE INDEX "Application_organisationId_stepRole_serviceCode_stepDueAt_i_idx" ON "Application"("organisationId", "stepRole", "serviceCode", "stepDueAt", "id");

