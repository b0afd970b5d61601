// What the command-line tools say to people: a file error in Chinese instead of an errno code, and -h / --help.

const FILE_ERRORS: Record<string, string> = {
  ENOENT: '文件或所在文件夹不存在',
  EACCES: '没有访问权限',
  EPERM: '没有访问权限',
  ENOSPC: '磁盘空间不足',
  EISDIR: '这是一个文件夹，不是文件',
  ENOTDIR: '路径中有一段不是文件夹',
  EROFS: '磁盘是只读的',
  EBUSY: '文件正被其他程序占用',
};

/** The reason a read or write failed, in Chinese; the system's own message when the code is not a common one. */
export function fileErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && FILE_ERRORS[code]) return FILE_ERRORS[code];
  return error instanceof Error ? error.message : String(error);
}

/** Whether the arguments ask for the usage text (then the tool prints it and exits 0). */
export function wantsHelp(args: readonly string[]): boolean {
  return args.some((a) => a === '-h' || a === '--help');
}
