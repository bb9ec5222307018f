// Numeric members map values back to names.
enum Status { Idle, Busy = 5, Done }
console.log(Status[0], Status[5], Status[6]); // expect: Idle Busy Done
console.log(Status[Status.Busy]); // expect: Busy
console.log(Status[1]); // expect: undefined
const names: string[] = [];
for (const k in Status) if (isNaN(Number(k))) names.push(k);
console.log(names.join(" ")); // expect: Idle Busy Done
enum Dup { A = 1, B = 1 }
console.log(Dup[1], Dup.A, Dup.B); // expect: B 1 1
