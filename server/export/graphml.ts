// GraphML (http://graphml.graphdrawing.org/): read by Gephi, Cytoscape, yEd, networkx and igraph.
import { encodeGlobalID } from "@pothos/plugin-relay";
import type { NetworkEdge, NetworkNode } from "./network.ts";

// Characters XML 1.0 cannot hold (controls but tab and line breaks, lone surrogates), and C1 controls.
// With the u flag, the surrogate range matches lone surrogates only.
const NOT_XML = /(?![\t\n\r])\p{Cc}|[\uFFFE\uFFFF\uD800-\uDFFF]/gu;

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

export function xmlEscape(value: string): string {
  return value.replace(NOT_XML, "").replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

function data(key: string, value: string | number | null): string {
  return value === null ? "" : `<data key="${key}">${xmlEscape(String(value))}</data>`;
}

/** The API's global ID, as the CSV and JSON Lines exports give it. */
const actorId = (uuid: string) => xmlEscape(encodeGlobalID("Actor", uuid));

const HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="name" for="node" attr.name="name" attr.type="string"/>
  <key id="kind" for="node" attr.name="kind" attr.type="string"/>
  <key id="wikidataId" for="node" attr.name="wikidataId" attr.type="string"/>
  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>
  <key id="events" for="edge" attr.name="events" attr.type="int"/>
  <key id="quotes" for="edge" attr.name="quotes" attr.type="int"/>
  <graph id="actors" edgedefault="undirected">
`;

const TAIL = "  </graph>\n</graphml>\n";

/** The nodes, then the edges (weight = events + quotes that link the two actors), a batch at a time. */
export async function* graphml(
  nodes: AsyncIterable<NetworkNode[]>,
  edges: () => AsyncIterable<NetworkEdge[]>,
): AsyncGenerator<string> {
  yield HEAD;
  for await (const batch of nodes) {
    yield batch
      .map(
        (node) =>
          `    <node id="${actorId(node.id)}">${data("name", node.name)}${data("kind", node.kind)}${data("wikidataId", node.wikidataId)}</node>\n`,
      )
      .join("");
  }
  for await (const batch of edges()) {
    yield batch
      .map(
        (edge) =>
          `    <edge source="${actorId(edge.source)}" target="${actorId(edge.target)}">${data("weight", edge.events + edge.quotes)}${data("events", edge.events)}${data("quotes", edge.quotes)}</edge>\n`,
      )
      .join("");
  }
  yield TAIL;
}
