// A plain first reader: the list of articles, and one article's text with its actors, quotes
// and events. Every string from the API goes in through textContent, never as HTML.
const app = document.getElementById("app");

async function graphql(query, variables) {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors?.length) throw new Error(body.errors.map((error) => error.message).join("; "));
  return body.data;
}

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  for (const child of children) node.append(child);
  return node;
}

function showError(error) {
  app.replaceChildren(el("p", { className: "error", textContent: `Could not load: ${error.message}` }));
}

async function showList() {
  const data = await graphql(`{
    articles(first: 50) {
      totalCount
      nodes { slug displayTitle source language publishedAt
        actors(first: 1) { totalCount } quotes(first: 1) { totalCount } events(first: 1) { totalCount } }
    }
  }`);
  const { nodes, totalCount } = data.articles;
  if (totalCount === 0) {
    app.replaceChildren(el("p", { textContent: "No articles yet: ingest one through the API playground." }));
    return;
  }
  const list = el("ul", { id: "articles" });
  for (const article of nodes) {
    const link = el("a", {
      href: `/?article=${encodeURIComponent(article.slug)}`,
      textContent: article.displayTitle,
    });
    const meta = [article.source, article.publishedAt, article.language].filter(Boolean).join(" · ");
    const counts = `${article.actors.totalCount} actors, ${article.quotes.totalCount} quotes, ${article.events.totalCount} events`;
    list.append(el("li", {}, link, el("div", { className: "meta", textContent: `${meta} — ${counts}` })));
  }
  app.replaceChildren(el("h2", { textContent: `${totalCount} article(s)` }), list);
}

const ARTICLE_QUERY = `query Article($slug: String!) {
  article(slug: $slug) {
    displayTitle source publishedAt language text
    segments { kind start end }
    mentions { start end text actor { name kind } }
    actors(first: 100) { edges { description mentionCount node { name kind wikidataId } } }
    quotes(first: 100) { nodes { kind text cue { text } speaker { name } via { name } confidence } }
    events(first: 100) { nodes { cameo cameoLabel summary modality attributedTo { name }
      time { start end precision direction span { text } } participants { role actor { name } } } }
  }
}`;

/** The text as spans: segments set the style, mentions become <mark>s. */
function renderText(article) {
  const box = el("div", { className: "text", id: "article-text" });
  const mentions = [...article.mentions].sort((a, b) => a.start - b.start);
  let m = 0;
  for (const segment of article.segments) {
    const part = el("span", { className: `segment-${segment.kind}` });
    if (segment.kind === "COMMENT") part.title = "Reader comment: not part of the article";
    let at = segment.start;
    while (m < mentions.length && mentions[m].start < segment.end) {
      const mention = mentions[m++];
      if (mention.start < at) continue;
      part.append(article.text.slice(at, mention.start));
      part.append(
        el("mark", {
          className: mention.actor.kind,
          title: `${mention.actor.name} (${mention.actor.kind.toLowerCase()})`,
          textContent: article.text.slice(mention.start, mention.end),
        }),
      );
      at = mention.end;
    }
    part.append(article.text.slice(at, segment.end));
    box.append(part);
  }
  return box;
}

async function showArticle(slug) {
  const { article } = await graphql(ARTICLE_QUERY, { slug });
  if (!article) {
    app.replaceChildren(
      el("p", { textContent: "No such article." }),
      el("a", { href: "/", textContent: "All articles" }),
    );
    return;
  }
  const actors = el("ul", { id: "actors" });
  for (const { node, description, mentionCount } of article.actors.edges) {
    const label = `${node.name}${description ? ` — ${description}` : ""} (${mentionCount}×)`;
    actors.append(el("li", {}, el("span", { className: "kind", textContent: node.kind }), ` ${label}`));
  }
  const quotes = el("ul", { id: "quotes" });
  for (const quote of article.quotes.nodes) {
    const who = quote.speaker?.name ?? "unattributed";
    const via = quote.via ? ` via ${quote.via.name}` : "";
    quotes.append(
      el(
        "li",
        {},
        el("span", { className: "kind", textContent: quote.kind }),
        ` ${who}${via}: “${quote.text}”`,
      ),
    );
  }
  const events = el("ul", { id: "events" });
  for (const event of article.events.nodes) {
    const when = event.time
      ? ` [${event.time.start ?? event.time.span.text}${event.time.end && event.time.end !== event.time.start ? ` – ${event.time.end}` : ""}]`
      : "";
    const claim = event.attributedTo ? `, according to ${event.attributedTo.name}` : "";
    events.append(
      el(
        "li",
        {},
        el("span", { className: "kind", textContent: event.cameoLabel }),
        ` ${event.summary}${when} (${event.modality.toLowerCase()}${claim})`,
      ),
    );
  }
  const meta = [article.source, article.publishedAt, article.language].filter(Boolean).join(" · ");
  app.replaceChildren(
    el("p", {}, el("a", { href: "/", textContent: "← All articles" })),
    el("h2", { textContent: article.displayTitle }),
    el("p", { className: "meta", textContent: meta }),
    el(
      "div",
      { className: "layout" },
      renderText(article),
      el(
        "aside",
        {},
        el("h3", { textContent: `Actors (${article.actors.edges.length})` }),
        actors,
        el("h3", { textContent: `Quotes (${article.quotes.nodes.length})` }),
        quotes,
        el("h3", { textContent: `Events (${article.events.nodes.length})` }),
        events,
      ),
    ),
  );
}

const slug = new URLSearchParams(location.search).get("article");
(slug ? showArticle(slug) : showList()).catch(showError);
