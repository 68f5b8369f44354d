/**
 * The member audit: every use of an Excel API member in the add-in's Office code, with the ExcelApi
 * requirement set it needs (src/sim/excel-api-sets.json, from the typings) and the set its enclosing
 * capability checks guarantee. A use needing more than ExcelApi 1.1 (the manifest's minimum) and more
 * than its guard is a violation: on an Excel without that set it would throw ApiNotFound.
 *
 * Found with the TypeScript type checker (one program, built from tsconfig.json's options):
 *   - property reads, property writes (left of `=`, `+=`, `++`), method calls with the optional
 *     parameters passed, destructuring of Excel objects;
 *   - the property paths of `.load('a,b/c,items/x')` (a string, an array of strings, or
 *     `{ select, expand }`), resolved against the loaded object's type: `items` to the collection's item
 *     type, `/` through property types;
 *   - calls of functions tagged `/** @excelapi 1.10 *\/`: such a call needs that set, and the function's
 *     body counts as guarded at it.
 *
 * Guards, read from enclosing code (closures count where they are written, as `caps` never changes):
 *   - the then-branch of `if (c)`, the right of `c && …`, the whenTrue of `c ? … : …`, and the rest of a
 *     block after `if (!c) return | continue | break | throw`, where c (conjunctions included) has a
 *     positive `caps.X` (its set from CAPABILITY_SETS) or `caps.mode === 'full'` (the `full` flag's set);
 *     the negations in else-branches, whenFalse and `||` likewise;
 *   - `caps` is anything whose type is a `Capabilities` of src/office/mode.ts (a parameter, `input.caps`,
 *     `Capabilities & {…}`), whatever its name; an object of another type named `caps` guards nothing.
 *
 * Office common API uses (Office.*, OfficeExtension.*, Excel.run) are listed with their tag, not enforced.
 *
 *   npm run build:cli --silent && node lib/scripts/excel-api-audit.js          # writes docs/excel-api.md
 *   npm run build:cli --silent && node lib/scripts/excel-api-audit.js --check  # exits 1 on violations
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import path from 'path';
import ts from 'typescript';
import { CAPABILITY_SETS } from '../src/office/mode';
import { compareSets, isNumberedSet, maxSet, requiredSet } from '../src/sim/api-sets';
import { repoRoot } from './gen-excel-api-sets';

export type UseKind = 'get' | 'set' | 'call';

export interface Use {
  /** the Excel class or interface declaring the member; for an `@excelapi` function, its module's name */
  className: string;
  member: string;
  kind: UseKind;
  /** the set the use needs; undefined where the typings tag none */
  set: string | undefined;
  /** repository-relative, with forward slashes */
  file: string;
  line: number;
  /** the highest set the enclosing checks guarantee: "1.1" where there are none */
  guard: string;
  /** for calls: the parameters passed */
  params?: string[];
  /** a member of an Excel class, a call of an `@excelapi` function, or an Office common API */
  origin: 'excel' | 'helper' | 'office';
  /** found in a `.load(…)` property path rather than in code */
  load?: boolean;
}

export interface AuditResult {
  /** the uses of Excel members and `@excelapi` functions, by file and position */
  uses: Use[];
  /** Office common API uses (Office.*, OfficeExtension.*, Excel.run), with their tag if any */
  office: Use[];
  /** the uses that need more than ExcelApi 1.1 and more than their guard */
  violations: Use[];
  /** what the audit could not resolve: a load argument that is not a literal, an unknown load path, … */
  notes: string[];
  /** time to build the program and walk the files */
  ms: number;
  /** the one program, for its diagnostics */
  program: ts.Program;
}

export interface AuditOptions {
  /** flag → set; CAPABILITY_SETS by default */
  capabilitySets?: Record<string, string>;
  root?: string;
  /** the tsconfig whose compiler options the program uses */
  tsconfig?: string;
}

const BASE = '1.1';

export function isViolation(u: Use): boolean {
  if (u.origin === 'office' || u.set === undefined) return false;
  if (!isNumberedSet(u.set)) return true;
  return compareSets(u.set, BASE) > 0 && compareSets(u.set, u.guard) > 0;
}

