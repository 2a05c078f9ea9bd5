// Where the SDK's bytes go: esbuild's metafile per input module, then a symbol-level look at
// the oidc-client-ts code in the bundle: which classes and class members our code can reach
// (a name-based call graph, so "unreached" is a lower bound), with their minified size.
import { parse } from 'acorn';
import { transform } from 'esbuild';
import { join } from 'node:path';
import { ROOT, brotli, bundle, gzip } from './common.mjs';

const ENTRY = join(ROOT, 'src/index.ts');

function group(path) {
  if (path.includes('node_modules/oidc-client-ts/')) return 'oidc-client-ts';
  if (path.includes('node_modules/jwt-decode/')) return 'jwt-decode';
  if (path.startsWith('src/') || path.includes('/src/')) return 'freedomid-web (src/)';
  return 'other';
}

/** Bytes per input module of the minified SDK bundle (src/index.ts, same settings). */
async function perModule() {
  const { code, metafile } = await bundle(ENTRY);
  const output = Object.values(metafile.outputs)[0];
  const modules = Object.entries(output.inputs)
    .map(([path, { bytesInOutput }]) => ({
      path: path.replace(/^.*node_modules\//, ''),
      group: group(path),
      bytes: bytesInOutput,
    }))
    .filter((module) => module.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  const groups = {};
  for (const module of modules) groups[module.group] = (groups[module.group] ?? 0) + module.bytes;
  // Our code alone: the same bundle with oidc-client-ts left out (its import kept as a stub).
  const alone = (await bundle(ENTRY, { external: ['oidc-client-ts'] })).code;
  return {
    total: code.length,
    gzip: gzip(code),
    brotli: brotli(code),
    modules,
    groups,
    oursAlone: { min: alone.length, gzip: gzip(alone), brotli: brotli(alone) },
  };
}

async function minifiedLength(source) {
  try {
    return (await transform(source, { minify: true, target: 'es2020', format: 'esm' })).code.trim()
      .length;
  } catch {
    return NaN;
  }
}

/** Walks every node of an acorn AST. */
function walk(node, visit, parent = null) {
  if (!node || typeof node.type !== 'string') return;
  visit(node, parent);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const child of value) walk(child, visit, node);
    else if (value && typeof value.type === 'string') walk(value, visit, node);
  }
}

