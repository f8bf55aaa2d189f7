import { createHash, randomUUID } from "node:crypto";
import { type AnnotationDocument, ExtractionError, type ExtractOptions } from "../extract/types.ts";
import { EXTRACTOR } from "../extract/version.ts";
import type { Article as ArticleRow, Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { ExtractionFailure, extractionPool, IngestBusyError } from "./extraction-pool.ts";
import { type ArticleInput, type CleanArticleInput, type UserError, validateArticleInput } from "./input.ts";
import { replaceAnnotation, writeAnnotation } from "./write.ts";

/** An article row without its annotation JSON (megabytes for a long text; nothing here reads it). */
type Article = Omit<ArticleRow, "annotation">;
const WITHOUT_ANNOTATION = { annotation: true } as const;

export type IngestResult = { article: Article | null; created: boolean; userErrors: UserError[] };

// Large articles hold thousands of rows; the default 5 s transaction limit is too tight.
const TRANSACTION_OPTIONS = { timeout: 120_000, maxWait: 60_000 };

export function contentHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

// Eight words make a readable address; a title of one very long word must not make a long one.
const MAX_SLUG_WORDS_LENGTH = 80;

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
    .join("-")
    .slice(0, MAX_SLUG_WORDS_LENGTH)
    .replace(/-+$/, "");
}

/** Readable and stable: the title's (or the text's first) words plus the start of the hash. */
export function articleSlug(title: string | null, text: string, hash: string): string {
  const words = slugify(title ?? text.slice(0, 200)) || "article";
  return `${words}-${hash.slice(0, 8)}`;
}

/** Reads a text into its annotation. */
export type Annotate = (input: CleanArticleInput) => Promise<AnnotationDocument>;

/** What the extractor is told of an article besides its text. */
export function extractOptions(input: CleanArticleInput): ExtractOptions {
  return { language: input.language, publishedAt: input.publishedAt, title: input.title };
}

/** Reads the text in an extraction worker (extraction-pool.ts), off this thread. */
function annotate(input: CleanArticleInput): Promise<AnnotationDocument> {
  return extractionPool().extract(input.text, extractOptions(input));
}

/** Extraction as a result: a refusal the user can act on, or any other failure as EXTRACTION_FAILED. */
async function tryAnnotate(
  read: Annotate,
  input: CleanArticleInput,
): Promise<{ doc: AnnotationDocument } | { error: UserError }> {
  try {
    return { doc: await read(input) };
  } catch (error) {
    if (error instanceof ExtractionError) {
      return { error: { field: [error.field], message: error.message, code: error.code } };
    }
    if (error instanceof ExtractionFailure) {
      return { error: { field: ["text"], message: error.message, code: error.code } };
    }
    // A full queue says nothing about this text: the caller retries (503 INGEST_BUSY).
    if (error instanceof IngestBusyError) throw error;
    const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0]?.slice(0, 200);
    return {
      error: {
        field: ["text"],
        code: "EXTRACTION_FAILED",
        message: `The extractor failed on this text (${reason}); please report it with the text.`,
      },
    };
  }
}

function storedInput(article: Article): CleanArticleInput {
  return {
    text: article.text,
    language: article.language as "de" | "en",
    title: article.title,
    url: article.url,
    source: article.source,
    publishedAt: article.publishedAt?.toISOString().slice(0, 10) ?? null,
  };
}

/**
 * What to store for a text: the stored article completed with the metadata it lacks (metadata is
 * only ever filled in, never replaced), or the input itself for a new text.
 */
function wantedInput(stored: Article | null, input: CleanArticleInput): CleanArticleInput {
  if (!stored) return input;
  const current = storedInput(stored);
  return {
    ...current,
    title: current.title ?? input.title,
    url: current.url ?? input.url,
    source: current.source ?? input.source,
    publishedAt: current.publishedAt ?? input.publishedAt,
  };
}

function sameMetadata(a: CleanArticleInput, b: CleanArticleInput): boolean {
  return a.title === b.title && a.url === b.url && a.source === b.source && a.publishedAt === b.publishedAt;
}

/** A new text is read; a stored one again when it gains a title (what is read) or a date (how relative dates resolve). */
function needsReading(stored: Article | null, wanted: CleanArticleInput): boolean {
  if (!stored) return true;
  const current = storedInput(stored);
  return wanted.title !== current.title || wanted.publishedAt !== current.publishedAt;
}

/** Whether `doc` was read with the title, date and language that `wanted` gives. */
function readWith(doc: AnnotationDocument | null, wanted: CleanArticleInput): doc is AnnotationDocument {
  return (
    doc !== null &&
    (doc.title ?? null) === wanted.title &&
    (doc.publishedAt ?? null) === wanted.publishedAt &&
    (wanted.language === null || doc.language === wanted.language)
  );
}

function metadataColumns(wanted: CleanArticleInput) {
  return {
    title: wanted.title,
    url: wanted.url,
    source: wanted.source,
    publishedAt: wanted.publishedAt ? new Date(`${wanted.publishedAt}T00:00:00Z`) : null,
  };
}

// The article's text and annotation JSON go in as plain parameters of raw SQL: through Prisma's
// create or update, a megabyte of text and JSON held the API's thread for a quarter second.

async function insertArticle(
  tx: Prisma.TransactionClient,
  hash: string,
  wanted: CleanArticleInput,
  doc: AnnotationDocument,
): Promise<Article> {
  const id = randomUUID();
  const slug = articleSlug(wanted.title, wanted.text, hash);
  await tx.$executeRaw`
    INSERT INTO "Article" (id, slug, title, url, source, language, "publishedAt", text, "contentHash",
                           "extractorVersion", annotation, "updatedAt")
    VALUES (${id}::uuid, ${slug}, ${wanted.title}, ${wanted.url}, ${wanted.source}, ${doc.language},
            ${wanted.publishedAt}::date, ${wanted.text}, ${hash}, ${doc.extractor.version},
            ${JSON.stringify(doc)}::jsonb, now())`;
  return tx.article.findUniqueOrThrow({ where: { id }, omit: WITHOUT_ANNOTATION });
}

