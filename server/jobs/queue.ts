import PgBoss from "pg-boss";

// Ingest jobs wait in PostgreSQL, in pg-boss's own schema (`pgboss`): any API replica sends, any
// worker (in `npm start` or `npm run worker`) takes the next one. A job whose worker died is
// expired after its time budget and retried; one that failed every try lands in the failed queue.

export const INGEST_QUEUE = "ingest-articles";
const FAILED_QUEUE = "ingest-articles-failed";

const RETRY = { retryLimit: 3, retryDelay: 10, retryBackoff: true } as const;
const POLLING_INTERVAL_SECONDS = 1;

export type JobQueueOptions = {
  connectionString: string;
  /** One try's time budget; pg-boss fails (and retries) a job still active after it. */
  jobTimeoutMs: number;
  /** Workers check for jobs that outlived their budget; API-only processes leave that to them. */
  supervise: boolean;
};

export type JobQueue = {
  /** Queues the ingest job stored under `jobId` (the IngestJob row). */
  sendIngest: (jobId: string) => Promise<void>;
  /** Runs `concurrency` workers on this process: `run` for each job, `giveUp` for one that failed every try. */
  work: (handlers: {
    concurrency: number;
    run: (jobId: string) => Promise<void>;
    giveUp: (jobId: string, reason: string) => Promise<void>;
  }) => Promise<void>;
  /** Lets the running jobs finish (up to `timeoutMs`), then closes the connections. */
  stop: (timeoutMs: number) => Promise<void>;
};

type IngestData = { jobId: string };

function failureReason(output: unknown): string {
  const message = (output as { message?: unknown } | null)?.message;
  return typeof message === "string" ? message.split("\n")[0]?.slice(0, 500) || "unknown" : "unknown";
}

export async function startJobQueue(options: JobQueueOptions): Promise<JobQueue> {
  const boss = new PgBoss({
    connectionString: options.connectionString,
    max: 3,
    application_name: "newsgraph-jobs",
    supervise: options.supervise,
    schedule: false,
  });
  // pg-boss reports polling and maintenance errors (the database went away) here; it keeps trying.
  let lastError = "";
  boss.on("error", (error: Error) => {
    if (error.message === lastError) return;
    lastError = error.message;
    console.error(`Job queue: ${error.message}`);
  });
  await boss.start();
  const expireInSeconds = Math.ceil(options.jobTimeoutMs / 1000);
  await boss.createQueue(FAILED_QUEUE);
  await boss.createQueue(INGEST_QUEUE, {
    name: INGEST_QUEUE,
    ...RETRY,
    expireInSeconds,
    deadLetter: FAILED_QUEUE,
  });

  return {
    async sendIngest(jobId) {
      await boss.send(INGEST_QUEUE, { jobId } satisfies IngestData, {
        id: jobId,
        ...RETRY,
        expireInSeconds,
        deadLetter: FAILED_QUEUE,
      });
    },
    async work({ concurrency, run, giveUp }) {
      const work = { batchSize: 1, pollingIntervalSeconds: POLLING_INTERVAL_SECONDS };
      for (let worker = 0; worker < concurrency; worker++) {
        await boss.work<IngestData>(INGEST_QUEUE, work, async ([job]) => {
          if (job) await run(job.data.jobId);
        });
      }
      await boss.work<IngestData>(FAILED_QUEUE, work, async ([job]) => {
        if (!job) return;
        const failed = await boss.getJobById(INGEST_QUEUE, job.data.jobId);
        await giveUp(job.data.jobId, failureReason(failed?.output));
      });
    },
    async stop(timeoutMs) {
      await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
    },
  };
}