/** The oidc-client-ts symbols in the SDK bundle and whether our code reaches them. */
async function symbols() {
  const { code } = await bundle(ENTRY, { minify: false });
  const source = code.toString();
  const ast = parse(source, { ecmaVersion: 'latest', sourceType: 'module', locations: true });
  // esbuild marks each module's section with a `// path` comment line.
  const markers = [...source.matchAll(/^\/\/ (\S+)$/gm)].map((match) => ({
    at: match.index,
    module: group(match[1]),
  }));
  const moduleAt = (position) =>
    markers.filter((marker) => marker.at <= position).at(-1)?.module ?? 'other';

  const nodes = new Map(); // id → { id, module, text, bytes?, refs: Set, kind }
  const aliases = new Map(); // another name of a class → the class's id
  const canonical = (name) => aliases.get(name) ?? name;
  const classes = new Map(); // class name → { members: Map(name → id), parent }
  const topNames = new Set();
  const add = (id, module, text, kind, ast) =>
    nodes.set(id, { id, module, text, kind, ast, refs: new Set() });

  const classOf = (declaration) => {
    if (declaration.type === 'ClassDeclaration') return declaration;
    if (declaration.type === 'VariableDeclaration') {
      const init = declaration.declarations[0]?.init;
      if (init?.type === 'ClassExpression') return init;
    }
    return null;
  };
  const declaredNames = (statement) => {
    const target = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (!target) return [];
    if (target.type === 'VariableDeclaration')
      return target.declarations.map((d) => d.id.name).filter(Boolean);
    if (target.id?.name) return [target.id.name];
    return [];
  };

  for (const statement of ast.body) {
    const module = moduleAt(statement.start);
    const names = declaredNames(statement);
    const text = source.slice(statement.start, statement.end);
    const id =
      names[0] ??
      `\`${text.replace(/\s+/g, ' ').slice(0, 40)}…\` (line ${statement.loc.start.line})`;
    if (module === 'freedomid-web (src/)') {
      add(`ours:${id}`, module, text, 'ours', statement);
      continue;
    }
    for (const name of names) topNames.add(name);
    const klass = classOf(statement);
    const init = statement.type === 'VariableDeclaration' ? statement.declarations[0]?.init : null;
    if (init?.type === 'Identifier' && classes.has(init.name)) {
      aliases.set(names[0], init.name); // `var CryptoUtils = _CryptoUtils;`
      continue;
    }
    const assigned = statement.type === 'ExpressionStatement' ? statement.expression : null;
    const target = assigned?.type === 'AssignmentExpression' ? assigned.left : null;
    if (target?.type === 'MemberExpression' && classes.has(canonical(target.object.name))) {
      // `_CryptoUtils.encodeBase64Url = …`: a static member assigned after the class.
      const owner = canonical(target.object.name);
      const memberId = `${owner}.${target.property.name}`;
      const members = classes.get(owner).members;
      members.set(target.property.name, [...(members.get(target.property.name) ?? []), memberId]);
      add(memberId, module, text, 'symbol', statement);
      nodes.get(memberId).owner = owner;
      continue;
    }
    if (names.length === 0) {
      add(id, module, text, 'load-time', statement); // runs when the bundle loads
      continue;
    }
    if (!klass) {
      add(id, module, text, 'symbol', statement);
      continue;
    }
    const members = new Map();
    const innerName = klass.id?.name; // `class _Logger` inside `var Logger = class _Logger`
    classes.set(id, { members, parent: klass.superClass?.name ?? null, innerName });
    if (innerName) {
      topNames.add(innerName);
      if (innerName !== id) aliases.set(innerName, id);
    }
    const core = [];
    for (const member of klass.body.body) {
      const name = member.key?.name ?? member.key?.value ?? '<computed>';
      const memberText = source.slice(member.start, member.end);
      if (member.kind === 'constructor' || member.type === 'PropertyDefinition') {
        core.push(member);
        continue;
      }
      const memberId = `${id}.${member.static ? '' : 'prototype.'}${name}`;
      members.set(name, [...(members.get(name) ?? []), memberId]);
      add(memberId, module, memberText, 'member', member);
      nodes.get(memberId).owner = id;
    }
    const header = source.slice(statement.start, klass.body.start + 1);
    const coreText = `${header}${core.map((m) => source.slice(m.start, m.end)).join('\n')}}`;
    add(id, module, coreText, 'class', { type: 'Program', body: core });
    if (klass.superClass) nodes.get(id).refs.add(klass.superClass.name);
  }
  const memberLookup = (className, name) => {
    for (let current = canonical(className); current; current = classes.get(current)?.parent) {
      current = canonical(current);
      const found = classes.get(current)?.members.get(name);
      if (found) return found;
    }
    return [];
  };
  // A call on an object of unknown type may reach any instance member of that name (statics are
  // only called through their class name or `this` in the class, handled above).
  const byMemberName = (name) =>
    [...classes.values()]
      .flatMap((c) => c.members.get(name) ?? [])
      .filter((id) => id.includes('.prototype.'));

  // Edges: identifiers naming top-level symbols; X.m on a known class; anything else .m by name.
  for (const node of nodes.values()) {
    const owner = node.owner ?? (node.kind === 'class' ? node.id : null);
    walk(node.ast, (child, parent) => {
      if (child.type === 'Identifier' && topNames.has(child.name)) {
        const isProperty =
          parent?.type === 'MemberExpression' && parent.property === child && !parent.computed;
        const isKey = parent?.type === 'Property' && parent.key === child && !parent.computed;
        if (!isProperty && !isKey) node.refs.add(canonical(child.name));
      }
      if (
        child.type === 'MemberExpression' &&
        !child.computed &&
        child.property.type === 'Identifier'
      ) {
        const name = child.property.name;
        const object = child.object;
        if (object.type === 'Identifier' && classes.has(canonical(object.name))) {
          for (const id of memberLookup(object.name, name)) node.refs.add(id);
        } else if ((object.type === 'ThisExpression' || object.type === 'Super') && owner) {
          const found = memberLookup(owner, name);
          for (const id of found.length > 0 ? found : byMemberName(name)) node.refs.add(id);
        } else {
          for (const id of byMemberName(name)) node.refs.add(id);
        }
      }
    });
    if (node.owner) node.refs.add(node.owner);
  }
  // Implicitly called members: constructors are in the class core; JSON.stringify calls toJSON.
  const reached = new Set();
  const queue = [...nodes.values()]
    .filter((node) => node.kind === 'ours' || node.kind === 'load-time')
    .map((node) => node.id);
  for (const id of byMemberName('toJSON')) queue.push(id);
  while (queue.length > 0) {
    const id = canonical(queue.pop());
    if (reached.has(id) || !nodes.has(id)) continue;
    reached.add(id);
    for (const ref of nodes.get(id).refs) queue.push(ref);
  }
  const list = [];
  for (const node of nodes.values()) {
    if (node.kind === 'ours') continue;
    node.bytes =
      node.kind === 'member'
        ? (await minifiedLength(`class _{${node.text}}`)) - 'class _{}'.length
        : await minifiedLength(node.text);
    list.push({
      id: node.id,
      module: node.module,
      kind: node.kind,
      bytes: node.bytes,
      reached: reached.has(node.id),
    });
  }
  return list;
}

export async function measureBreakdown() {
  const modules = await perModule();
  const list = await symbols();
  const unreached = list.filter((entry) => !entry.reached).sort((a, b) => b.bytes - a.bytes);
  const sum = (entries) => entries.reduce((total, entry) => total + (entry.bytes || 0), 0);
  return {
    ...modules,
    symbols: list,
    unreached,
    unreachedBytes: sum(unreached),
    reachedBytes: sum(list.filter((entry) => entry.reached)),
  };
}
