import { html } from './html';
import { pageLayout } from './page-layout';
import type { Viewer } from './viewer';

/** The sign-in form: a reviewer's token is exchanged for a session cookie by POST /signin. */
export function signinPage(options: { next: string; error: boolean; viewer: Viewer }): string {
  const body = html`<section class="signin">
    <h1>Sign in to review</h1>
    <p class="muted">Paste the token you were given. It is exchanged for a session cookie; the page never stores it.</p>
    ${options.error ? html`<p class="form-error" role="alert">That token is not valid. Check it and try again.</p>` : ''}
    <form method="post" action="/signin">
      <label for="token">Token</label>
      <input id="token" name="token" type="password" autocomplete="current-password" required autofocus />
      <input type="hidden" name="next" value="${options.next}" />
      <button type="submit" class="primary">Sign in</button>
    </form>
  </section>`;
  return pageLayout({ title: 'Sign in', viewer: options.viewer, body, data: { page: 'signin' } });
}

/** Where to go after signing in: only a path on this site, never another origin. */
export function localPath(candidate: unknown): string {
  if (
    typeof candidate !== 'string' ||
    !candidate.startsWith('/') ||
    candidate.startsWith('//') ||
    candidate.startsWith('/\\')
  )
    return '/';
  return candidate.slice(0, 2000);
}