async function storeAnnotation(tx: Prisma.TransactionClient, id: string, doc: AnnotationDocument) {
  await tx.$executeRaw`
    UPDATE "Article" SET annotation = ${JSON.stringify(doc)}::jsonb, "extractorVersion" = ${doc.extractor.version},
        "updatedAt" = now()
    WHERE id = ${id}::uuid`;
}

/** Concurrent writes of one text take turns on this lock, held until their transaction ends. */
async function lockText(tx: Prisma.TransactionClient, hash: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${hash}, 0))`;
}

type StoreOutcome =
  | { stored: true; article: Article; created: boolean }
  /** The article changed since it was read (another ingest completed it): here it is now. */
  | { stored: false; current: Article | null };

/**
 * Stores a text's article under the lock of its text, after looking again at what is stored: so
 * concurrent first ingests and re-ingests of one text take turns, each seeing what the one before
 * it wrote. `doc` is written only if it was read with the metadata the article ends up with.
 */
async function storeArticle(
  prisma: PrismaClient,
  hash: string,
  input: CleanArticleInput,
  doc: AnnotationDocument | null,
): Promise<StoreOutcome> {
  return prisma.$transaction(async (tx) => {
    await lockText(tx, hash);
    const current = await tx.article.findUnique({ where: { contentHash: hash }, omit: WITHOUT_ANNOTATION });
    const wanted = wantedInput(current, input);
    if (!current) {
      if (!readWith(doc, wanted)) return { stored: false, current };
      const article = await insertArticle(tx, hash, wanted, doc);
      await writeAnnotation(tx, article.id, doc);
      return { stored: true, article, created: true };
    }
    if (sameMetadata(wanted, storedInput(current))) return { stored: true, article: current, created: false };
    const update = { where: { id: current.id }, data: metadataColumns(wanted), omit: WITHOUT_ANNOTATION };
    if (!needsReading(current, wanted)) {
      return { stored: true, article: await tx.article.update(update), created: false };
    }
    if (!readWith(doc, wanted)) return { stored: false, current };
    await replaceAnnotation(tx, current.id, doc);
    await storeAnnotation(tx, current.id, doc);
    const article = await tx.article.update(update);
    return { stored: true, article, created: false };
  }, TRANSACTION_OPTIONS);
}

// Title, url, source, publishedAt: each can be filled in once.
const FILLABLE_FIELDS = 4;

/**
 * Text in, article out. The same text twice is the same article (`created: false`), completed
 * with whatever metadata it lacked. Extraction runs outside any transaction, which holds only
 * writes; `options.annotate` replaces how the text is read.
 */
export async function ingestArticle(
  prisma: PrismaClient,
  raw: ArticleInput,
  options: { annotate?: Annotate } = {},
): Promise<IngestResult> {
  const validated = validateArticleInput(raw);
  if (!validated.ok) return { article: null, created: false, userErrors: validated.errors };
  const input = validated.value;
  const hash = contentHash(input.text);

  let stored = await prisma.article.findUnique({ where: { contentHash: hash }, omit: WITHOUT_ANNOTATION });
  let doc: AnnotationDocument | null = null;
  // A round ends without storing only when another ingest filled in metadata meanwhile; each field
  // is filled in once, so the rounds are few.
  for (let round = 0; round <= FILLABLE_FIELDS + 1; round++) {
    const wanted = wantedInput(stored, input);
    if (stored && sameMetadata(wanted, storedInput(stored))) {
      return { article: stored, created: false, userErrors: [] };
    }
    if (needsReading(stored, wanted) && !readWith(doc, wanted)) {
      const read = await tryAnnotate(options.annotate ?? annotate, wanted);
      if ("error" in read) return { article: null, created: false, userErrors: [read.error] };
      doc = read.doc;
    }
    const outcome = await storeArticle(prisma, hash, input, doc);
    if (outcome.stored) return { article: outcome.article, created: outcome.created, userErrors: [] };
    stored = outcome.current;
  }
  throw new Error(`The article of text ${hash.slice(0, 12)} kept changing while it was being stored.`);
}

/**
 * Ingest for a request: the reading and the writing run in an extraction worker, so this thread
 * only waits (a long article's rows and JSON cost the API's thread a second or more). A reading
 * over its time budget, or a worker that died, is the text's refusal like any other.
 */
export async function ingestInWorker(raw: ArticleInput): Promise<IngestResult> {
  const validated = validateArticleInput(raw);
  if (!validated.ok) return { article: null, created: false, userErrors: validated.errors };
  try {
    return await extractionPool().ingest(raw);
  } catch (error) {
    if (!(error instanceof ExtractionFailure)) throw error;
    return {
      article: null,
      created: false,
      userErrors: [{ field: ["text"], message: error.message, code: error.code }],
    };
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
    const article = await prisma.article.findUniqueOrThrow({ where: { id }, omit: WITHOUT_ANNOTATION });
    const doc = await annotate(storedInput(article));
    await prisma.$transaction(async (tx) => {
      await lockText(tx, article.contentHash);
      // An ingest that completed the article meanwhile has read it again already.
      const current = await tx.article.findUnique({ where: { id }, select: { extractorVersion: true } });
      if (!current || current.extractorVersion === doc.extractor.version) return;
      await replaceAnnotation(tx, id, doc);
      await storeAnnotation(tx, id, doc);
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
