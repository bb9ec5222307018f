#!/usr/bin/env python3
"""gen-unicode.py — generates Heron's Unicode tables from the Unicode Character
Database (UCD).

Usage: tools/gen-unicode.py [--allow-older] [UCD_DIR] [OUT_DIR]
  UCD_DIR defaults to /usr/share/unicode (Debian package `unicode-data`; the
  checked-in tables come from UCD 17.0.0, fetched by tools/fetch-ucd.sh),
  OUT_DIR defaults to src/unicode.  The generator refuses to replace tables
  with ones from an older UCD unless --allow-older is given.

Writes:
  unicode_tables.c   identifier / white-space range tables, case-mapping runs,
                     SpecialCasing unconditional mappings (used by unicode.c)
  property_tables.c  range sets for General_Category, Script,
                     Script_Extensions and the binary properties of ES2025
                     table 67 (22.2.2.9), their names and aliases, and the
                     emoji properties of strings (used by property.c)

Range sets are stored compactly: a byte stream of LEB128 varints, two per
range: the gap from the end of the previous range (+1) and the length - 1.
"""
import os
import sys

ARGS = [a for a in sys.argv[1:] if a != "--allow-older"]
ALLOW_OLDER = len(ARGS) != len(sys.argv) - 1
UCD = ARGS[0] if len(ARGS) > 0 else "/usr/share/unicode"
OUT = ARGS[1] if len(ARGS) > 1 else os.path.join(os.path.dirname(__file__), "..", "src", "unicode")
MAXCP = 0x10FFFF


