// `extract <file> --url <url>`: the page's capture as JSON on stdout. The file
// is a saved page, a saved data response (JSON, XML), or a recorded HTTP
// cassette (VCR YAML), which is read like the response it wraps.
import { nodeRegistry } from '../../node/sites';
import { looksLikeCassette, pickInteraction, readCassette } from '../cassette';
import { captureData, capturePage } from '../../adapters/run';
import { decodePage, parseHtml } from '../../node/dom';
import { EXIT, parseArgs, parseNow, type Command } from '../io';

type As = 'html' | 'json' | 'xml';

export const run: Command = async (args, io) => {
  const { flags, positionals } = parseArgs(args, ['url', 'as', 'now', 'site', 'interaction']);
  const file = positionals[0];
  let urlText = typeof flags.url === 'string' ? flags.url : undefined;
  const usage = 'usage: extract <file> --url <url> [--as html|json|xml] [--site <adapter id>] [--now <iso-date>]\n' +
    '       extract <cassette.yml> [--url <recorded url>] [--interaction <n>] [--site <adapter id>]\n';
  if (!file) {
    io.stderr(usage);
    return EXIT.usage;
  }
  const now = parseNow(flags, io);
  if (!now) return EXIT.usage;
  const bytes = await io.readFile(file);
  let text = decodePage(bytes);
  let recordedType: string | undefined;
  if (/\.ya?ml$/i.test(file) || looksLikeCassette(text)) {
    // A cassette: the recorded response is the input, at the address it was recorded from.
    let picked;
    try {
      const index = typeof flags.interaction === 'string' ? Number(flags.interaction) : undefined;
      if (index !== undefined && !(Number.isInteger(index) && index >= 1)) {
        io.stderr('--interaction must be a number from 1\n');
        return EXIT.usage;
      }
      picked = pickInteraction(readCassette(text), urlText ? parseUrlOrUndefined(urlText) : undefined, index);
    } catch (err) {
      io.stderr(`${file}: not a readable cassette (${err instanceof Error ? err.message.split('\n')[0] : String(err)})\n`);
      return EXIT.usage;
    }
    if ('error' in picked) {
      io.stderr(`${file}: ${picked.error}\n`);
      return EXIT.usage;
    }
    if (!(picked.status >= 200 && picked.status < 300))
      io.stderr(`${file}: the recorded response has status ${Number.isNaN(picked.status) ? 'unknown' : picked.status}; read as it is\n`);
    text = picked.body;
    urlText ??= picked.uri;
    recordedType = picked.contentType;
  }
  if (!urlText) {
    io.stderr(usage);
    return EXIT.usage;
  }
  const url = parseUrlOrUndefined(urlText);
  if (!url) {
    io.stderr(`not a URL: ${urlText}\n`);
    return EXIT.usage;
  }
  const as = (typeof flags.as === 'string' ? flags.as : recordedType ? typeFromHeader(recordedType, text) : sniff(file, text)) as As;
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

function parseUrlOrUndefined(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** A recorded Content-Type (application/vnd.orcid+json, text/xml …) decides; otherwise the body is sniffed. */
function typeFromHeader(contentType: string, body: string): As {
  if (/[/+]json\b/i.test(contentType)) return 'json';
  if (/[/+]xml\b/i.test(contentType)) return 'xml';
  if (/text\/html/i.test(contentType)) return 'html';
  return sniff('', body);
}

function sniff(file: string, text: string): As {
  if (/\.json$/i.test(file)) return 'json';
  if (/\.xml$/i.test(file)) return 'xml';
  const head = text.slice(0, 200).trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return 'json';
  if (head.startsWith('<?xml') && !/<html/i.test(text.slice(0, 2000))) return 'xml';
  return 'html';
}
