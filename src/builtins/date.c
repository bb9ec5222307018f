/*
 * date.c — the Date constructor, Date.now / parse / UTC and Date.prototype
 * (ES2025 21.4.2 - 21.4.4), with the Annex B getYear / setYear /
 * toGMTString (B.2.3).  Time arithmetic, local time and the string formats
 * are in date_time.c; Date.parse's reader is in date_parse.c.
 *
 * A Date object is HX_CLASS_DATE with its [[DateValue]] (a Number: a
 * TimeClip'ed time value or NaN) in u.primitive.value.  %Date.prototype%
 * is an ordinary object, not a Date.
 *
 * The setters read [[DateValue]] before converting their arguments and
 * store only after all conversions, as the specification orders them.
 */
#include <math.h>
#include <string.h>
#include <time.h>
#include "vm/vm.h"
#include "builtins/init.h"
#include "builtins/date_int.h"

#define NATIVE(name)                                                                               \
    static hx_value name(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,           \
                         hx_value new_target, int magic)

/* The current time value (ES2025 21.4.3.1). */
static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return floor((double)ts.tv_sec * 1000.0 + (double)(ts.tv_nsec / 1000000));
}

/* ES2025 21.4.4 thisTimeValue: the object's [[DateValue]] slot, or NULL
 * with a TypeError pending. */
static hx_object *this_date(hx_realm *realm, hx_value v, const char *method) {
    if (hx_is_object(v) && hx_class_of(hx_as_object(v)) == HX_CLASS_DATE) return hx_as_object(v);
    hx_throw_type_error(realm, "Date.prototype.%s requires that 'this' be a Date", method);
    return NULL;
}

static double date_value(hx_object *d) { return hx_to_double_fast(d->u.primitive.value); }

static hx_value set_date_value(hx_object *d, double tv) {
    d->u.primitive.value = hx_number(tv);
    return d->u.primitive.value;
}

/* A time value in one of the string formats; "Invalid Date" for NaN. */
static hx_value format_value(hx_realm *realm, double tv, hx_date_format_kind kind) {
    if (isnan(tv)) return hx_string_from_cstr(realm->rt, "Invalid Date");
    char buf[160];
    size_t n = hx_date_format(tv, kind, buf, sizeof buf);
    return hx_string_from_latin1(realm->rt, (const uint8_t *)buf, n);
}

/* Date.parse over a string value. */
static double parse_string(hx_realm *realm, hx_value s, bool *failed) {
    *failed = false;
    hx_string *f = hx_string_flat(realm->rt, hx_as_string(s));
    if (!f) {
        *failed = true;
        return NAN;
    }
    char buf[256];
    if (f->len > sizeof buf) return NAN; /* no date string is this long */
    for (uint32_t i = 0; i < f->len; i++) {
        uint16_t c = hx_string_char_at(f, i);
        buf[i] = c < 0x7F ? (char)c : 0x7F;
    }
    return hx_date_parse(buf, f->len);
}

/* ES2025 21.4.1.30 MakeFullYear ( year ) */
static double make_full_year(double year) {
    if (isnan(year)) return NAN;
    double t = trunc(year);
    return t >= 0 && t <= 99 ? 1900 + t : year;
}

/* The shared steps of Date (2-7 arguments) and Date.UTC: ToNumber of each
 * argument in order, defaults, MakeFullYear, MakeDate.  -1 on throw. */
static int fields_from_args(hx_realm *realm, int argc, hx_value *argv, double *out) {
    double v[7] = {NAN, 0, 1, 0, 0, 0, 0};
    for (int i = 0; i < 7 && i < argc; i++)
        if (hx_to_number(realm, argv[i], &v[i]) < 0) return -1;
    double yr = make_full_year(v[0]);
    *out = hx_date_make_date(hx_date_make_day(yr, v[1], v[2]), hx_date_make_time(v[3], v[4], v[5], v[6]));
    return 0;
}

