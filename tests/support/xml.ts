/**
 * Strict XML parsing for tests: any warning or error of the parser (a stray `&`, an unclosed
 * element, an undeclared prefix) fails, naming the problem.
 */
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';

export function parseXml(text: string): Document {
  const problems: string[] = [];
  const document = new DOMParser({
    onError: (level, message) => {
      problems.push(`${level}: ${message}`);
    },
  }).parseFromString(text, 'text/xml');
  if (problems.length > 0) throw new Error(`not well-formed XML:\n${problems.join('\n')}`);
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