def ucd_lines(name):
    with open(os.path.join(UCD, name), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                yield [x.strip() for x in line.split(";")]


def parse_range(s):
    if ".." in s:
        a, b = s.split("..")
        return int(a, 16), int(b, 16)
    v = int(s, 16)
    return v, v


def ucd_version():
    with open(os.path.join(UCD, "ReadMe.txt"), encoding="utf-8") as f:
        for line in f:
            if "Version" in line and "Unicode" in line:
                for tok in line.split():
                    if tok[0].isdigit():
                        return tok.rstrip(".")
    with open(os.path.join(UCD, "PropList.txt"), encoding="utf-8") as f:
        return f.readline().split("-")[1].rsplit(".", 1)[0]


def to_ranges(cps):
    out = []
    for c in sorted(cps):
        if out and out[-1][1] + 1 == c:
            out[-1][1] = c
        else:
            out.append([c, c])
    return [tuple(r) for r in out]


def ranges_to_set(ranges):
    s = set()
    for a, b in ranges:
        s.update(range(a, b + 1))
    return s


# ---- UnicodeData.txt: general category, simple case mappings ----
gc = {}
upper = {}
lower = {}
first = None
for f in ucd_lines("UnicodeData.txt"):
    cp = int(f[0], 16)
    if f[1].endswith(", First>"):
        first = cp
        continue
    if f[1].endswith(", Last>"):
        for c in range(first, cp + 1):
            gc[c] = f[2]
        continue
    gc[cp] = f[2]
    if f[12]:
        upper[cp] = int(f[12], 16)
    if f[13]:
        lower[cp] = int(f[13], 16)

fold = {}
for f in ucd_lines("CaseFolding.txt"):
    if f[1] in ("C", "S"):
        fold[int(f[0], 16)] = int(f[2], 16)

special_upper = {}
special_lower = {}
for f in ucd_lines("SpecialCasing.txt"):
    if len(f) >= 5 and f[4]:
        continue  # conditional mapping (language or context)
    cp = int(f[0], 16)
    special_lower[cp] = [int(x, 16) for x in f[1].split()]
    special_upper[cp] = [int(x, 16) for x in f[3].split()]


def binary_props(fname):
    props = {}
    for f in ucd_lines(fname):
        a, b = parse_range(f[0])
        props.setdefault(f[1], set()).update(range(a, b + 1))
    return props


derived = binary_props("DerivedCoreProperties.txt")
proplist = binary_props("PropList.txt")
emoji = binary_props("emoji/emoji-data.txt")
normprops = binary_props("DerivedNormalizationProps.txt")
binprops_src = {}
binprops_src.update(derived)
binprops_src.update(proplist)
binprops_src.update(emoji)
binprops_src.update({k: v for k, v in normprops.items() if k == "Changes_When_NFKC_Casefolded"})
bidi_m = set()
for f in ucd_lines("extracted/DerivedBinaryProperties.txt"):
    if f[1] == "Bidi_Mirrored":
        a, b = parse_range(f[0])
        bidi_m.update(range(a, b + 1))
binprops_src["Bidi_Mirrored"] = bidi_m

# ---- aliases ----
prop_alias = {}  # long name -> short
for f in ucd_lines("PropertyAliases.txt"):
    prop_alias[f[1]] = f[0]
value_alias = {}  # (prop, long) -> [aliases]
for f in ucd_lines("PropertyValueAliases.txt"):
    prop = f[0]
    if prop in ("gc", "sc"):
        names = [f[2], f[1]] + [x for x in f[3:] if x]
        value_alias[(prop, f[2])] = names

# ---- scripts ----
script_of = {}
for f in ucd_lines("Scripts.txt"):
    a, b = parse_range(f[0])
    for c in range(a, b + 1):
        script_of[c] = f[1]
scripts = sorted(set(script_of.values()) | {"Unknown"})
short_to_long_sc = {}
for (prop, long_name), names in value_alias.items():
    if prop == "sc":
        for n in names:
            short_to_long_sc[n] = long_name
scx = {}
for f in ucd_lines("ScriptExtensions.txt"):
    a, b = parse_range(f[0])
    for c in range(a, b + 1):
        scx[c] = [short_to_long_sc[s] for s in f[1].split()]

# ---- emitter helpers ----


def varint(v, out):
    while True:
        b = v & 0x7F
        v >>= 7
        if v:
            out.append(b | 0x80)
        else:
            out.append(b)
            return


class SetData:
    def __init__(self):
        self.data = bytearray()
        self.sets = []  # (offset, nranges)

    def add(self, ranges):
        off = len(self.data)
        prev = -1
        for a, b in ranges:
            varint(a - prev - 1, self.data)
            varint(b - a, self.data)
            prev = b
        self.sets.append((off, len(ranges)))
        return len(self.sets) - 1


def c_bytes(data, per_line=32):
    lines = []
    for i in range(0, len(data), per_line):
        lines.append("    " + ",".join(str(x) for x in data[i:i + per_line]) + ",")
    return "\n".join(lines)


HEADER = """/*
 * %s — GENERATED by tools/gen-unicode.py from the Unicode Character
 * Database %s; do not edit by hand (see src/unicode/README.md).
 * %s
 */
/* clang-format off */
"""

version = ucd_version()


def check_not_older(path, new_version):
    """Refuses (exit 1) to overwrite tables generated from a newer UCD."""
    try:
        with open(path, encoding="utf-8") as f:
            head = f.read(400)
    except OSError:
        return
    marker = "Database "
    if marker not in head:
        return
    old = head.split(marker, 1)[1].split(";", 1)[0].split()[0]
    key = lambda v: tuple(int(x) for x in v.split(".") if x.isdigit())
    if key(new_version) < key(old) and not ALLOW_OLDER:
        sys.exit("gen-unicode.py: %s is from UCD %s, %s is UCD %s; "
                 "pass --allow-older to downgrade" % (path, old, UCD, new_version))


check_not_older(os.path.join(OUT, "unicode_tables.c"), version)

# ---- unicode_tables.c ----


def case_runs(m):
    """Compress a code point map into runs (start, len, step, delta) where
    start + k*step maps to start + k*step + delta for k < len.  Runs never
    overlap, so a binary search on start finds the only candidate."""
    keys = sorted(m)
    runs = []
    i = 0
    while i < len(keys):
        c = keys[i]
        d = m[c] - c
        n = 1
        step = 1
        if c + 1 in m and m[c + 1] - (c + 1) == d:
            while c + n in m and m[c + n] - (c + n) == d:
                n += 1
        elif c + 2 in m and m[c + 2] - (c + 2) == d and c + 1 not in m:
            step = 2
            while c + n * 2 in m and m[c + n * 2] - (c + n * 2) == d and c + n * 2 - 1 not in m:
                n += 1
        runs.append((c, n, step, d))
        i = keys.index(c + (n - 1) * step) + 1
    return runs


def emit_ranges(name, ranges):
    body = ",".join("0x%x,0x%x" % r for r in ranges)
    lines = []
    cur = "   "
    for tok in body.split(","):
        if len(cur) + len(tok) + 2 > 98:
            lines.append(cur)
            cur = "   "
        cur += " " + tok + ","
    lines.append(cur)
    return "const uint32_t %s[] = {\n%s\n};\nconst size_t %s_len = %d;\n" % (
        name, "\n".join(lines), name, len(ranges))


def emit_latin1_bits(name, s):
    words = [0] * 8
    for c in range(256):
        if c in s:
            words[c >> 5] |= 1 << (c & 31)
    return "const uint32_t %s[8] = {%s};\n" % (name, ", ".join("0x%08x" % w for w in words))


def emit_case(name, m):
    runs = case_runs(m)
    for c, n, step, d in runs:
        assert n < 65536
    lines = ["    {0x%x, %d, %d, %d}," % (c, d, n, step) for c, n, step, d in runs]
    return "const hx_unicode_case_run %s[] = {\n%s\n};\nconst size_t %s_len = %d;\n" % (
        name, "\n".join(lines), name, len(runs))


def emit_special(name, m):
    lines = []
    for c in sorted(m):
        v = m[c]
        if len(v) == 1 and v[0] == (upper if m is special_upper else lower).get(c, c):
            continue
        vals = v + [0] * (3 - len(v))
        lines.append("    {0x%x, %d, {0x%x, 0x%x, 0x%x}}," % (c, len(v), vals[0], vals[1], vals[2]))
    return "const hx_unicode_special_case %s[] = {\n%s\n};\nconst size_t %s_len = %d;\n" % (
        name, "\n".join(lines), name, len(lines))


id_start = derived["ID_Start"]
id_cont = derived["ID_Continue"]
zs = {c for c, g in gc.items() if g == "Zs"}

out = [HEADER % ("unicode_tables.c", version,
                 "Identifier, white-space and case-mapping tables for unicode.c.")]
out.append('#include "unicode/unicode_tables.h"\n')
out.append(emit_latin1_bits("hx_unicode_id_start_latin1", id_start))
out.append(emit_latin1_bits("hx_unicode_id_continue_latin1", id_cont))
out.append(emit_ranges("hx_unicode_id_start_ranges", [r for r in to_ranges(id_start) if r[1] >= 256]))
out.append(emit_ranges("hx_unicode_id_continue_ranges", [r for r in to_ranges(id_cont) if r[1] >= 256]))
out.append(emit_ranges("hx_unicode_zs_ranges", to_ranges(zs)))
out.append(emit_case("hx_unicode_upper_runs", upper))
out.append(emit_case("hx_unicode_lower_runs", lower))
out.append(emit_case("hx_unicode_fold_runs", fold))
out.append(emit_special("hx_unicode_special_upper", special_upper))
out.append(emit_special("hx_unicode_special_lower", special_lower))
with open(os.path.join(OUT, "unicode_tables.c"), "w", encoding="utf-8") as f:
    f.write("\n".join(out))

# ---- property_tables.c ----
sd = SetData()
names = []  # (kind, name, set index)

assigned = set(gc)
gc_sets = {}
for g in sorted(set(gc.values())):
    gc_sets[g] = {c for c, v in gc.items() if v == g}
gc_sets["Cn"] = set(range(MAXCP + 1)) - assigned
groups = {"C": ["Cc", "Cf", "Cn", "Co", "Cs"], "L": ["Ll", "Lm", "Lo", "Lt", "Lu"],
          "LC": ["Ll", "Lt", "Lu"], "M": ["Mc", "Me", "Mn"], "N": ["Nd", "Nl", "No"],
          "P": ["Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps"], "S": ["Sc", "Sk", "Sm", "So"],
          "Z": ["Zl", "Zp", "Zs"]}
gc_range = {}
for g in list(gc_sets):
    gc_range[g] = to_ranges(gc_sets[g])
for g, parts in groups.items():
    rs = []
    for p in parts:
        rs += gc_range[p]
    gc_range[g] = to_ranges(ranges_to_set(rs)) if g != "C" else None
# "C" contains all of Cn and is large as a set; compute it from ranges.
allc = []
for p in groups["C"]:
    allc += gc_range[p]
allc.sort()
merged = []
for a, b in allc:
    if merged and merged[-1][1] + 1 >= a:
        merged[-1][1] = max(merged[-1][1], b)
    else:
        merged.append([a, b])
gc_range["C"] = [tuple(r) for r in merged]

for (prop, long_name), aliases in sorted(value_alias.items()):
    if prop != "gc":
        continue
    short = aliases[1]
    idx = sd.add(gc_range[short])
    for n in set(aliases):
        names.append(("GC", n, idx))

script_sets = {}
for c, s in script_of.items():
    script_sets.setdefault(s, set()).add(c)
assigned_script = set(script_of)
script_sets["Unknown"] = set(range(MAXCP + 1)) - assigned_script
scx_sets = {s: set() for s in scripts}
for c in range(MAXCP + 1):
    if c in scx:
        for s in scx[c]:
            scx_sets[s].add(c)
    else:
        scx_sets[script_of.get(c, "Unknown")].add(c)
for s in scripts:
    aliases = value_alias[("sc", s)]
    i1 = sd.add(to_ranges(script_sets[s]))
    i2 = sd.add(to_ranges(scx_sets[s]))
    for n in set(aliases):
        names.append(("SC", n, i1))
        names.append(("SCX", n, i2))

# ES2025 table 67 (Binary Unicode property aliases).
BINARY = ["ASCII", "ASCII_Hex_Digit", "Alphabetic", "Any", "Assigned", "Bidi_Control",
          "Bidi_Mirrored", "Case_Ignorable", "Cased", "Changes_When_Casefolded",
          "Changes_When_Casemapped", "Changes_When_Lowercased", "Changes_When_NFKC_Casefolded",
          "Changes_When_Titlecased", "Changes_When_Uppercased", "Dash",
          "Default_Ignorable_Code_Point", "Deprecated", "Diacritic", "Emoji", "Emoji_Component",
          "Emoji_Modifier", "Emoji_Modifier_Base", "Emoji_Presentation",
          "Extended_Pictographic", "Extender", "Grapheme_Base", "Grapheme_Extend", "Hex_Digit",
          "IDS_Binary_Operator", "IDS_Trinary_Operator", "ID_Continue", "ID_Start",
          "Ideographic", "Join_Control", "Logical_Order_Exception", "Lowercase", "Math",
          "Noncharacter_Code_Point", "Pattern_Syntax", "Pattern_White_Space", "Quotation_Mark",
          "Radical", "Regional_Indicator", "Sentence_Terminal", "Soft_Dotted",
          "Terminal_Punctuation", "Unified_Ideograph", "Uppercase", "Variation_Selector",
          "White_Space", "XID_Continue", "XID_Start"]
BIN_ALIAS = {"ASCII_Hex_Digit": "AHex", "Alphabetic": "Alpha", "Bidi_Control": "Bidi_C",
             "Bidi_Mirrored": "Bidi_M", "Case_Ignorable": "CI",
             "Changes_When_Casefolded": "CWCF", "Changes_When_Casemapped": "CWCM",
             "Changes_When_Lowercased": "CWL", "Changes_When_NFKC_Casefolded": "CWKCF",
             "Changes_When_Titlecased": "CWT", "Changes_When_Uppercased": "CWU",
             "Default_Ignorable_Code_Point": "DI", "Deprecated": "Dep", "Diacritic": "Dia",
             "Emoji_Component": "EComp", "Emoji_Modifier": "EMod",
             "Emoji_Modifier_Base": "EBase", "Emoji_Presentation": "EPres",
             "Extended_Pictographic": "ExtPict", "Extender": "Ext", "Grapheme_Base": "Gr_Base",
             "Grapheme_Extend": "Gr_Ext", "Hex_Digit": "Hex", "IDS_Binary_Operator": "IDSB",
             "IDS_Trinary_Operator": "IDST", "ID_Continue": "IDC", "ID_Start": "IDS",
             "Ideographic": "Ideo", "Join_Control": "Join_C",
             "Logical_Order_Exception": "LOE", "Lowercase": "Lower",
             "Noncharacter_Code_Point": "NChar", "Pattern_Syntax": "Pat_Syn",
             "Pattern_White_Space": "Pat_WS", "Quotation_Mark": "QMark",
             "Regional_Indicator": "RI", "Sentence_Terminal": "STerm", "Soft_Dotted": "SD",
             "Terminal_Punctuation": "Term", "Unified_Ideograph": "UIdeo",
             "Uppercase": "Upper", "Variation_Selector": "VS", "White_Space": "space",
             "XID_Continue": "XIDC", "XID_Start": "XIDS"}
for p in BINARY:
    if p == "Any":
        rs = [(0, MAXCP)]
    elif p == "ASCII":
        rs = [(0, 0x7F)]
    elif p == "Assigned":
        rs = to_ranges(assigned)
    else:
        rs = to_ranges(binprops_src[p])
    idx = sd.add(rs)
    names.append(("BIN", p, idx))
    if p in BIN_ALIAS:
        names.append(("BIN", BIN_ALIAS[p], idx))

# Properties of strings (ES2025 table 68), from the emoji data files.
STRPROPS = ["Basic_Emoji", "Emoji_Keycap_Sequence", "RGI_Emoji_Modifier_Sequence",
            "RGI_Emoji_Flag_Sequence", "RGI_Emoji_Tag_Sequence", "RGI_Emoji_ZWJ_Sequence"]
str_single = {p: set() for p in STRPROPS}
str_seqs = {p: [] for p in STRPROPS}
for fname in ("emoji/emoji-sequences.txt", "emoji/emoji-zwj-sequences.txt"):
    for f in ucd_lines(fname):
        p = f[1]
        if " " in f[0]:
            str_seqs[p].append([int(x, 16) for x in f[0].split()])
        else:
            a, b = parse_range(f[0])
            str_single[p].update(range(a, b + 1))
str_entries = []
for p in STRPROPS:
    idx = sd.add(to_ranges(str_single[p]))
    seqs = "".join("".join(chr(c) for c in s) + " " for s in str_seqs[p])
    str_entries.append((p, idx, seqs))

out = [HEADER % ("property_tables.c", version,
                 "Range sets and names of the Unicode properties of RegExp \\p{...}.")]
out.append('#include "unicode/unicode_tables.h"\n')
out.append("const uint8_t hx_unicode_set_data[] = {\n%s\n};\n" % c_bytes(sd.data))
out.append("const hx_unicode_set_info hx_unicode_sets[] = {\n%s\n};\n" % "\n".join(
    "    {%d, %d}," % s for s in sd.sets))
names.sort(key=lambda t: (t[0], t[1].encode()))
for kind in ("GC", "SC", "SCX", "BIN"):
    lst = [n for n in names if n[0] == kind]
    out.append("const hx_unicode_prop_name hx_unicode_%s_names[] = {\n%s\n};\n" % (
        kind.lower(), "\n".join('    {"%s", %d},' % (n[1], n[2]) for n in lst)))
    out.append("const size_t hx_unicode_%s_names_len = %d;\n" % (kind.lower(), len(lst)))


def c_utf8_string(s):
    data = s.encode("utf-8")
    lines = []
    cur = ""
    for ch in s:
        enc = ch.encode("utf-8")
        if ch in '"\\?' or ord(ch) < 0x20:
            piece = "\\%03o" % ord(ch)
        else:
            piece = ch
        cur += piece
        if ch == " " and len(cur.encode("utf-8")) > 80:
            lines.append('    "%s"' % cur)
            cur = ""
    if cur:
        lines.append('    "%s"' % cur)
    return "\n".join(lines) if lines else '    ""', len(data)


out.append("/* Sequences are UTF-8, each followed by one space. */")
for p, idx, seqs in str_entries:
    body, _ = c_utf8_string(seqs)
    out.append("static const char seq_%s[] =\n%s;\n" % (p, body))
out.append("const hx_unicode_string_prop hx_unicode_string_props[] = {\n%s\n};\n" % "\n".join(
    '    {"%s", %d, seq_%s},' % (p, idx, p) for p, idx, _ in str_entries))
out.append("const size_t hx_unicode_string_props_len = %d;\n" % len(str_entries))
with open(os.path.join(OUT, "property_tables.c"), "w", encoding="utf-8") as f:
    f.write("\n".join(out))
print("UCD %s: %d range sets, %d bytes of set data" % (version, len(sd.sets), len(sd.data)))
