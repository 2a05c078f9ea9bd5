// Measures which cookies each engine keeps when a plain-http loopback page sets them: a plain one,
// a Secure one and a __Host- one, on http://127.0.0.1 and http://localhost. Prints one table.
// Launches browsers: run it under /work/bin/browser-slot, e.g. `node scripts/loopback-cookies.mjs`.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { browserPath, CHROMIUM_ARGS } from './browser-path.mjs';

const COOKIES = [
  'plain=1; Path=/; SameSite=Lax',
  'secure=1; Path=/; SameSite=Lax; Secure',
  '__Host-host=1; Path=/; SameSite=Lax; Secure',
];

const server = createServer((request, response) => {
  if (request.url === '/set') response.setHeader('set-cookie', COOKIES);
  response.setHeader('content-type', 'text/plain');
  response.end(request.headers.cookie ?? '');
});
server.listen(0, '::');
await once(server, 'listening');
const { port } = server.address();
const hosts = ['127.0.0.1', 'localhost'];

/** Opens /set then /echo on `host` and answers the Cookie header the second request carried. */
async function measure(goto, text, host) {
  await goto(`http://${host}:${port}/set`);
  await goto(`http://${host}:${port}/echo`);
  return text();
}

async function withChromium(host) {
  const browser = await chromium.launch({
    executablePath: browserPath('chromium'),
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await (await browser.newContext()).newPage();
    return await measure(
      (url) => page.goto(url),
      () => page.textContent('body'),
      host,
    );
  } finally {
    await browser.close();
  }
}

async function withFirefox(host) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: browserPath('firefox'),
    headless: true,
  });
  try {
    const page = await browser.newPage();
    return await measure(
      (url) => page.goto(url),
      () => page.evaluate(() => globalThis.document.body.textContent),
      host,
    );
  } finally {
    await browser.close();
  }
}

async function withWebKit(host) {
  const children = [];
  const xvfb = spawn(
    'Xvfb',
    ['-displayfd', '3', '-screen', '0', '1024x768x24', '-nolisten', 'tcp'],
    {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    },
  );
  children.push(xvfb);
  const [display] = await once(xvfb.stdio[3], 'data');
  const driverPort = 20000 + Math.floor(Math.random() * 20000);
  children.push(
    spawn('WebKitWebDriver', [`--port=${driverPort}`, '--host=127.0.0.1'], {
      env: { ...process.env, DISPLAY: `:${String(display).trim()}` },
      stdio: 'ignore',
    }),
  );
  const base = `http://127.0.0.1:${driverPort}`;
  const call = async (method, path, body) => {
    for (let tries = 0; ; tries += 1) {
      try {
        const reply = await fetch(`${base}${path}`, {
          method,
          headers: { 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return (await reply.json()).value;
      } catch (error) {
        if (tries > 100) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  };
  try {
    const { sessionId } = await call('POST', '/session', {
      capabilities: {
        alwaysMatch: {
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: browserPath('webkit'), args: ['--automation'] },
        },
      },
    });
    const result = await measure(
      (url) => call('POST', `/session/${sessionId}/url`, { url }),
      () =>
        call('POST', `/session/${sessionId}/execute/sync`, {
          script: 'return document.body.textContent',
          args: [],
        }),
      host,
    );
    await call('DELETE', `/session/${sessionId}`);
    return result;
  } finally {
    for (const child of children) child.kill('SIGTERM');
  }
}

const engines = { chromium: withChromium, firefox: withFirefox, webkit: withWebKit };
console.log('| engine | host | plain | Secure | __Host- |');
console.log('| --- | --- | --- | --- | --- |');
for (const [engine, run] of Object.entries(engines)) {
  for (const host of hosts) {
    const sent = await run(host).catch((error) => `error: ${error.message.split('\n')[0]}`);
    const has = (name) =>
      sent.split('; ').some((pair) => pair.startsWith(`${name}=`)) ? 'kept' : 'dropped';
    console.log(
      `| ${engine} | ${host} | ${has('plain')} | ${has('secure')} | ${has('__Host-host')} | ${sent.startsWith('error') ? sent : ''}`,
    );
  }
}
server.close();
