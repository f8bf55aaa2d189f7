import { graphql } from "../graphql.ts";

// What ArticleText needs, kept apart from the component so the article can be prefetched
// before React loads (see prefetch.ts).
export const ArticleTextFields = graphql(`
  fragment ArticleTextFields on Article {
    language
    text
    segments {
      kind
      start
      end
    }
    mentions {
      start
      end
      form
      actor {
        id
        name
        kind
      }
    }
  }
`);
