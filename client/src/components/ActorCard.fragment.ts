import { graphql } from "../graphql.ts";

// What ActorCard needs, kept apart from the component so the article can be prefetched
// before React loads (see prefetch.ts).
export const ArticleActorFields = graphql(`
  fragment ArticleActorFields on ArticleActorsConnectionEdge {
    description
    mentionCount
    node {
      id
      name
      kind
      wikidataId
      wikidataUrl
    }
  }
`);