export function formatViolation(u: Use): string {
  return `${u.file}:${u.line} ${u.className}.${u.member} needs ExcelApi ${u.set}, guarded at ${u.guard}`;
}

/** The adapter's files: src/office/**\/*.ts, src/taskpane/**\/*.ts(x), src/commands/**\/*.ts. */
export function adapterFiles(root = repoRoot()): string[] {
  const walk = (dir: string, ext: RegExp): string[] =>
    readdirSync(dir).sort().flatMap((n) => {
      const p = path.join(dir, n);
      return statSync(p).isDirectory() ? walk(p, ext) : ext.test(n) && !n.endsWith('.d.ts') ? [p] : [];
    });
  return [
    ...walk(path.join(root, 'src', 'office'), /\.ts$/),
    ...walk(path.join(root, 'src', 'taskpane'), /\.tsx?$/),
    ...walk(path.join(root, 'src', 'commands'), /\.ts$/),
  ];
}

// ---- the typings' side ------------------------------------------------------------------------------

const isOfficeTypings = (sf: ts.SourceFile) => /[\\/]@types[\\/]office-js[\\/]/.test(sf.fileName);

/** The namespace path of a declaration in the typings: ['Excel'], ['Excel', 'Interfaces'], ['Office', 'Settings']… */
function namespacePath(node: ts.Node): string[] {
  const out: string[] = [];
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) if (ts.isModuleDeclaration(n)) out.unshift(n.name.getText());
  return out;
}

interface Member {
  origin: 'excel' | 'office';
  className: string;
  member: string;
  decl: ts.Declaration;
}

/** What a property symbol is: a member of a top-level Excel class or interface, an Office one, or neither. */
function memberOf(symbol: ts.Symbol | undefined): Member | undefined {
  for (const decl of symbol?.declarations ?? []) {
    const sf = decl.getSourceFile();
    if (!isOfficeTypings(sf)) continue;
    const owner = decl.parent;
    const name = symbol!.getName();
    const ns = namespacePath(decl);
    if ((ts.isClassDeclaration(owner) || ts.isInterfaceDeclaration(owner)) && owner.name) {
      if (ns.length === 1 && ns[0] === 'Excel') return { origin: 'excel', className: owner.name.text, member: name, decl };
      if (ns[0] === 'Office' || ns[0] === 'OfficeExtension' || ns[0] === 'OfficeCore') return { origin: 'office', className: [...ns, owner.name.text].join('.'), member: name, decl };
      continue;
    }
    if (ts.isEnumDeclaration(owner)) continue;
    // namespace-level functions and variables: Excel.run, Office.context, Office.onReady
    if (ts.isModuleBlock(owner) || (ts.isVariableDeclarationList(owner) && ts.isModuleBlock(owner.parent.parent))) {
      if (['Excel', 'Office', 'OfficeExtension'].includes(ns[0])) return { origin: 'office', className: ns.join('.'), member: name, decl };
    }
  }
  return undefined;
}

/**
 * An Office declaration's requirement set as its typings give it: `[Api set: …]`, or the links of
 * "**Requirement set**: {@link … | DialogApi}"; failing that, its interface's.
 */
