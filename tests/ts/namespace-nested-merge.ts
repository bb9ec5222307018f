// Exported inner namespaces and enums merge across declarations of the outer namespace.
namespace App {
  export namespace Models { export const user = "User"; }
  export enum Kind { A, B }
}
namespace App {
  export namespace Models { export const post = "Post:" + user; }
  export enum Kind { C = 2 }
  export const kinds = [Kind.A, Kind.C].join();
}
console.log(App.Models.user, App.Models.post, App.kinds, App.Kind[2]); // expect: User Post:User 0,2 C
namespace App.Models { export const comment = user + post; }
console.log(App.Models.comment, Object.keys(App.Models).join()); // expect: UserPost:User user,post,comment
namespace Private {
  namespace Hidden { export const v = 1; }
  export const seen = Hidden.v;
}
namespace Private {
  export const again = typeof (globalThis as any).Hidden;
}
console.log(Private.seen, Private.again, "Hidden" in Private); // expect: 1 undefined false
