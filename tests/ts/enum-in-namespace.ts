// Enums declared and exported inside namespaces.
namespace Geo {
  export enum Axis { X, Y, Z }
  enum Hidden { Secret = 42 }
  export const secret = Hidden.Secret;
  export function name(a: Axis): string { return Axis[a]; }
}
console.log(Geo.Axis.Y, Geo.name(Geo.Axis.Z), Geo.secret); // expect: 1 Z 42
console.log("Hidden" in Geo); // expect: false
namespace Geo {
  export const axes = [Axis.X, Axis.Y].length;
}
console.log(Geo.axes); // expect: 2
