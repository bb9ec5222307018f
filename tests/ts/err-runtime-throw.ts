// A throw inside typed code: the stack names the .ts line and column.
interface Job { id: number; name?: string }
function run(job: Job): string {
  if (job.id < 0) {
    throw new Error(`bad job ${job.id}`);
  }
  return job.name!;
}
console.log(run({ id: 1, name: "ok" })); // expect: ok
run({ id: -1 } as Job);
// expect error: Error: bad job -1
// expect error at: 5:11
