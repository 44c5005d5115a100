import { spawn } from 'node:child_process';
import { CLI } from '../global-setup';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

/** Runs the built command line (`node dist/cli.js ...`) as a shop's CI would, and collects what it printed. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => done({ code, stdout, stderr, seconds: (Date.now() - started) / 1000 }));
  });
}
