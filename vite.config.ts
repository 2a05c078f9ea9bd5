// Library build: one ESM file per public entry; dependencies stay external for the app's bundler.
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

export default defineConfig({
  publicDir: false,
  define: { __FREEDOMID_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    minify: false,
    target: 'es2022',
    lib: {
      entry: {
        index: 'src/index.ts',
        server: 'src/server/index.ts',
        element: 'src/element.ts',
        testing: 'src/testing/index.ts',
        react: 'src/react.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: ['jose', 'oidc-client-ts', /^lit(\/|$)/, /^msw(\/|$)/, /^react(\/|$)/, /^node:/],
      // Next.js App Router runs the React component on the client only when its module says so.
      output: { banner: (chunk) => (chunk.name === 'react' ? "'use client';" : '') },
    },
  },
});
