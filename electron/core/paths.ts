import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Caja';

/**
 * The OS app-data folder, the same one Electron's `app.getPath('userData')` gives,
 * so the window, the web host and the CLI share one store by default.
 * CAJA_DATA_DIR overrides it (support, tests).
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (env.CAJA_DATA_DIR) return path.resolve(env.CAJA_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
}
