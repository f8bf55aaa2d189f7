// Entry of the embedded database's thread: the thread has no TypeScript loader of its own.
import { tsImport } from "tsx/esm/api";

await tsImport("./embedded-thread.ts", import.meta.url);
