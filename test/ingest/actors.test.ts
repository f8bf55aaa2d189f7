import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "../../server/db.ts";
import { extract } from "../../server/extract/index.ts";
import { ingestArticle } from "../../server/ingest/ingest.ts";

// Two local actors of one article that are one database actor: the extractor keeps "Der Vater"
// and "Ein Vater" apart, the database knows one PERSON "Vater" per article.
function twoFathers(): string {
  return [
    `Der Vater sagte am Montag, er sei erleichtert (Meldung ${randomUUID().slice(0, 8)}).`,
    "Ein Vater aus Köln erklärte dagegen, er habe Angst um seine Kinder.",
    "Der Vater sagte außerdem, die Schule müsse sicherer werden.",
  ].join(" ");
}

async function rolesOf(articleId: string) {
  return prisma.articleActor.findMany({ where: { articleId }, include: { actor: true } });
}

describe("actors of one article that are one database actor", () => {
  it("are merged into one role with all their mentions, quotes and events", async () => {
    const text = twoFathers();
    const doc = extract(text, { language: "de" });
    const fathers = doc.actors.filter((actor) => actor.name === "Vater");
    expect(fathers.length).toBeGreaterThan(1);

    const result = await ingestArticle(prisma, { text, language: "de" });
    expect(result.userErrors).toEqual([]);
    const articleId = result.article?.id as string;

    const roles = (await rolesOf(articleId)).filter((role) => role.actor.name === "Vater");
    expect(roles).toHaveLength(1);
    const father = roles[0];
    const localMentions = fathers.reduce((sum, actor) => sum + actor.mentions.length, 0);
    expect(father?.mentionCount).toBe(localMentions);
    expect(await prisma.mention.count({ where: { articleId, actorId: father?.actorId } })).toBe(
      localMentions,
    );

    const fatherIds = new Set(fathers.map((actor) => actor.id));
    const fatherQuotes = doc.quotes.filter((quote) => quote.speaker && fatherIds.has(quote.speaker));
    expect(fatherQuotes.length).toBeGreaterThan(0);
    expect(await prisma.quote.count({ where: { articleId, speakerId: father?.actorId } })).toBe(
      fatherQuotes.length,
    );
    expect(await prisma.quote.count({ where: { articleId } })).toBe(doc.quotes.length);
    expect(await prisma.event.count({ where: { articleId } })).toBe(doc.events.length);
  });

  it("keeps an unnamed description to its own article, and shares a named actor", async () => {
    const first = await ingestArticle(prisma, { text: twoFathers(), language: "de" });
    const second = await ingestArticle(prisma, { text: twoFathers(), language: "de" });
    const [firstRoles, secondRoles] = await Promise.all([
      rolesOf(first.article?.id as string),
      rolesOf(second.article?.id as string),
    ]);
    const actorOf = (roles: typeof firstRoles, name: string) =>
      roles.find((role) => role.actor.name === name)?.actorId;
    // "der Vater" of one story is not the father of another.
    expect(actorOf(firstRoles, "Vater")).toBeDefined();
    expect(actorOf(secondRoles, "Vater")).toBeDefined();
    expect(actorOf(firstRoles, "Vater")).not.toBe(actorOf(secondRoles, "Vater"));
    // Köln is Köln everywhere.
    expect(actorOf(firstRoles, "Köln")).toBeDefined();
    expect(actorOf(firstRoles, "Köln")).toBe(actorOf(secondRoles, "Köln"));
  });

  it("reads an article again without leaving its old unnamed actors behind", async () => {
    const text = twoFathers();
    const stored = await ingestArticle(prisma, { text, language: "de" });
    const articleId = stored.article?.id as string;
    const fatherId = (await rolesOf(articleId)).find((role) => role.actor.name === "Vater")?.actorId;
    // A date given later makes the article be read again.
    const again = await ingestArticle(prisma, { text, publishedAt: "2024-03-05" });
    expect(again.userErrors).toEqual([]);
    const roles = await rolesOf(articleId);
    expect(roles.filter((role) => role.actor.name === "Vater")).toHaveLength(1);
    expect(roles.find((role) => role.actor.name === "Vater")?.actorId).toBe(fatherId);
    expect(await prisma.actor.count({ where: { roles: { none: {} }, name: "Vater" } })).toBe(0);
  });
});
