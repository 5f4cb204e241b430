// Polls the run's tiny state endpoint and reloads the page when the run moves on (a phase
// finished, a decision arrived). A half-written comment is never thrown away: a banner asks first.
const INTERVAL_MS = 1500;

export function followRun(body) {
  let edited = false;
  document.addEventListener('input', (event) => {
    if (event.target.closest('form, #edit-panel')) edited = true;
  });
  const timer = setInterval(async () => {
    if (document.hidden) return;
    const state = await readState(body.dataset.stateUrl);
    if (!state) return;
    if (state === 'signed-out') {
      clearInterval(timer);
      showBanner(
        'Your session ended. Sign in again to go on.',
        '/signin?next=' + encodeURIComponent(location.pathname + location.search),
        'Sign in',
      );
      return;
    }
    if (state.version === body.dataset.stateVersion) return;
    clearInterval(timer);
    if (edited) showBanner('This run has moved on since the page was loaded.', location.href, 'Reload');
    else location.reload();
  }, INTERVAL_MS);
}

async function readState(url) {
  try {
    const response = await fetch(url, {
      headers: { accept: 'application/json' },
      cache: 'no-store',
      credentials: 'same-origin',
    });
    if (response.status === 401) return 'signed-out';
    return response.ok ? await response.json() : undefined;
  } catch {
    return undefined;
  }
}

function showBanner(text, href, label) {
  const banner = document.createElement('p');
  banner.className = 'notice moved-on';
  banner.setAttribute('role', 'status');
  const link = Object.assign(document.createElement('a'), { href, textContent: label });
  banner.append(text, ' ', link);
  document.querySelector('main').prepend(banner);
}
