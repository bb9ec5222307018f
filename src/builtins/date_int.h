/*
 * date_int.h — the time-value arithmetic of the Date family (ES2025 21.4.1),
 * shared by date.c (the Date constructor and prototype), date_time.c (time
 * math, local time, formatting) and date_parse.c (Date.parse).  Not used
 * outside src/builtins/date*.c.
 *
 * A time value is a double: milliseconds since 1970-01-01T00:00:00Z, an
 * integer in [-8.64e15, 8.64e15] after TimeClip, or NaN.  Local time comes
 * from the C library's time zone (localtime_r and tm_gmtoff), so results
 * follow whatever TZ the process runs in.
 */
#ifndef HX_BUILTINS_DATE_INT_H
#define HX_BUILTINS_DATE_INT_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#define HX_MS_PER_DAY 86400000.0
#define HX_MS_PER_HOUR 3600000.0
#define HX_MS_PER_MINUTE 60000.0
#define HX_MS_PER_SECOND 1000.0

/* ES2025 21.4.1.3 - 21.4.1.14 */
double hx_date_day(double t);
double hx_date_time_within_day(double t);
double hx_date_year_from_time(double t);
int hx_date_month_from_time(double t); /* 0 .. 11 */
int hx_date_date_from_time(double t);  /* 1 .. 31 */
int hx_date_week_day(double t);        /* 0 (Sunday) .. 6 */

/* ES2025 21.4.1.27 - 21.4.1.31: MakeTime, MakeDay, MakeDate, TimeClip
 * (arguments are Numbers; NaN when a result is not finite). */
double hx_date_make_time(double hour, double min, double sec, double ms);
double hx_date_make_day(double year, double month, double date);
double hx_date_make_date(double day, double time);
double hx_date_time_clip(double t);

/* ES2025 21.4.1.25 LocalTime(t) and 21.4.1.26 UTC(t). */
double hx_date_local_time(double t);
double hx_date_utc(double t);

/* A finite time value split into its fields (year may be negative). */
typedef struct hx_date_fields {
    double year;
    int month, date, hour, minute, second, ms, weekday;
} hx_date_fields;
void hx_date_split(double t, hx_date_fields *f);

/* The string forms of a time value (ES2025 21.4.4.41, 21.4.4.35-36,
 * 21.4.4.43, 21.4.4.36 toISOString); tv must be finite.  Writes a
 * NUL-terminated ASCII string into buf (at least 128 bytes) and returns
 * its length. */
typedef enum hx_date_format_kind {
    HX_DATE_FMT_FULL, /* toString: "Tue Feb 01 2022 00:00:00 GMT+0100 (CET)" */
    HX_DATE_FMT_DATE, /* toDateString: "Tue Feb 01 2022" */
    HX_DATE_FMT_TIME, /* toTimeString: "00:00:00 GMT+0100 (CET)" */
    HX_DATE_FMT_UTC,  /* toUTCString: "Mon, 31 Jan 2022 23:00:00 GMT" */
    HX_DATE_FMT_ISO   /* toISOString: "2022-01-31T23:00:00.000Z" */
} hx_date_format_kind;
size_t hx_date_format(double tv, hx_date_format_kind kind, char *buf, size_t cap);

/* ES2025 21.4.3.2 Date.parse over ASCII text (other code units must be
 * passed as 0x7F): the time value, or NaN. */
double hx_date_parse(const char *s, size_t len);

#endif
