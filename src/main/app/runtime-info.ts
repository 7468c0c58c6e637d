import os from 'node:os';
import type { AppInfo } from '../../shared/contract/app.ts';

export const APP_NAME = 'Hubble Ops Console';

/** What this process runs on; `process.versions` carries electron/chrome only inside Electron. */
export function describeRuntime(shell: AppInfo['shell'], version: string, dataDir: string): AppInfo {
  const versions = process.versions as NodeJS.ProcessVersions & { electron?: string; chrome?: string };
  return {
    name: APP_NAME,
    version,
    platform: os.platform(),
    arch: os.arch(),
    dataDir,
    shell,
    runtime: {
      node: versions.node,
      v8: versions.v8,
      electron: versions.electron ?? null,
      chrome: versions.chrome ?? null,
    },
  };
}
