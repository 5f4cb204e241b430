// Line breaks (including the Unicode line and paragraph separators), with the blanks around them, and tabs:
// they separate words.
const LINE_BREAKS = /[ \t]*(?:[\n\v\f\r\u0085\u2028\u2029][ \t]*)+|\t/g;
// NUL, the other C0 controls, DEL and the C1 controls: nothing a person means to type.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
const CONTROLS_BUT_NEWLINE_AND_TAB = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// Half a surrogate pair is not a character: stores, YAML and the trackers refuse or mangle it.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * One line of text as a person meant it (a feature title): line breaks and tabs become spaces;
 * NUL, other control characters and half surrogate pairs are dropped. The API applies it before
 * it checks the length, so what it accepts is what every later step gets.
 */
export function singleLineText(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(CONTROLS, '').replace(LONE_SURROGATE, '\ufffd');
}

/** Text of several lines (a description): line breaks become "\n", tabs stay, other control characters go. */
export function multiLineText(text: string): string {
  return text
    .replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n')
    .replace(CONTROLS_BUT_NEWLINE_AND_TAB, '')
    .replace(LONE_SURROGATE, '\ufffd');
}
