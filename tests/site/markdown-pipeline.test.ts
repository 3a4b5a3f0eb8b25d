/**
 * The Markdown renderer is remark-parse -> the mdast steps -> remark-html with the project's
 * schema and link handlers. Before it, the same steps were written as four plugins
 * (remark-rehype -> a hast walk over links and images -> rehype-sanitize -> rehype-stringify),
 * which remark-html wraps. This test keeps that older chain (here only; its plugins are
 * development dependencies) and renders the tests' archive, the shared corpus when it is there,
 * and hostile inputs through both: the HTML must be the same, byte for byte.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { decodeFile } from '../../src/io/read.ts';
import { parseNewsletter } from '../../src/parse.ts';
import type { Issue } from '../../src/records/types.ts';
import { createMarkdown, type IssueHref, prepareTree, SCHEMA, safeImage, safeLink } from '../../src/site/text/markdown.ts';
import { sourceBase } from '../../src/site/text/safe-url.ts';
import { AN_DIALECT, AN_RULES } from '../support/dialect.ts';
import { vocabulary } from '../support/parse-helpers.ts';
import { SAMPLE_ARCHIVE } from '../support/sample-archive.ts';

/** The older chain: the same mdast steps, then remark-rehype, a walk applying the link and image rules, rehype-sanitize, rehype-stringify. */
function fourPluginRenderer(issueHref: IssueHref): (markdown: string, base: string | null) => string {
  const linksOnly = () => (tree: HastRoot) => {
    const walk = (node: HastRoot | Element): void => {
      node.children = (node.children as ElementContent[]).flatMap((child): ElementContent[] => {
        if (child.type !== 'element') return [child];
        if (child.tagName === 'img') return safeImage(child);
        walk(child);
        return child.tagName === 'a' ? safeLink(child) : [child];
      });
    };
    walk(tree);
  };
  const processor = unified()
    .use(remarkParse)
    .use(prepareTree(issueHref, AN_RULES))
    .use(remarkRehype)
    .use(linksOnly)
    .use(rehypeSanitize, SCHEMA)
    .use(rehypeStringify, { characterReferences: { useNamedReferences: true } });
  return (markdown, base) => (markdown.trim() === '' ? '' : String(processor.processSync({ value: markdown, data: { base } })).trim());
}

/** Every Markdown text an issue's pages render, with the address its relative links resolve against. */
function textsOf(issue: Issue): Array<{ markdown: string; base: string | null }> {
  const base = sourceBase(issue.source);
  const texts = [issue.intro];
  for (const entry of issue.entries)
    texts.push(entry.summary, ...entry.opinions.map((o) => o.text), ...entry.readMore, ...entry.prerequisites);
  return texts.map((markdown) => ({ markdown, base }));
}

function issuesIn(dir: string): Issue[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => decodeFile(name, readFileSync(path.join(dir, name))).files)
    .map((raw) => parseNewsletter(raw, { vocabulary: vocabulary(), dialect: AN_DIALECT }));
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](java&#x09;script:alert(1))',
  '[click](  javascript:alert(1)  )',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[vb](vbscript:msgbox(1))',
  '[proto](//evil.example/x)',
  '[ref][r]\n\n[r]: javascript:alert(1)',
  '![img](javascript:alert(1))',
  '![](https://example.org/166e682ca6a94fa5166e682ca6a94fa5)',
  '![a chart](https://example.org/c.png "t")',
  '![rel](images/c.png)',
  '[![badge](https://example.org/b.svg)](https://example.org/)',
  '[rel](/posts/abc) and [frag](#top) and [q](?a=1)',
  '<https://example.org/auto> <mailto:a@example.org> <ftp://example.org/>',
  '[t](https://example.org "a\\"b onmouseover=x")',
  '<div onclick="x()">\nhi\n</div>',
  '<!-- comment --> <![CDATA[x]]> <?php echo 1 ?>',
  '<style>body{display:none}</style>',
  '<iframe src="https://evil.example"></iframe>',
  '<form action="https://evil.example"><input name=x></form>',
  '&lt;script&gt; &amp; &#x3C; &#0; &#xD800; &unknown;',
  '`<script>` and\n\n```html\n<script>alert(1)</script>\n```',
  '    indented <b>code</b>',
  `${'> '.repeat(200)}deep quote`,
  `${'*'.repeat(500)}stars${'*'.repeat(500)}`,
  `${'['.repeat(300)}x${']'.repeat(300)}`,
  Array.from({ length: 120 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n'),
  '# h1 <b>x</b>\n## h2\n###### h6\n####### h7',
  '1. one\n2. two\n\n5) five',
  '| a | b |\n|---|---|\n| <x> | y |',
  'line  \nbreak\\\nand ***both*** ~~struck~~',
  'see (AN #74) and ( AN #74 ) and [AN #74](https://mailchi.mp/x) and (AN #5)',
  '\u0000 \u202e rtl \uFEFF bom \r\n crlf \r cr',
  '[x](https://example.org/a b) [y](<https://example.org/a b>)',
  '[x](https://user:pw@example.org/) [y](HTTPS://EXAMPLE.ORG/)',
];

test('remark-html with the schema and link handlers renders hostile input byte for byte as the four-plugin chain did', () => {
  const issueHref: IssueHref = (n) => (n === 74 ? '/issues/an-074/' : null);
  const older = fourPluginRenderer(issueHref);
  const renderer = createMarkdown(issueHref, AN_RULES);
  for (const base of [null, 'https://www.example.org/posts/abc/the-issue']) {
    for (const markdown of HOSTILE) assert.equal(renderer.render(markdown, base), older(markdown, base), JSON.stringify(markdown));
  }
});

test('remark-html with the schema and link handlers renders every text of the tests archive (and the shared corpus, when present) as the four-plugin chain did', () => {
  const dirs = [
    path.join(SAMPLE_ARCHIVE, 'newsletters'),
    path.resolve(import.meta.dirname, '../../../shared/corpus/issues'),
    path.resolve(import.meta.dirname, '../../../shared/corpus/real/html'),
  ].filter((dir) => existsSync(dir));
  const issues = dirs.flatMap(issuesIn);
  const numbers = new Set(issues.map((issue) => issue.number));
  const issueHref: IssueHref = (n) => (numbers.has(n) ? `/issues/an-${String(n).padStart(3, '0')}/` : null);
  const older = fourPluginRenderer(issueHref);
  const renderer = createMarkdown(issueHref, AN_RULES);
  let texts = 0;
  for (const issue of issues) {
    for (const { markdown, base } of textsOf(issue)) {
      assert.equal(renderer.render(markdown, base), older(markdown, base), `${issue.file}: ${JSON.stringify(markdown.slice(0, 80))}`);
      texts++;
    }
  }
  assert.ok(texts > 100, `only ${texts} texts rendered`);
});
