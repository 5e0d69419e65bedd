-- Shared rate limits (rate-limiter-flexible, RateLimiterPostgres with tableCreated: true)
CREATE TABLE "RateLimit" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);
CREATE INDEX "RateLimit_expire_idx" ON "RateLimit"("expire");

-- The address of each password attempt (known addresses, throttling lanes)
ALTER TABLE "LoginAttempt" ADD COLUMN "ip" TEXT;
CREATE INDEX "LoginAttempt_key_ip_ok_idx" ON "LoginAttempt"("key", "ip", "ok");
