import { readFileSync } from 'node:fs';
import { parseCategories } from '../src/categories.ts';
import { cutFlattened } from '../src/parse/cut-flattened.ts';
const v = parseCategories(readFileSync('content/categories.yml', 'utf8'));
const t = process.argv[2]!;
for (const p of cutFlattened(t, v)) console.log(p.heading ? `## ${p.text}` : `   ${p.text}`);
