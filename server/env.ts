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
});

export type Env = {
  databaseUrl: string | undefined;
  port: number;
  host: string;
  apiToken: string | undefined;
  dataDir: string;
  seed: boolean;
  production: boolean;
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
  };
}

export const env = parseEnv();
