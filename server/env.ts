import { resolve } from "node:path";
import { z } from "zod";

// The one place that reads process.env: everything else receives parsed settings.
const schema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// connection string")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default("127.0.0.1"),
  NEWSGRAPH_API_TOKEN: z
    .string()
    .optional()
    .transform((token) => (token ? token : undefined)),
  NEWSGRAPH_DATA_DIR: z.string().default(".data"),
  NEWSGRAPH_SEED: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  MAX_BODY_BYTES: z.coerce.number().int().min(10_000).default(4_000_000),
  STATEMENT_TIMEOUT: z.coerce.number().int().min(100).default(10_000),
  REQUEST_TIMEOUT: z.coerce.number().int().min(100).default(15_000),
  EXTRACTION_TIMEOUT: z.coerce.number().int().min(100).default(60_000),
  EXTRACTION_WORKERS: z.coerce.number().int().min(0).max(64).default(1),
  INGEST_QUEUE_SIZE: z.coerce.number().int().min(1).default(16),
  CORS_ORIGINS: z
    .string()
    .default("")
    .transform((list) =>
      list
        .split(",")
        .map((origin) => origin.trim())
        .filter(Boolean),
    ),
  DATABASE_START_RETRIES: z.coerce.number().int().min(0).default(10),
});

export type Env = {
  databaseUrl: string | undefined;
  port: number;
  host: string;
  apiToken: string | undefined;
  dataDir: string;
  seed: boolean;
  production: boolean;
  /** Largest request body accepted, in bytes (chunked or not). */
  maxBodyBytes: number;
  /** PostgreSQL `statement_timeout` of every connection, in ms. */
  statementTimeoutMs: number;
  /** A GraphQL request is cancelled (its SQL too) after this many ms. */
  requestTimeoutMs: number;
  /** Time budget of one document's extraction, in ms. */
  extractionTimeoutMs: number;
  /** Extraction child processes; 0 extracts in the calling process (CLI batch, tests). */
  extractionWorkers: number;
  /** Documents waiting for extraction beyond which ingest answers INGEST_BUSY. */
  ingestQueueSize: number;
  /** Origins allowed to call the API from a browser; empty: no CORS at all. */
  corsOrigins: string[];
  /** How often start-up retries an unreachable database (with backoff) before giving up. */
  databaseStartRetries: number;
};

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment: ${problems.join("; ")}`);
  }
  const parsed = result.data;
  return {
    databaseUrl: parsed.DATABASE_URL,
    port: parsed.PORT,
    host: parsed.HOST,
    apiToken: parsed.NEWSGRAPH_API_TOKEN,
    dataDir: resolve(parsed.NEWSGRAPH_DATA_DIR),
    seed: parsed.NEWSGRAPH_SEED,
    production: parsed.NODE_ENV === "production",
    maxBodyBytes: parsed.MAX_BODY_BYTES,
    statementTimeoutMs: parsed.STATEMENT_TIMEOUT,
    requestTimeoutMs: parsed.REQUEST_TIMEOUT,
    extractionTimeoutMs: parsed.EXTRACTION_TIMEOUT,
    extractionWorkers: parsed.EXTRACTION_WORKERS,
    ingestQueueSize: parsed.INGEST_QUEUE_SIZE,
    corsOrigins: parsed.CORS_ORIGINS,
    databaseStartRetries: parsed.DATABASE_START_RETRIES,
  };
}

export const env = parseEnv();
