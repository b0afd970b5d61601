// The one place a failed repository call becomes the text a user reads.
import { describe, expect, it } from 'vitest';
import { ValidationError, errorText } from '../../../renderer/src/db/repositories/errors';

describe('errorText', () => {
  it('joins a refusal’s Chinese issues, and gives other errors their message without an "Error:" prefix', () => {
    const refusal = new ValidationError([
      { path: 'name', message: '请填写姓名' },
      { path: '', message: '记录已定稿，不能删除' },
    ]);
    expect(errorText(refusal)).toBe('请填写姓名；记录已定稿，不能删除');
    expect(errorText(new Error('磁盘空间不足'))).toBe('磁盘空间不足');
    expect(errorText('字符串')).toBe('字符串');
  });
});
