// A multi-line text field keeps the 首行缩进 of its first paragraph, where a single-line field is trimmed both ends.
import { describe, expect, it } from 'vitest';
import { optionalLongText, optionalText, requiredLongText, trimLongText } from '../../../shared/schemas/common';

describe('optionalLongText', () => {
  const content = optionalLongText('会议内容', 40);

  it("keeps the first line's indentation, full-width or ASCII, as every later line keeps its own", () => {
    expect(content.parse('\u3000\u3000第一段。\n\u3000\u3000第二段。')).toBe(
      '\u3000\u3000第一段。\n\u3000\u3000第二段。',
    );
    expect(content.parse('    第一段。\n第二段。')).toBe('    第一段。\n第二段。');
    // optionalText, for names and other one-line fields, trims as before.
    expect(optionalText('会议内容').parse('\u3000\u3000第一段。')).toBe('第一段。');
  });

  it('drops blank lines before the first line of text and whitespace at the end', () => {
    expect(content.parse('\n  \n\u3000\u3000第一段。\r\n\t\n')).toBe('\u3000\u3000第一段。');
    expect(content.parse('第一段。\u3000\u3000\n\n')).toBe('第一段。');
    expect(trimLongText('\r\n\u3000x\r\n')).toBe('\u3000x');
  });

  it('treats a value of nothing but whitespace as empty, and an absent one too', () => {
    expect(content.parse('  \n\t\u3000\n ')).toBe('');
    expect(content.parse(undefined)).toBe('');
  });

  it('counts the kept indentation towards the limit, not what it trims', () => {
    expect(content.safeParse(`\u3000\u3000${'字'.repeat(38)}`).success).toBe(true);
    expect(content.safeParse(`\u3000\u3000${'字'.repeat(39)}`).success).toBe(false);
    expect(content.safeParse(`${'字'.repeat(40)}\n\n   `).success).toBe(true);
    expect(content.safeParse(`\u3000\u3000${'字'.repeat(39)}`).error?.issues[0]?.message).toBe(
      '会议内容不能超过 40 个字',
    );
  });
});

describe('requiredLongText', () => {
  const summary = requiredLongText('述职内容', 100);

  it('keeps the indentation, and refuses nothing but whitespace as it refuses nothing at all', () => {
    expect(summary.parse('\u3000\u3000全年认真履行职责。\n')).toBe('\u3000\u3000全年认真履行职责。');
    for (const empty of ['', ' \n\u3000 ', undefined]) {
      expect(summary.safeParse(empty).error?.issues[0]?.message).toBe('请填写述职内容');
    }
  });
});
