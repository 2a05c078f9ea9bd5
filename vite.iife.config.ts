// Script-tag build: one minified IIFE with the element and the SDK inside; it defines <freedomid-login>
// and sets window.FreedomID. `npm run build` runs it after the library build.
import { defineConfig, type Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };

/**
 * Drops oidc-client-ts's log calls from the script tag: its copy there is private (`window.FreedomID`
 * does not expose its `Log`), so its logger stays the no-op one it starts with and every
 * `logger.debug(…)`/`info`/`warn`/`error` call does nothing; marking them pure lets the
 * minifier remove them and their message strings (~0.26 KB gzip). Log-then-throw paths still throw.
 */
function dropPrivateOidcLogs(): Plugin {
  return {
    name: 'freedomid:drop-private-oidc-logs',
    transform: {
      filter: { id: /[\\/]oidc-client-ts[\\/]/ },
      handler(code) {
        return code.replace(
          /(?<![\w$.])((?:this\.)?[\w$]*[lL]ogger2?|this)\.(debug|info|warn|error)\(/g,
          '/* @__PURE__ */ $1.$2(',
        );
      },
    },
  };
}

export default defineConfig({
  publicDir: false,
  define: { __FREEDOMID_VERSION__: JSON.stringify(pkg.version) },
  plugins: [dropPrivateOidcLogs()],
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
