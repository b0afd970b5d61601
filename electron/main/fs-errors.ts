// File-system errors in plain Chinese: one errno → sentence table for saving, automatic backups and reading files.

/**
 * What the failed operation was, because the same code means different things to the user: EPERM on 保存 is
 * usually the previous copy still open in WPS or Adobe, on a backup an antivirus scan, on 打开 a file without read access.
 */
export type FsAction = 'save' | 'backup' | 'read';

function codeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' && code !== '' ? code : null;
}

function byCode(code: string, action: FsAction): string | null {
  switch (code) {
    case 'EPERM':
    case 'EBUSY':
    case 'EACCES':
      // Windows reports a file held open by another program as EPERM (access denied) or EBUSY (sharing violation).
      if (action === 'save') return '文件正被其他程序打开或没有写入权限，请关闭该文件后重试，或换一个文件名';
      if (action === 'backup') return '没有写入权限，或备份文件正被其他程序（如杀毒软件）占用';
      return '文件正被其他程序占用或没有读取权限，请关闭该文件后重试';
    case 'ENOSPC':
    case 'EDQUOT':
      return action === 'save' ? '磁盘空间不足，请清理磁盘后重试，或换一个位置保存' : '磁盘空间不足';
    case 'ENOENT':
    case 'ENOTDIR':
      if (action === 'save') return '文件夹不存在，请重新选择保存位置';
      return action === 'backup' ? '备份文件夹不存在' : '文件不存在';
    case 'EROFS':
      return action === 'save' ? '磁盘只读（如写保护的U盘），请换一个位置保存' : '磁盘只读';
    case 'EISDIR':
      return action === 'read' ? '这是一个文件夹，不是文件' : '已有同名的文件夹，请换一个文件名';
    case 'ENAMETOOLONG':
      return '文件名或路径过长，请缩短文件名或换一个位置';
    case 'EIO':
      return '磁盘读写出错，请检查磁盘或U盘是否已拔出';
    default:
      return null;
  }
}

/**
 * The user-facing reason for a failed file operation, without Node's English message or the temp-file path.
 * An unknown code still gets a Chinese sentence, with the code in brackets for whoever supports the user. An error
 * without a code is one of this app's own (already in Chinese) and is passed through.
 */
export function fsErrorText(error: unknown, action: FsAction): string {
  const code = codeOf(error);
  if (code === null) return error instanceof Error ? error.message : String(error);
  const known = byCode(code, action);
  if (known !== null) return known;
  return action === 'save' ? `系统错误（${code}），请重试，或换一个位置保存` : `系统错误（${code}）`;
}