/* ---- constructor and statics (ES2025 21.4.2, 21.4.3) ------------------------------------ */

/* ES2025 21.4.2.1 Date ( ...values ) */
NATIVE(date_ctor) {
    double tv;
    if (hx_is_undefined(new_target)) return format_value(realm, now_ms(), HX_DATE_FMT_FULL);
    if (argc == 0)
        tv = now_ms();
    else if (argc == 1) {
        hx_value value = argv[0];
        if (hx_is_object(value) && hx_class_of(hx_as_object(value)) == HX_CLASS_DATE)
            tv = date_value(hx_as_object(value));
        else {
            hx_value v = hx_to_primitive(realm, value, 0);
            if (hx_is_exception(v)) return v;
            if (hx_is_string(v)) {
                bool failed;
                tv = parse_string(realm, v, &failed);
                if (failed) return HX_EXCEPTION;
            } else if (hx_to_number(realm, v, &tv) < 0)
                return HX_EXCEPTION;
        }
        tv = hx_date_time_clip(tv);
    } else {
        double final_date;
        if (fields_from_args(realm, argc, argv, &final_date) < 0) return HX_EXCEPTION;
        tv = hx_date_time_clip(hx_date_utc(final_date));
    }
    hx_value o = hx_ordinary_create_from_constructor(realm, new_target, HX_INTR_DatePrototype, HX_CLASS_DATE);
    if (hx_is_exception(o)) return o;
    set_date_value(hx_as_object(o), tv);
    return o;
}

/* ES2025 21.4.3.1 Date.now ( ) */
NATIVE(date_now) { return hx_number(now_ms()); }

/* ES2025 21.4.3.2 Date.parse ( string ) */
NATIVE(date_parse) {
    hx_value s = hx_to_string(realm, HX_ARG(0));
    if (hx_is_exception(s)) return s;
    bool failed;
    double tv = parse_string(realm, s, &failed);
    return failed ? HX_EXCEPTION : hx_number(tv);
}

/* ES2025 21.4.3.4 Date.UTC ( year [ , month [ , date [ , hours [ , minutes [ , seconds [ , ms ] ] ] ] ] ] ) */
NATIVE(date_utc) {
    double v;
    if (fields_from_args(realm, argc, argv, &v) < 0) return HX_EXCEPTION;
    return hx_number(hx_date_time_clip(v));
}

/* ---- getters (ES2025 21.4.4.2 - 21.4.4.20, B.2.3.1) --------------------------------------- */

enum { F_YEAR, F_MONTH, F_DATE, F_DAY, F_HOURS, F_MINUTES, F_SECONDS, F_MS, F_TIME, F_TZ_OFFSET, F_YEAR_B };
#define GET_UTC 0x100 /* magic flag: read the UTC fields */

static const char *const getter_names[] = {"getFullYear", "getMonth",        "getDate",
                                           "getDay",      "getHours",        "getMinutes",
                                           "getSeconds",  "getMilliseconds", "getTime",
                                           "getTimezoneOffset", "getYear"};

NATIVE(date_get) {
    int field = magic & 0xFF;
    hx_object *d = this_date(realm, this_value, getter_names[field]);
    if (!d) return HX_EXCEPTION;
    double t = date_value(d);
    if (field == F_TIME || isnan(t)) return hx_number(t);
    if (field == F_TZ_OFFSET) return hx_number((t - hx_date_local_time(t)) / HX_MS_PER_MINUTE);
    if (!(magic & GET_UTC)) t = hx_date_local_time(t);
    hx_date_fields f;
    hx_date_split(t, &f);
    switch (field) {
    case F_YEAR: return hx_number(f.year);
    case F_YEAR_B: return hx_number(f.year - 1900);
    case F_MONTH: return hx_int(f.month);
    case F_DATE: return hx_int(f.date);
    case F_DAY: return hx_int(f.weekday);
    case F_HOURS: return hx_int(f.hour);
    case F_MINUTES: return hx_int(f.minute);
    case F_SECONDS: return hx_int(f.second);
    default: return hx_int(f.ms);
    }
}

