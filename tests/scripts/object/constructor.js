// The Object constructor: conversion, wrapping, subclassing through NewTarget.
print(typeof Object(1), Object(1) instanceof Number); // expect: object true
const o = {};
print(Object(o) === o, new Object(o) === o); // expect: true true
print(Object.getPrototypeOf(Object(null)) === Object.prototype); // expect: true
class Sub extends Object {
  constructor() {
    super(42);
  }
}
const s = new Sub();
print(s instanceof Sub, typeof s, s.valueOf() === s); // expect: true object true
print(Object.length, Object.name); // expect: 1 Object
print(Object.prototype.constructor === Object); // expect: true
