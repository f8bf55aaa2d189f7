// The playground's ready-made tabs. They find their data at run time (newest article, most
// mentioned actor), so they work on any database, the seed included.

const readerQuery = `# The newest article as the reader shows it: actors, quotes with speakers, events.
query ReaderArticle {
  articles(first: 1) {
    nodes {
      slug
      displayTitle
      publishedAt
      language
      actors(first: 50) {
        totalCount
        edges { description mentionCount node { name kind wikidataId } }
      }
      quotes(first: 50) {
        nodes { kind text cue { text } speaker { name } via { name } confidence }
      }
      events(first: 50) {
        nodes {
          cameo cameoLabel summary modality confidence
          time { start end precision direction span { text } }
          participants { role actor { name } }
          attributedTo { name }
        }
      }
    }
  }
}
`;

const searchQuery = `# Full-text search with German and English stemming.
query Search($query: String!) {
  search(query: $query, first: 5) {
    articles { snippet highlights { start end } node { slug displayTitle } }
    actors { snippet node { name kind } }
    quotes { snippet node { kind speaker { name } } }
  }
}
`;

const actorTimelineQuery = `# The most mentioned country and what it did, earliest first.
query ActorTimeline {
  actors(first: 1, filter: { kind: COUNTRY }) {
    nodes {
      name
      wikidataUrl
      events(first: 20) {
        edges {
          role
          node { summary cameoLabel modality time { start end precision } article { displayTitle } }
        }
      }
    }
  }
}
`;

const ingestMutation = `# Ingest an article (send "Authorization: Bearer <token>" when the server has NEWSGRAPH_API_TOKEN).
mutation Ingest($input: IngestArticleInput!) {
  ingestArticle(input: $input) {
    created
    userErrors { field message code }
    article { slug displayTitle quotes(first: 10) { nodes { text speaker { name } } } }
  }
}
`;

export const exampleOperations = [
  { query: readerQuery },
  { query: searchQuery, variables: JSON.stringify({ query: "Waffen" }, null, 2) },
  { query: actorTimelineQuery },
  {
    query: ingestMutation,
    variables: JSON.stringify(
      {
        input: {
          text: "Die Außenministerin sagte am Montag in Berlin: „Wir werden die Ukraine weiter unterstützen.“",
          language: "de",
          publishedAt: "2024-03-04",
        },
      },
      null,
      2,
    ),
  },
];
