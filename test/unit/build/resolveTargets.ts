// What `electron-builder <args>` would build with a given config: electron-builder's own CLI parsing and its
// target/arch resolution, run offline (no packaging, no download).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// Deep imports: electron-builder exposes its CLI parser and app-builder-lib its resolution only here.
const { createYargs, configureBuildCommand, normalizeOptions } = require('electron-builder/out/builder.js') as {
  createYargs(): unknown;
  configureBuildCommand(yargs: unknown): { parse(args: string[]): Record<string, unknown> };
  normalizeOptions(args: Record<string, unknown>): { targets: Map<{ name: string }, Map<number, string[]>> };
};
const { computeArchToTargetNamesMap } = require('app-builder-lib/out/targets/targetFactory.js') as {
  computeArchToTargetNamesMap(
    raw: Map<number, string[]>,
    packager: { platformSpecificBuildOptions: unknown; defaultTarget: string[] },
    platform: unknown,
  ): Map<number, string[]>;
};
const { Arch } = require('builder-util') as { Arch: Record<number, string> };

/** Platform name (`linux`, `windows`) → arch name → target names, e.g. `{ linux: { x64: ['deb', 'AppImage'] } }`. */
export type ResolvedTargets = Record<string, Record<string, string[]>>;

/**
 * The targets `electron-builder ...args` builds with `config` (the loaded configuration). `npm run dist -- X` runs
 * `electron-builder --config electron-builder.config.mjs --publish never X`, so pass X here.
 */
export function resolveTargets(args: string[], config: Record<string, unknown>): ResolvedTargets {
  const parsed = configureBuildCommand(createYargs()).parse([...args]);
  const { targets } = normalizeOptions(parsed);
  const result: ResolvedTargets = {};
  for (const [platform, raw] of targets) {
    const options = config[platform.name === 'windows' ? 'win' : platform.name === 'macos' ? 'mac' : platform.name];
    const resolved = computeArchToTargetNamesMap(
      raw,
      { platformSpecificBuildOptions: options ?? {}, defaultTarget: ['(default)'] },
      platform,
    );
    result[platform.name] = Object.fromEntries([...resolved].map(([arch, names]) => [Arch[arch]!, names]));
  }
  return result;
}
