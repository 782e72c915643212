// `extract <file> --url <url>`: the page's capture as JSON on stdout.
import { nodeRegistry } from '../../node/sites';
import { captureData, capturePage } from '../../adapters/run';
import { decodePage, parseHtml } from '../../node/dom';
import { EXIT, parseArgs, parseNow, type Command } from '../io';

type As = 'html' | 'json' | 'xml';

export const run: Command = async (args, io) => {
  const { flags, positionals } = parseArgs(args, ['url', 'as', 'now', 'site']);
  const file = positionals[0];
  const urlText = typeof flags.url === 'string' ? flags.url : undefined;
  if (!file || !urlText) {
    io.stderr('usage: extract <file> --url <url> [--as html|json|xml] [--site <adapter id>] [--now <iso-date>]\n');
    return EXIT.usage;
  }
  let url: URL;
  try {
    url = new URL(urlText);
  } catch {
    io.stderr(`not a URL: ${urlText}\n`);
    return EXIT.usage;
  }
  const now = parseNow(flags, io);
  if (!now) return EXIT.usage;
  const bytes = await io.readFile(file);
  const text = decodePage(bytes);
  const as = (typeof flags.as === 'string' ? flags.as : sniff(file, text)) as As;
  if (!['html', 'json', 'xml'].includes(as)) {
    io.stderr(`--as must be html, json or xml\n`);
    return EXIT.usage;
  }

  // A data API's address (e.g. PubMed's E-utilities) belongs to no page rule:
  // --site names the adapter that reads it.
  const site = typeof flags.site === 'string' ? flags.site : undefined;
  const { adapterById, adapterFor, fallbackAdapterFor } = nodeRegistry();
  if (site !== undefined && !adapterById(site)) {
    io.stderr(`no adapter "${site}"\n`);
    return EXIT.usage;
  }
  let adapter = site !== undefined ? adapterById(site) : adapterFor(url);
  let capture;
  if (as === 'html') {
    const doc = parseHtml(text);
    adapter ??= fallbackAdapterFor(doc, url);
    if (!adapter) {
      io.stderr(`no adapter recognizes ${url.href}: not a supported site and no scholarly metadata in the page\n`);
      return EXIT.unrecognized;
    }
    capture = capturePage(adapter, doc, url, { now });
  } else {
    if (!adapter) {
      io.stderr(`no adapter recognizes ${url.href}: not a supported site\n`);
      return EXIT.unrecognized;
    }
    capture = captureData(adapter, text, url, as, { now });
  }
  io.stdout(JSON.stringify(capture, null, 2) + '\n');
  if (capture.pageKind === 'unrecognized') {
    io.stderr(`${adapter.name} did not recognize the page: ${capture.notes?.[0] ?? 'layout not understood'}\n`);
    return EXIT.unrecognized;
  }
  return EXIT.ok;
};

function sniff(file: string, text: string): As {
  if (/\.json$/i.test(file)) return 'json';
  if (/\.xml$/i.test(file)) return 'xml';
  const head = text.slice(0, 200).trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return 'json';
  if (head.startsWith('<?xml') && !/<html/i.test(text.slice(0, 2000))) return 'xml';
  return 'html';
}
