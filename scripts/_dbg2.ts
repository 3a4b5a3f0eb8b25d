import { matchHeader } from '../src/parse/header.ts';
import { matchLabel } from '../src/parse/labels.ts';
const t = process.argv[2]!;
console.log(JSON.stringify(matchHeader(t)), JSON.stringify(matchLabel(t)));
