// Bundles the Electron main process and preload into out/ as CommonJS (Electron 45 runs Node 22).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Shared by both bundles; `electron` is provided by the runtime, everything else (zod, shared/) is inlined. */
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  sourcemap: true,
  metafile: true,
  logLevel: 'info',
  legalComments: 'none',
};

const targets = [
  { entryPoints: ['electron/main/index.ts'], outfile: 'out/main/index.cjs' },
  // A sandboxed preload can require only `electron` (and a few polyfilled modules), so nothing else may stay external.
  { entryPoints: ['electron/preload/index.ts'], outfile: 'out/preload/index.cjs' },
];

/** Fails the build if a bundle still requires something other than `electron` at run time. */
function assertOnlyElectronExternal(metafile, outfile) {
  for (const [output, meta] of Object.entries(metafile.outputs)) {
    if (!output.endsWith('.cjs')) continue;
    const stray = meta.imports.filter((i) => i.external && i.path !== 'electron' && !i.path.startsWith('node:'));
    if (stray.length > 0)
      throw new Error(`${outfile} requires unbundled modules: ${stray.map((i) => i.path).join(', ')}`);
    if (outfile.includes('preload')) {
      const node = meta.imports.filter((i) => i.external && i.path !== 'electron');
      if (node.length > 0)
        throw new Error(`the sandboxed preload cannot require ${node.map((i) => i.path).join(', ')}`);
    }
  }
}

try {
  for (const target of targets) {
    const result = await build({ ...common, ...target });
    assertOnlyElectronExternal(result.metafile, target.outfile);
  }
} catch (error) {
  // esbuild has already printed its diagnostics; our own checks have not.
  if (!(error && typeof error === 'object' && 'errors' in error))
    console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
