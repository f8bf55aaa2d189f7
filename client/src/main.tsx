// The entry is kept tiny: on an article's address it sends the article's query at once, while
// React and the rest of the reader (boot.tsx) are still loading.
import { prefetchArticle } from "./prefetch.ts";

prefetchArticle(location.pathname);
import("./boot.tsx").catch((error: unknown) => {
  const root = document.getElementById("root");
  if (root) root.textContent = `The reader could not load (${String(error)}): reload the page.`;
});
