/**
 * Reads Microsoft's typings (node_modules/@types/office-js/index.d.ts) with the TypeScript compiler API
 * and writes src/sim/excel-api-sets.json: for every class and interface of `declare namespace Excel`
 * (not Excel.Interfaces), for every member, the ExcelApi requirement set of its `[Api set: …]` tag.
 * The file's shape is documented in src/sim/api-sets.ts.
 *
 *   npm run build:cli --silent && node lib/scripts/gen-excel-api-sets.js
 *
 * Nothing is dropped silently: a tag this parser cannot interpret is listed in `unparsed` (the test
 * expects none), and a tag whose set depends on the value passed ("1.10 for string, 1.11 for
 * CommentRichContent object") is listed in `qualified` with the reading taken (its first version).
 */
import { existsSync, readFileSync, writeFileSync } from 'fs';
import path from 'path';
import ts from 'typescript';

/** One member: a set for every use, get/set sets apart, or a call's set plus sets of optional parameters. */
export type MemberSets = string | null | { get: string; set: string } | { call: string; params: Record<string, string> };
export type ApiSets = Record<string, Record<string, MemberSets>>;

export interface TagProblem {
  /** Class.member, or Class.member(param) for a parameter's tag */
  where: string;
  tag: string;
  why: string;
}

export interface GenerateResult {
  sets: ApiSets;
  classes: number;
  members: number;
  /** members with no tag of their own and no tag on their class: recorded as null */
  untagged: string[];
  /** tags that could not be interpreted (expected: none) */
  unparsed: TagProblem[];
  /** tags read as their first version, the rest depending on the value passed */
  qualified: TagProblem[];
  /** distinct tag texts seen, with their count */
  tags: Map<string, number>;
}

export function repoRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}

export const TYPINGS = (root = repoRoot()) => path.join(root, 'node_modules', '@types', 'office-js', 'index.d.ts');
export const OUTPUT = (root = repoRoot()) => path.join(root, 'src', 'sim', 'excel-api-sets.json');

