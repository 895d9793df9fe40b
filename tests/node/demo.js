// Starts relay-demo on an ephemeral loopback port for the duration of a test file.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

/** The repository's root folder. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Runs relay-demo (built by cargo if needed, or the binary `RELAY_DEMO` names) on
 * 127.0.0.1 with a port the OS picks; resolves to `{ base, stop }` once it listens.
 */
export async function startDemo(...flags) {
  const args = ['--listen', '127.0.0.1:0', ...flags];
  const child = process.env.RELAY_DEMO
    ? spawn(process.env.RELAY_DEMO, args, { cwd: ROOT })
    : spawn('cargo', ['run', '--quiet', '-p', 'relay-demo', '--', ...args], { cwd: ROOT });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const lines = createInterface({ input: child.stdout });
  const listening = (async () => {
    for await (const line of lines) {
      const match = /listening on (http:\/\/\S+)/.exec(line);
      if (match) return match[1];
    }
    throw new Error(`relay-demo exited before listening:\n${stderr}`);
  })();
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`relay-demo exited with ${code}:\n${stderr}`);
  });
  // A cold `cargo run` may build the demo first; give it the time a build takes.
  const timeout = new Promise((_, reject) => {
    const timer = setTimeout(() => reject(new Error('relay-demo did not start in 300 s')), 300_000);
    timer.unref();
  });
  const base = await Promise.race([listening, exited, timeout]);
  exited.catch(() => {});
  return {
    base,
    stop: () => {
      child.kill();
    },
  };
}
