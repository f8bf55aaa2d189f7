// An extraction child process: loads the lexicons once, then reads one document at a time and
// answers with its AnnotationDocument. It holds the extractor's memory so the API process does not,
// and the pool can kill it when a document runs over its time budget.
import { extract, warmUp } from "../extract/index.ts";
import { ExtractionError } from "../extract/types.ts";
import type { WorkerReply, WorkerRequest } from "./extraction-pool.ts";

function reply(message: WorkerReply): void {
  process.send?.(message);
}

warmUp();
reply({ type: "ready" });

process.on("message", (request: WorkerRequest) => {
  try {
    reply({ type: "done", id: request.id, doc: extract(request.text, request.options) });
  } catch (error) {
    const refusal = error instanceof ExtractionError;
    reply({
      type: "failed",
      id: request.id,
      error: {
        message: error instanceof Error ? error.message : String(error),
        code: refusal ? error.code : null,
        field: refusal ? error.field : null,
      },
    });
  }
});

// The API process went away (even by kill -9): nothing is left to work for.
process.on("disconnect", () => process.exit(0));