/** "1.10" > "1.9"; null for a set that is not a numbered ExcelApi version. */
function num(v: string): [number, number] | null {
  const m = /^(\d+)\.(\d+)$/.exec(v);
  return m ? [Number(m[1]), Number(m[2])] : null;
}
/** Orders sets: numbered versions numerically, any named set (ExcelApiOnline 1.1, …) above all of them. */
export function compareSets(a: string, b: string): number {
  const x = num(a);
  const y = num(b);
  if (x && y) return x[0] - y[0] || x[1] - y[1];
  if (x) return -1;
  if (y) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
const minSet = (xs: string[]) => [...xs].sort(compareSets)[0];

// ---- the tags ----------------------------------------------------------------------------------------

export interface Clause {
  set: string;
  kind: 'plain' | 'get' | 'set' | 'param' | 'qualifier';
  param?: string;
  text: string;
}

/** The sets of one member, from its clauses; `paramNames` are the method's parameters (none for a property). */
export type Reading = { clauses: Clause[] } | { error: string };

const SPLIT = /\s*(?:;|,|\/)\s*(?=(?:[A-Z][A-Za-z]*\s+)?(?:\d+\.\d+|Preview|PREVIEW|BETA)\b)/;
const CLAUSE = /^(?:([A-Z][A-Za-z]*)\s+)?(\d+\.\d+|Preview|PREVIEW|BETA)\b[\s.,:;]*(.*)$/;

/** "ExcelApi 1.1 for get, 1.8 for set" → clauses. Set names other than ExcelApi are kept by name. */
export function parseTag(tag: string, paramNames: string[]): Reading {
  const text = tag.replace(/\s+/g, ' ').trim();
  const parts = text.split(SPLIT);
  const clauses: Clause[] = [];
  let name: string | undefined;
  for (const part of parts) {
    const m = CLAUSE.exec(part);
    if (!m) return { error: `clause "${part}" does not start with a version` };
    name = m[1] ?? name;
    if (!name) return { error: 'no set name' };
    const version = m[2];
    const set = name === 'ExcelApi' && num(version) ? version : `${name} ${version}`;
    const rest = m[3].replace(/`/g, '').replace(/[\s.]+$/, '').trim();
    let kind: Clause['kind'];
    let param: string | undefined;
    const named = /\b(\w+) parameter\b/.exec(rest)?.[1] ?? /^for (\w+)$/.exec(rest)?.[1];
    if (rest === '') kind = 'plain';
    else if (/^for (reading|getting|get)\b/i.test(rest)) kind = 'get';
    else if (/^for (setting|set)\b/i.test(rest)) kind = 'set';
    else if (named && paramNames.includes(named)) {
      kind = 'param';
      param = named;
    } else kind = 'qualifier';
    clauses.push({ set, kind, param, text: rest });
  }
  return { clauses };
}

// ---- the typings -------------------------------------------------------------------------------------

function docText(c: string | ts.NodeArray<ts.JSDocComment> | undefined): string {
  return ts.getTextOfJSDocComment(c) ?? '';
}

const API_SET = /\[Api set:\s*([^\]]*)\]/g;

/** The `[Api set: …]` texts of a declaration: the member's own (description, @remarks, …) and its @params'. */
function apiTags(node: ts.Node): { own: string[]; params: Map<string, string[]> } {
  const own: string[] = [];
  const params = new Map<string, string[]>();
  for (const doc of ts.getJSDocCommentsAndTags(node)) {
    if (!ts.isJSDoc(doc)) continue;
    for (const m of docText(doc.comment).matchAll(API_SET)) own.push(m[1].replace(/\s+/g, ' ').trim());
    for (const tag of doc.tags ?? []) {
      const found = [...docText(tag.comment).matchAll(API_SET)].map((m) => m[1].replace(/\s+/g, ' ').trim());
      if (!found.length) continue;
      if (ts.isJSDocParameterTag(tag)) {
        const p = tag.name.getText();
        params.set(p, [...(params.get(p) ?? []), ...found]);
      } else own.push(...found);
    }
  }
  return { own, params };
}

function memberName(m: ts.ClassElement | ts.TypeElement): string | undefined {
  if (!m.name) return undefined;
  if (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name) || ts.isPrivateIdentifier(m.name)) return m.name.text;
  return undefined;
}

type Decl = ts.ClassDeclaration | ts.InterfaceDeclaration;

/** The classes and interfaces of the top-level `declare namespace Excel` blocks. */
function excelDeclarations(sf: ts.SourceFile): Decl[] {
  const out: Decl[] = [];
  for (const st of sf.statements) {
    if (!ts.isModuleDeclaration(st) || st.name.getText(sf) !== 'Excel' || !st.body || !ts.isModuleBlock(st.body)) continue;
    for (const d of st.body.statements) if ((ts.isClassDeclaration(d) || ts.isInterfaceDeclaration(d)) && d.name) out.push(d);
  }
  return out;
}

export function generateExcelApiSets(typings = TYPINGS()): GenerateResult {
  const sf = ts.createSourceFile(typings, readFileSync(typings, 'utf8'), ts.ScriptTarget.Latest, true);
  const sets: ApiSets = {};
  const unparsed: TagProblem[] = [];
  const qualified: TagProblem[] = [];
  const untagged: string[] = [];
  const tags = new Map<string, number>();
  let members = 0;
  const count = (t: string) => tags.set(t, (tags.get(t) ?? 0) + 1);

  /** the clauses of one tag, or a problem reported; `where` names it */
  const read = (where: string, tag: string, paramNames: string[]): Clause[] | null => {
    count(tag);
    const r = parseTag(tag, paramNames);
    if ('error' in r) {
      unparsed.push({ where, tag, why: r.error });
      return null;
    }
    const q = r.clauses.filter((c) => c.kind === 'qualifier');
    if (q.length && !qualified.some((x) => x.where === where && x.tag === tag)) qualified.push({ where, tag, why: `read as ${r.clauses[0].set}; depends on the value: ${q.map((c) => `${c.set} ${c.text}`).join('; ')}` });
    return r.clauses;
  };
  /** exactly one tag expected where there are any */
  const single = (where: string, found: string[]): string | undefined => {
    const distinct = [...new Set(found)];
    if (distinct.length > 1) unparsed.push({ where, tag: distinct.join(' | '), why: 'several different tags' });
    return distinct[0];
  };

  for (const decl of excelDeclarations(sf)) {
    const cls = decl.name!.text;
    const classTag = single(cls, apiTags(decl).own);
    let classSet: string | undefined;
    if (classTag !== undefined) {
      const c = read(cls, classTag, []);
      if (c) {
        if (c.some((x) => x.kind !== 'plain' && x.kind !== 'qualifier')) unparsed.push({ where: cls, tag: classTag, why: 'get/set or parameter clauses on a class' });
        classSet = c[0].set;
      }
    }
    const byName = new Map<string, (ts.ClassElement | ts.TypeElement)[]>();
    for (const m of decl.members as ts.NodeArray<ts.ClassElement | ts.TypeElement>) {
      if (ts.isConstructorDeclaration(m) || ts.isIndexSignatureDeclaration(m) || ts.isCallSignatureDeclaration(m) || ts.isConstructSignatureDeclaration(m)) continue;
      const name = memberName(m);
      if (name === undefined) {
        unparsed.push({ where: `${cls}.${m.getText(sf).slice(0, 40)}`, tag: '', why: 'member without a plain name' });
        continue;
      }
      byName.set(name, [...(byName.get(name) ?? []), m]);
    }
    const entry: Record<string, MemberSets> = {};
    for (const [name, decls] of byName) {
      members++;
      const where = `${cls}.${name}`;
      const isMethod = decls.some((d) => ts.isMethodDeclaration(d) || ts.isMethodSignature(d));
      if (!isMethod) {
        // a property (or accessors): get and set
        const tag = single(where, decls.flatMap((d) => apiTags(d).own));
        if (tag === undefined) {
          if (classSet === undefined) untagged.push(where);
          entry[name] = classSet ?? null;
          continue;
        }
        const c = read(where, tag, []);
        if (!c) continue;
        if (c.some((x) => x.kind === 'param')) {
          unparsed.push({ where, tag, why: 'a parameter clause on a property' });
          continue;
        }
        const get = (c.find((x) => x.kind !== 'set') ?? c[0]).set;
        const set = c.find((x) => x.kind === 'set')?.set ?? get;
        entry[name] = get === set ? get : { get, set };
        continue;
      }
      // a method, perhaps overloaded: the lowest set among the overloads for the call, plus parameter sets
      const calls: string[] = [];
      const params = new Map<string, string[]>();
      for (const d of decls as (ts.MethodDeclaration | ts.MethodSignature)[]) {
        const names = d.parameters.map((p) => p.name.getText(sf));
        const { own, params: paramTags } = apiTags(d);
        const tag = single(where, own);
        let call: string | undefined;
        const mine = new Map<string, string>();
        if (tag !== undefined) {
          const c = read(where, tag, names);
          if (c) {
            if (c.some((x) => x.kind === 'get' || x.kind === 'set')) unparsed.push({ where, tag, why: 'get/set clauses on a method' });
            for (const x of c.filter((x) => x.kind === 'param')) if (!mine.has(x.param!)) mine.set(x.param!, x.set);
            const base = c.filter((x) => x.kind !== 'param');
            if (base.length) call = minSet(base.map((x) => x.set));
            else {
              // "1.7 for password" only: the call itself is as old as its class
              const lowest = minSet(c.map((x) => x.set));
              call = classSet !== undefined && compareSets(classSet, lowest) <= 0 ? classSet : lowest;
            }
          }
        } else call = classSet;
        for (const [p, found] of paramTags) {
          const where2 = `${where}(${p})`;
          if (!names.includes(p)) {
            unparsed.push({ where: where2, tag: found.join(' | '), why: 'no such parameter' });
            continue;
          }
          const t = single(where2, found);
          const c = t === undefined ? null : read(where2, t, names);
          if (!c) continue;
          if (c.some((x) => x.kind === 'get' || x.kind === 'set')) unparsed.push({ where: where2, tag: t!, why: 'get/set clauses on a parameter' });
          mine.set(p, c[0].set);
        }
        if (call !== undefined) calls.push(call);
        for (const [p, s] of mine) params.set(p, [...(params.get(p) ?? []), s]);
      }
      if (!calls.length) {
        untagged.push(where);
        entry[name] = null;
        continue;
      }
      const call = minSet(calls);
      const extra: Record<string, string> = {};
      for (const [p, s] of [...params].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const need = minSet(s);
        if (compareSets(need, call) > 0) extra[p] = need;
      }
      entry[name] = Object.keys(extra).length ? { call, params: extra } : call;
    }
    sets[cls] = { ...(sets[cls] ?? {}), ...entry };
  }
  return { sets, classes: Object.keys(sets).length, members, untagged, unparsed, qualified, tags };
}

function sortKeys(v: unknown): unknown {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
  return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
}

/** Compact and deterministic: keys sorted, one class a line. */
export function formatApiSets(sets: ApiSets): string {
  const classes = Object.keys(sets).sort();
  return `{\n${classes.map((c) => `${JSON.stringify(c)}:${JSON.stringify(sortKeys(sets[c]))}`).join(',\n')}\n}\n`;
}

if (require.main === module) {
  const r = generateExcelApiSets();
  writeFileSync(OUTPUT(), formatApiSets(r.sets));
  const excel = [...r.tags].filter(([t]) => /^ExcelApi \d+\.\d+$/.test(t));
  const named = [...r.tags].filter(([t]) => /^[A-Za-z]+ [\d.]+$/.test(t) && !/^ExcelApi /.test(t));
  console.log(`${OUTPUT()}: ${r.classes} classes and interfaces, ${r.members} members`);
  console.log(`tags: ${excel.reduce((s, [, n]) => s + n, 0)} plain ExcelApi, ${named.map(([t, n]) => `${n} ${t}`).join(', ')}`);
  console.log(`untagged members (null): ${r.untagged.length}${r.untagged.length ? ` — ${r.untagged.slice(0, 12).join(', ')}${r.untagged.length > 12 ? ', …' : ''}` : ''}`);
  console.log(`value-dependent tags (read as their first version): ${r.qualified.length}`);
  for (const q of r.qualified) console.log(`  ${q.where}: [${q.tag}] ${q.why}`);
  console.log(`unparsed tags: ${r.unparsed.length}`);
  for (const u of r.unparsed) console.log(`  ${u.where}: [${u.tag}] ${u.why}`);
  if (r.unparsed.length) process.exitCode = 1;
}
