/**
 * Finds module-level mutable state in TypeScript files, read with the TypeScript compiler's own
 * parser (typescript's API, through its `tsgo` service):
 *
 * - a `let` or `var` outside every function and class body: a value the module keeps between calls;
 * - a non-readonly `static` field of a class: the same, held by the class;
 * - a regular expression with the `g` or `y` flag made outside every function (a literal, or
 *   `new RegExp(..., flags)` / `RegExp(...)` whose flags hold g or y or are not a literal), used
 *   other than as the pattern of `replace`, `replaceAll`, `match`, `matchAll`, `split` or `search`
 *   (which start from 0 and leave it there): `.exec`, `.test`, `.lastIndex`, or handed on to
 *   other code, all of which read or move the position one shared object keeps;
 * - `.lastIndex` read or set on anything but a regular expression made in the same function:
 *   code that relies on a position another function left.
 *
 * A finding names the file, the line and what was found.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { API } from 'typescript/unstable/sync';
import { type Node, NodeFlags, type SourceFile, SyntaxKind } from 'typescript/unstable/ast';

export interface StateFinding {
  file: string;
  line: number;
  message: string;
}

/** The string methods that use a global pattern from its start and leave it at 0. */
const STATELESS_USES = new Set(['replace', 'replaceAll', 'match', 'matchAll', 'split', 'search']);

/** A pattern's properties that say what it is, not where it stands. */
const STATELESS_READS = new Set(['source', 'flags', 'global', 'sticky', 'unicode', 'ignoreCase', 'multiline', 'dotAll']);

/** Nodes that open a function's scope (their bodies run per call) or a class body. */
const SCOPES = new Set<SyntaxKind>([
  SyntaxKind.FunctionDeclaration,
  SyntaxKind.FunctionExpression,
  SyntaxKind.ArrowFunction,
  SyntaxKind.MethodDeclaration,
  SyntaxKind.Constructor,
  SyntaxKind.GetAccessor,
  SyntaxKind.SetAccessor,
  SyntaxKind.ClassStaticBlockDeclaration,
]);

// The AST's node classes are generic; the few fields read here are typed by hand.
interface AnyNode extends Node {
  readonly text?: string;
  readonly name?: AnyNode;
  readonly expression?: AnyNode;
  readonly arguments?: readonly AnyNode[];
  readonly initializer?: AnyNode;
  readonly modifiers?: readonly AnyNode[];
  readonly declarationList?: AnyNode;
  readonly declarations?: readonly AnyNode[];
}

const children = (node: Node): AnyNode[] => {
  const out: AnyNode[] = [];
  node.forEachChild((child) => {
    out.push(child as AnyNode);
  });
  return out;
};

/** The flags of a regular expression `node` makes, `null` when it makes none, `'?'` when they are not written out. */
function regexFlags(node: AnyNode): string | null {
  if (node.kind === SyntaxKind.RegularExpressionLiteral) {
    const text = node.text ?? '';
    return text.slice(text.lastIndexOf('/') + 1);
  }
  if (
    (node.kind === SyntaxKind.NewExpression || node.kind === SyntaxKind.CallExpression) &&
    node.expression?.kind === SyntaxKind.Identifier &&
    node.expression.text === 'RegExp'
  ) {
    const flags = node.arguments?.[1];
    if (!flags) return '';
    return flags.kind === SyntaxKind.StringLiteral || flags.kind === SyntaxKind.NoSubstitutionTemplateLiteral ? (flags.text ?? '') : '?';
  }
  return null;
}

const stateful = (flags: string | null): boolean => flags !== null && (flags === '?' || /[gy]/.test(flags));

