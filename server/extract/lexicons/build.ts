/**
 * `npm run build:lexicons` (run by postinstall): writes the tables derived from packages, so that
 * extraction reads them instead of rebuilding them in every process.
 */
import { writeDerivedTables } from "./derived.ts";
import { DERIVED_TABLES } from "./packaged.ts";

const started = performance.now();
const files = writeDerivedTables(DERIVED_TABLES);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`Built ${files.length} lexicon tables in ${seconds} s:\n  ${files.join("\n  ")}`);