function officeTag(decl: ts.Node): string | undefined {
  for (let n: ts.Node | undefined = ts.isVariableDeclaration(decl) ? decl.parent.parent : decl; n && !ts.isSourceFile(n); n = n.parent) {
    if (!(ts.isClassDeclaration(n) || ts.isInterfaceDeclaration(n) || ts.isTypeElement(n) || ts.isClassElement(n) || ts.isFunctionDeclaration(n) || ts.isVariableStatement(n))) continue;
    for (const doc of ts.getJSDocCommentsAndTags(n)) {
      const text = doc.getText().replace(/^\s*\*+ ?/gm, '');
      const m = /\[Api set:\s*([^\]]*)\]/.exec(text);
      if (m) return m[1].replace(/\s+/g, ' ').trim();
      const r = /\*\*Requirement sets?\*\*:([\s\S]*?)(?=\*\*[^*]+\*\*:|$)/.exec(text);
      if (r) {
        // the heading's line and the list under it: "- {@link … | DialogApi}", "- {@link … | Mailbox 1.4}"
        const lines = r[1].split('\n').map((x) => x.trim());
        const first = lines.findIndex(Boolean);
        const end = lines.findIndex((x, i) => i > first && x !== '' && !x.startsWith('- '));
        const section = lines.slice(0, end < 0 ? undefined : end).join(' ');
        const links = [...section.matchAll(/\{@link [^|}]*\|\s*([^}]+?)\s*\}/g)].map((x) => x[1]);
        return (links.length ? links.join(', ') : section).trim() || undefined;
      }
    }
    if (ts.isClassDeclaration(n) || ts.isInterfaceDeclaration(n)) return undefined;
  }
  return undefined;
}

// ---- the audit -----------------------------------------------------------------------------------------

function compilerOptions(tsconfig: string): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, { noEmit: true }, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error(`cannot read ${tsconfig}`);
  return parsed.options;
}

const FUNCTION_LIKE = (n: ts.Node): n is ts.SignatureDeclaration =>
  ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isArrowFunction(n) || ts.isMethodDeclaration(n) || ts.isGetAccessor(n) || ts.isSetAccessor(n);

