import { defineConfig } from 'vite';

// Two pages: the app (Preact) and GraphiQL (React, its own chunks, never loaded by the app).
export default defineConfig({
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      input: { app: 'index.html', graphiql: 'graphiql.html' },
      // GraphiQL's React libraries mark modules "use client", which means nothing outside a React server.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
