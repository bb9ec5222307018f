// Proxy: every trap is called with the right arguments and its result used.
const log = [];
const target = { a: 1 };
const handler = {};
for (const name of ["get", "set", "has", "deleteProperty", "defineProperty", "getOwnPropertyDescriptor",
                    "ownKeys", "getPrototypeOf", "setPrototypeOf", "isExtensible", "preventExtensions"]) {
  handler[name] = function (...args) {
    log.push(name);
    return Reflect[name](...args);
  };
}
const p = new Proxy(target, handler);
p.b = 2;
print(p.a, p.b, "a" in p, delete p.a, Object.keys(p).join()); // expect: 1 2 true true b
print(log.join()); // expect: set,getOwnPropertyDescriptor,defineProperty,get,get,has,deleteProperty,ownKeys,getOwnPropertyDescriptor
log.length = 0;
Object.getPrototypeOf(p); Object.setPrototypeOf(p, null); Object.isExtensible(p); Object.preventExtensions(p);
print(log.join()); // expect: getPrototypeOf,setPrototypeOf,isExtensible,preventExtensions
print(Object.isExtensible(target), Object.getPrototypeOf(target)); // expect: false null

// a receiver reaches the get trap through the prototype chain
const proto = new Proxy({}, { get(t, k, r) { return r === child ? "receiver ok" : "wrong"; } });
const child = Object.create(proto);
print(child.anything); // expect: receiver ok

// apply and construct
const fp = new Proxy(function (x) { return x * 2; }, {
  apply(t, thisArg, args) { return "apply " + t(...args); },
  construct(t, args, nt) { return { made: args[0], nt: nt === fp }; },
});
print(fp(21), typeof fp); // expect: apply 42 function
const made = new fp(7);
print(made.made, made.nt); // expect: 7 true
print(typeof new Proxy({}, {}), typeof new Proxy(class {}, {})); // expect: object function
try { new (new Proxy(() => 1, {}))(); } catch (e) { print(e.constructor.name); } // expect: TypeError
try { Proxy({}, {}); } catch (e) { print(e.constructor.name); } // expect: TypeError
print(Proxy.length, Proxy.name, "prototype" in Proxy); // expect: 2 Proxy false