export function auditExcelApi(files: string[], options: AuditOptions = {}): AuditResult {
  const t0 = Date.now();
  const root = options.root ?? repoRoot();
  const capSets: Record<string, string> = options.capabilitySets ?? CAPABILITY_SETS;
  const modeFile = path.join(root, 'src', 'office', 'mode.ts');
  const abs = files.map((f) => path.resolve(root, f));
  const program = ts.createProgram({ rootNames: [...new Set([...abs, modeFile])], options: compilerOptions(options.tsconfig ?? path.join(root, 'tsconfig.json')) });
  const checker = program.getTypeChecker();
  const notes: string[] = [];
  const rel = (f: string) => path.relative(root, f).split(path.sep).join('/');

  // the Capabilities type of mode.ts: checks are recognised by the type of what they read, not its name
  const modeSf = program.getSourceFile(modeFile);
  const capsDecl = modeSf?.statements.find((s): s is ts.TypeAliasDeclaration | ts.InterfaceDeclaration =>
    (ts.isTypeAliasDeclaration(s) || ts.isInterfaceDeclaration(s)) && s.name.text === 'Capabilities');
  if (!capsDecl) throw new Error(`no Capabilities type in ${rel(modeFile)}`);
  const capsType = checker.getDeclaredTypeOfSymbol(checker.getSymbolAtLocation(capsDecl.name)!);
  const fullSet = capSets.full;

  const isCaps = (e: ts.Expression): boolean => {
    const t = checker.getNonNullableType(checker.getTypeAtLocation(e));
    if (t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never)) return false;
    return checker.isTypeAssignableTo(t, capsType);
  };
  /** `caps.X` / `input.caps.X` with X a flag: the flag's name */
  const capFlag = (e: ts.Expression): string | undefined => {
    e = skipParens(e);
    if (ts.isPropertyAccessExpression(e) && isCaps(e.expression)) return e.name.text;
    if (ts.isElementAccessExpression(e) && ts.isStringLiteralLike(e.argumentExpression) && isCaps(e.expression)) return e.argumentExpression.text;
    return undefined;
  };

  /** The set guaranteed when `e` is truthy (when = true) or falsy (when = false); BASE for none. */
  const facts = (e: ts.Expression, when: boolean): string => {
    e = skipParens(e);
    if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) return facts(e.operand, !when);
    if (ts.isBinaryExpression(e)) {
      const op = e.operatorToken.kind;
      if (op === ts.SyntaxKind.AmpersandAmpersandToken) {
        return when ? maxSet(facts(e.left, true), facts(e.right, true))! : minOf(facts(e.left, false), facts(e.right, false));
      }
      if (op === ts.SyntaxKind.BarBarToken) {
        return when ? minOf(facts(e.left, true), facts(e.right, true)) : maxSet(facts(e.left, false), facts(e.right, false))!;
      }
      const eq = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken;
      const ne = op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
      if (eq || ne) {
        const [flagSide, other] = capFlag(e.left) === 'mode' ? [e.left, e.right] : capFlag(e.right) === 'mode' ? [e.right, e.left] : [];
        const o = other && skipParens(other);
        if (flagSide && o && ts.isStringLiteralLike(o) && fullSet) {
          // mode is 'full' or 'basic': `=== 'full'` and `!== 'basic'` mean full mode
          const full = (o.text === 'full') === eq;
          if (full === when) return fullSet;
        }
        return BASE;
      }
      return BASE;
    }
    if (when) {
      const flag = capFlag(e);
      if (flag && flag !== 'mode' && Object.prototype.hasOwnProperty.call(capSets, flag)) return capSets[flag];
    }
    return BASE;
  };

  /** `@excelapi 1.10` on a function (or the variable or property it is assigned to) */
  const excelapiTag = (fn: ts.Node): string | undefined => {
    const hosts: ts.Node[] = [fn];
    if (fn.parent && (ts.isVariableDeclaration(fn.parent) || ts.isPropertyAssignment(fn.parent) || ts.isPropertyDeclaration(fn.parent))) hosts.push(fn.parent);
    for (const h of hosts) {
      for (const tag of ts.getJSDocTags(h)) {
        if (tag.tagName.text !== 'excelapi') continue;
        const v = (ts.getTextOfJSDocComment(tag.comment) ?? '').trim();
        if (!isNumberedSet(v)) {
          notes.push(`${rel(fn.getSourceFile().fileName)}:${line(fn)} @excelapi "${v}" is not an ExcelApi version`);
          continue;
        }
        return v;
      }
    }
    return undefined;
  };

  const exits = (s: ts.Statement | undefined): boolean => {
    if (!s) return false;
    if (ts.isReturnStatement(s) || ts.isThrowStatement(s) || ts.isContinueStatement(s) || ts.isBreakStatement(s)) return true;
    if (ts.isBlock(s)) return s.statements.some(exits);
    return false;
  };

  /** The highest set the checks enclosing `node` guarantee. */
  const guardAt = (node: ts.Node): string => {
    let g = BASE;
    const raise = (s: string) => (g = maxSet(g, s)!);
    for (let child: ts.Node = node, p = node.parent; p; child = p, p = p.parent) {
      if (ts.isIfStatement(p)) {
        if (child === p.thenStatement) raise(facts(p.expression, true));
        else if (child === p.elseStatement) raise(facts(p.expression, false));
      } else if (ts.isConditionalExpression(p)) {
        if (child === p.whenTrue) raise(facts(p.condition, true));
        else if (child === p.whenFalse) raise(facts(p.condition, false));
      } else if (ts.isBinaryExpression(p) && child === p.right) {
        if (p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) raise(facts(p.left, true));
        else if (p.operatorToken.kind === ts.SyntaxKind.BarBarToken) raise(facts(p.left, false));
      } else if (ts.isBlock(p) || ts.isSourceFile(p) || ts.isModuleBlock(p) || ts.isCaseClause(p) || ts.isDefaultClause(p)) {
        // `if (!caps.X) return;` before: the rest of the block has X
        for (const s of p.statements) {
          if (s === child) break;
          if (!ts.isIfStatement(s)) continue;
          const thenExits = exits(s.thenStatement);
          const elseExits = exits(s.elseStatement);
          if (thenExits && !elseExits) raise(facts(s.expression, false));
          else if (elseExits && !thenExits) raise(facts(s.expression, true));
        }
      } else if (FUNCTION_LIKE(p)) {
        const tag = excelapiTag(p);
        if (tag) raise(tag);
      }
    }
    return g;
  };

  /** The `@excelapi` set of the function a call calls, with that function's name and module. */
  const helperOf = (call: ts.CallExpression): { set: string; name: string; module: string } | undefined => {
    const callee = skipParens(call.expression);
    const at = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
    let sym = checker.getSymbolAtLocation(at);
    if (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
    for (const d of sym?.declarations ?? []) {
      if (isOfficeTypings(d.getSourceFile())) return undefined;
      const fn = FUNCTION_LIKE(d) ? d : ts.isVariableDeclaration(d) && d.initializer && FUNCTION_LIKE(skipParens(d.initializer)) ? skipParens(d.initializer) : undefined;
      if (!fn) continue;
      const set = excelapiTag(fn) ?? (ts.isVariableDeclaration(d) ? excelapiTag(d.initializer!) : undefined);
      if (set) return { set, name: sym!.getName(), module: path.basename(d.getSourceFile().fileName).replace(/\.tsx?$/, '') };
    }
    return undefined;
  };

  const uses: Use[] = [];
  const office: Use[] = [];
  const line = (n: ts.Node) => n.getSourceFile().getLineAndCharacterOfPosition(n.getStart()).line + 1;
  const pos = new Map<Use, number>();
  /** one use per file, line, member and kind: `c.id` twice on a line is one use */
  const seen = new Set<string>();

  const record = (m: Member, kind: UseKind, at: ts.Node, extra: { params?: string[]; load?: boolean } = {}) => {
    const file = rel(at.getSourceFile().fileName);
    const u: Use = m.origin === 'excel'
      ? { className: m.className, member: m.member, kind, set: requiredSet(m.className, m.member, kind, extra.params), file, line: line(at), guard: guardAt(at), origin: 'excel' }
      : { className: m.className, member: m.member, kind, set: officeTag(m.decl), file, line: line(at), guard: guardAt(at), origin: 'office' };
    if (extra.params) u.params = extra.params;
    if (extra.load) u.load = true;
    const list = m.origin === 'excel' ? uses : office;
    const k = `${u.file}:${u.line}:${u.className}.${u.member}:${u.kind}:${u.load ?? ''}`;
    if (seen.has(k)) return;
    seen.add(k);
    pos.set(u, at.getStart());
    list.push(u);
  };

  /** the parameters a call passes, by name */
  const passed = (call: ts.CallExpression): string[] => {
    const decl = checker.getResolvedSignature(call)?.getDeclaration();
    if (!decl || !decl.parameters) return [];
    const names: string[] = [];
    call.arguments.forEach((a, i) => {
      const p = decl.parameters[Math.min(i, decl.parameters.length - 1)];
      if (!p || (ts.isIdentifier(a) && a.text === 'undefined') || a.kind === ts.SyntaxKind.VoidExpression) return;
      const n = p.name.getText();
      if (!names.includes(n)) names.push(n);
    });
    return names;
  };

  /** `.load(…)` paths: each segment a read of the member it names */
  const loadPaths = (call: ts.CallExpression, receiver: ts.Expression) => {
    const arg = call.arguments[0];
    if (!arg) return;
    const strings: ts.StringLiteralLike[] = [];
    const a = skipParens(arg);
    if (ts.isStringLiteralLike(a)) strings.push(a);
    else if (ts.isArrayLiteralExpression(a) && a.elements.every(ts.isStringLiteralLike)) strings.push(...(a.elements as ts.NodeArray<ts.StringLiteralLike>));
    else if (ts.isObjectLiteralExpression(a)) {
      for (const p of a.properties) {
        if (ts.isPropertyAssignment(p) && ['select', 'expand'].includes(p.name.getText()) && ts.isStringLiteralLike(p.initializer)) strings.push(p.initializer);
        else notes.push(`${rel(call.getSourceFile().fileName)}:${line(p)} load option ${p.getText().slice(0, 40)} not read`);
      }
    } else {
      notes.push(`${rel(call.getSourceFile().fileName)}:${line(a)} load argument is not a literal: ${a.getText().slice(0, 60)}`);
      return;
    }
    const start = checker.getTypeAtLocation(receiver);
    for (const s of strings) {
      for (const p of s.text.split(',').map((x) => x.trim()).filter(Boolean)) {
        let t: ts.Type | undefined = start;
        for (const seg of p.split('/').map((x) => x.trim())) {
          const nn = checker.getNonNullableType(t!);
          const prop = checker.getPropertyOfType(nn, seg);
          const m = memberOf(prop);
          if (!prop || !m) {
            notes.push(`${rel(s.getSourceFile().fileName)}:${line(s)} load path "${p}": no Excel member "${seg}" on ${checker.typeToString(nn)}`);
            break;
          }
          record(m, 'get', s, { load: true });
          t = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(prop, s));
          if (checker.isArrayType(t)) t = checker.getTypeArguments(t as ts.TypeReference)[0];
        }
      }
    }
  };

  const visitAccess = (node: ts.PropertyAccessExpression | ts.ElementAccessExpression, nameNode: ts.Node) => {
    const m = memberOf(checker.getSymbolAtLocation(nameNode));
    if (!m) return;
    const parent = skipParensUp(node);
    const top = parent.node;
    if (ts.isCallExpression(top.parent) && top.parent.expression === top) {
      const call = top.parent;
      record(m, 'call', nameNode, { params: passed(call) });
      if (m.origin === 'excel' && m.member === 'load') loadPaths(call, node.expression);
      return;
    }
    const p = top.parent;
    if (ts.isBinaryExpression(p) && p.left === top && isAssignment(p.operatorToken.kind)) {
      if (p.operatorToken.kind !== ts.SyntaxKind.EqualsToken) record(m, 'get', nameNode);
      record(m, 'set', nameNode);
      return;
    }
    if ((ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) && (p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken)) {
      record(m, 'get', nameNode);
      record(m, 'set', nameNode);
      return;
    }
    record(m, 'get', nameNode);
  };

  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node)) visitAccess(node, node.name);
    else if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) visitAccess(node, node.argumentExpression);
    else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent) && !node.dotDotDotToken) {
      const key = node.propertyName ?? node.name;
      if (ts.isIdentifier(key) || ts.isStringLiteralLike(key)) {
        const prop = checker.getPropertyOfType(checker.getNonNullableType(checker.getTypeAtLocation(node.parent)), key.text);
        const m = memberOf(prop);
        if (m) record(m, 'get', key);
      }
    }
    if (ts.isCallExpression(node)) {
      const h = helperOf(node);
      if (h) {
        const u: Use = { className: h.module, member: h.name, kind: 'call', set: h.set, file: rel(node.getSourceFile().fileName), line: line(node), guard: guardAt(node), origin: 'helper' };
        pos.set(u, node.getStart());
        uses.push(u);
      }
    }
    ts.forEachChild(node, visit);
  };

  for (const f of abs) {
    const sf = program.getSourceFile(f);
    if (!sf) throw new Error(`not in the program: ${f}`);
    visit(sf);
  }
  const order = (a: Use, b: Use) => (a.file < b.file ? -1 : a.file > b.file ? 1 : pos.get(a)! - pos.get(b)!);
  uses.sort(order);
  office.sort(order);
  return { uses, office, violations: uses.filter(isViolation), notes, ms: Date.now() - t0, program };
}

