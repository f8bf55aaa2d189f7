import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "../../server/database/embedded.ts";
import { inEmbeddedPass } from "../helpers.ts";

const embeddedPass = await inEmbeddedPass("the PGlite queue tests");

// The embedded database serves many pg connections on one PGlite session. Parameterised queries
// (Parse, Bind, Execute, Sync) from several connections at once, mixed with transactions, must
// each get their own rows: interleaved, they got "portal does not exist" or another query's rows.
let embedded: EmbeddedPostgres;
beforeAll(async () => {
  embedded = await startEmbeddedPostgres(undefined);
});
afterAll(() => embedded?.stop());

describe.skipIf(!embeddedPass)("the embedded database under concurrent connections", () => {
  it("answers every parameterised query with its own rows", async () => {
    const pool = new pg.Pool({ connectionString: embedded.connectionString, max: 10 });
    const problems: string[] = [];
    await Promise.all(
      Array.from({ length: 200 }, async (_, index) => {
        try {
          if (index % 2) {
            const client = await pool.connect();
            try {
              await client.query("BEGIN");
              await client.query("SELECT $1::int AS x", [index]);
              await client.query("COMMIT");
            } finally {
              client.release();
            }
          } else {
            const result = await pool.query("SELECT $1::int + 1 AS x", [index]);
            if (result.rows[0]?.x !== index + 1)
              problems.push(`query ${index} got ${JSON.stringify(result.rows)}`);
          }
        } catch (error) {
          problems.push(`query ${index}: ${(error as Error).message}`);
        }
      }),
    );
    await pool.end();
    expect(problems).toEqual([]);
  });

  it("keeps serving after a failing statement", async () => {
    const pool = new pg.Pool({ connectionString: embedded.connectionString, max: 4 });
    const failures = await Promise.allSettled(
      Array.from({ length: 20 }, (_, index) => pool.query(index % 2 ? "SELECT nonsense" : "SELECT 1 AS one")),
    );
    expect(failures.filter((result) => result.status === "rejected")).toHaveLength(10);
    expect((await pool.query("SELECT 2 AS two")).rows).toEqual([{ two: 2 }]);
    await pool.end();
  });
});
