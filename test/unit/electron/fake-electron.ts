// A fake `electron` module for main-process unit tests: records what the code registers so tests can drive it.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type AnyFn = (...args: never[]) => unknown;

/** Everything the code under test handed to Electron, plus knobs the tests turn. */
export interface FakeState {
  /** Ordered log of app.* calls, to check what happens before what. */
  appCalls: string[];
  paths: Map<string, string>;
  singleInstanceLock: boolean;
  privilegedSchemes: unknown[];
  protocolHandlers: Map<string, (request: Request) => Promise<Response>>;
  ipcHandlers: Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>;
  windows: FakeBrowserWindow[];
  exposed: { key: string; api: unknown }[];
  /** What Menu.setApplicationMenu was last given; undefined while the app never set one (Electron's default menu). */
  applicationMenu: unknown;
  /** Every dialog.showErrorBox, in order. */
  errorBoxes: { title: string; content: string }[];
  /** Test knob: what the next windows' loadURL rejects with (null: it loads). */
  loadError: Error | null;
  /** Test knob: the primary display's work area. */
  workArea: { width: number; height: number };
}

export const state: FakeState = {
  appCalls: [],
  paths: new Map(),
  singleInstanceLock: true,
  privilegedSchemes: [],
  protocolHandlers: new Map(),
  ipcHandlers: new Map(),
  windows: [],
  exposed: [],
  applicationMenu: undefined,
  errorBoxes: [],
  loadError: null,
  workArea: { width: 1920, height: 1040 },
};

/** The primary display's work area (the screen less the taskbar), in logical pixels. */
const screen = {
  getPrimaryDisplay: () => ({ workAreaSize: { ...state.workArea } }),
};

let nextRoutingId = 1;

export class FakeWebFrame {
  readonly processId = 7;
  readonly routingId = nextRoutingId++;
  parent: FakeWebFrame | null = null;
  constructor(public url: string) {}
}

export class FakeWebContents extends EventEmitter {
  url = '';
  mainFrame = new FakeWebFrame('');
  windowOpenHandler: AnyFn | null = null;
  zoomLevel = 0;
  getURL(): string {
    return this.url;
  }
  setWindowOpenHandler(handler: AnyFn): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static getAllWindows(): FakeBrowserWindow[] {
    return state.windows.filter((w) => !w.destroyed);
  }
  static fromWebContents(contents: unknown): FakeBrowserWindow | null {
    return state.windows.find((w) => w.webContents === contents) ?? null;
  }

  readonly webContents = new FakeWebContents();
  destroyed = false;
  minimized = false;
  maximized = false;
  visible = false;
  focused = false;
  loadedUrl: string | null = null;

  constructor(public readonly options: Record<string, unknown>) {
    super();
    state.appCalls.push('new BrowserWindow');
    state.windows.push(this);
  }
  loadURL(url: string): Promise<void> {
    if (state.loadError) return Promise.reject(state.loadError);
    this.loadedUrl = url;
    this.webContents.url = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  show(): void {
    this.visible = true;
  }
  maximize(): void {
    this.maximized = true;
  }
  focus(): void {
    this.focused = true;
  }
}

/** A session that keeps the handlers it is given. */
export class FakeSession extends EventEmitter {
  permissionRequestHandler: AnyFn | null = null;
  permissionCheckHandler: AnyFn | null = null;
  devicePermissionHandler: AnyFn | null = null;
  beforeRequest: AnyFn | null = null;
  readonly webRequest = {
    onBeforeRequest: (listener: AnyFn) => {
      this.beforeRequest = listener;
    },
  };
  setPermissionRequestHandler(handler: AnyFn): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: AnyFn): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: AnyFn): void {
    this.devicePermissionHandler = handler;
  }
}

