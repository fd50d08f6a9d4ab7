/** The web test host as a separate process, so a test can kill it the way a crash or power cut would. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface HostProcess {
  readonly url: string;
  /** SIGKILL: no shutdown code runs, nothing is flushed. */
  kill(): Promise<void>;
}

export async function spawnHost(dataDir: string, locale = 'en-US'): Promise<HostProcess> {
  // `node --import tsx` keeps it one process; the tsx CLI would leave a grandchild running.
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/harness/serve-web.ts', '--port', '0', '--data-dir', dataDir, '--locale', locale], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /web test host: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`The host exited (${code}) before it was ready:\n${output}`)));
  });
  return { url, kill: () => killHard(child) };
}

function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
