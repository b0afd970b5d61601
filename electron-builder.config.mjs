// electron-builder's entry for `npm run dist`: electron-builder.yml plus Azure Trusted Signing when its env vars exist.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** Environment variable → azureSignOptions field. All four or none: a half-configured signer is an error. */
export const AZURE_ENV = {
  AZURE_TRUSTED_SIGNING_ENDPOINT: 'endpoint',
  AZURE_TRUSTED_SIGNING_ACCOUNT: 'codeSigningAccountName',
  AZURE_TRUSTED_SIGNING_CERTIFICATE_PROFILE: 'certificateProfileName',
  AZURE_TRUSTED_SIGNING_PUBLISHER_NAME: 'publisherName',
};

function loadBaseConfig() {
  return parse(readFileSync(new URL('./electron-builder.yml', import.meta.url), 'utf8'));
}

/**
 * The release configuration for the given environment. Without any AZURE_TRUSTED_SIGNING_* variable it is exactly
 * electron-builder.yml: a local build is unsigned, or Authenticode-signed when CSC_LINK / WIN_CSC_LINK and
 * CSC_KEY_PASSWORD are set (electron-builder reads those itself). Azure's own credentials (AZURE_TENANT_ID,
 * AZURE_CLIENT_ID, AZURE_CLIENT_SECRET) are read by the signing tool and never written into the config.
 */
export function buildConfig(env = process.env) {
  const config = loadBaseConfig();
  const names = Object.keys(AZURE_ENV);
  if (!names.some((name) => env[name])) return config;
  const missing = names.filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new Error(`Azure Trusted Signing 配置不完整，缺少环境变量：${missing.join('、')}`);
  }
  const azureSignOptions = Object.fromEntries(Object.entries(AZURE_ENV).map(([name, field]) => [field, env[name]]));
  return { ...config, win: { ...config.win, azureSignOptions } };
}

// electron-builder calls a default-exported function at load time, so the environment is read per build.
export default function electronBuilderConfig() {
  return buildConfig(process.env);
}
