// Limit: very deep nesting in source text is a SyntaxError (or parses),
// never a crash of the parser or the compiler.
function t(name, src) {
  try { eval(src); print(name, 'ok'); } catch (e) { print(name, e instanceof SyntaxError ? 'SyntaxError' : e.constructor.name); }
}
t('brackets', '['.repeat(100000)); // expect: brackets SyntaxError
t('parens', '('.repeat(100000)); // expect: parens SyntaxError
t('braces', '{'.repeat(100000)); // expect: braces SyntaxError
t('unary', '- '.repeat(100000) + '1'); // expect: unary SyntaxError
t('not', '!'.repeat(100000) + '1'); // expect: not SyntaxError
t('typeof', 'typeof '.repeat(100000) + '1'); // expect: typeof SyntaxError
t('new', 'new '.repeat(100000) + 'Object'); // expect: new SyntaxError
t('ternary', 'a ? '.repeat(50000) + '1' + ' : 2'.repeat(50000)); // expect: ternary SyntaxError
t('assignment', 'a = '.repeat(100000) + '1'); // expect: assignment SyntaxError
t('arrows', '() => '.repeat(100000) + '1'); // expect: arrows SyntaxError
t('functions', 'function f() {'.repeat(50000) + '}'.repeat(50000)); // expect: functions SyntaxError
t('ifs', 'if (1) '.repeat(100000) + ';'); // expect: ifs SyntaxError
t('objects', '({a:'.repeat(50000) + '1' + '})'.repeat(50000)); // expect: objects SyntaxError
t('templates', '`${'.repeat(50000) + '1' + '}`'.repeat(50000)); // expect: templates SyntaxError
t('exponent', '2 ** '.repeat(100000) + '1'); // expect: exponent SyntaxError
t('calls', 'f('.repeat(50000) + ')'.repeat(50000)); // expect: calls SyntaxError
t('classes', 'class A extends '.repeat(30000) + 'Object {}' + '{}'.repeat(29999)); // expect: classes SyntaxError
t('patterns', 'var ' + '['.repeat(50000) + 'x' + ']'.repeat(50000) + ' = 0'); // expect: patterns SyntaxError
t('regexp groups', '/' + '('.repeat(100000) + '/'); // expect: regexp groups SyntaxError
t('RegExp groups', 'new RegExp("' + '('.repeat(50000) + ')'.repeat(50000) + '")'); // expect: RegExp groups SyntaxError

// a 10k-deep parenthesised expression: a SyntaxError (nesting limit) or its value
try { print('parens 10k', eval('('.repeat(10000) + '1' + ')'.repeat(10000)) === 1); } catch (e) { print('parens 10k', e instanceof SyntaxError); } // expect: parens 10k true
try { print('arrays 10k', Array.isArray(eval('['.repeat(10000) + ']'.repeat(10000)))); } catch (e) { print('arrays 10k', e instanceof SyntaxError); } // expect: arrays 10k true

// moderate nesting works
print(eval('('.repeat(200) + '7' + ')'.repeat(200))); // expect: 7
print(eval('['.repeat(200) + '5' + ']'.repeat(200)).flat(Infinity)[0]); // expect: 5
print(eval('- '.repeat(101) + '1')); // expect: -1

// long flat constructs and long left-associative chains (10k terms) compile
var a = 1, b = {b: null};
b.b = b;
print(eval('a' + ' + a'.repeat(10000))); // expect: 10001
print(eval('"x"' + ' + "y"'.repeat(5000)).length); // expect: 5001
print(eval('b' + '.b'.repeat(10000)) === b); // expect: true
print(eval('a' + ' || a'.repeat(10000))); // expect: 1
print(eval('1,'.repeat(200000) + '2')); // expect: 2
print(eval('[' + '1,'.repeat(200000) + ']').length); // expect: 200000
print(eval('x = 1;'.repeat(5000) + 'x')); // expect: 1
print(eval('switch (1) {' + 'case 2: '.repeat(50000) + 'case 1: "hit" }')); // expect: hit
print(new RegExp('a'.repeat(100000)).test('a'.repeat(100000))); // expect: true
