import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/**
 * main.tsx loads the app (boot.tsx) with a dynamic import so the article's query can leave
 * first; preloading the app's files from index.html keeps that from becoming a waterfall.
 */
function preloadApp(): Plugin {
  return {
    name: "newsgraph-preload-app",
    transformIndexHtml: {
      order: "post",
      handler(_html, context) {
        const boot = Object.values(context.bundle ?? {}).find(
          (chunk) => chunk.type === "chunk" && chunk.facadeModuleId?.endsWith("/src/boot.tsx"),
        );
        if (boot?.type !== "chunk") return [];
        return [
          ...[...(boot.viteMetadata?.importedCss ?? [])].map((file) => ({
            tag: "link",
            attrs: { rel: "stylesheet", href: `/${file}` },
            injectTo: "head" as const,
          })),
          ...[boot.fileName, ...boot.imports].map((file) => ({
            tag: "link",
            attrs: { rel: "modulepreload", href: `/${file}` },
            injectTo: "head" as const,
          })),
        ];
      },
    },
  };
}

// `npm run dev` serves the reader here with hot reload and sends API calls to the API process.
const api = `http://127.0.0.1:${process.env.API_PORT ?? "4000"}`;

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), preloadApp()],
  build: { outDir: "dist", emptyOutDir: true, target: "es2022" },
  server: { port: 5173, proxy: { "/graphql": api, "/healthz": api, "/readyz": api, "/export": api } },
});
