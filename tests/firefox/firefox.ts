// Real Firefox with the built extension installed as a temporary add-on: the
// Firefox half of tests/e2e/browser.ts, and everything in the Firefox tests
// that is Firefox's alone, in this one file:
// - Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi (no
//   test tool may download a browser or a driver);
// - a loopback proxy that answers every request the browser makes, the
//   extension's background included (BiDi does not see those), from the
//   test's routes; https through CONNECT into an in-process TLS server with a
//   throwaway self-signed certificate made by openssl at test time. Nothing
//   reaches the network: an unrouted request gets a refusal, and every request
//   is logged (the privacy tests read the log);
// - Firefox's privileged ("chrome") scope, reached through Marionette (its own
//   remote protocol) with --remote-allow-system-access: BiDi's chrome scope
//   (`getTree({'moz:scope': 'chrome'})`) is missing from ESR 140 and a tab cannot
//   be sent to moz-extension:// from BiDi, so extension pages are opened with
//   gBrowser.addTab and read through a frame script. Firefox allows a single
//   WebDriver session, so Marionette opens it (with a BiDi socket) and puppeteer
//   is connected to that socket. These are Firefox internals (WebExtensionPolicy,
//   gBrowser, message managers) that may change between ESR versions; they live
//   here only.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net, { type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Browser as SupportedBrowser, createProfile, launch, WEBDRIVER_BIDI_WEBSOCKET_ENDPOINT_REGEX, type Process } from '@puppeteer/browsers';
import puppeteer, { type Browser, type ConnectionTransport, type Page } from 'puppeteer-core';
import { NodeWebSocketTransport } from 'puppeteer-core/internal/node/NodeWebSocketTransport.js';
import { fixtureBytes } from '../helpers/fixtures';
import { matchesAddress, type Address, type ExtensionBrowser, type ExtensionPage, type Reply } from '../e2e/browser';

export type FirefoxBuild = 'firefox-mv2' | 'firefox-mv3';
export const FIREFOX_BUILDS: FirefoxBuild[] = ['firefox-mv2', 'firefox-mv3'];
export const buildDir = (build: FirefoxBuild) => resolve('.output', build);

export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
  if (!existsSync(path))
    throw new Error(
      `Firefox not found at ${path}. Install it with \`sudo apt-get install -y firefox-esr\` ` +
        `or set FIREFOX_PATH to a Firefox executable.`,
    );
  return path;
}

// ---- the proxy -------------------------------------------------------------

/** A self-signed certificate for the proxy's TLS server, made now and kept in memory only. */
export function throwawayCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'scholar-lens-cert-'));
  try {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=scholar-lens-test', '-days', '1', '-keyout', key, '-out', cert],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    return { key: readFileSync(key), cert: readFileSync(cert) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface Proxy {
  port: number;
  /** Every request, as a full URL, in order; CONNECT tunnels as `connect:host:port`. */
  log: string[];
  route(address: Address, answer: () => Reply | Promise<Reply>): void;
  close(): Promise<void>;
}

const REFUSED: Reply = { status: 404, contentType: 'text/plain', body: 'not routed in the test' };

/** An HTTP proxy on 127.0.0.1 that answers from routes; https is tunnelled (CONNECT) into its own TLS server. */
export async function startProxy(): Promise<Proxy> {
  const routes: { address: Address; answer: () => Reply | Promise<Reply> }[] = [];
  const log: string[] = [];
  const sockets = new Set<Socket>();
  const handle = (scheme: 'http' | 'https') => async (req: http.IncomingMessage, res: http.ServerResponse) => {
    // Through a proxy, a plain-HTTP request line carries the whole URL; inside the tunnel, only the path.
    const url = scheme === 'http' ? (req.url ?? '') : `https://${req.headers.host}${req.url}`;
    log.push(url);
    // The latest route for an address wins, as with playwright's routes.
    const route = [...routes].reverse().find((r) => matchesAddress(r.address, url));
    let reply = REFUSED;
    try {
      if (route) reply = await route.answer();
    } catch (e) {
      reply = { status: 500, contentType: 'text/plain', body: String(e) };
    }
    res.writeHead(reply.status ?? 200, { 'content-type': reply.contentType ?? 'text/html', ...reply.headers });
    res.end(reply.body);
  };
  const tls = https.createServer(throwawayCertificate(), handle('https'));
  const proxy = http.createServer(handle('http'));
  proxy.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  proxy.on('connect', (req: http.IncomingMessage, socket: Socket) => {
    log.push(`connect:${req.url}`);
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    tls.emit('connection', socket);
  });
  await new Promise<void>((res) => proxy.listen(0, '127.0.0.1', res));
  const address = proxy.address();
  if (!address || typeof address === 'string') throw new Error('the proxy has no port');
  return {
    port: address.port,
    log,
    route: (address, answer) => void routes.push({ address, answer }),
    async close() {
      for (const s of sockets) s.destroy();
      await Promise.all([new Promise((r) => proxy.close(r)), new Promise((r) => tls.close(r))]);
    },
  };
}