function skipParens<T extends ts.Node>(e: T): T {
  let n: ts.Node = e;
  while (ts.isParenthesizedExpression(n) || ts.isNonNullExpression(n) || ts.isAsExpression(n) || ts.isSatisfiesExpression(n)) n = n.expression;
  return n as T;
}
/** the outermost of `((x.y))`, `x.y!`, `x.y as T` */
function skipParensUp(e: ts.Node): { node: ts.Node } {
  let n = e;
  while (ts.isParenthesizedExpression(n.parent) || ts.isNonNullExpression(n.parent)) n = n.parent;
  return { node: n };
}
function isAssignment(k: ts.SyntaxKind): boolean {
  return k >= ts.SyntaxKind.FirstAssignment && k <= ts.SyntaxKind.LastAssignment;
}
const minOf = (a: string, b: string) => (compareSets(a, b) <= 0 ? a : b);

/** The part of a result about some of its files (repository-relative), as if audited alone. */
export function restrict(r: AuditResult, files: string[]): AuditResult {
  const keep = new Set(files);
  const mine = (u: Use) => keep.has(u.file);
  return { ...r, uses: r.uses.filter(mine), office: r.office.filter(mine), violations: r.violations.filter(mine), notes: r.notes.filter((n) => keep.has(n.split(':')[0])) };
}

