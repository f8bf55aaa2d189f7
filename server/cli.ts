// npm run extract -- …   text → AnnotationDocument (no database)
// npm run ingest -- …    text → database
// npm run reextract      re-read stored articles whose extractor version is older
// npm run export -- …    quotes, events, actors, network, annotation → stdout
import { runExport } from "./cli-export.ts";
import { runExtract } from "./cli-extract.ts";
import { runIngest } from "./cli-ingest.ts";
import { describeError } from "./database/outage.ts";

async function runReextract(): Promise<number> {
  const { closeDatabase, connectionString, prisma } = await import("./db.ts");
  const { applyMigrations } = await import("../prisma/engine.ts");
  const { reextractOutdated } = await import("./ingest/ingest.ts");
  const { SingleBar } = await import("cli-progress");
  await applyMigrations(connectionString);
  const bar = new SingleBar({ format: "re-reading [{bar}] {value}/{total}", stream: process.stderr });
  let started = false;
  const count = await reextractOutdated(prisma, (done, total) => {
    if (!started) bar.start(total, 0);
    started = true;
    bar.update(done);
  });
  if (started) bar.stop();
  console.error(count ? `Re-read ${count} article(s).` : "Every article is up to date.");
  await closeDatabase();
  return 0;
}

const commands: Record<string, (args: string[]) => Promise<number>> = {
  extract: runExtract,
  ingest: runIngest,
  reextract: runReextract,
  export: runExport,
};

const [name = "", ...args] = process.argv.slice(2);
const command = commands[name];
if (!command) {
  console.error(`Usage: tsx server/cli.ts ${Object.keys(commands).join("|")} …`);
  process.exit(1);
}
command(args)
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(describeError(error));
    process.exit(1);
  });