/* ---- setters (ES2025 21.4.4.20 - 21.4.4.34, B.2.3.2) ------------------------------------ */

/* magic: first field set (index into year, month, date, hours, minutes,
 * seconds, ms), the number of arguments it takes, and SET_UTC. */
#define SET_MAGIC(first, n, utc) ((first) | ((n) << 4) | ((utc) ? 0x100 : 0))
enum { S_YEAR, S_MONTH, S_DATE, S_HOURS, S_MINUTES, S_SECONDS, S_MS };

static const char *const setter_names[] = {"setFullYear", "setMonth",   "setDate",        "setHours",
                                           "setMinutes",  "setSeconds", "setMilliseconds"};

NATIVE(date_set) {
    int first = magic & 0xF, nfields = (magic >> 4) & 0xF;
    bool utc = magic & 0x100;
    hx_object *d = this_date(realm, this_value, setter_names[first]);
    if (!d) return HX_EXCEPTION;
    /* step: let t be dateObject.[[DateValue]], read before any conversion */
    double t = date_value(d);
    double v[4];
    bool present[4];
    for (int i = 0; i < nfields; i++) {
        present[i] = i == 0 || i < argc;
        if (present[i] && hx_to_number(realm, HX_ARG(i), &v[i]) < 0) return HX_EXCEPTION;
    }
    if (isnan(t)) {
        /* setFullYear / setUTCFullYear start from +0; the others give NaN */
        if (first != S_YEAR) return hx_number(t);
        t = 0;
    } else if (!utc)
        t = hx_date_local_time(t);
    hx_date_fields f;
    hx_date_split(t, &f);
    double fields[7] = {f.year, f.month, f.date, f.hour, f.minute, f.second, f.ms};
    for (int i = 0; i < nfields; i++)
        if (present[i]) fields[first + i] = v[i];
    double nd = hx_date_make_date(hx_date_make_day(fields[0], fields[1], fields[2]),
                                  hx_date_make_time(fields[3], fields[4], fields[5], fields[6]));
    return set_date_value(d, hx_date_time_clip(utc ? nd : hx_date_utc(nd)));
}

/* ES2025 21.4.4.27 Date.prototype.setTime ( time ) */
NATIVE(date_set_time) {
    hx_object *d = this_date(realm, this_value, "setTime");
    if (!d) return HX_EXCEPTION;
    double t;
    if (hx_to_number(realm, HX_ARG(0), &t) < 0) return HX_EXCEPTION;
    return set_date_value(d, hx_date_time_clip(t));
}

/* ES2025 B.2.3.2 Date.prototype.setYear ( year ) */
NATIVE(date_set_year) {
    hx_object *d = this_date(realm, this_value, "setYear");
    if (!d) return HX_EXCEPTION;
    double t = date_value(d), y;
    if (hx_to_number(realm, HX_ARG(0), &y) < 0) return HX_EXCEPTION;
    t = isnan(t) ? 0 : hx_date_local_time(t);
    double yyyy = make_full_year(y);
    if (isnan(yyyy)) return set_date_value(d, NAN);
    hx_date_fields f;
    hx_date_split(t, &f);
    double nd = hx_date_make_date(hx_date_make_day(yyyy, f.month, f.date), hx_date_time_within_day(t));
    return set_date_value(d, hx_date_time_clip(hx_date_utc(nd)));
}

/* ---- conversions (ES2025 21.4.4.35 - 21.4.4.45) ----------------------------------------------- */

static const char *const format_names[] = {"toString", "toDateString", "toTimeString", "toUTCString",
                                           "toISOString"};

/* toString, toDateString, toTimeString, toUTCString, toISOString, and the
 * toLocale*String variants (which use the same formats); magic is the
 * hx_date_format_kind. */
