// C0 and C1 controls (ESC starts colour and cursor sequences) except tab and newline, DEL, and the
// bidirectional overrides that can make text read differently from what it is.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Feature text and model output made safe for a terminal: no escape sequences that could move
 * the cursor, recolour, retitle the window or hide text. Everything else is shown as written.
 */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, (character) => (character === '\r' ? '' : '\uFFFD'));
}
