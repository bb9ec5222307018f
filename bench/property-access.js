// Property reads/writes and method calls on objects of a few shapes.
function Point(x, y) { this.x = x; this.y = y; }
Point.prototype.len2 = function () { return this.x * this.x + this.y * this.y; };
function Point3(x, y, z) { this.x = x; this.y = y; this.z = z; }
Point3.prototype.len2 = function () { return this.x * this.x + this.y * this.y + this.z * this.z; };
var pts = [];
for (var i = 0; i < 100; i++) pts.push(i % 2 ? new Point(i, i + 1) : new Point3(i, 1, 2));
var t0 = Date.now();
var acc = 0;
for (var k = 0; k < 30000; k++) {
    for (var j = 0; j < pts.length; j++) {
        var p = pts[j];
        acc += p.len2();
        p.x = p.x + 1;
        if (p.x > 1000) p.x = 0;
    }
}
print("RESULT ms=" + (Date.now() - t0) + " acc=" + acc);