// ---- the browser ---------------------------------------------------------

/** Firefox's own traffic off (updates, telemetry, safe browsing, remote settings, captive portal…); puppeteer sets most of it. */
const QUIET_PREFS: Record<string, unknown> = {
  'app.update.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.downloads.remote.enabled': false,
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.safebrowsing.provider.google4.updateURL': '',
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.http.speculative-parallel-limit': 0,
  'browser.urlbar.speculativeConnect.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.enabled': false,
  'browser.ping-centre.telemetry': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.update.enabled': false,
  'extensions.blocklist.enabled': false,
  'services.settings.server': 'https://remote-settings.invalid/v1',
  'browser.region.update.enabled': false,
  'browser.search.update': false,
  'security.OCSP.enabled': 0,
  'security.remote_settings.crlite_filters.enabled': false,
  'privacy.trackingprotection.enabled': false,
  'browser.contentblocking.category': 'standard',
};

export interface FirefoxBrowser extends ExtensionBrowser {
  readonly proxy: Proxy;
  readonly puppeteer: Browser;
  /** The folder downloads land in (a temp dir, removed on close). */
  readonly downloads: string;
}

/** Runs async `fn` in Firefox's privileged window scope (gBrowser, Services, WebExtensionPolicy). */
type Chrome = (expression: string) => Promise<unknown>;

/** Marionette, Firefox's own remote protocol: length-prefixed JSON over TCP, one command at a time is enough here. */
interface Marionette {
  send(command: string, params: object): Promise<any>;
  close(): void;
}

async function connectMarionette(port: number): Promise<Marionette> {
  const socket = net.connect(port, '127.0.0.1');
  const pending = new Map<number, { res: (v: unknown) => void; rej: (e: Error) => void }>();
  let buffer = Buffer.alloc(0);
  let next = 0;
  let hello: () => void;
  const greeted = new Promise<void>((r) => (hello = r));
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const colon = buffer.indexOf(0x3a);
      if (colon < 0) return;
      const length = Number(buffer.subarray(0, colon).toString());
      if (buffer.length < colon + 1 + length) return;
      const message = JSON.parse(buffer.subarray(colon + 1, colon + 1 + length).toString()) as unknown;
      buffer = buffer.subarray(colon + 1 + length);
      // The first packet is the server's greeting; every other one a reply [1, id, error, result].
      if (!Array.isArray(message)) {
        hello();
        continue;
      }
      const [, id, error, result] = message as [number, number, { error: string; message: string } | null, unknown];
      const waiter = pending.get(id);
      pending.delete(id);
      if (error) waiter?.rej(new Error(`Marionette: ${error.error}: ${error.message}`));
      else waiter?.res(result);
    }
  });
  socket.on('error', (e) => {
    for (const w of pending.values()) w.rej(e);
    pending.clear();
  });
  await new Promise<void>((res, rej) => {
    socket.once('connect', res);
    socket.once('error', rej);
  });
  await greeted;
  return {
    send: (command, params) =>
      new Promise((res, rej) => {
        const id = ++next;
        pending.set(id, { res, rej });
        const body = Buffer.from(JSON.stringify([0, id, command, params]));
        socket.write(`${body.length}:`);
        socket.write(body);
      }),
    close: () => void socket.destroy(),
  };
}

/**
 * puppeteer over the BiDi socket of a session Marionette made: Firefox allows one WebDriver session, and
 * puppeteer always asks for a new one, so that one request is answered here with the session we hold.
 */
async function adoptSession(webSocketUrl: string, session: { sessionId: string; capabilities: object }): Promise<ConnectionTransport> {
  const inner = await NodeWebSocketTransport.create(webSocketUrl);
  const transport: ConnectionTransport = {
    send(text: string) {
      const m = JSON.parse(text) as { id: number; method: string };
      if (m.method === 'session.new') {
        setTimeout(() => transport.onmessage?.(JSON.stringify({ type: 'success', id: m.id, result: session })));
        return;
      }
      inner.send(text);
    },
    close: () => inner.close(),
  };
  inner.onmessage = (text) => transport.onmessage?.(text);
  inner.onclose = () => transport.onclose?.();
  return transport;
}

