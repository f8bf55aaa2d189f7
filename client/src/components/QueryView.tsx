import type { ReactNode } from "react";
import type { CombinedError } from "urql";

type QueryResult<T> = { data?: T | undefined; fetching: boolean; error?: CombinedError | undefined };

type Props<T> = {
  result: QueryResult<T>;
  /** What is being loaded, for the messages: "articles". */
  what: string;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  retry?: () => void;
  children: (data: T) => ReactNode;
};

export function errorText(error: CombinedError): string {
  if (error.networkError) return `the server did not answer (${error.networkError.message})`;
  return error.graphQLErrors.map((graphQLError) => graphQLError.message).join("; ");
}

/** Every data view handles loading, error, empty and success the same way. */
export function QueryView<T>({ result, what, isEmpty, empty, retry, children }: Props<T>) {
  if (result.error && !result.data) {
    return (
      <div role="alert" className="notice error">
        <p>
          Could not load {what}: {errorText(result.error)}
        </p>
        {retry ? (
          <button type="button" onClick={retry}>
            Try again
          </button>
        ) : null}
      </div>
    );
  }
  if (!result.data) {
    return (
      <p role="status" className="notice loading">
        Loading {what}…
      </p>
    );
  }
  if (isEmpty?.(result.data)) return <div className="notice empty">{empty ?? `No ${what}.`}</div>;
  return <>{children(result.data)}</>;
}