/** Scans one parsed file. */
export function scanSourceFile(file: SourceFile, name: string): StateFinding[] {
  const text = file.text;
  const lineOf = (node: Node): number => text.slice(0, node.getStart(file)).split('\n').length;
  const source = (node: Node): string => text.slice(node.getStart(file), node.end);
  const findings: StateFinding[] = [];
  const report = (node: Node, message: string): void => {
    findings.push({ file: name, line: lineOf(node), message });
  };
  /** Module-level names bound to a stateful regular expression, and property names holding one. */
  const sharedRegexes = new Set<string>();
  const sharedProperties = new Set<string>();

  /** First pass: what lives at module level. */
  const atModule = (node: AnyNode, parent: AnyNode | null): void => {
    if (SCOPES.has(node.kind)) return;
    if (node.kind === SyntaxKind.VariableDeclarationList) {
      const kind = node.flags & (NodeFlags.Let | NodeFlags.Const | NodeFlags.Using);
      if (kind === NodeFlags.Let || kind === NodeFlags.None) {
        const names = (node.declarations ?? []).map((d) => d.name?.text ?? '(pattern)').join(', ');
        report(node, `module-level ${kind === NodeFlags.Let ? 'let' : 'var'} ${names}`);
      }
    }
    if (node.kind === SyntaxKind.PropertyDeclaration) {
      const mods = (node.modifiers ?? []).map((m) => m.kind);
      if (mods.includes(SyntaxKind.StaticKeyword) && !mods.includes(SyntaxKind.ReadonlyKeyword)) {
        report(node, `static field ${node.name?.text ?? ''} is not readonly`);
      }
      // An instance field's initializer runs per instance.
      if (!mods.includes(SyntaxKind.StaticKeyword)) return;
    }
    if (stateful(regexFlags(node))) {
      if (parent?.kind === SyntaxKind.VariableDeclaration && parent.name?.kind === SyntaxKind.Identifier && parent.initializer === node) {
        sharedRegexes.add(parent.name.text ?? '');
      } else if (
        parent?.kind === SyntaxKind.PropertyAssignment &&
        parent.name?.kind === SyntaxKind.Identifier &&
        parent.initializer === node
      ) {
        sharedProperties.add(parent.name.text ?? '');
      } else {
        report(node, 'a module-level regular expression with the g or y flag, neither a named constant nor a named property');
      }
    }
    for (const child of children(node)) atModule(child, node);
  };
  for (const statement of file.statements) atModule(statement as AnyNode, null);

  /** Second pass: every use of a shared regex, and every `.lastIndex`. */
  const walk = (node: AnyNode, parent: AnyNode | null, locals: Set<string>): void => {
    // A function's own regular expressions are its locals; a closure sees its function's.
    const scope = SCOPES.has(node.kind) ? new Set(locals) : locals;
    if (
      locals !== moduleScope &&
      node.kind === SyntaxKind.VariableDeclaration &&
      node.name?.kind === SyntaxKind.Identifier &&
      node.initializer &&
      regexFlags(node.initializer) !== null
    ) {
      locals.add(node.name.text ?? '');
    }
    const asPattern = (): boolean =>
      (parent?.kind === SyntaxKind.CallExpression &&
        parent.arguments?.[0] === node &&
        parent.expression?.kind === SyntaxKind.PropertyAccessExpression &&
        STATELESS_USES.has(parent.expression.name?.text ?? '')) ||
      // `new RegExp(SHARED)`: a copy with its own position.
      (parent?.kind === SyntaxKind.NewExpression && parent.arguments?.[0] === node && regexFlags(parent) !== null);
    const use = (): string =>
      parent?.kind === SyntaxKind.PropertyAccessExpression && parent.expression === node ? `.${parent.name?.text ?? ''}` : 'handed on';
    if (node.kind === SyntaxKind.Identifier && sharedRegexes.has(node.text ?? '') && !locals.has(node.text ?? '')) {
      const isDeclaration = parent?.kind === SyntaxKind.VariableDeclaration && parent.name === node;
      const isMember =
        parent?.kind === SyntaxKind.PropertyAccessExpression && (parent.name === node || STATELESS_READS.has(parent.name?.text ?? ''));
      if (!isDeclaration && !isMember && !asPattern()) report(node, `shared global regular expression ${node.text} used with ${use()}`);
    }
    if (node.kind === SyntaxKind.PropertyAccessExpression && sharedProperties.has(node.name?.text ?? '') && !asPattern()) {
      report(node, `shared global regular expression ${source(node)} used with ${use()}`);
    }
    if (node.kind === SyntaxKind.PropertyAccessExpression && node.name?.text === 'lastIndex') {
      const target = node.expression;
      const local = target?.kind === SyntaxKind.Identifier && locals.has(target.text ?? '') && !sharedRegexes.has(target.text ?? '');
      const shared = target?.kind === SyntaxKind.Identifier && sharedRegexes.has(target.text ?? '');
      if (target && !local && !shared) {
        report(node, `lastIndex of a regular expression not made in this function (${source(target)})`);
      }
    }
    for (const child of children(node)) walk(child, node, scope);
  };
  const moduleScope = new Set<string>();
  for (const statement of file.statements) walk(statement as AnyNode, null, moduleScope);
  return findings.sort((a, b) => a.line - b.line);
}

/**
 * Scans `files` (absolute paths), each parsed on its own: the parse needs no types, so imports
 * are not followed. Returns the findings with each file named relative to `root`.
 */
export function scanFiles(files: readonly string[], root: string): StateFinding[] {
  const config = path.join(root, '.module-state-scan.tsconfig.json');
  const configText = JSON.stringify({ compilerOptions: { noEmit: true, noResolve: true, noLib: true, types: [] }, files });
  const api = new API({
    cwd: root,
    fs: {
      readFile: (name) => (path.resolve(name) === config ? configText : undefined),
      fileExists: (name) => (path.resolve(name) === config ? true : undefined),
    },
  });
  try {
    const project = api.updateSnapshot({ openProject: config }).getProject(config);
    if (!project) throw new Error('the TypeScript service opened no project');
    return files.flatMap((file) => {
      const source = project.program.getSourceFile(file);
      if (!source) throw new Error(`the TypeScript service did not read ${file}`);
      return scanSourceFile(source, path.relative(root, file).split(path.sep).join('/'));
    });
  } finally {
    api.close();
  }
}

/** The text of a file, for a finding's context. */
export const lineText = (root: string, finding: StateFinding): string =>
  readFileSync(path.join(root, finding.file), 'utf8').split('\n')[finding.line - 1]?.trim() ?? '';
