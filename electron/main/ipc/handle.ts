// The one way main registers an IPC handler: the sender must be our window's main frame, the payload must parse.
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import { z } from 'zod';
import { requestSchemas, type Channel, type ResponseOf } from '../../../shared/ipc';
import { isAllowedUrl } from '../security';

/** What a handler receives: the request after zod has parsed it (defaults applied), never the raw payload. */
export type ParsedRequest<K extends Channel> = z.output<(typeof requestSchemas)[K]>;

export type Handler<K extends Channel> = (
  request: ParsedRequest<K>,
  event: IpcMainInvokeEvent,
) => Promise<ResponseOf<K>>;

/** Zod's own messages in Chinese for issues the schemas do not word themselves. */
const chineseMessages = z.locales.zhCN().localeError;

function isMainFrameOfOurWindow(event: IpcMainInvokeEvent, frame: WebFrameMain): boolean {
  if (frame.parent !== null) return false;
  const window = BrowserWindow.fromWebContents(event.sender);
  if (!window || window.isDestroyed() || window.webContents !== event.sender) return false;
  const main = window.webContents.mainFrame;
  // Compare the frame's identity by process and routing id: wrapper objects are not guaranteed to be the same.
  return main.processId === frame.processId && main.routingId === frame.routingId;
}

/** Throws unless the call comes from our own page in the main frame of one of our windows. */
export function assertTrustedSender(channel: Channel, event: IpcMainInvokeEvent): void {
  const frame = event.senderFrame;
  if (!frame) throw new Error(`拒绝 IPC 调用「${channel}」：发送方页面已不存在`);
  if (!isAllowedUrl(frame.url)) throw new Error(`拒绝 IPC 调用「${channel}」：来源不受信任（${frame.url}）`);
  if (!isMainFrameOfOurWindow(event, frame)) throw new Error(`拒绝 IPC 调用「${channel}」：只接受本程序主窗口的调用`);
}

/** Parses the payload with the channel's schema, or throws a Chinese error listing every issue. */
export function parseRequest<K extends Channel>(channel: K, payload: unknown): ParsedRequest<K> {
  const result = requestSchemas[channel].safeParse(payload, { error: chineseMessages });
  // TypeScript cannot correlate the indexed schema with K; the schema for K produced this value.
  if (result.success) return result.data as ParsedRequest<K>;
  const issues = result.error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '参数';
    return `${where}：${issue.message}`;
  });
  throw new Error(`IPC 调用「${channel}」的参数无效：${issues.join('；')}`);
}

/** Registers `fn` for `channel`; `fn` only ever sees a trusted sender and a validated request. */
export function handle<K extends Channel>(channel: K, fn: Handler<K>): void {
  ipcMain.handle(channel, async (event, payload: unknown) => {
    assertTrustedSender(channel, event);
    return fn(parseRequest(channel, payload), event);
  });
}
