// The host interface: what the UI needs from its surroundings, the same whether it runs in Electron or a browser.
import type { FileFilter } from '../../../shared/ipc';
import { browserHost } from './browserHost';
import { createElectronHost, getElectronApi } from './electronHost';

export type HostKind = 'electron' | 'browser';

export interface HostInfo {
  productName: string;
  version: string;
  /** Where the data lives, when the host can say (Electron's userData folder). */
  dataLocation?: string;
  /** Where the host's error log is (Electron's logs folder), for a problem report. */
  logLocation?: string;
}

export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}

export interface Host {
  kind: HostKind;
  appInfo(): Promise<HostInfo>;
  saveFile(name: string, bytes: Uint8Array<ArrayBuffer>, filters: FileFilter[]): Promise<'saved' | 'canceled'>;
  /** `accept` lists extensions without dots, e.g. ['zip']; null when the user cancels. */
  openFile(accept: FileFilter[]): Promise<OpenedFile | null>;
}

/** The preload's `window.api` exists only inside Electron; anywhere else the UI is a plain web page. */
export function getHost(): Host {
  const api = getElectronApi();
  return api ? createElectronHost(api) : browserHost;
}

/** The product name shown when no host can report it. */
export const PRODUCT_NAME = '支部标准化台账';

export const HOST_KIND_LABELS: Record<HostKind, string> = {
  electron: '桌面版',
  browser: '在浏览器中运行',
};
