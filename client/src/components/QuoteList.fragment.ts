import { graphql } from "../graphql.ts";

// What QuoteList needs, kept apart from the component so the article can be prefetched
// before React loads (see prefetch.ts).
export const QuoteFields = graphql(`
  fragment QuoteFields on Quote {
    id
    kind
    text
    start
    end
    confidence
    speakerRule
    parts {
      start
      end
    }
    cue {
      start
      end
      text
    }
    speaker {
      id
      name
      kind
    }
    via {
      id
      name
    }
  }
`);
