// extract.js — collects RegExp patterns from test262 (regexp literals and
// RegExp("...") calls with string-literal arguments) with the validity
// test262 expects (negative parse tests / assert.throws(SyntaxError) and
// try/catch SyntaxError contexts), into items.txt for check.c.  The
// classification is heuristic; see run.sh for the figure it produced.
// Usage: node extract.js TEST262_DIR OUT_FILE
const fs = require('fs'), path = require('path');
const root = path.join(process.argv[2] || '/tmp/t262/test262', 'test');
const dirs = ['language/literals/regexp', 'annexB/language/literals/regexp', 'built-ins/RegExp', 'annexB/built-ins/RegExp', 'built-ins/String/prototype/match', 'built-ins/String/prototype/replace', 'built-ins/String/prototype/split', 'built-ins/String/prototype/matchAll', 'built-ins/String/prototype/search', 'built-ins/String/prototype/replaceAll'];
function walk(d, out) { for (const f of fs.readdirSync(d)) { const p = path.join(d, f); if (fs.statSync(p).isDirectory()) walk(p, out); else if (f.endsWith('.js') && !f.includes('_FIXTURE')) out.push(p); } return out; }
const KW = new Set(['return','typeof','instanceof','in','of','new','delete','void','throw','case','do','else','yield','await']);
function literals(src) {
  const out = []; let i = 0, prev = null;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    if (src.startsWith('//', i)) { while (i < src.length && src[i] !== '\n') i++; continue; }
    if (src.startsWith('/*', i)) { const e = src.indexOf('*/', i + 2); i = e < 0 ? src.length : e + 2; continue; }
    if (c === '"' || c === "'" || c === '`') { i++; while (i < src.length && src[i] !== c) { if (src[i] === '\\') i++; i++; } i++; prev = 'str'; continue; }
    if (c === '/') {
      const allowed = prev === null || prev === 'kw' || (prev.length === 1 && !')]'.includes(prev)) ;
      if (allowed) {
        let j = i + 1, inClass = false, ok = true;
        while (j < src.length) {
          const d = src[j];
          if (d === '\n' || d === '\r' || d === '\u2028' || d === '\u2029') { ok = false; break; }
          if (d === '\\') { j += 2; continue; }
          if (d === '[') inClass = true; else if (d === ']') inClass = false; else if (d === '/' && !inClass) break;
          j++;
        }
        if (!ok || j >= src.length || /[\n\r\u2028\u2029]/.test(src.slice(i, j))) return null;
        let k = j + 1; while (k < src.length && /[A-Za-z0-9_$\\]/.test(src[k])) k++;
        out.push({ pattern: src.slice(i + 1, j), flags: src.slice(j + 1, k) });
        i = k; prev = 'id'; continue;
      }
      i++; prev = '/'; continue;
    }
    if (/[A-Za-z0-9_$]/.test(c)) { let k = i; while (k < src.length && /[A-Za-z0-9_$]/.test(src[k])) k++; const w = src.slice(i, k); prev = KW.has(w) ? 'kw' : 'id'; i = k; continue; }
    prev = c; i++;
  }
  return out;
}
// Convert regex literal body text (source code) to its pattern code units: the
// body is the source text itself (escapes are regexp escapes), except that the
// file is UTF-8; JS strings already hold UTF-16.
const items = [];
let skipped = 0;
for (const d of dirs) {
  const full = path.join(root, d); if (!fs.existsSync(full)) continue;
  for (const f of walk(full, [])) {
    const src = fs.readFileSync(f, 'utf8');
    const meta = (src.match(/\/\*---([\s\S]*?)---\*\//) || [, ''])[1];
    const negative = /negative:\s*\n\s*phase:\s*parse\s*\n\s*type:\s*SyntaxError/.test(meta);
    const body = src.replace(/\/\*---[\s\S]*?---\*\//, '');
    const rel = path.relative(root, f);
    const lits = literals(body);
    const onlyStrict = /flags:.*onlyStrict/.test(meta);
    if (lits === null) { skipped++; continue; }
    if (negative) {
      if (lits.length) items.push({ file: rel, kind: 'neg', list: lits });
      else skipped++;
      continue;
    }
    for (const l of lits) items.push({ file: rel, kind: 'pos', list: [l] });
    // RegExp constructor calls with string literal arguments
    const re = /(?:new\s+)?RegExp\(\s*("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')\s*(?:,\s*("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')\s*)?\)/g;
    let m;
    while ((m = re.exec(body))) {
      if (m.index > 0 && /['"]/.test(body[m.index - 1])) continue;
      let pattern, flags = '';
      try { pattern = eval(m[1]); if (m[2]) flags = eval(m[2]); } catch (e) { continue; }
      const before = body.slice(Math.max(0, m.index - 300), m.index);
      const t = before.lastIndexOf('assert.throws(SyntaxError');
      let throwsCtx = t >= 0 && !/\);\s*\n/.test(before.slice(t));
      const tr = before.lastIndexOf('try {');
      const after = body.slice(m.index, m.index + 400);
      if (tr >= 0 && !before.slice(tr).includes('catch') && /catch[\s\S]*SyntaxError/.test(after)) throwsCtx = true;
      items.push({ file: rel, kind: throwsCtx ? 'neg' : 'pos', list: [{ pattern, flags }], ctor: true });
    }
  }
}
// output: kind \t file \t n \t then for each: hex pattern units, flags
const lines = [];
for (const it of items) {
  const parts = it.list.map(l => [...Array(l.pattern.length).keys()].map(i => l.pattern.charCodeAt(i).toString(16)).join(',') + ' ' + (l.flags || '-'));
  let nodeValid = true;
  for (const l of it.list) { try { new RegExp(l.pattern, l.flags); } catch (e) { nodeValid = false; } }
  lines.push([it.kind, it.file, nodeValid ? 'nodeok' : 'nodeerr', it.list.length, ...parts].join('\t'));
}
fs.writeFileSync(process.argv[3] || 'items.txt', lines.join('\n') + '\n');
console.log(items.length, 'items;', skipped, 'files skipped');
