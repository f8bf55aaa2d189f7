import { graphql } from "../graphql.ts";

// What Timeline needs, kept apart from the component so the article can be prefetched
// before React loads (see prefetch.ts).
export const EventFields = graphql(`
  fragment EventFields on Event {
    id
    cameo
    cameoLabel
    summary
    modality
    confidence
    evidence {
      start
      end
      text
    }
    time {
      start
      end
      precision
      direction
      span {
        text
      }
    }
    participants {
      role
      actor {
        id
        name
        kind
      }
    }
    attributedTo {
      id
      name
    }
    place {
      id
      name
    }
  }
`);
