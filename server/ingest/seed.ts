import { readFileSync } from "node:fs";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { ingestArticle } from "./ingest.ts";

const seedDir = new URL("../../prisma/seed/", import.meta.url);

type SeedEntry = {
  file: string;
  title?: string;
  url?: string;
  source?: string;
  language?: string;
  publishedAt?: string;
};

/** Ingests the shipped seed articles into an empty database; returns how many it created. */
export async function seedIfEmpty(prisma: PrismaClient): Promise<number> {
  if ((await prisma.article.count()) > 0) return 0;
  const entries = JSON.parse(readFileSync(new URL("articles.json", seedDir), "utf8")) as SeedEntry[];
  let created = 0;
  for (const { file, ...metadata } of entries) {
    const text = readFileSync(new URL(file, seedDir), "utf8");
    const result = await ingestArticle(prisma, { text, ...metadata });
    if (result.userErrors.length) {
      throw new Error(
        `Seed ${file} was refused: ${result.userErrors.map((error) => error.message).join("; ")}`,
      );
    }
    if (result.created) created += 1;
  }
  return created;
}
