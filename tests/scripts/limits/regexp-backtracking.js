// Limit: patterns with catastrophic backtracking finish (the matcher is
// bounded by the input here; an interrupt callback can stop longer ones),
// and deep or long patterns and inputs do not crash the matcher.
print(/^(a+)+$/.test('a'.repeat(20) + 'b')); // expect: false
print(/(x+x+)+y/.test('x'.repeat(18))); // expect: false
print(/^(a|aa)+$/.test('a'.repeat(24) + 'b')); // expect: false
print(/^(\w+\s?)*$/.test('an input that does not match!')); // expect: false
print(/a*b/.test('a'.repeat(5000))); // expect: false
print(/^(?:a|b)*$/.test('ab'.repeat(100000))); // expect: true
print(/^(a|a)*$/.test('a'.repeat(100000))); // expect: true
print(/(a*)*b/.test('a'.repeat(20))); // expect: false
print(/^(?=(a+))+b/.test('a'.repeat(2000))); // expect: false
print(/(\d+)-\1/.exec('12345-12345')[1]); // expect: 12345
print('a'.repeat(10000).replace(/a/g, 'b').length); // expect: 10000
print('ab'.repeat(5000).split(/b/).length); // expect: 5001
print(new RegExp('^(' + Array.from({length: 5000}, function (_, i) { return 'w' + i; }).join('|') + ')$').exec('w4999')[1]); // expect: w4999
print(new RegExp('(?:a{1,5}){1,5}'.repeat(10)).test('a'.repeat(100))); // expect: true
print(/[\s\S]*?end/.exec('x'.repeat(100000) + 'end')[0].length); // expect: 100003
print(/(?<=a{1,1000})b/.test('a'.repeat(1000) + 'b')); // expect: true
try { new RegExp('a{99999999999}'); print('ok'); } catch (e) { print(e instanceof SyntaxError); } // expect: ok
print(/a{0,4294967295}/.test('aaa')); // expect: true
