// IPC handlers of the `file:` domain: save and open through native dialogs; the renderer never names a path.
import { open } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  type IpcMainInvokeEvent,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import { MAX_IPC_FILE_BYTES } from '../../../shared/ipc';
import { writeFileAtomic } from '../fs-atomic';
import { fsErrorText } from '../fs-errors';
import { handle } from './handle';

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} 字节`;
}

function ownerWindow(event: IpcMainInvokeEvent): BrowserWindow | null {
  return BrowserWindow.fromWebContents(event.sender);
}

export function registerFileHandlers(): void {
  handle('file:save', async (request, event) => {
    const options: SaveDialogOptions = {
      title: '保存文件',
      // suggestedName is a bare file name (the schema refuses separators), so this stays in the documents folder.
      defaultPath: join(app.getPath('documents'), request.suggestedName),
      filters: request.filters,
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const parent = ownerWindow(event);
    const choice = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { ok: false, canceled: true };
    try {
      await writeFileAtomic(choice.filePath, request.data);
      return { ok: true, path: choice.filePath };
    } catch (error) {
      return { ok: false, error: `保存失败：${fsErrorText(error, 'save')}` };
    }
  });

  handle('file:open', async (request, event) => {
    const options: OpenDialogOptions = { title: '打开文件', filters: request.filters, properties: ['openFile'] };
    const parent = ownerWindow(event);
    const choice = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    const filePath = choice.filePaths[0];
    if (choice.canceled || !filePath) return { ok: false, canceled: true };
    const limit = request.maxBytes ?? MAX_IPC_FILE_BYTES;
    const name = basename(filePath);
    try {
      // One handle for the size check and the read, so the file cannot be swapped for a bigger one in between.
      const handleOnFile = await open(filePath, 'r');
      try {
        const info = await handleOnFile.stat();
        if (!info.isFile()) return { ok: false, error: `「${name}」不是文件` };
        if (info.size > limit) {
          return { ok: false, error: `文件「${name}」过大（${formatBytes(info.size)}），上限为 ${formatBytes(limit)}` };
        }
        const buffer = await handleOnFile.readFile();
        if (buffer.byteLength > limit) {
          return {
            ok: false,
            error: `文件「${name}」过大（${formatBytes(buffer.byteLength)}），上限为 ${formatBytes(limit)}`,
          };
        }
        return { ok: true, name, data: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) };
      } finally {
        await handleOnFile.close();
      }
    } catch (error) {
      return { ok: false, error: `无法读取文件「${name}」：${fsErrorText(error, 'read')}` };
    }
  });
}
