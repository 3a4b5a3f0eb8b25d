/**
 * The GitHub Pages workflow builds under the path Pages serves the site from, as
 * actions/configure-pages gives it (`base_path`, `base_url`), so a project repository, a
 * `<owner>.github.io` repository and a custom domain each get links that work.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import yaml from 'js-yaml';
import { parsePathPrefix, siteAddress } from '../../src/io/address.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
type Step = { id?: string; name?: string; uses?: string; run?: string; env?: Record<string, string> };
const workflow = yaml.load(readFileSync(path.join(ROOT, '.github/workflows/pages.yml'), 'utf8')) as {
  jobs: { build: { steps: Step[] } };
};
const steps = workflow.jobs.build.steps;
const step = (name: string): Step => steps.find((s) => s.name === name)!;

/** What GitHub makes of `${{ steps.pages.outputs.X }}` for the given configure-pages outputs. */
function expand(value: string, outputs: Record<string, string>): string {
  return value.replace(/\$\{\{\s*steps\.pages\.outputs\.(\w+)\s*\}\}/g, (_, name: string) => {
    assert.ok(name in outputs, `configure-pages has an output ${name}`);
    return outputs[name]!;
  });
}

test('the build and the link check take the path prefix from configure-pages, never from the repository name', () => {
  const pages = steps.find((s) => s.id === 'pages');
  assert.match(pages?.uses ?? '', /^actions\/configure-pages@/);
  assert.ok(steps.indexOf(pages!) < steps.indexOf(step('Build')), 'configure-pages runs before the build');
  for (const name of ['Build', 'Check internal links']) {
    const s = step(name);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, as the workflow writes it
    assert.equal(s.env?.PATH_PREFIX, '${{ steps.pages.outputs.base_path }}/', name);
    assert.doesNotMatch(`${s.run} ${JSON.stringify(s.env)}`, /repository\.name/, name);
  }
});

test('a project repository, a <owner>.github.io repository and a custom domain each build under the path they are served from', () => {
  const cases = [
    { outputs: { base_path: '/notes', base_url: 'https://team.github.io/notes' }, prefix: '/notes/', url: 'https://team.github.io/notes/' },
    { outputs: { base_path: '', base_url: 'https://team.github.io' }, prefix: '/', url: 'https://team.github.io/' },
    { outputs: { base_path: '', base_url: 'https://notes.example.net' }, prefix: '/', url: 'https://notes.example.net/' },
  ];
  const env = step('Build').env!;
  for (const { outputs, prefix, url } of cases) {
    const pathPrefix = parsePathPrefix(expand(env.PATH_PREFIX!, outputs));
    assert.equal(pathPrefix, prefix);
    // The address the feed and sitemap use agrees with the prefix the pages link under: no error, no warning.
    assert.deepEqual(siteAddress({ siteUrl: expand(env.SITE_URL!, outputs), pathPrefix }), { url, warning: null });
  }
});
