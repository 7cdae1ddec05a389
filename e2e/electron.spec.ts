import { _electron as electron } from '@playwright/test';
import { buildElectron, installedElectron } from '../scripts/build.ts';
import { expect, freshDataDir, ROOT, test } from './fixtures.ts';

const bin = installedElectron();

test.describe('desktop window', () => {
  test.skip(bin === null, 'este equipo no tiene el ejecutable de Electron');

  test('opens on the first-run screen with an isolated, sandboxed renderer', async () => {
    await buildElectron();
    const app = await electron.launch({
      executablePath: bin ?? '',
      args: [ROOT, '--data', freshDataDir()],
      env: { ...process.env, CAJA_E2E: '1' },
    });
    try {
      const win = await app.firstWindow();
      await expect(win.getByTestId('setup-store')).toBeVisible();
      const exposed = await win.evaluate(() => ({
        api: Object.keys((window as unknown as { api: object }).api).sort(),
        node: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      }));
      expect(exposed).toEqual({
        api: ['invoke', 'subscribe'],
        node: 'undefined',
        process: 'undefined',
      });
      const unknown = await win.evaluate(() =>
        (
          window as unknown as { api: { invoke(c: string, i: unknown): Promise<unknown> } }
        ).api.invoke('fs.read', {}),
      );
      expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    } finally {
      await app.close();
    }
  });
});
