import { createHash } from "node:crypto";
import { EXTRACTOR, extract } from "../extract/index.ts";
import { type AnnotationDocument, ExtractionError } from "../extract/types.ts";
import type { Article, PrismaClient } from "../generated/prisma/client.ts";
import { type ArticleInput, type CleanArticleInput, type UserError, validateArticleInput } from "./input.ts";
import { clearAnnotation, writeAnnotation } from "./write.ts";

export type IngestResult = { article: Article | null; created: boolean; userErrors: UserError[] };

// Large articles hold thousands of rows; the default 5 s transaction limit is too tight.
const TRANSACTION_OPTIONS = { timeout: 120_000, maxWait: 60_000 };

export function contentHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

function slugify(words: string): string {
  return words
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/Ä/g, "Ae")
    .replace(/Ö/g, "Oe")
    .replace(/Ü/g, "Ue")
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .split("-")
    .slice(0, 8)
    .join("-");
}

/** Readable and stable: the title's (or the text's first) words plus the start of the hash. */
export function articleSlug(title: string | null, text: string, hash: string): string {
  const words = slugify(title ?? text.slice(0, 200)) || "article";
  return `${words}-${hash.slice(0, 8)}`;
}

function annotate(input: CleanArticleInput): AnnotationDocument {
  return extract(input.text, {
    language: input.language,
    publishedAt: input.publishedAt,
    title: input.title,
  });
}

function extractionRefusal(error: unknown): UserError[] {
  if (error instanceof ExtractionError) {
    return [{ field: [error.field], message: error.message, code: error.code }];
  }
  throw error;
}

/** The metadata given now that the stored article still lacks. */
function missingMetadata(article: Article, input: CleanArticleInput) {
  return {
    ...(article.title === null && input.title ? { title: input.title } : {}),
    ...(article.url === null && input.url ? { url: input.url } : {}),
    ...(article.source === null && input.source ? { source: input.source } : {}),
    ...(article.publishedAt === null && input.publishedAt ? { publishedAt: input.publishedAt } : {}),
  };
}

async function completeExisting(prisma: PrismaClient, article: Article, input: CleanArticleInput) {
  const missing = missingMetadata(article, input);
  if (Object.keys(missing).length === 0) return article;
  const merged: CleanArticleInput = {
    text: article.text,
    language: article.language as "de" | "en",
    title: missing.title ?? article.title,
    url: missing.url ?? article.url,
    source: missing.source ?? article.source,
    publishedAt: missing.publishedAt ?? article.publishedAt?.toISOString().slice(0, 10) ?? null,
  };
  // A new publication date changes how relative dates resolve, a new title what is read: read again.
  const doc = missing.publishedAt || missing.title ? annotate(merged) : null;
  return prisma.$transaction(async (tx) => {
    if (doc) {
      await clearAnnotation(tx, article.id);
      await writeAnnotation(tx, article.id, doc);
    }
    return tx.article.update({
      where: { id: article.id },
      data: {
        title: merged.title,
        url: merged.url,
        source: merged.source,
        publishedAt: merged.publishedAt ? new Date(`${merged.publishedAt}T00:00:00Z`) : null,
        ...(doc ? { annotation: doc, extractorVersion: doc.extractor.version } : {}),
      },
    });
  }, TRANSACTION_OPTIONS);
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

/**
 * Text in, article out. The same text twice is the same article (`created: false`), completed
 * with whatever metadata it lacked. Extraction runs before the transaction, which holds only writes.
 */
export async function ingestArticle(prisma: PrismaClient, raw: ArticleInput): Promise<IngestResult> {
  const validated = validateArticleInput(raw);
  if (!validated.ok) return { article: null, created: false, userErrors: validated.errors };
  const input = validated.value;
  const hash = contentHash(input.text);

  const existing = await prisma.article.findUnique({ where: { contentHash: hash } });
  if (existing) {
    return { article: await completeExisting(prisma, existing, input), created: false, userErrors: [] };
  }

  let doc: AnnotationDocument;
  try {
    doc = annotate(input);
  } catch (error) {
    return { article: null, created: false, userErrors: extractionRefusal(error) };
  }

  try {
    const article = await prisma.$transaction(async (tx) => {
      const row = await tx.article.create({
        data: {
          slug: articleSlug(input.title, input.text, hash),
          title: input.title,
          url: input.url,
          source: input.source,
          language: doc.language,
          publishedAt: input.publishedAt ? new Date(`${input.publishedAt}T00:00:00Z`) : null,
          text: input.text,
          contentHash: hash,
          extractorVersion: doc.extractor.version,
          annotation: doc,
        },
      });
      await writeAnnotation(tx, row.id, doc);
      return row;
    }, TRANSACTION_OPTIONS);
    return { article, created: true, userErrors: [] };
  } catch (error) {
    // The same text was ingested beside us and won the race: it is the same article.
    if (!isUniqueViolation(error)) throw error;
    const winner = await prisma.article.findUnique({ where: { contentHash: hash } });
    if (!winner) throw error;
    return { article: winner, created: false, userErrors: [] };
  }
}

/** Reads again every article stored by an older extractor; article ids stay the same. */
export async function reextractOutdated(
  prisma: PrismaClient,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<number> {
  const outdated = await prisma.article.findMany({
    where: { extractorVersion: { not: EXTRACTOR.version } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  for (const [index, { id }] of outdated.entries()) {
    const article = await prisma.article.findUniqueOrThrow({ where: { id } });
    const doc = annotate({
      text: article.text,
      title: article.title,
      url: article.url,
      source: article.source,
      language: article.language as "de" | "en",
      publishedAt: article.publishedAt?.toISOString().slice(0, 10) ?? null,
    });
    await prisma.$transaction(async (tx) => {
      await clearAnnotation(tx, id);
      await writeAnnotation(tx, id, doc);
      await tx.article.update({
        where: { id },
        data: { annotation: doc, extractorVersion: doc.extractor.version },
      });
    }, TRANSACTION_OPTIONS);
    onProgress(index + 1, outdated.length);
  }
  return outdated.length;
}

/** Deletes an article with everything read from it, and the actors no other article mentions. */
export async function deleteArticle(prisma: PrismaClient, id: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.article.deleteMany({ where: { id } });
    if (count > 0) await tx.actor.deleteMany({ where: { roles: { none: {} } } });
    return count > 0;
  }, TRANSACTION_OPTIONS);
}
