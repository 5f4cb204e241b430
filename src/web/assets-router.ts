import { createRequire } from 'node:module';
import express, { Router } from 'express';
import { packagePath } from '../config/package-root';

const require = createRequire(import.meta.url);
const OWN_ASSETS = packagePath('src', 'web', 'assets');

/** Files from node_modules the browser loads, each mapped by name: nothing else of node_modules is reachable. */
const VENDOR_FILES: Record<string, string> = {
  'mermaid.min.js': require.resolve('mermaid/dist/mermaid.min.js'),
};

/** /assets/: the page's own script modules and stylesheet, and the vendor files above. No CDN. */
export function assetsRouter(): Router {
  const router = Router();
  router.get('/assets/vendor/:file', (request, response, next) => {
    const file = VENDOR_FILES[request.params.file];
    if (!file) {
      next();
      return;
    }
    response.sendFile(
      file,
      { maxAge: '1d', headers: { 'content-type': 'text/javascript; charset=utf-8' } },
      (error) => error && next(error),
    );
  });
  // Revalidated on each load (ETag), so a new version of the page's script is never stale.
  router.use(
    '/assets',
    express.static(OWN_ASSETS, { index: false, redirect: false, dotfiles: 'ignore', maxAge: 0, fallthrough: true }),
  );
  return router;
}
