import { describe, expect, it } from 'vitest';
import { multiLineText, singleLineText } from '../../src/shared/plain-text';

describe('a feature title as the API takes it', () => {
  it('turns line breaks and tabs, with the blanks around them, into one space', () => {
    expect(singleLineText('Export\r\ninvoices \n\n as\tCSV\u2028now\u0085ok')).toBe('Export invoices as CSV now ok');
  });

  it('drops NUL, escape, DEL and the other control characters', () => {
    expect(singleLineText('\u0000Add\u0007 audit\u001b[31m log\u007f\u009b')).toBe('Add audit[31m log');
  });

  it('replaces half a surrogate pair and keeps whole ones, right-to-left marks and joiners', () => {
    expect(singleLineText('a\ud800b\udc00c 🚀 \u200f👩‍💻')).toBe('a\ufffdb\ufffdc 🚀 \u200f👩‍💻');
  });
});

describe('a description as the API takes it', () => {
  it('keeps its lines and tabs, with "\\n" for every kind of line break, and drops control characters', () => {
    expect(multiLineText('One.\r\nTwo.\rThree.\u2028Four\u0000.\n\tFive\u000b.')).toBe(
      'One.\nTwo.\nThree.\nFour.\n\tFive.',
    );
  });
});
