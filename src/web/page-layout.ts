import { html, type SafeHtml } from './html';
import type { Viewer } from './viewer';

/** The page shell: one stylesheet and one module script, both from /assets; no inline script. */
export function pageLayout(options: {
  title: string;
  viewer: Viewer;
  body: SafeHtml;
  data?: Record<string, string>;
}): string {
  const { viewer } = options;
  const dataAttributes = Object.entries(options.data ?? {}).map(([name, value]) => html` data-${name}="${value}"`);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · specforge</title>
${viewer.csrfToken ? html`<meta name="csrf-token" content="${viewer.csrfToken}" />` : ''}
<link rel="stylesheet" href="/assets/review.css">
<script type="module" src="/assets/review.js"></script>
</head>
<body${dataAttributes} data-mode="${viewer.signedInMode ? 'signed-in' : 'local'}">
<header class="site-header">
  <a class="brand" href="/">specforge <span>review</span></a>
  <nav>${siteNavigation(viewer)}</nav>
</header>
<main>
${options.body}
</main>
</body>
</html>
`.value;
}

function siteNavigation(viewer: Viewer): SafeHtml {
  if (!viewer.identity) return html`<a href="/">Runs</a>`;
  const signOut =
    viewer.identity.via === 'session'
      ? html`<form method="post" action="/signout" class="sign-out">
          <input type="hidden" name="_csrf" value="${viewer.csrfToken ?? ''}" /><button
            type="submit"
            class="link-button"
          >
            Sign out
          </button>
        </form>`
      : '';
  return html`<a href="/">Runs</a
    ><span class="who">Signed in as <strong>${viewer.identity.name}</strong> (${viewer.identity.role})</span
    >${signOut}`;
}
