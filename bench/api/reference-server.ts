// The raw-SQL reference the API is measured against: node:http and a `pg` Pool of 10, answering
// the benchmark's operations (GET with the reader's persisted-query parameters, or POST with a
// JSON body) with ONE statement each (reference-sql.ts), whose text is the answer's `data`.
// Run as its own process (bench/api/index.ts starts it) so that it shares no event loop with the
// load generator: DATABASE_URL=… PORT=0 node --import tsx bench/api/reference-server.ts
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import pg from "pg";
import { FEATURE_COLUMNS, referenceStatements, type SchemaFeatures } from "./reference-sql.ts";

type Variables = Record<string, unknown>;
type Statement = { sql: string; params: (variables: Variables) => unknown[] };

class BadRequest extends Error {}

/** The uuid inside a global ID of the given type. */
function uuidOf(globalId: unknown, type: string): string {
  const [typename, id] = Buffer.from(String(globalId), "base64").toString("utf8").split(":");
  if (typename !== type || !id) throw new BadRequest(`"${String(globalId)}" is not an ${type} ID`);
  return id;
}

function pageSize(value: unknown, fallback: number): number {
  const size = value ?? fallback;
  if (typeof size !== "number" || !Number.isInteger(size) || size < 1 || size > 100)
    throw new BadRequest("first must be 1..100");
  return size;
}

/** What the reference answers, by operation name: only the variables the benchmark sends. */
function statementsFor(features: SchemaFeatures): Record<string, Statement> {
  const sql = referenceStatements(features);
  return {
    Article: { sql: sql.Article, params: ({ slug }) => [String(slug)] },
    ArticleList: {
      sql: sql.ArticleList,
      params: ({ first, filter, after, last, before }) => {
        if (after != null || last != null || before != null) throw new BadRequest("only `first` pages");
        const { actor, ...others } = (filter ?? {}) as { actor?: unknown };
        if (Object.keys(others).length) throw new BadRequest("only the actor filter");
        return [pageSize(first, 20), actor == null ? null : uuidOf(actor, "Actor")];
      },
    },
    FilterActors: { sql: sql.FilterActors, params: () => [] },
    Search: {
      sql: sql.Search,
      params: ({ query }) => {
        const text = String(query ?? "").trim();
        if (!text || text.length > 500) throw new BadRequest("the query must be 1..500 characters");
        return [text, 10];
      },
    },
    ActorPage: { sql: sql.ActorPage, params: ({ id }) => [uuidOf(id, "Actor")] },
    EventsByParticipant: {
      sql: sql.EventsByParticipant,
      params: ({ actor, first }) => [uuidOf(actor, "Actor"), pageSize(first, 20)],
    },
  };
}

/** Which of the read columns of later migrations the database has. */
export async function schemaFeatures(pool: pg.Pool): Promise<SchemaFeatures> {
  const { rows } = await pool.query<{ table_name: string; column_name: string }>(
    "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()",
  );
  const present = new Set(rows.map((row) => `${row.table_name}.${row.column_name}`));
  return Object.fromEntries(
    Object.entries(FEATURE_COLUMNS).map(([feature, [table, column]]) => [
      feature,
      present.has(`${table}.${column}`),
    ]),
  ) as SchemaFeatures;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function operationOf(request: IncomingMessage): Promise<{ name: string; variables: Variables }> {
  const url = new URL(request.url ?? "/", "http://reference");
  if (url.pathname !== "/graphql") throw new BadRequest("only /graphql");
  if (request.method === "POST") {
    const body = JSON.parse(await readBody(request)) as { operationName?: string; variables?: Variables };
    return { name: String(body.operationName), variables: body.variables ?? {} };
  }
  const variables = url.searchParams.get("variables");
  return {
    name: String(url.searchParams.get("operationName")),
    variables: variables ? (JSON.parse(variables) as Variables) : {},
  };
}

export function createReferenceServer(pool: pg.Pool, features: SchemaFeatures) {
  const statements = statementsFor(features);
  const answer = (response: ServerResponse, status: number, body: string) => {
    response.writeHead(status, {
      "content-type": "application/graphql-response+json; charset=utf-8",
      "content-length": Buffer.byteLength(body),
    });
    response.end(body);
  };
  return createServer((request, response) => {
    void (async () => {
      try {
        const { name, variables } = await operationOf(request);
        const statement = statements[name];
        if (!statement) throw new BadRequest(`unknown operation ${name}`);
        const result = await pool.query<{ data: string }>(statement.sql, statement.params(variables));
        answer(response, 200, `{"data":${result.rows[0]?.data ?? "null"}}`);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        answer(response, error instanceof BadRequest ? 400 : 500, JSON.stringify({ errors: [{ message }] }));
      }
    })();
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  pool.on("error", (error) => console.error(`database connection lost: ${error.message}`));
  const features = await schemaFeatures(pool);
  const server = createReferenceServer(pool, features);
  server.keepAliveTimeout = 60_000;
  server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const used = Object.entries(features).flatMap(([feature, present]) => (present ? [feature] : []));
    console.log(
      `reference listening on http://127.0.0.1:${port} (schema features: ${used.join(", ") || "none"})`,
    );
  });
  const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
