// Local single-user mode has no sign-in: the reviewer's name is asked once and kept in this browser.
const KEY = 'specforge.reviewer';

export function reviewerName() {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberReviewerName(name) {
  try {
    localStorage.setItem(KEY, name);
  } catch {
    // Storage may be disabled; the name is then asked on each page.
  }
}