class FakeApp extends EventEmitter {
  private readyResolve: (() => void) | null = null;
  private ready = this.freshReady();
  private freshReady(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.readyResolve = resolve;
    });
  }
  setPath = vi.fn((name: string, value: string) => {
    state.appCalls.push(`setPath:${name}`);
    state.paths.set(name, value);
  });
  getPath = vi.fn((name: string) => {
    state.appCalls.push(`getPath:${name}`);
    const value = state.paths.get(name);
    if (value === undefined) throw new Error(`fake app has no path ${name}`);
    return value;
  });
  getVersion = vi.fn(() => '0.1.0');
  /** Test knob: true for an installed build (the app runs from an ASAR), false under `electron .`. */
  isPackaged = false;
  requestSingleInstanceLock = vi.fn(() => {
    state.appCalls.push('requestSingleInstanceLock');
    return state.singleInstanceLock;
  });
  enableSandbox = vi.fn(() => {
    state.appCalls.push('enableSandbox');
  });
  quit = vi.fn(() => {
    state.appCalls.push('quit');
  });
  whenReady = vi.fn(() => {
    state.appCalls.push('whenReady');
    return this.ready;
  });
  override on(event: string | symbol, listener: (...args: unknown[]) => void): this {
    state.appCalls.push(`on:${String(event)}`);
    return super.on(event, listener);
  }
  /** Test knob: fire `ready`. */
  becomeReady(): void {
    this.readyResolve?.();
  }
  /** Back to a not-yet-ready app with no listeners (vi.mock caches this module across vi.resetModules). */
  reset(): void {
    this.removeAllListeners();
    this.ready = this.freshReady();
    this.isPackaged = false;
  }
}

export const app = new FakeApp();
export const defaultSession = new FakeSession();

export const protocol = {
  registerSchemesAsPrivileged: vi.fn((schemes: unknown[]) => {
    state.appCalls.push('registerSchemesAsPrivileged');
    state.privilegedSchemes.push(...schemes);
  }),
  handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
    state.protocolHandlers.set(scheme, handler);
  }),
};

export const ipcMain = {
  handle: vi.fn((channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) => {
    if (state.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    state.ipcHandlers.set(channel, handler);
  }),
};

export const Menu = {
  setApplicationMenu: vi.fn((menu: unknown) => {
    state.appCalls.push('Menu.setApplicationMenu');
    state.applicationMenu = menu;
  }),
};

export const dialog = {
  showSaveDialog: vi.fn(),
  showOpenDialog: vi.fn(),
  showMessageBoxSync: vi.fn(),
  showErrorBox: vi.fn((title: string, content: string) => {
    state.appCalls.push('dialog.showErrorBox');
    state.errorBoxes.push({ title, content });
  }),
};

export const contextBridge = {
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    state.exposed.push({ key, api });
  }),
};

export const ipcRenderer = {
  invoke: vi.fn((channel: string, ...args: unknown[]): Promise<unknown> => Promise.resolve({ channel, args })),
};

/** The module object `vi.mock('electron', …)` returns. */
export const fakeElectron = {
  app,
  BrowserWindow: FakeBrowserWindow,
  protocol,
  ipcMain,
  Menu,
  dialog,
  contextBridge,
  ipcRenderer,
  session: { defaultSession },
  screen,
};

/** Forget everything recorded; call in beforeEach. */
export function resetFakeElectron(): void {
  app.reset();
  defaultSession.removeAllListeners();
  defaultSession.permissionRequestHandler = null;
  defaultSession.permissionCheckHandler = null;
  defaultSession.devicePermissionHandler = null;
  defaultSession.beforeRequest = null;
  state.appCalls.length = 0;
  state.paths = new Map([
    ['appData', '/fake/appData'],
    ['documents', '/fake/documents'],
    ['userData', '/fake/appData/支部标准化台账'],
    ['logs', '/fake/appData/支部标准化台账/logs'],
  ]);
  state.singleInstanceLock = true;
  state.privilegedSchemes.length = 0;
  state.protocolHandlers.clear();
  state.ipcHandlers.clear();
  state.windows.length = 0;
  state.exposed.length = 0;
  state.applicationMenu = undefined;
  state.errorBoxes.length = 0;
  state.loadError = null;
  state.workArea = { width: 1920, height: 1040 };
  vi.clearAllMocks();
}

/** An invoke event as Electron would deliver it from `window`'s main frame (or a given frame). */
export function invokeEventFrom(window: FakeBrowserWindow, frame: FakeWebFrame | null = window.webContents.mainFrame) {
  return { sender: window.webContents, senderFrame: frame };
}