export async function launchFirefox(build: FirefoxBuild): Promise<FirefoxBrowser> {
  const proxy = await startProxy();
  const downloads = mkdtempSync(join(tmpdir(), 'scholar-lens-downloads-'));
  const profile = mkdtempSync(join(tmpdir(), 'scholar-lens-firefox-'));
  let ff: Browser | undefined;
  let marionette: Marionette | undefined;
  let firefox: Process | undefined;
  const cleanUp = async () => {
    try {
      await ff?.close();
    } catch {
      // the browser may already be gone
    }
    marionette?.close();
    await firefox?.close().catch(() => {});
    await proxy.close();
    rmSync(downloads, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  };
  let session: { sessionId: string; capabilities: { webSocketUrl?: string } };
  let extensionId: string;
  try {
    await createProfile(SupportedBrowser.FIREFOX, {
      path: profile,
      preferences: {
        ...QUIET_PREFS,
        'fission.webContentIsolationStrategy': 0, // as puppeteer.launch sets it
        'marionette.port': 0, // any free port, written to the profile's MarionetteActivePort
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        'network.proxy.socks_remote_dns': true,
        // An <a download> saves into the test's folder, no dialog.
        'browser.download.folderList': 2,
        'browser.download.dir': downloads,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.start_downloads_in_tmp_dir': false,
        'browser.download.alwaysOpenPanel': false,
      },
    });
    firefox = launch({
      executablePath: firefoxPath(),
      // Marionette may evaluate in the privileged scope only with --remote-allow-system-access.
      args: ['--headless', '--profile', profile, '--remote-debugging-port=0', '--remote-allow-system-access', '--marionette', 'about:blank'],
      // Release builds take Remote Settings' server from the prefs only with this set: without it Firefox asks Mozilla's.
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    await firefox.waitForLineOutput(WEBDRIVER_BIDI_WEBSOCKET_ENDPOINT_REGEX, 60_000);
    const portFile = join(profile, 'MarionetteActivePort');
    for (let i = 0; !existsSync(portFile) || readFileSync(portFile, 'utf8').trim() === ''; i++) {
      if (i > 600) throw new Error('Marionette did not start');
      await new Promise((r) => setTimeout(r, 50));
    }
    marionette = await connectMarionette(Number(readFileSync(portFile, 'utf8')));
    session = await marionette.send('WebDriver:NewSession', {
      acceptInsecureCerts: true, // the proxy's certificate is self-signed
      webSocketUrl: true, // the same session over BiDi, for puppeteer
      timeouts: { script: 300_000 },
    });
    if (!session.capabilities.webSocketUrl) throw new Error('Firefox gave the session no BiDi socket');
    await marionette.send('Marionette:SetContext', { value: 'chrome' });
    ff = await puppeteer.connect({
      transport: await adoptSession(session.capabilities.webSocketUrl, session),
      protocol: 'webDriverBiDi',
      acceptInsecureCerts: true,
    });
    extensionId = await ff.installExtension(buildDir(build)); // BiDi webExtension.install: a temporary add-on
  } catch (e) {
    await cleanUp();
    throw e;
  }
  const browser = ff;
  const driver = marionette;

  const inChrome: Chrome = async (expression) => {
    const { value } = (await driver.send('WebDriver:ExecuteScript', {
      script: `return (async () => { try { return JSON.stringify({ v: await (${expression}) }); } catch (e) { return JSON.stringify({ e: String(e) + '\\n' + (e && e.stack || '') }); } })()`,
      args: [],
    })) as { value: string };
    const out = JSON.parse(value) as { v?: unknown; e?: string };
    if (out.e !== undefined) throw new Error(out.e);
    return out.v;
  };

  // A helper object in the privileged window: extension pages opened as tabs, and code run in them or in the background page.
  await inChrome(`(() => {
    const id = ${JSON.stringify(extensionId)};
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    const policy = () => WebExtensionPolicy.getByID(id);
    const tabs = new Map();
    let next = 1;
    async function backgroundBrowser() {
      for (let i = 0; i < 400; i++) {
        const ext = policy()?.extension;
        const view = ext && [...ext.views].find((v) => v.viewType === 'background');
        if (view?.xulBrowser) return view.xulBrowser;
        // A Manifest V3 event page that went idle is woken as an event would wake it.
        if (ext?.wakeupBackground && i % 20 === 0) ext.wakeupBackground().catch(() => {});
        await sleep(25);
      }
      throw new Error('the background page did not start');
    }
    function run(b, source) {
      const mm = b.messageManager;
      const name = 'scholar-lens-e2e:' + Math.random();
      return new Promise((res) => {
        const listener = (m) => { mm.removeMessageListener(name, listener); res(JSON.parse(m.data)); };
        mm.addMessageListener(name, listener);
        mm.loadFrameScript('data:,' + encodeURIComponent('(async () => {' +
          'while (content.document.readyState !== "complete") await new Promise((r) => content.setTimeout(r, 20));' +
          'const sb = Cu.Sandbox(content, { sandboxPrototype: content, wantXrays: false });' +
          'return Cu.evalInSandbox(' + JSON.stringify(source) + ', sb); })()' +
          '.then((v) => JSON.stringify({ v: v === undefined ? null : v }), (e) => JSON.stringify({ e: String(e) + "\\\\n" + (e && e.stack || "") }))' +
          '.then((s) => sendAsyncMessage(' + JSON.stringify(name) + ', s));'), false);
      });
    }
    window.__scholarLensE2E = {
      host: () => policy().mozExtensionHostname,
      async open(path) {
        const url = 'moz-extension://' + policy().mozExtensionHostname + '/' + path;
        const tab = gBrowser.addTab(url, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });
        const b = gBrowser.getBrowserForTab(tab);
        const bare = url.replace(/#.*$/, '');
        for (let i = 0; b.currentURI.spec.replace(/#.*$/, '') !== bare || b.remoteType !== 'extension'; i++) {
          if (i > 400) throw new Error('the extension page did not open: ' + url);
          await sleep(25);
        }
        const handle = next++;
        tabs.set(handle, tab);
        return handle;
      },
      async run(handle, source) {
        const b = handle === 0 ? await backgroundBrowser() : gBrowser.getBrowserForTab(tabs.get(handle));
        const out = await run(b, source);
        if ('e' in out) throw new Error(out.e);
        return out.v;
      },
      close(handle) {
        const tab = tabs.get(handle);
        tabs.delete(handle);
        if (tab) gBrowser.removeTab(tab);
      },
    };
  })()`);

  // The frame script travels as a data: URL, read as ASCII: every other character goes as a \u escape (valid in JS source).
  const source = (fn: Function, arg: unknown) =>
    `(${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)})`.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const run = <R>(handle: number, fn: Function, arg: unknown) =>
    inChrome(`window.__scholarLensE2E.run(${handle}, ${JSON.stringify(source(fn, arg))})`) as Promise<R>;

  async function extensionPage(path: string): Promise<ExtensionPage> {
    const handle = (await inChrome(`window.__scholarLensE2E.open(${JSON.stringify(path)})`)) as number;
    return {
      evaluate: (fn, arg) => run(handle, fn, arg),
      close: async () => void (await inChrome(`window.__scholarLensE2E.close(${handle})`)),
    };
  }

  const background = <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) => run<R>(0, fn, arg);
  const pages: Page[] = [];

  async function tabIdOf(url: string): Promise<number> {
    for (let i = 0; i < 100; i++) {
      const id = await background(async (u: string) => {
        const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
        const tabs = await api.tabs.query({});
        return Math.max(-1, ...tabs.filter((t) => t.url === u).map((t) => t.id ?? -1));
      }, url);
      if (id >= 0) return id;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no tab for ${url}`);
  }

  async function open(url: string): Promise<{ tabId: number }> {
    const page = await browser.newPage();
    pages.push(page);
    await page.goto(url, { waitUntil: 'load' });
    return { tabId: await tabIdOf(page.url()) };
  }

  const self: FirefoxBrowser = {
    name: build,
    proxy,
    puppeteer: browser,
    downloads,
    requests: proxy.log,
    async serve(address, fixture, contentType = 'text/html') {
      const body = fixtureBytes(fixture);
      proxy.route(address, () => ({ status: 200, contentType, body }));
    },
    async reply(address, answer) {
      proxy.route(address, answer);
    },
    open,
    async visit(url) {
      const { tabId } = await open(url);
      for (let i = 0; i < 200; i++) {
        const has = await background(async (id: number) => {
          const k = `tab:${id}`;
          const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
          return (await api.storage.session.get(k))[k] !== undefined;
        }, tabId);
        if (has) return { tabId };
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`the content script reported nothing for tab ${tabId} (${url})`);
    },
    // Once loaded and drawn whole (the first profile takes two frames: src/ui/popup/Popup.tsx), as the Chromium harness does.
    popup: async (tabId) => {
      const page = await extensionPage(`popup.html?tab=${tabId}`);
      for (let i = 0; i < 300; i++) {
        if (await page.evaluate(() => document.querySelector('main.popup')?.getAttribute('aria-busy') === 'false')) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      return page;
    },
    extensionPage,
    background,
    close: cleanUp,
  };
  return self;
}
