/*
 * atoms.h — the one table of property names the engine uses by name.
 * Each entry becomes an interned string created when the runtime starts,
 * reachable as HX_ATOM(rt, name).  X(identifier, "text").
 */
#ifndef HX_ATOMS_H
#define HX_ATOMS_H

#define HX_ATOM_LIST(X)                                                                       \
    X(empty, "")                                                                              \
    X(length, "length")                                                                       \
    X(name, "name")                                                                           \
    X(prototype, "prototype")                                                                 \
    X(constructor, "constructor")                                                             \
    X(message, "message")                                                                     \
    X(stack, "stack")                                                                         \
    X(cause, "cause")                                                                         \
    X(errors, "errors")                                                                       \
    X(value, "value")                                                                         \
    X(done, "done")                                                                           \
    X(next, "next")                                                                           \
    X(return_, "return")                                                                      \
    X(throw_, "throw")                                                                        \
    X(get, "get")                                                                             \
    X(set, "set")                                                                             \
    X(writable, "writable")                                                                   \
    X(enumerable, "enumerable")                                                               \
    X(configurable, "configurable")                                                           \
    X(toString, "toString")                                                                   \
    X(valueOf, "valueOf")                                                                     \
    X(toJSON, "toJSON")                                                                       \
    X(arguments, "arguments")                                                                 \
    X(caller, "caller")                                                                       \
    X(callee, "callee")                                                                       \
    X(eval, "eval")                                                                           \
    X(undefined, "undefined")                                                                 \
    X(null, "null")                                                                           \
    X(true_, "true")                                                                          \
    X(false_, "false")                                                                        \
    X(NaN, "NaN")                                                                             \
    X(Infinity, "Infinity")                                                                   \
    X(number, "number")                                                                       \
    X(string, "string")                                                                       \
    X(boolean, "boolean")                                                                     \
    X(symbol, "symbol")                                                                       \
    X(bigint, "bigint")                                                                       \
    X(object, "object")                                                                       \
    X(function, "function")                                                                   \
    X(default_, "default")                                                                    \
    X(anonymous, "anonymous")                                                                 \
    X(index, "index")                                                                         \
    X(input, "input")                                                                         \
    X(groups, "groups")                                                                       \
    X(indices, "indices")                                                                     \
    X(lastIndex, "lastIndex")                                                                 \
    X(source, "source")                                                                       \
    X(flags, "flags")                                                                         \
    X(raw, "raw")                                                                             \
    X(then, "then")                                                                           \
    X(join, "join")                                                                           \
    X(global, "global")                                                                       \
    X(globalThis, "globalThis")                                                               \
    X(__proto__, "__proto__")                                                                 \
    X(Symbol_iterator, "[Symbol.iterator]")                                                   \
    X(add, "add")                                                                             \
    X(has, "has")                                                                             \
    X(size, "size")                                                                           \
    X(Error, "Error")                                                                         \
    X(description, "description")                                                             \
    X(bound_, "bound ")                                                                       \
    X(get_, "get ")                                                                           \
    X(set_, "set ")                                                                           \
    X(toLocaleString, "toLocaleString")                                                       \
    X(exec, "exec")                                                                           \
    X(hasIndices, "hasIndices")                                                               \
    X(ignoreCase, "ignoreCase")                                                               \
    X(multiline, "multiline")                                                                 \
    X(dotAll, "dotAll")                                                                       \
    X(unicode, "unicode")                                                                     \
    X(unicodeSets, "unicodeSets")                                                             \
    X(sticky, "sticky")                                                                       \
    X(getPrototypeOf, "getPrototypeOf")                                                       \
    X(setPrototypeOf, "setPrototypeOf")                                                       \
    X(isExtensible, "isExtensible")                                                           \
    X(preventExtensions, "preventExtensions")                                                 \
    X(getOwnPropertyDescriptor, "getOwnPropertyDescriptor")                                   \
    X(defineProperty, "defineProperty")                                                       \
    X(deleteProperty, "deleteProperty")                                                       \
    X(ownKeys, "ownKeys")                                                                     \
    X(apply, "apply")                                                                         \
    X(construct, "construct")                                                                 \
    X(proxy, "proxy")                                                                         \
    X(revoke, "revoke")                                                                       \
    X(keys, "keys")

#endif
