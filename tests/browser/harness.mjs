// Starts the real wijkplatform binary on a free port with a fresh database
// and launches Debian's Chromium through playwright-core. For browser tests.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';

export async function startServer() {
  const binary = process.env.WP_BINARY;
  if (!binary) throw new Error('WP_BINARY is not set (run through ctest)');
  const dir = mkdtempSync(join(tmpdir(), 'wp-browser-'));
  const source = process.env.WP_SOURCE_DIR;
  if (!source) throw new Error('WP_SOURCE_DIR is not set (run through ctest)');
  const child = spawn(binary, ['serve', '--json', '--demo'], {
    env: {
      ...process.env,
      WP_DATABASE_URL: `sqlite:${join(dir, 'wp.db')}`,
      WP_PORT: '0',
      WP_GEO_DIR: join(source, 'share', 'geo'),
      WP_PASSWORD_MEMORY_KIB: '8',
      WP_PASSWORD_OPS: '1',
      WP_ACCESS_LOG: '',
      WP_DEMO_PASSWORD: 'demo wachtwoord voor de test',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start within 120 s')), 120000);
    lines.once('line', (line) => { clearTimeout(timer); resolve(JSON.parse(line).port); });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  const browser = await chromium.launch({
    executablePath: process.env.WP_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  // bypassCSP lets the test inject axe-core; the site's own pages run no script.
  const context = await browser.newContext({ locale: 'nl-NL', bypassCSP: true });
  return {
    browser,
    context,
    async close() {
      await browser.close();
    },
  };
}
