// The XML reader on hostile input: deep nesting must neither overflow the
// stack nor take time that grows with the square of the depth (issue 14,
// finding 6). Checked on results and on finishing at all, never on time.
import { describe, expect, it } from 'vitest';
import { child, elements, findFirst, parseXmlText, xmlText } from './xml';
import { captureData } from '../run';
import { dblpAdapter } from '../../sites/dblp';

const DEPTH = 40_000;

describe('the XML reader on deep nesting', () => {
  it('reads 40 000 nested elements, finds the innermost one and its text without overflowing the stack', () => {
    const text = '<r>'.repeat(DEPTH) + '<title>deep</title>' + '</r>'.repeat(DEPTH) + '<after/>';
    const doc = parseXmlText(text);
    // Every close matched its open: <after/> is back at the top level.
    expect(elements(doc).map((e) => e.name)).toEqual(['r', 'after']);
    expect(findFirst(doc, 'title')?.children).toEqual(['deep']);
    expect(xmlText(doc)).toBe('deep');
    let depth = 0;
    for (let e = child(doc, 'r'); e; e = child(e, 'r')) depth++;
    expect(depth).toBe(DEPTH);
  });

  it('40 000 opens never closed, then 40 000 closes of a name never opened', () => {
    const text = '<a>'.repeat(DEPTH) + 'x' + '</b>'.repeat(DEPTH) + '<c>y</c>';
    const doc = parseXmlText(text);
    // Unknown closes are ignored; what follows nests inside the open elements.
    expect(findFirst(doc, 'c')?.children).toEqual(['y']);
    expect(xmlText(doc)).toBe('xy');
  });

  it('a DBLP person response wrapped in 40 000 levels is read through the adapter like any response, without throwing', () => {
    // SYNTHETIC: the smallest person record, inside a hostile wrapper.
    const person = '<dblpperson name="Synthetic Person" pid="00/0000" n="1"><r><article key="journals/x/Y26"><author pid="00/0000">Synthetic Person</author><title>Deep</title><year>2026</year></article></r></dblpperson>';
    const text = '<w>'.repeat(DEPTH) + person + '</w>'.repeat(DEPTH);
    const c = captureData(dblpAdapter, text, new URL('https://dblp.org/pid/00/0000.xml'), 'xml', { now: new Date('2026-11-22T00:00:00Z') });
    expect(c.pageKind).toBe('author');
    expect(c.person?.name).toBe('Synthetic Person');
    expect(c.works?.map((w) => w.title)).toEqual(['Deep']);
  });

  it('a close of an outer name closes everything inside it at once', () => {
    const doc = parseXmlText('<dblpperson><r><article><title>T</title></r><r><article><title>U</title></article></r></dblpperson><tail/>');
    const person = child(doc, 'dblpperson')!;
    expect(elements(person, 'r')).toHaveLength(2);
    expect(elements(doc).map((e) => e.name)).toEqual(['dblpperson', 'tail']);
    expect(xmlText(person)).toBe('TU');
  });
});

describe('names from the text never reach Object.prototype', () => {
  it('entity and attribute names such as constructor and __proto__ are text like any other', () => {
    const doc = parseXmlText('<a __proto__="x" constructor="y">&constructor; &toString; &amp;</a>');
    const a = child(doc, 'a')!;
    expect(xmlText(a)).toBe('&constructor; &toString; &');
    expect(Object.keys(a.attrs)).toEqual(['__proto__', 'constructor']);
    expect(a.attrs['__proto__']).toBe('x');
  });
});
