import { ArticleActorFields } from "../components/ActorCard.fragment.ts";
import { ArticleTextFields } from "../components/ArticleText.fragment.ts";
import { QuoteFields } from "../components/QuoteList.fragment.ts";
import { EventFields } from "../components/Timeline.fragment.ts";
import { graphql } from "../graphql.ts";

/** Everything the article view shows, in one request; prefetch.ts may send it before React loads. */
const ArticleDocument = graphql(
  `
  query Article($slug: String!) {
    article(slug: $slug) {
      id
      slug
      displayTitle
      title
      source
      url
      language
      publishedAt
      ...ArticleTextFields
      actors(first: 100) {
        totalCount
        edges {
          ...ArticleActorFields
        }
      }
      quotes(first: 100) {
        totalCount
        nodes {
          ...QuoteFields
        }
      }
      events(first: 100) {
        totalCount
        nodes {
          ...EventFields
        }
      }
    }
  }
`,
  [ArticleTextFields, ArticleActorFields, QuoteFields, EventFields],
);

/** Sent by its id only: `npm run generate:client` lists it in client/persisted-operations.json. */
export const ArticleQuery = graphql.persisted<typeof ArticleDocument>(
  "sha256:15de964171044fcdeb890fadfc23ce54e73ca1c3d3cc54c44c43916f9721a45f",
  ArticleDocument,
);
