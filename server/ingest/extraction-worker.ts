// An extraction child process: loads the lexicons once, then takes one task at a time: read a text
// and answer its AnnotationDocument, or ingest an article whole (read it and store it with its own
// database connection, answering only the stored row). It holds the extractor's memory and work so
// the API process does not, and the pool can kill it when a text runs over its time budget.
import { databaseFault, describeError } from "../database/outage.ts";
import { extract, warmUp } from "../extract/index.ts";
import { ExtractionError } from "../extract/types.ts";
import type { WorkerReply, WorkerRequest, WorkerTask } from "./extraction-pool.ts";

function reply(message: WorkerReply): void {
  process.send?.(message);
}

async function ingest(id: number, task: Extract<WorkerTask, { kind: "ingest" }>): Promise<WorkerReply> {
  // Loaded on the first ingest: a worker that only extracts never connects to the database.
  const [{ extractOptions, ingestArticle }, { prisma }] = await Promise.all([
    import("./ingest.ts"),
    import("../db.ts"),
  ]);
  const result = await ingestArticle(prisma, task.input, {
    annotate: async (input) => {
      const doc = extract(input.text, extractOptions(input));
      reply({ type: "extracted", id });
      return doc;
    },
  });
  return { type: "stored", id, result };
}

async function run({ id, task }: WorkerRequest): Promise<WorkerReply> {
  if (task.kind === "extract") return { type: "done", id, doc: extract(task.text, task.options) };
  return ingest(id, task);
}

warmUp();
reply({ type: "ready" });

process.on("message", (request: WorkerRequest) => {
  run(request).then(reply, (error: unknown) => {
    const refusal = error instanceof ExtractionError;
    reply({
      type: "failed",
      id: request.id,
      error: {
        message: describeError(error),
        code: refusal ? error.code : null,
        field: refusal ? error.field : null,
        databaseFault: databaseFault(error),
      },
    });
  });
});

// The API process went away (even by kill -9): nothing is left to work for.
process.on("disconnect", () => process.exit(0));