// ---- docs/excel-api.md ---------------------------------------------------------------------------------

export const DOC = (root = repoRoot()) => path.join(root, 'docs', 'excel-api.md');
export const REGENERATE = 'npm run build:cli --silent && node lib/scripts/excel-api-audit.js';

const kindText = (u: Use) => (u.load ? 'load' : u.kind === 'call' ? `call${u.params?.length ? `(${u.params.join(', ')})` : '()'}` : u.kind);

/** The table of every Excel API member the adapter uses: its set, where, and the guard there. */
export function excelApiDoc(r: AuditResult, typingsVersion: string): string {
  const cmp = (a: Use, b: Use) => {
    const ka = `${a.className}.${a.member}`;
    const kb = `${b.className}.${b.member}`;
    return ka < kb ? -1 : ka > kb ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (kindText(a) < kindText(b) ? -1 : kindText(a) > kindText(b) ? 1 : 0);
  };
  const rows = [...r.uses].sort(cmp);
  const members = new Set(rows.map((u) => `${u.className}.${u.member}`));
  const out: string[] = [
    '# Excel API members used by the add-in',
    '',
    `Generated by scripts/excel-api-audit.ts from src/office, src/taskpane and src/commands, with the requirement sets of @types/office-js ${typingsVersion}. Do not edit: run \`${REGENERATE}\`.`,
    '',
    'Set: the ExcelApi requirement set the use needs. Guard: the highest set the enclosing capability checks guarantee (1.1, the manifest\'s minimum, where there are none). ⚠ marks a use needing more than its guard.',
    '',
    `${members.size} members, ${rows.length} uses, ${r.violations.length} violations.`,
    '',
    '| Member | Use | Set | Where | Guard |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((u) => `| ${u.origin === 'helper' ? `${u.className}.${u.member} (@excelapi)` : `${u.className}.${u.member}`} | ${kindText(u)} | ${u.set ?? '—'} | ${u.file}:${u.line} | ${u.guard}${isViolation(u) ? ' ⚠' : ''} |`),
    '',
    '## Office common API',
    '',
    'Listed, not enforced.',
    '',
    '| Member | Use | Set | Where |',
    '| --- | --- | --- | --- |',
  ];
  const common = new Map<string, { u: Use; where: string[] }>();
  for (const u of [...r.office].sort(cmp)) {
    const k = `${u.className}.${u.member}|${kindText(u)}`;
    if (!common.has(k)) common.set(k, { u, where: [] });
    common.get(k)!.where.push(`${u.file}:${u.line}`);
  }
  for (const { u, where } of common.values()) out.push(`| ${u.className}.${u.member} | ${kindText(u)} | ${u.set ?? '—'} | ${where.join(', ')} |`);
  if (r.notes.length) out.push('', '## Not resolved', '', ...r.notes.map((n) => `- ${n}`));
  return `${out.join('\n')}\n`;
}

export function typingsVersion(root = repoRoot()): string {
  return (JSON.parse(readFileSync(path.join(root, 'node_modules', '@types', 'office-js', 'package.json'), 'utf8')) as { version: string }).version;
}

if (require.main === module) {
  const root = repoRoot();
  const r = auditExcelApi(adapterFiles(root), { root });
  writeFileSync(DOC(root), excelApiDoc(r, typingsVersion(root)));
  console.log(`${DOC(root)}: ${r.uses.length} uses, ${r.office.length} Office common uses, ${r.ms} ms`);
  for (const n of r.notes) console.log(`note: ${n}`);
  for (const v of r.violations) console.log(formatViolation(v));
  if (process.argv.includes('--check') && r.violations.length) process.exitCode = 1;
}
