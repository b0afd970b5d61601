// File-system errors become Chinese sentences that fit what the user was doing; no Node English, no temp-file paths.
import { describe, expect, it } from 'vitest';
import { fsErrorText, type FsAction } from '../../../electron/main/fs-errors';

/** An error as Node raises it: English message with the path, and the errno code. */
function nodeError(code: string): NodeJS.ErrnoException {
  return Object.assign(
    new Error(`${code}: operation failed, rename 'C:\\卷宗.pdf.tmp-5d780ffb0c6d7f2b' -> 'C:\\卷宗.pdf'`),
    {
      code,
    },
  );
}

describe('fsErrorText', () => {
  it.each<[string, FsAction, string]>([
    ['EPERM', 'save', '文件正被其他程序打开或没有写入权限，请关闭该文件后重试，或换一个文件名'],
    ['EBUSY', 'save', '文件正被其他程序打开或没有写入权限，请关闭该文件后重试，或换一个文件名'],
    ['EACCES', 'save', '文件正被其他程序打开或没有写入权限，请关闭该文件后重试，或换一个文件名'],
    ['ENOSPC', 'save', '磁盘空间不足，请清理磁盘后重试，或换一个位置保存'],
    ['ENOENT', 'save', '文件夹不存在，请重新选择保存位置'],
    ['EROFS', 'save', '磁盘只读（如写保护的U盘），请换一个位置保存'],
    ['EISDIR', 'save', '已有同名的文件夹，请换一个文件名'],
    ['ENOSPC', 'backup', '磁盘空间不足'],
    ['EPERM', 'backup', '没有写入权限，或备份文件正被其他程序（如杀毒软件）占用'],
    ['EROFS', 'backup', '磁盘只读'],
    ['ENOENT', 'read', '文件不存在'],
    ['EBUSY', 'read', '文件正被其他程序占用或没有读取权限，请关闭该文件后重试'],
    ['EISDIR', 'read', '这是一个文件夹，不是文件'],
  ])('%s while %s → %s', (code, action, text) => {
    expect(fsErrorText(nodeError(code), action)).toBe(text);
  });

  it('gives an unknown code a Chinese sentence with the code in brackets', () => {
    expect(fsErrorText(nodeError('EXDEV'), 'save')).toBe('系统错误（EXDEV），请重试，或换一个位置保存');
    expect(fsErrorText(nodeError('EMFILE'), 'read')).toBe('系统错误（EMFILE）');
  });

  it('never shows Node English or the temp-file path for any code', () => {
    for (const code of ['EPERM', 'EBUSY', 'EACCES', 'ENOSPC', 'ENOENT', 'EROFS', 'EISDIR', 'EIO', 'EXDEV']) {
      for (const action of ['save', 'backup', 'read'] as const) {
        const text = fsErrorText(nodeError(code), action);
        expect(text).not.toMatch(/operation|rename|tmp-|[A-Z]:\\/);
        expect(text).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it("passes the app's own errors (no code) through", () => {
    expect(fsErrorText(new Error('备份文件名无效'), 'read')).toBe('备份文件名无效');
    expect(fsErrorText('字符串', 'save')).toBe('字符串');
  });
});
