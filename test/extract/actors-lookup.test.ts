import { describe, expect, it } from "vitest";
import { ActorSet, type Cluster } from "../../server/extract/actors.ts";
import { MentionFinder } from "../../server/extract/mentions.ts";
import { segment } from "../../server/extract/segment.ts";
import { sentences as splitSentences } from "../../server/extract/sentences.ts";
import { seedText } from "../helpers.ts";

/** The clusters of the seed article, as the extractor builds them before it reads quotes. */
function seedActors(): ActorSet {
  const sentences = splitSentences(seedText, segment(seedText), "de");
  const finder = new MentionFinder("de");
  finder.reset();
  return new ActorSet(
    sentences.flatMap((sentence) => finder.find(sentence)),
    sentences,
    "de",
  );
}

/** What a scan of every cluster's mentions picks: the last mention before `offset`, the older cluster on a tie. */
function scanned(actors: ActorSet, offset: number, fits: (cluster: Cluster) => boolean): Cluster | null {
  let best: Cluster | null = null;
  let bestStart = -1;
  for (const cluster of actors.clusters) {
    if (!fits(cluster)) continue;
    for (const mention of cluster.mentions) {
      if (mention.start < offset && mention.start > bestStart) {
        bestStart = mention.start;
        best = cluster;
      }
    }
  }
  return best;
}

describe("ActorSet lookups", () => {
  it("finds the last fitting actor before every offset as a scan of all clusters does", () => {
    const actors = seedActors();
    const tests: ((cluster: Cluster) => boolean)[] = [
      () => true,
      (cluster) => cluster.kind === "PERSON",
      (cluster) => cluster.kind === "COUNTRY",
      (cluster) => cluster.kind === "PERSON" && cluster.gender !== "f",
    ];
    let found = 0;
    for (let offset = 0; offset <= seedText.length; offset += 7) {
      for (const fits of tests) {
        const expected = scanned(actors, offset, fits);
        expect(actors.lastCluster(offset, fits)).toBe(expected);
        if (expected) found++;
      }
    }
    expect(found).toBeGreaterThan(100);
  });

  it("finds the mentions inside a range as a scan of all mentions does", () => {
    const actors = seedActors();
    for (let start = 0; start < seedText.length; start += 97) {
      const end = start + 300;
      const expected = actors.mentions.filter(
        (mention) => mention.start >= start && mention.end <= end && actors.clusterOf.has(mention),
      );
      expect(actors.mentionsIn(start, end)).toEqual(expected);
    }
  });
});
