// Script-tag build: one minified IIFE with the element and the SDK inside; it defines <freedomid-login>
// and sets window.FreedomID. `npm run build` runs it after the library build.
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

export default defineConfig({
  publicDir: false,
  define: { __FREEDOMID_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    minify: true,
    target: 'es2020',
    lib: {
      entry: 'src/iife.ts',
      formats: ['iife'],
      // The entry assigns window.FreedomID itself (keeping a first copy's global).
      name: 'FreedomIDBundle',
      fileName: () => 'freedomid.iife.js',
    },
  },
});