NATIVE(date_to_string) {
    hx_object *d = this_date(realm, this_value, format_names[magic]);
    if (!d) return HX_EXCEPTION;
    double tv = date_value(d);
    if (magic == HX_DATE_FMT_ISO && isnan(tv))
        return hx_throw_range_error(realm, "Invalid time value");
    return format_value(realm, tv, (hx_date_format_kind)magic);
}

/* ES2025 21.4.4.44 Date.prototype.valueOf ( ) */
NATIVE(date_value_of) {
    hx_object *d = this_date(realm, this_value, "valueOf");
    if (!d) return HX_EXCEPTION;
    return d->u.primitive.value;
}

/* ES2025 21.4.4.37 Date.prototype.toJSON ( key ) */
NATIVE(date_to_json) {
    hx_value o = hx_to_object(realm, this_value);
    if (hx_is_exception(o)) return o;
    hx_value tv = hx_to_primitive(realm, o, 1);
    if (hx_is_exception(tv)) return tv;
    if (hx_is_number(tv) && !isfinite(hx_to_double_fast(tv))) return HX_NULL;
    return hx_invoke(realm, o, hx_atom_from_cstr(realm->rt, "toISOString"), 0, NULL);
}

/* ES2025 7.1.1.1 OrdinaryToPrimitive ( O, hint ): string_first for "string". */
static hx_value ordinary_to_primitive(hx_realm *realm, hx_value o, bool string_first) {
    hx_runtime *rt = realm->rt;
    hx_key order[2] = {HX_ATOM(rt, valueOf), HX_ATOM(rt, toString)};
    if (string_first) {
        order[0] = HX_ATOM(rt, toString);
        order[1] = HX_ATOM(rt, valueOf);
    }
    for (int i = 0; i < 2; i++) {
        hx_value f = hx_get(realm, o, order[i]);
        if (hx_is_exception(f)) return f;
        if (hx_is_callable(f)) {
            hx_value r = hx_call(realm, f, o, 0, NULL);
            if (hx_is_exception(r) || !hx_is_object(r)) return r;
        }
    }
    return hx_throw_type_error(realm, "Cannot convert object to primitive value");
}

/* ES2025 21.4.4.45 Date.prototype [ @@toPrimitive ] ( hint ) */
NATIVE(date_to_primitive) {
    if (!hx_is_object(this_value))
        return hx_throw_type_error(realm, "Date.prototype[Symbol.toPrimitive] called on a non-object");
    hx_runtime *rt = realm->rt;
    hx_value hint = HX_ARG(0);
    if (hx_is_string(hint)) {
        hx_string *h = hx_as_string(hint);
        if (hx_string_equal(rt, h, hx_as_string(HX_ATOM(rt, string))) ||
            hx_string_equal(rt, h, hx_as_string(HX_ATOM(rt, default_))))
            return ordinary_to_primitive(realm, this_value, true);
        if (hx_string_equal(rt, h, hx_as_string(HX_ATOM(rt, number))))
            return ordinary_to_primitive(realm, this_value, false);
    }
    return hx_throw_type_error(realm, "Invalid hint for Date.prototype[Symbol.toPrimitive]");
}

/* ---- tables and initialisation ------------------------------------------------------------------ */

#define GETTER(name, field) HX_FUNC_MAGIC(name, date_get, 0, field)
#define SETTER(name, first, n, utc) HX_FUNC_MAGIC(name, date_set, n, SET_MAGIC(first, n, utc))
#define FORMAT(name, kind) HX_FUNC_MAGIC(name, date_to_string, 0, kind)

