import type { PrismaClient } from "../generated/prisma/client.ts";
import { ExportError } from "./errors.ts";

/**
 * An article's stored AnnotationDocument (../shared/design/annotation-format.md), as the JSON text
 * PostgreSQL holds: it is not parsed and serialised again on its way out.
 */
export async function annotationJson(
  prisma: PrismaClient,
  articleId: string,
): Promise<{ slug: string; json: string }> {
  const [row] = await prisma.$queryRaw<{ slug: string; json: string }[]>`
    SELECT slug, annotation::text AS json FROM "Article" WHERE id = ${articleId}::uuid`;
  if (!row) throw new ExportError("NOT_FOUND", "The article is gone.", 404);
  return row;
}
