/**
 * Any HTML is read, as a property: fast-check builds pages from every element of the HTML
 * standard (its element index, without the obsolete ones), nested at random whatever their
 * content models say, and the parser must never throw and must keep every word of every text
 * node a reader is meant to read.
 *
 * The oracle is this file's own model of the page, not the parser: each text node's words, less
 * those inside the elements whose content is not newsletter text by the product's rule
 * (docs/input.md): the head, scripts, styles, templates, `noscript`, embedded documents and
 * graphics (`iframe`, `object`, `embed`, `svg`, `canvas`), navigation, forms and their controls.
 * A word is kept when it stands in the Markdown the HTML reader writes and in the parsed issue.
 * The pages carry no class, id or style attributes: what the reader drops by those (hidden text,
 * platform furniture) is tested on its own, in tests/parse/input-html.test.ts.
 *
 * Each run draws a new seed, printed first; FC_SEED=<seed> replays a run, FC_RUNS sets the pages.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { htmlToMarkdown } from '../../src/parse/html-to-markdown.ts';
import { parseNewsletter } from '../../src/parse.ts';
import { parseCategories } from '../../src/records/categories.ts';

const SEED = process.env.FC_SEED === undefined ? Math.floor(Math.random() * 0x7fffffff) : Number(process.env.FC_SEED);
process.stdout.write(`html elements seed: ${SEED} (replay: FC_SEED=${SEED} npx tsx --test tests/robustness/html-elements.test.ts)\n`);
const RUNS = Number(process.env.FC_RUNS ?? 150);

/** Elements that hold other content (the standard's element index, less html, head, body and the void and raw-text ones). */
const CONTAINERS = [
  'a',
  'abbr',
  'address',
  'article',
  'aside',
  'audio',
  'b',
  'bdi',
  'bdo',
  'blockquote',
  'button',
  'canvas',
  'caption',
  'cite',
  'code',
  'colgroup',
  'data',
  'datalist',
  'dd',
  'del',
  'details',
  'dfn',
  'dialog',
  'div',
  'dl',
  'dt',
  'em',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'i',
  'iframe',
  'ins',
  'kbd',
  'label',
  'legend',
  'li',
  'main',
  'map',
  'mark',
  'math',
  'menu',
  'meter',
  'nav',
  'noscript',
  'object',
  'ol',
  'optgroup',
  'option',
  'output',
  'p',
  'picture',
  'pre',
  'progress',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'samp',
  'search',
  'section',
  'select',
  'slot',
  'small',
  'span',
  'strong',
  'sub',
  'summary',
  'sup',
  'svg',
  'table',
  'tbody',
  'td',
  'template',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'u',
  'ul',
  'var',
  'video',
  // Obsolete but still sent by mail platforms and word processors.
  'center',
  'font',
  'strike',
  'tt',
  // MathML's token elements, inside or outside <math>.
  'mi',
  'mo',
  'mn',
  'mrow',
  'msup',
] as const;
/** Void elements: no content. */
const VOIDS = ['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'] as const;
/** Elements whose content is text only (raw text and escapable raw text). */
const RAW_TEXT = ['script', 'style', 'textarea', 'title'] as const;
/** Elements whose content is not newsletter text (the product's rule, see the header). */
const NOT_TEXT = new Set<string>([
  'head',
  'title',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'nav',
  'form',
  'button',
  'input',
  'select',
  'option',
  'optgroup',
  'datalist',
  'textarea',
]);

type Node = { text: string[] } | { name: string; children: Node[] };

const STEMS = ['lumo', 'kasi', 'verbe', 'tanu', 'morela', 'quist', 'dorvi', 'palen', 'sikor', 'wembi', 'fardo', 'nilst'];

const text: fc.Arbitrary<Node> = fc.array(fc.constantFrom(...STEMS), { minLength: 1, maxLength: 4 }).map((words) => ({ text: words }));
const tree = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.constantFrom(...VOIDS).map((name) => ({ name, children: [] })),
    fc.record({ name: fc.constantFrom(...RAW_TEXT), children: fc.tuple(text) }),
    fc.record({ name: fc.constantFrom(...CONTAINERS), children: fc.array(tie('node'), { maxLength: 4 }) }),
  ),
}));
const page = fc.array(tree.node, { minLength: 1, maxLength: 6 });

/** Letters for a number: every word of a page is made unique by one (`lumo` -> `lumobc`). */
function letters(n: number): string {
  let out = '';
  do {
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26);
  } while (n > 0);
  return `q${out}`;
}

/** The page's HTML and the words a reader is meant to read in it. */
function render(nodes: Node[]): { html: string; words: string[] } {
  let n = 0;
  const words: string[] = [];
  const write = (node: Node, hidden: boolean): string => {
    if ('text' in node) {
      const unique = node.text.map((w) => `${w}${letters(n++)}`);
      if (!hidden) words.push(...unique);
      return ` ${unique.join(' ')} `;
    }
    if ((VOIDS as readonly string[]).includes(node.name))
      return node.name === 'img' ? '<img src="https://img.example.org/x.png" alt="">' : `<${node.name}>`;
    const inside = hidden || NOT_TEXT.has(node.name);
    const attrs = node.name === 'a' ? ' href="https://example.org/page"' : '';
    return `<${node.name}${attrs}>${node.children.map((c) => write(c, inside)).join('')}</${node.name}>`;
  };
  const body = nodes.map((node) => write(node, false)).join('\n');
  return { html: `<!DOCTYPE html>\n<html><head><title>Generated page</title></head><body>\n${body}\n</body></html>\n`, words };
}

const unescaped = (text: string): string => text.replace(/\\/g, '');

test('a page of any elements of the HTML standard, nested at random, is read without error, and every word a reader sees is kept', () => {
  const vocabulary = parseCategories('');
  fc.assert(
    fc.property(page, (nodes) => {
      const { html, words } = render(nodes);
      const markdown = unescaped(
        htmlToMarkdown(html, 1)
          .lines.map((l) => l.text)
          .join('\n'),
      );
      const issue = unescaped(JSON.stringify(parseNewsletter({ file: 'generated.html', text: html }, { vocabulary })));
      for (const word of words) {
        assert.ok(markdown.includes(word), `"${word}" is missing from the Markdown:\n${markdown}\n--- from ---\n${html}`);
        assert.ok(issue.includes(word), `"${word}" is missing from the parsed issue\n--- from ---\n${html}`);
      }
    }),
    { seed: SEED, numRuns: RUNS },
  );
});
