import { readFileSync } from 'node:fs';
import { parseCategories } from '../src/categories.ts';
import { cutFlattened } from '../src/parse/cut-flattened.ts';
const v = parseCategories(readFileSync('content/categories.yml', 'utf8'));
const text = readFileSync(process.argv[2]!, 'utf8').trim();
for (const p of cutFlattened(text, v)) console.log(p.heading ? `## ${p.text}` : `   ${p.text.slice(0, Number(process.argv[3] ?? 140))}`);
