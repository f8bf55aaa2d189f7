// Apart from index.ts so that the API process can name the extractor's version without
// loading the extractor and its lexicons (they live in the extraction workers).
export const EXTRACTOR = { name: "newsgraph-rules", version: "0.5.0" } as const;
