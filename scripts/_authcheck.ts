import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { looksLikeAuthors } from '../src/parse/authors.ts';
const rows = parse(readFileSync('/work/shared/corpus/an-database.csv','utf8'), {columns:true}) as Record<string,string>[];
const bad = new Set<string>();
for (const r of rows) { const a = r['Authors']!.replace(/\s+/g,' ').trim(); if (a && !looksLikeAuthors(a)) bad.add(a); }
console.log(bad.size); for (const b of bad) console.log(b);
