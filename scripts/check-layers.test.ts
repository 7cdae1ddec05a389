import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLayers } from './check-layers.ts';

function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'caja-layers-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

describe('layer check', () => {
  it('accepts the imports the architecture allows', () => {
    const root = tree({
      'shared/a.ts': "import { z } from 'zod';\nimport { b } from './b.ts';\n",
      'shared/b.ts': 'export const b = 1;\n',
      'electron/core/x.ts': "import fs from 'node:fs';\nimport { b } from '../../shared/b.ts';\n",
      'renderer/app.tsx':
        "import { useState } from 'react';\nimport { b } from '../shared/b.ts';\n",
      'electron/main/index.ts':
        "import { app } from 'electron';\nimport { x } from '../core/x.ts';\n",
    });
    expect(checkLayers(root)).toEqual([]);
  });

  it('rejects node, electron and cross-layer imports in the wrong folders', () => {
    const root = tree({
      'shared/a.ts': "import fs from 'node:fs';\n",
      'electron/core/x.ts': "import { app } from 'electron';\n",
      'renderer/app.tsx': "import { x } from '../electron/core/x.ts';\n",
      'electron/preload/index.ts': "import { x } from '../core/x.ts';\n",
    });
    const problems = checkLayers(root);
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toContain("shared/a.ts: 'node:fs'");
    expect(problems.join('\n')).toContain("electron/core/x.ts: 'electron'");
  });
});
