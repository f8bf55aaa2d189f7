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
  REDIS_URL: z
    .string()
    .trim()
    .regex(/^rediss?:\/\//, "REDIS_URL must be a redis:// or rediss:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  REDIS_PREFIX: z.string().default("newsgraph:"),
  WORKERS_IN_PROCESS: z.coerce.number().int().min(0).max(16).default(1),
  JOB_TIMEOUT: z.coerce.number().int().min(120_000).default(1_800_000),
  EXPORT_MAX_ROWS: z.coerce.number().int().min(1).default(100_000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  SLOW_QUERY_MS: z.coerce.number().int().min(0).default(500),
  RESPONSE_CACHE_MB: z.coerce.number().min(0).default(32),
  RESPONSE_CACHE_ENTRIES: z.coerce.number().int().min(1).default(2000),
  RESPONSE_CACHE_TTL: z.coerce.number().int().min(1000).default(60_000),
  METRICS_TOKEN: z
    .string()
    .optional()
    .transform((token) => (token ? token : undefined)),
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
  /** Redis for events between processes (subscriptions, cache invalidation); unset: in-process only. */
  redisUrl: string | undefined;
  /** Prefix of this deployment's Redis channels, so several can share one Redis. */
  redisPrefix: string;
  /** Ingest-job workers `npm start` runs in its own process; 0: only `npm run worker` runs jobs. */
  workersInProcess: number;
  /** Time budget of one ingest job (one try), in ms; beyond it the job is retried where it stopped. */
  jobTimeoutMs: number;
  /** Rows one HTTP export sends at most (the CLI has no cap). */
  exportMaxRows: number;
  /** pino level; unset: info, silent under vitest. */
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** SQL statements slower than this many ms are logged; 0: none. */
  slowQueryMs: number;
  /** Bytes of answers the response cache may hold (as JSON); 0 turns the cache off. */
  responseCacheBytes: number;
  /** Answers the response cache may hold. */
  responseCacheEntries: number;
  /** A cached answer is dropped after this many ms even without a write (writers it cannot hear). */
  responseCacheTtlMs: number;
  /** When set, /metrics needs `Authorization: Bearer <token>`; unset, it is public. */
  metricsToken: string | undefined;
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
    redisUrl: parsed.REDIS_URL,
    redisPrefix: parsed.REDIS_PREFIX,
    workersInProcess: parsed.WORKERS_IN_PROCESS,
    jobTimeoutMs: parsed.JOB_TIMEOUT,
    exportMaxRows: parsed.EXPORT_MAX_ROWS,
    // Tests stay quiet unless asked: vitest sets VITEST in its workers.
    logLevel: parsed.LOG_LEVEL ?? (source.VITEST ? "silent" : "info"),
    slowQueryMs: parsed.SLOW_QUERY_MS,
    responseCacheBytes: Math.round(parsed.RESPONSE_CACHE_MB * 1_000_000),
    responseCacheEntries: parsed.RESPONSE_CACHE_ENTRIES,
    responseCacheTtlMs: parsed.RESPONSE_CACHE_TTL,
    metricsToken: parsed.METRICS_TOKEN,
  };
}

export const env = parseEnv();
