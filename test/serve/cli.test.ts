/** `referat serve` as a user starts it: the address it prints answers, Ctrl+C ends it; bad usage is exit 2. */
import { spawn, spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { expect, test } from 'vitest';
import { repoPath } from '../parsers/paths.js';

const BIN = repoPath('bin/referat.js');

test('prints the address, answers there, refuses another host name, and stops on SIGINT with exit code 0', async () => {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    let stderr = '';
    const address = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (d) => {
        stderr += d;
        const m = /running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stderr);
        if (m) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
    });
    expect(stderr).toMatch(/^referat: the review page is running at http:\/\/127\.0\.0\.1:\d+\/ — open it in a browser \(Ctrl\+C stops\)\n$/);
    const health = await fetch(address + 'healthz');
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const page = await fetch(address);
    expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(await page.text()).toMatch(/<html lang="da">/);
    // a page whose DNS name was rebound to 127.0.0.1 sends its own name as Host
    const rebound = await new Promise<number>((resolve, reject) => {
      const req = request(address + 'healthz', { headers: { host: 'attacker.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(rebound).toBe(403);
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});

test('a port in use, a bad port, a bad rule: one line and exit code 2', async () => {
  const blocker = createServer();
  await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
  const port = (blocker.address() as { port: number }).port;
  try {
    const busy = spawnSync(process.execPath, [BIN, 'serve', '--port', String(port)], { encoding: 'utf8', timeout: 30_000 });
    expect(busy.status).toBe(2);
    expect(busy.stderr.trim()).toBe(`referat serve: port ${port} is in use: choose another with --port`);
  } finally {
    blocker.close();
  }
  const bad = spawnSync(process.execPath, [BIN, 'serve', '--port', 'http'], { encoding: 'utf8' });
  expect(bad.status).toBe(2);
  expect(bad.stderr.trim()).toBe('referat serve: --port must be a port number (0-65535), not "http"');
  const rule = spawnSync(process.execPath, [BIN, 'serve', '--rule', 'nope=off'], { encoding: 'utf8' });
  expect(rule.status).toBe(2);
  expect(rule.stderr).toMatch(/^referat serve: --rule nope=off: unknown rule "nope"/);
});
