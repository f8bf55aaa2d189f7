import { Link } from "wouter";
import { useTitle } from "../components/useTitle.ts";

export function NotFound() {
  useTitle("Not found");
  return (
    <section>
      <h1>Nothing here</h1>
      <p>
        This address is not a page of the reader. <Link href="/">See all articles</Link>.
      </p>
    </section>
  );
}
