/**
 * `npm start` as a newcomer meets it, over real processes and ports: the ports come from flags or the
 * environment, a taken port is named with the commands that choose another (not a raw EADDRINUSE
 * stack), and the URLs are printed once everything answers.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Generous: the machine is shared, and a first start may build the CDN file. */
const START_LIMIT = 120_000;

interface DemoProcess {
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal) once the process has ended. */
  exited: Promise<number | NodeJS.Signals | null>;
  /** Resolves when stdout matches `pattern`; rejects if the process ends first or time runs out. */
  waitForOutput(pattern: RegExp): Promise<RegExpMatchArray>;
  stop(): Promise<void>;
}

const running = new Set<DemoProcess>();
after(async () => {
  for (const demo of running) await demo.stop();
});

/** `npm start`'s own command (`tsx demo/server.ts`), with these flags and environment. */
function startDemoProcess(args: string[], env: Record<string, string>): DemoProcess {
  const inherited = { ...process.env };
  delete inherited.PORT;
  delete inherited.MOCK_PORT;
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/server.ts', ...args], {
    cwd: ROOT,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = once(child, 'exit').then(
    ([code, signal]) => (code as number | null) ?? (signal as NodeJS.Signals | null),
  );
  const demo: DemoProcess = {
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    waitForOutput: (pattern) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => finish(new Error(`no ${pattern} in ${START_LIMIT} ms`)),
          START_LIMIT,
        );
        const check = (): void => {
          const match = stdout.match(pattern);
          if (match) finish(undefined, match);
        };
        const ended = (): void =>
          finish(new Error(`the demo ended before ${pattern}:\n${stdout}\n${stderr}`));
        function finish(error?: Error, match?: RegExpMatchArray): void {
          clearTimeout(timer);
          child.stdout.off('data', check);
          child.off('exit', ended);
          if (match) resolve(match);
          else reject(error ?? new Error('no match'));
        }
        child.stdout.on('data', check);
        child.once('exit', ended);
        check();
      }),
    stop: async () => {
      running.delete(demo);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
  running.add(demo);
  return demo;
}

async function exitOf(demo: DemoProcess): Promise<number | NodeJS.Signals | null> {
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(
      () => reject(new Error(`still running:\n${demo.stdout()}\n${demo.stderr()}`)),
      START_LIMIT,
    ).unref(),
  );
  return Promise.race([demo.exited, timeout]);
}

/** Another program on a port, as a Vite dev server on 5173 would be. */
async function holdPort(host: string): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const address = server.address();
  assert.ok(address && typeof address === 'object');
  return { port: address.port, server };
}

async function freePort(host: string): Promise<number> {
  const { port, server } = await holdPort(host);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A clear message about a port, with nothing of Node's stack or error codes. */
function assertNoRawError(stderr: string): void {
  assert.doesNotMatch(stderr, /EADDRINUSE|EACCES|Error:/);
  assert.doesNotMatch(stderr, /^\s+at /m, 'no stack trace');
}

describe('npm start', () => {
  it('names a taken portal port (from PORT) and how to choose another, and exits with 1', async () => {
    const held = await holdPort('localhost');
    try {
      const demo = startDemoProcess([], { PORT: String(held.port), MOCK_PORT: '0' });
      assert.equal(await exitOf(demo), 1);
      const stderr = demo.stderr();
      assert.match(stderr, new RegExp(`demo portal: port ${held.port} is already in use`));
      assert.ok(stderr.includes(`npm start -- --port ${held.port + 1}`), stderr);
      assert.ok(stderr.includes(`PORT=${held.port + 1} npm start`), stderr);
      assertNoRawError(stderr);
      assert.doesNotMatch(demo.stdout(), /Ready/);
    } finally {
      held.server.close();
    }
  });

  it('names a taken mock Altinn port (from MOCK_PORT) and how to choose another', async () => {
    const held = await holdPort('127.0.0.1');
    try {
      const demo = startDemoProcess(['--port', '0'], { MOCK_PORT: String(held.port) });
      assert.equal(await exitOf(demo), 1);
      const stderr = demo.stderr();
      assert.match(stderr, new RegExp(`mock Altinn: port ${held.port} is already in use`));
      assert.ok(stderr.includes(`npm start -- --mock-port ${held.port + 1}`), stderr);
      assert.ok(stderr.includes(`MOCK_PORT=${held.port + 1} npm start`), stderr);
      assertNoRawError(stderr);
    } finally {
      held.server.close();
    }
  });

  it('refuses a port that is no port, or the same port twice, before starting anything', async () => {
    const demo = startDemoProcess(['--port', '70000'], {});
    assert.equal(await exitOf(demo), 2);
    assert.match(demo.stderr(), /--port must be a port number from 0 to 65535/);
    assert.match(demo.stderr(), /Usage: npm start -- \[--port/);
    assertNoRawError(demo.stderr());

    const same = startDemoProcess(['--port', '4567'], { MOCK_PORT: '4567' });
    assert.equal(await exitOf(same), 2);
    assert.match(same.stderr(), /need different ports, not both 4567/);
  });

  it('takes the ports from flags before the environment, and prints the URLs once they answer', async (t) => {
    const [port, mockPort] = [await freePort('localhost'), await freePort('127.0.0.1')];
    const started = performance.now();
    // The environment names no usable port: the flags must win.
    const demo = startDemoProcess(['--port', String(port), '--mock-port', String(mockPort)], {
      PORT: 'not-a-port',
      MOCK_PORT: 'not-a-port',
    });
    try {
      const [, readyIn] = await demo.waitForOutput(/Ready in ([\d.]+) s/);
      const waited = ((performance.now() - started) / 1000).toFixed(1);
      t.diagnostic(`npm start: ready in ${readyIn} s by its own clock, ${waited} s from spawn`);

      const stdout = demo.stdout();
      assert.ok(stdout.includes(`http://localhost:${port}/tilgang.html`), stdout);
      assert.ok(
        stdout.includes(`http://127.0.0.1:${mockPort}/accessmanagement/ui/requests/received`),
        stdout,
      );
      // Printed only when ready: the portal's pages and the mock answer at once.
      const page = await fetch(`http://localhost:${port}/tilgang.html`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<access-request-status/);
      const altinn = await fetch(
        `http://127.0.0.1:${mockPort}/accessmanagement/ui/requests/received?org=310456780`,
      );
      assert.equal(altinn.status, 200);
    } finally {
      await demo.stop();
    }
    assert.equal(await demo.exited, 0, 'Ctrl+C (SIGTERM here) stops it cleanly');
  });
});
