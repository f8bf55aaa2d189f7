import { useId, useState } from "react";
import { useMutation, useSubscription } from "urql";
import { errorText } from "../components/QueryView.tsx";
import { graphql } from "../graphql.ts";

const IngestArticlesDocument = graphql(`
  mutation IngestArticles($input: IngestArticlesInput!) {
    ingestArticles(input: $input) {
      job {
        id
        state
        total
        done
        refused
        failed
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const IngestArticlesMutation = graphql.persisted<typeof IngestArticlesDocument>(
  "sha256:e53093a42a7beb9c3f5a845730a82654524bf055197731dc287e2a38d67a5f51",
  IngestArticlesDocument,
);

const JobProgressDocument = graphql(`
  subscription JobProgress($id: ID!) {
    jobProgress(id: $id) {
      id
      state
      total
      done
      refused
      failed
      failure
      errors {
        index
        message
      }
    }
  }
`);

export const JobProgressSubscription = graphql.persisted<typeof JobProgressDocument>(
  "sha256:1df60f5f4178b8c7940e4342450751717e9a5c2b93b2f22ee2f288cd5908ff5f",
  JobProgressDocument,
);

// Subscriptions come as Server-Sent Events: the client's default Accept asks for JSON.
const EVENT_STREAM = { fetchOptions: { headers: { accept: "text/event-stream" } } };

/** A line holding only three dashes separates two articles. */
function splitArticles(text: string): string[] {
  return text
    .split(/^\s*---\s*$/m)
    .map((article) => article.trim())
    .filter(Boolean);
}

function countLabel(count: number): string {
  return count ? `Add ${count} article${count === 1 ? "" : "s"}` : "Add the articles";
}

/** A running job's counts as they come (jobProgress), with a progress bar and each article's refusal. */
function JobProgress({ jobId }: { jobId: string }) {
  const [{ data, error }] = useSubscription({
    query: JobProgressSubscription,
    variables: { id: jobId },
    context: EVENT_STREAM,
  });
  const job = data?.jobProgress;
  if (error) return <p className="notice error">{errorText(error)}</p>;
  if (!job) return <p aria-live="polite">Waiting for the job…</p>;
  const read = job.done + job.refused + job.failed;
  const finished = job.state === "COMPLETED" || job.state === "FAILED";
  return (
    <div className="job-progress" aria-live="polite">
      <progress max={job.total} value={read} aria-label="Articles read" />
      <p>
        {read} of {job.total} read: {job.done} stored, {job.refused} refused, {job.failed} failed
        {finished
          ? job.state === "FAILED"
            ? ` — the job stopped: ${job.failure ?? "unknown reason"}`
            : " — done."
          : "…"}
      </p>
      {job.errors.length ? (
        <ul className="job-errors">
          {job.errors.map((problem) => (
            <li key={`${problem.index}-${problem.message}`}>
              Article {problem.index + 1}: {problem.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Several articles at once, as one background job whose progress is shown live. */
export function IngestBatch({ token }: { token: string }) {
  const [text, setText] = useState("");
  const [language, setLanguage] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [result, submit] = useMutation(IngestArticlesMutation);
  const id = useId();

  const send = async (event: React.FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const articles = splitArticles(text).map((article) => ({ text: article, language: language || null }));
    const response = await submit(
      { input: { articles } },
      token ? { fetchOptions: { headers: { authorization: `Bearer ${token}` } } } : {},
    );
    if (response.error) return setProblem(errorText(response.error));
    const payload = response.data?.ingestArticles;
    if (payload?.userErrors.length)
      return setProblem(payload.userErrors.map((error) => error.message).join(" "));
    if (payload?.job) setJobId(payload.job.id);
  };

  return (
    <section className="ingest-batch" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Add several articles</h2>
      <p>
        Paste up to 100 articles, separated by a line holding only <code>---</code>. They are read in the
        background; the progress shows here.
      </p>
      <form onSubmit={send} noValidate className="ingest-form">
        <div className="field">
          <label htmlFor={`${id}-texts`}>Articles</label>
          <textarea
            id={`${id}-texts`}
            rows={10}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-language`}>Language</label>
          <select
            id={`${id}-language`}
            value={language}
            onChange={(event) => setLanguage(event.currentTarget.value)}
          >
            <option value="">Detect from each text</option>
            <option value="de">German</option>
            <option value="en">English</option>
          </select>
        </div>
        {problem ? (
          <p role="alert" className="notice error">
            {problem}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={result.fetching}>
          {result.fetching ? "Sending…" : countLabel(splitArticles(text).length)}
        </button>
      </form>
      {jobId ? <JobProgress key={jobId} jobId={jobId} /> : null}
    </section>
  );
}
