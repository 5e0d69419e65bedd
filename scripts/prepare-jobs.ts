// Creates the pg-boss schema and queues (run by the start script after the migrations).
import { prepareJobSchema } from "@/lib/platform/jobs";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is not set");
await prepareJobSchema(url);
console.log("[jobs] pg-boss schema and queues ready");