static const hx_builtin date_proto_table[] = {
    GETTER("getDate", F_DATE),
    GETTER("getDay", F_DAY),
    GETTER("getFullYear", F_YEAR),
    GETTER("getHours", F_HOURS),
    GETTER("getMilliseconds", F_MS),
    GETTER("getMinutes", F_MINUTES),
    GETTER("getMonth", F_MONTH),
    GETTER("getSeconds", F_SECONDS),
    GETTER("getTime", F_TIME),
    GETTER("getTimezoneOffset", F_TZ_OFFSET),
    GETTER("getUTCDate", F_DATE | GET_UTC),
    GETTER("getUTCDay", F_DAY | GET_UTC),
    GETTER("getUTCFullYear", F_YEAR | GET_UTC),
    GETTER("getUTCHours", F_HOURS | GET_UTC),
    GETTER("getUTCMilliseconds", F_MS | GET_UTC),
    GETTER("getUTCMinutes", F_MINUTES | GET_UTC),
    GETTER("getUTCMonth", F_MONTH | GET_UTC),
    GETTER("getUTCSeconds", F_SECONDS | GET_UTC),
    GETTER("getYear", F_YEAR_B),
    SETTER("setDate", S_DATE, 1, false),
    SETTER("setFullYear", S_YEAR, 3, false),
    SETTER("setHours", S_HOURS, 4, false),
    SETTER("setMilliseconds", S_MS, 1, false),
    SETTER("setMinutes", S_MINUTES, 3, false),
    SETTER("setMonth", S_MONTH, 2, false),
    SETTER("setSeconds", S_SECONDS, 2, false),
    HX_FUNC("setTime", date_set_time, 1),
    SETTER("setUTCDate", S_DATE, 1, true),
    SETTER("setUTCFullYear", S_YEAR, 3, true),
    SETTER("setUTCHours", S_HOURS, 4, true),
    SETTER("setUTCMilliseconds", S_MS, 1, true),
    SETTER("setUTCMinutes", S_MINUTES, 3, true),
    SETTER("setUTCMonth", S_MONTH, 2, true),
    SETTER("setUTCSeconds", S_SECONDS, 2, true),
    HX_FUNC("setYear", date_set_year, 1),
    FORMAT("toDateString", HX_DATE_FMT_DATE),
    FORMAT("toISOString", HX_DATE_FMT_ISO),
    HX_FUNC("toJSON", date_to_json, 1),
    FORMAT("toLocaleDateString", HX_DATE_FMT_DATE),
    FORMAT("toLocaleString", HX_DATE_FMT_FULL),
    FORMAT("toLocaleTimeString", HX_DATE_FMT_TIME),
    FORMAT("toString", HX_DATE_FMT_FULL),
    FORMAT("toTimeString", HX_DATE_FMT_TIME),
    FORMAT("toUTCString", HX_DATE_FMT_UTC),
    {"toGMTString", HX_BI_ALIAS, NULL, NULL, 0, 0, 0, "toUTCString", 0},
    HX_FUNC("valueOf", date_value_of, 0),
    {"toPrimitive", HX_BI_SYMBOL_FUNC, date_to_primitive, NULL, 1, 0, 0, NULL, HX_PROP_CONFIGURABLE},
};

static const hx_builtin date_ctor_table[] = {
    HX_FUNC("now", date_now, 0),
    HX_FUNC("parse", date_parse, 1),
    HX_FUNC("UTC", date_utc, 7),
};

int hx_init_date(hx_realm *realm) {
    tzset();
    hx_object *proto = hx_object_new(realm, HX_INTR_OBJ(realm, ObjectPrototype), HX_CLASS_OBJECT);
    if (!proto) return -1;
    HX_INTR(realm, DatePrototype) = hx_object_value(proto);
    hx_value ctor = hx_make_constructor(realm, date_ctor, "Date", 7, proto, 0);
    if (hx_is_exception(ctor)) return -1;
    HX_INTR(realm, Date) = ctor;
    if (HX_INSTALL(realm, proto, date_proto_table) < 0 || HX_INSTALL(realm, hx_as_object(ctor), date_ctor_table) < 0)
        return -1;
    return hx_define_global(realm, "Date", ctor);
}
