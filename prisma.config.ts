import { defineConfig } from "prisma/config";

// The CLI only generates here; migrations run through the WebAssembly schema engine
// (prisma/migrate.ts), because the native engine cannot be downloaded on our machines.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/newsgraph" },
});
