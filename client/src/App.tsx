import { Link, Route, Switch } from "wouter";
import { ActorPage } from "./routes/ActorPage.tsx";
import { ArticlePage } from "./routes/ArticlePage.tsx";
import { FrontPage } from "./routes/FrontPage.tsx";
import { IngestPage } from "./routes/IngestPage.tsx";
import { NotFound } from "./routes/NotFound.tsx";

export function App() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link href="/" className="brand">
          newsgraph
        </Link>
        <nav aria-label="Site">
          <Link href="/">Articles</Link>
          <Link href="/ingest">Add an article</Link>
          {/* The playground is the server's own page, not a reader route. */}
          <a href="/graphql">Playground</a>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Switch>
          <Route path="/" component={FrontPage} />
          <Route path="/articles/:slug">{(params) => <ArticlePage slug={params.slug} />}</Route>
          <Route path="/actors/:id">{(params) => <ActorPage id={params.id} />}</Route>
          <Route path="/ingest" component={IngestPage} />
          <Route component={NotFound} />
        </Switch>
      </main>
    </>
  );
}
