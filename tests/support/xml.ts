/**
 * Strict XML parsing for tests. saxes, a conformant parser, decides well-formedness (xmldom
 * alone lets a bare `&` in text through); xmldom then gives the DOM to walk. Any problem fails,
 * naming its line and column.
 */
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { SaxesParser } from 'saxes';

export function parseXml(text: string): Document {
  const problems: string[] = [];
  const strict = new SaxesParser({ xmlns: true, position: true });
  strict.on('error', (error) => {
    problems.push(error.message);
  });
  strict.write(text).close();
  let document: Document | undefined;
  try {
    document = new DOMParser({
      onError: (level, message) => {
        problems.push(`${level}: ${message}`);
      },
    }).parseFromString(text, 'text/xml');
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (problems.length > 0 || document === undefined) throw new Error(`not well-formed XML:\n${problems.join('\n')}`);
  return document;
}

/** Every element under (and including) `root`, breadth first. */
export function allElements(root: Element): Element[] {
  const out: Element[] = [root];
  for (let i = 0; i < out.length; i++) {
    const children = out[i]!.childNodes;
    for (let j = 0; j < children.length; j++) {
      const child = children[j]!;
      if (child.nodeType === 1) out.push(child as Element);
    }
  }
  return out;
}
