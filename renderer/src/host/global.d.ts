// The preload's bridge as the renderer sees it: typed from the one IPC contract, never written out a second time.
import type { AppApi } from '../../../shared/ipc';

declare global {
  interface Window {
    api?: AppApi;
  }
}

export {};
