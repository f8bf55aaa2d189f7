import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseEnv } from "../../server/env.ts";

// No Docker engine runs here: docker-compose.yml is checked by reading it, against the README's
// settings table and the settings the server parses.

const root = new URL("../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), "utf8");

type Service = {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: string[] | Record<string, unknown>;
  volumes?: string[];
  ports?: string[];
};
const compose = parse(read("docker-compose.yml")) as { services: Record<string, Service> };
const services = compose.services;

/** The variables the README's settings table documents (first column, in backticks). */
function documentedSettings(): Set<string> {
  const readme = read("README.md");
  const start = readme.indexOf("### Settings (environment)");
  expect(start).toBeGreaterThan(-1);
  // The first table after the heading, up to its last row.
  const lines = readme.slice(start).split("\n");
  const first = lines.findIndex((line) => line.startsWith("|"));
  const length = lines.slice(first).findIndex((line) => !line.startsWith("|"));
  const rows = lines.slice(first, first + length);
  return new Set(
    rows.flatMap((row) => [...(row.split("|")[1] ?? "").matchAll(/`([A-Z_]+)`/g)].map((m) => m[1] as string)),
  );
}

/** `${NAME:-default}` as compose resolves it with NAME unset. */
function withDefaults(environment: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment).map(([name, value]) => [
      name,
      String(value).replace(/\$\{[A-Z_]+:-([^}]*)\}/g, "$1"),
    ]),
  );
}

const newsgraphServices = Object.entries(services).filter(([, service]) => service.build === ".");

describe("docker-compose.yml", () => {
  it("runs PostgreSQL, Redis, two API replicas behind a proxy and a worker", () => {
    expect(Object.keys(services).sort()).toEqual(["api-1", "api-2", "postgres", "proxy", "redis", "worker"]);
    expect(services.postgres?.image).toMatch(/^postgres:17/);
    expect(services.redis?.image).toMatch(/^redis:/);
    expect(services.worker?.command).toEqual(["npm", "run", "worker"]);
    for (const name of ["api-1", "api-2"]) {
      expect(services[name]?.command).toBeUndefined(); // the image's CMD: npm start
      expect(services[name]?.environment?.WORKERS_IN_PROCESS).toBe("0");
    }
    expect(Number(services.worker?.environment?.WORKERS_IN_PROCESS)).toBeGreaterThan(0);
  });

  it("gives every process the same database and Redis, in values the server accepts", () => {
    const urls = newsgraphServices.map(([, service]) => [
      service.environment?.DATABASE_URL,
      service.environment?.REDIS_URL,
    ]);
    expect(urls).toHaveLength(3);
    expect(new Set(urls.map((pair) => pair.join(" "))).size).toBe(1);
    for (const [, service] of newsgraphServices) {
      const env = parseEnv(withDefaults(service.environment ?? {}));
      expect(env.databaseUrl).toMatch(/@postgres:5432\//);
      expect(env.redisUrl).toBe("redis://redis:6379");
    }
  });

  it("sets only variables the README's settings table documents", () => {
    const documented = documentedSettings();
    expect(documented).toContain("REDIS_URL");
    expect(documented).toContain("WORKERS_IN_PROCESS");
    for (const [name, service] of newsgraphServices) {
      for (const variable of Object.keys(service.environment ?? {})) {
        expect(documented.has(variable), `${name} sets ${variable}, which the README does not document`).toBe(
          true,
        );
      }
    }
    // And the README documents no setting the server does not read.
    const envSource = read("server/env.ts");
    for (const variable of documented)
      expect(envSource, `${variable} in server/env.ts`).toContain(`${variable}:`);
  });

  it("puts the proxy in front of both replicas, streaming Server-Sent Events unbuffered", () => {
    const mount = services.proxy?.volumes?.find((volume) => volume.includes("nginx"));
    const configPath = mount?.split(":")[0]?.replace(/^\.\//, "") as string;
    const config = read(configPath);
    expect(config).toMatch(/server api-1:4000/);
    expect(config).toMatch(/server api-2:4000/);
    expect(config).toMatch(/proxy_buffering off/);
    expect(services.proxy?.ports).toEqual(["4000:80"]);
    expect(services.proxy?.depends_on).toEqual(["api-1", "api-2"]);
  });
});
