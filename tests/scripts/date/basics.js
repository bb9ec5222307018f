// Date: construction, time math, UTC getters/setters, formats and parsing
// (written to give the same output in every time zone).
const d = new Date(Date.UTC(2024, 1, 29, 13, 45, 30, 123));
print(d.getTime(), d.toISOString(), JSON.stringify(d)); // expect: 1709214330123 2024-02-29T13:45:30.123Z "2024-02-29T13:45:30.123Z"
print(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()); // expect: 2024 1 29 4 13 45 30 123
print(d.toUTCString(), d.toGMTString === d.toUTCString); // expect: Thu, 29 Feb 2024 13:45:30 GMT true
print(new Date(0).toISOString(), new Date(-1).toISOString(), new Date(8.64e15).toISOString(), new Date(-8.64e15).toISOString()); // expect: 1970-01-01T00:00:00.000Z 1969-12-31T23:59:59.999Z +275760-09-13T00:00:00.000Z -271821-04-20T00:00:00.000Z
print(new Date(8.64e15 + 1).getTime(), new Date(NaN).getTime(), String(new Date(NaN))); // expect: NaN NaN Invalid Date
try { new Date(NaN).toISOString(); } catch (e) { print(e.name); } // expect: RangeError
print(Date.UTC(2000), Date.UTC(99, 11, 31), Date.UTC(), Date.UTC(2000, 0, 1, 24)); // expect: 946684800000 946598400000 NaN 946771200000
print(Date.UTC(1970, 0, 1, 0, 0, 0, 0.9), Date.UTC(1970, 0, 1, 0, 0, 0, -0.9), Date.UTC(1970, 24), Date.UTC(1970, -1)); // expect: 0 0 63072000000 -2678400000

// setters: UTC ones, argument order, NaN rules
const s = new Date(0);
print(s.setUTCFullYear(2001, 5, 15), s.setUTCHours(25), s.toISOString()); // expect: 992563200000 992653200000 2001-06-16T01:00:00.000Z
print(s.setUTCMonth(13), s.toISOString(), s.setUTCDate(0), s.toISOString()); // expect: 1013821200000 2002-02-16T01:00:00.000Z 1012438800000 2002-01-31T01:00:00.000Z
print(s.setUTCMinutes(1, 2, 3), s.setUTCSeconds(4), s.setUTCMilliseconds(5), s.toISOString()); // expect: 1012438862003 1012438864003 1012438864005 2002-01-31T01:01:04.005Z
const n = new Date(NaN);
print(n.setUTCHours(1), n.setUTCFullYear(2000), n.toISOString()); // expect: NaN 946684800000 2000-01-01T00:00:00.000Z
const order = [];
const t = new Date(0);
t.setUTCHours({ valueOf() { order.push("h"); return 1; } }, { valueOf() { order.push("m"); return 2; } });
print(order.join(), t.toISOString(), t.setTime("5"), t.setTime()); // expect: h,m 1970-01-01T01:02:00.000Z 5 NaN

// the constructor's forms
print(new Date(new Date(5)).getTime(), new Date("1970-01-01T00:00:00.007Z").getTime(), new Date(true).getTime()); // expect: 5 7 1
print(typeof Date(), typeof new Date(), Date.length, Date.UTC.length, Date.prototype.setHours.length); // expect: string object 7 7 4
const local = new Date(2020, 0, 31, 12, 30, 15, 250);
print(local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes(), local.getSeconds(), local.getMilliseconds()); // expect: 2020 0 31 12 30 15 250
print(new Date(99, 0).getFullYear(), new Date(100, 0).getFullYear(), local.getYear()); // expect: 1999 100 120
local.setMonth(1);
print(local.getMonth(), local.getDate()); // expect: 2 2
local.setYear(95);
print(local.getFullYear()); // expect: 1995

// parsing: ISO forms (date-only is UTC), and round trips of the string forms
print(Date.parse("2000-01-01"), Date.parse("2000-01"), Date.parse("2000"), Date.parse("+002000-01-01T00:00:00Z")); // expect: 946684800000 946684800000 946684800000 946684800000
print(Date.parse("2000-01-01T00:00:00.5+01:00"), Date.parse("2000-13-01"), Date.parse("2000-02-30"), Date.parse("-000000-01-01T00:00:00Z")); // expect: 946681200500 NaN NaN NaN
print(Date.parse("2000-01-01T24:00:00Z"), Date.parse("2000-01-01T24:00:01Z"), Date.parse("x")); // expect: 946771200000 NaN NaN
print(Date.parse("2000-01-01T00:00") === new Date(2000, 0, 1).getTime()); // expect: true
const r = new Date(2021, 6, 4, 5, 6, 7);
print(Date.parse(r.toString()) === r.getTime(), Date.parse(r.toUTCString()) === r.getTime(), Date.parse(r.toISOString()) === r.getTime()); // expect: true true true
print(Date.parse("Thu, 01 Jan 1970 00:00:00 GMT"), Date.parse("Thu Jan 01 1970 01:00:00 GMT+0100 (CET)"), Date.parse("Jan 2 1970 00:00:00 UTC")); // expect: 0 0 86400000

// conversions
print(d[Symbol.toPrimitive]("number"), d[Symbol.toPrimitive]("default") === d.toString(), d - 0, `${new Date(NaN)}`); // expect: 1709214330123 true 1709214330123 Invalid Date
try { d[Symbol.toPrimitive]("bogus"); } catch (e) { print(e.name); } // expect: TypeError
print(Date.prototype.toJSON.call({ toISOString() { return "x"; } }), new Date(NaN).toJSON()); // expect: x null
try { Date.prototype.getTime.call({}); } catch (e) { print(e.name); } // expect: TypeError
print(Object.prototype.toString.call(new Date()), Object.prototype.toString.call(Date.prototype)); // expect: [object Date] [object Object]
class D extends Date {}
print(new D(0) instanceof D, new D(0).getTime()); // expect: true 0
