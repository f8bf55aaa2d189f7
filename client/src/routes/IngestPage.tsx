import { useId, useState } from "react";
import { useMutation } from "urql";
import { useLocation } from "wouter";
import { errorText } from "../components/QueryView.tsx";
import { useTitle } from "../components/useTitle.ts";
import { graphql } from "../graphql.ts";
import { IngestBatch } from "./IngestBatch.tsx";

const IngestDocument = graphql(`
  mutation IngestArticle($input: IngestArticleInput!) {
    ingestArticle(input: $input) {
      created
      userErrors {
        field
        message
        code
      }
      article {
        id
        slug
      }
    }
  }
`);

/** Sent by its id only: `npm run generate:client` lists it in client/persisted-operations.json. */
export const IngestMutation = graphql.persisted<typeof IngestDocument>(
  "sha256:3b99856245a8b6921b5efaa7e15d6834063f12b5ec3e85863011b3713afe18b2",
  IngestDocument,
);

const TOKEN_KEY = "newsgraph.apiToken";
const FIELDS = ["text", "title", "publishedAt", "language", "source", "url"] as const;
type Field = (typeof FIELDS)[number];
type Form = Record<Field, string>;

/** Paste an article, send it with the API token, land on it. */
export function IngestPage() {
  useTitle("Add an article");
  const [, navigate] = useLocation();
  const [form, setForm] = useState<Form>({
    text: "",
    title: "",
    publishedAt: "",
    language: "",
    source: "",
    url: "",
  });
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? "");
  const [errors, setErrors] = useState<Partial<Record<Field | "token", string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [result, ingest] = useMutation(IngestMutation);
  const id = useId();

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
    const input = {
      text: form.text,
      title: form.title.trim() || null,
      publishedAt: form.publishedAt || null,
      language: form.language || null,
      source: form.source.trim() || null,
      url: form.url.trim() || null,
    };
    const response = await ingest(
      { input },
      token ? { fetchOptions: { headers: { authorization: `Bearer ${token}` } } } : {},
    );
    if (response.error) {
      const unauthenticated = response.error.graphQLErrors.some(
        (error) => error.extensions?.code === "UNAUTHENTICATED",
      );
      if (unauthenticated) {
        setErrors({ token: "This server needs its API token (NEWSGRAPH_API_TOKEN): enter it here." });
        document.getElementById(`${id}-token`)?.focus();
      } else {
        setFormError(errorText(response.error));
      }
      return;
    }
    const payload = response.data?.ingestArticle;
    if (!payload) return;
    if (payload.userErrors.length) {
      const next: Partial<Record<Field, string>> = {};
      const general: string[] = [];
      for (const error of payload.userErrors) {
        const field = error.field[0] as Field | undefined;
        if (field && FIELDS.includes(field)) next[field] = error.message;
        else general.push(error.message);
      }
      setErrors(next);
      if (general.length) setFormError(general.join(" "));
      const first = FIELDS.find((field) => next[field]);
      if (first) document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    if (payload.article)
      navigate(
        `/articles/${encodeURIComponent(payload.article.slug)}${payload.created ? "" : "?existing=1"}`,
      );
  };

  const fieldProps = (field: Field) => ({
    id: `${id}-${field}`,
    name: field,
    value: form[field],
    "aria-invalid": errors[field] ? true : undefined,
    "aria-describedby": errors[field] ? `${id}-${field}-error` : undefined,
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      setForm({ ...form, [field]: event.currentTarget.value }),
  });
  const errorFor = (field: Field | "token") =>
    errors[field] ? (
      <p id={`${id}-${field}-error`} className="field-error">
        {errors[field]}
      </p>
    ) : null;

  return (
    <section className="ingest-page" aria-labelledby="ingest-heading">
      <h1 id="ingest-heading">Add an article</h1>
      <p>Paste a German or English news text. It is read at once; you land on the result.</p>
      <form onSubmit={submit} noValidate className="ingest-form">
        <div className="field">
          <label htmlFor={`${id}-text`}>Text</label>
          <textarea rows={14} required {...fieldProps("text")} />
          {errorFor("text")}
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-title`}>Title (optional)</label>
            <input type="text" {...fieldProps("title")} />
            {errorFor("title")}
          </div>
          <div className="field">
            <label htmlFor={`${id}-publishedAt`}>Published on (optional)</label>
            <input type="date" {...fieldProps("publishedAt")} />
            {errorFor("publishedAt")}
          </div>
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-language`}>Language</label>
            <select {...fieldProps("language")}>
              <option value="">Detect from the text</option>
              <option value="de">German</option>
              <option value="en">English</option>
            </select>
            {errorFor("language")}
          </div>
          <div className="field">
            <label htmlFor={`${id}-source`}>Source (optional)</label>
            <input type="text" {...fieldProps("source")} />
            {errorFor("source")}
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-url`}>Address of the original (optional)</label>
          <input type="url" {...fieldProps("url")} />
          {errorFor("url")}
        </div>
        <div className="field">
          <label htmlFor={`${id}-token`}>API token (if the server has one)</label>
          <input
            id={`${id}-token`}
            type="password"
            autoComplete="off"
            value={token}
            aria-invalid={errors.token ? true : undefined}
            aria-describedby={errors.token ? `${id}-token-error` : `${id}-token-hint`}
            onChange={(event) => setToken(event.currentTarget.value)}
          />
          <p id={`${id}-token-hint`} className="hint">
            Kept in this browser tab only (session storage) and sent as a bearer token.
          </p>
          {errorFor("token")}
        </div>
        {formError ? (
          <p role="alert" className="notice error">
            {formError}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={result.fetching}>
          {result.fetching ? "Reading the article…" : "Add the article"}
        </button>
      </form>
      <IngestBatch token={token} />
    </section>
  );
}
