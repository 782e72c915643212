// visibleText on SYNTHETIC snippets: each way a page draws a formula inside a title.
import { describe, expect, it } from 'vitest';
import { visibleText } from './visible-text';
import { parseHtml } from '../../node/dom';

const text = (inner: string, exclude?: string) => visibleText(parseHtml(`<html><body><a id="t">${inner}</a></body></html>`).getElementById('t'), exclude);
const title = (formula: string) => text(`Evolution of topological phases of ${formula} under hydrostatic pressure`);
const EXPECTED = 'Evolution of topological phases of TaSe3 under hydrostatic pressure';

describe('visibleText', () => {
  it('sub/superscripts join their word', () => {
    expect(title('TaSe<sub>3</sub>')).toBe(EXPECTED);
    expect(text('x<sup>2</sup> + y<sup>2</sup>')).toBe('x2 + y2');
  });

  it('inline SVG text and MathML text', () => {
    expect(title('<svg width="40" height="14"><title>formula</title><text x="0" y="12">TaSe</text><text x="30" y="14">3</text></svg>')).toBe(EXPECTED);
    expect(title('<math><msub><mi>TaSe</mi><mn>3</mn></msub></math>')).toBe(EXPECTED);
  });

  it('formulas drawn without text: image alt, labelled SVG, SVG <title>, MathML alttext', () => {
    expect(title('<img src="f.png" alt="TaSe3">')).toBe(EXPECTED);
    expect(title('<svg role="img" aria-label="TaSe3"><path d="M0 0h1"/></svg>')).toBe(EXPECTED);
    expect(title('<svg><title>TaSe3</title><path d="M0 0h1"/></svg>')).toBe(EXPECTED);
    expect(title('<math alttext="TaSe3"><mglyph/></math>')).toBe(EXPECTED);
  });

  it('MathJax output: CHTML glyphs, SVG glyphs, and the assistive MathML copy read once', () => {
    const chtml = ['54', '61', '53', '65'].map((c) => `<mjx-c class="mjx-c${c}"></mjx-c>`).join('') + '<mjx-c class="mjx-c33"></mjx-c>';
    expect(title(`<mjx-container class="MathJax" jax="CHTML"><mjx-math>${chtml}</mjx-math></mjx-container>`)).toBe(EXPECTED);
    const svg = ['54', '61', '53', '65', '33'].map((c) => `<use data-c="${c}" href="#MJX-${c}"></use>`).join('');
    expect(title(`<mjx-container class="MathJax" jax="SVG"><svg><g>${svg}</g></svg></mjx-container>`)).toBe(EXPECTED);
    expect(
      title(`<mjx-container jax="CHTML"><mjx-math aria-hidden="true">${chtml}</mjx-math><mjx-assistive-mml><math><msub><mi>TaSe</mi><mn>3</mn></msub></math></mjx-assistive-mml></mjx-container>`),
    ).toBe(EXPECTED);
  });

  it('leaves out scripts, styles and excluded descendants', () => {
    expect(text('A <script>var x = 1;</script><style>a{}</style>title<span class="tag">[PDF]</span>', '.tag')).toBe('A title');
    // Class-name lists are tested on the class tokens, anything else through matches(): the same result.
    expect(text('A <i class="x\tctc">[B]</i>title<b class="ctg">[HTML]</b><span class="ctcx">!</span>', '.ctc, .ctg')).toBe('A title!');
    expect(text('A <i lang="en">[B]</i>title', 'i[lang]')).toBe('A title');
    expect(visibleText(null)).toBeUndefined();
    expect(text('   ')).toBeUndefined();
  });
});
