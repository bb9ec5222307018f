/*
 * date_time.c — time-value arithmetic for Date (ES2025 21.4.1): days,
 * years, months, MakeTime / MakeDay / MakeDate / TimeClip, local time
 * through the C library's time zone, and the string formats of toString,
 * toDateString, toTimeString, toUTCString and toISOString.
 *
 * All arithmetic is on doubles, as the specification's operations are on
 * mathematical values of at most 2^53 magnitude here; floor / fmod give
 * the spec's floor and modulo (result with the sign of the divisor).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "builtins/date_int.h"

static double pos_mod(double a, double b) {
    double r = fmod(a, b);
    return r < 0 ? r + b : r;
}

/* ES2025 21.4.1.3 Day(t) */
double hx_date_day(double t) { return floor(t / HX_MS_PER_DAY); }

/* ES2025 21.4.1.4 TimeWithinDay(t) */
double hx_date_time_within_day(double t) { return pos_mod(t, HX_MS_PER_DAY); }

/* ES2025 21.4.1.6 DayFromYear(y) */
static double day_from_year(double y) {
    return 365.0 * (y - 1970) + floor((y - 1969) / 4) - floor((y - 1901) / 100) + floor((y - 1601) / 400);
}

static double time_from_year(double y) { return HX_MS_PER_DAY * day_from_year(y); }

static bool is_leap(double y) {
    return pos_mod(y, 4) == 0 && (pos_mod(y, 100) != 0 || pos_mod(y, 400) == 0);
}

/* ES2025 21.4.1.8 YearFromTime(t): the largest y with TimeFromYear(y) <= t */
double hx_date_year_from_time(double t) {
    double y = floor(t / (HX_MS_PER_DAY * 365.2425)) + 1970;
    if (time_from_year(y) > t) {
        do y--;
        while (time_from_year(y) > t);
    } else
        while (time_from_year(y + 1) <= t) y++;
    return y;
}

/* first day of each month in a common year */
static const int month_start[13] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};

static int month_first_day(int m, bool leap) { return month_start[m] + (leap && m >= 2); }

/* ES2025 21.4.1.11 MonthFromTime and 21.4.1.12 DateFromTime in one pass */
static void month_and_date(double t, int *month, int *date) {
    double y = hx_date_year_from_time(t);
    int d = (int)(hx_date_day(t) - day_from_year(y)); /* DayWithinYear */
    bool leap = is_leap(y);
    int m = 0;
    while (m < 11 && d >= month_first_day(m + 1, leap)) m++;
    *month = m;
    *date = d - month_first_day(m, leap) + 1;
}

int hx_date_month_from_time(double t) {
    int m, d;
    month_and_date(t, &m, &d);
    return m;
}

int hx_date_date_from_time(double t) {
    int m, d;
    month_and_date(t, &m, &d);
    return d;
}

/* ES2025 21.4.1.13 WeekDay(t) */
int hx_date_week_day(double t) { return (int)pos_mod(hx_date_day(t) + 4, 7); }

void hx_date_split(double t, hx_date_fields *f) {
    f->year = hx_date_year_from_time(t);
    month_and_date(t, &f->month, &f->date);
    double w = hx_date_time_within_day(t);
    f->hour = (int)(w / HX_MS_PER_HOUR);
    f->minute = (int)pos_mod(floor(w / HX_MS_PER_MINUTE), 60);
    f->second = (int)pos_mod(floor(w / HX_MS_PER_SECOND), 60);
    f->ms = (int)pos_mod(w, 1000);
    f->weekday = hx_date_week_day(t);
}

/* ES2025 21.4.1.27 MakeTime */
double hx_date_make_time(double hour, double min, double sec, double ms) {
    if (!isfinite(hour) || !isfinite(min) || !isfinite(sec) || !isfinite(ms)) return NAN;
    return ((trunc(hour) * HX_MS_PER_HOUR + trunc(min) * HX_MS_PER_MINUTE) + trunc(sec) * HX_MS_PER_SECOND) +
           trunc(ms);
}

/* ES2025 21.4.1.28 MakeDay */
double hx_date_make_day(double year, double month, double date) {
    if (!isfinite(year) || !isfinite(month) || !isfinite(date)) return NAN;
    double y = trunc(year), m = trunc(month), dt = trunc(date);
    double ym = y + floor(m / 12);
    if (!isfinite(ym)) return NAN;
    int mn = (int)pos_mod(m, 12);
    /* beyond these years every time value is outside TimeClip's range */
    if (fabs(ym) > 1e9) return NAN;
    return day_from_year(ym) + month_first_day(mn, is_leap(ym)) + dt - 1;
}

/* ES2025 21.4.1.29 MakeDate */
double hx_date_make_date(double day, double time) {
    if (!isfinite(day) || !isfinite(time)) return NAN;
    double tv = day * HX_MS_PER_DAY + time;
    return isfinite(tv) ? tv : NAN;
}

/* ES2025 21.4.1.31 TimeClip */
double hx_date_time_clip(double t) {
    if (!isfinite(t) || fabs(t) > 8.64e15) return NAN;
    return trunc(t) + 0.0; /* + 0.0 turns -0 into +0 */
}

/* ---- local time ------------------------------------------------------------------ */

/* The C library's offset of local time from UTC at the instant t (ms),
 * and optionally the zone's abbreviation. */
static double offset_at(double t, char *name, size_t name_cap) {
    if (name_cap) name[0] = 0;
    if (!isfinite(t)) return 0;
    time_t secs = (time_t)floor(t / 1000);
    struct tm tm;
    if (!localtime_r(&secs, &tm)) return 0;
    if (name_cap && tm.tm_zone) snprintf(name, name_cap, "%s", tm.tm_zone);
    return (double)tm.tm_gmtoff * 1000.0;
}

/* ES2025 21.4.1.25 LocalTime(t) */
double hx_date_local_time(double t) { return t + offset_at(t, NULL, 0); }

/* ES2025 21.4.1.26 UTC(t): t is a local time.  A local time repeated by a
 * backward transition takes the earlier instant; one skipped by a forward
 * transition is read with the offset from before the transition. */
double hx_date_utc(double t) {
    if (!isfinite(t)) return NAN;
    double before = offset_at(t - HX_MS_PER_DAY, NULL, 0);
    double after = offset_at(t + HX_MS_PER_DAY, NULL, 0);
    bool before_ok = offset_at(t - before, NULL, 0) == before;
    bool after_ok = offset_at(t - after, NULL, 0) == after;
    if (before_ok && after_ok) return fmin(t - before, t - after);
    if (after_ok) return t - after;
    return t - before;
}

/* ---- formatting ---------------------------------------------------------------------- */

static const char *const day_names[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
static const char *const month_names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* ES2025 21.4.4.41.3 DateString: "Www Mmm DD YYYY" */
static int date_string(char *buf, size_t cap, const hx_date_fields *f) {
    return snprintf(buf, cap, "%s %s %02d %s%04.0f", day_names[f->weekday], month_names[f->month], f->date,
                    f->year < 0 ? "-" : "", fabs(f->year));
}

/* ES2025 21.4.4.41.2 TimeString: "HH:mm:ss GMT" */
static int time_string(char *buf, size_t cap, const hx_date_fields *f) {
    return snprintf(buf, cap, "%02d:%02d:%02d GMT", f->hour, f->minute, f->second);
}

/* ES2025 21.4.4.41.4 TimeZoneString: "+HHMM (name)" */
static int time_zone_string(char *buf, size_t cap, double tv) {
    char name[64];
    double offset = offset_at(tv, name, sizeof name);
    double abs_min = fabs(offset) / HX_MS_PER_MINUTE;
    int hh = (int)(abs_min / 60), mm = (int)fmod(abs_min, 60);
    if (name[0]) return snprintf(buf, cap, "%c%02d%02d (%s)", offset >= 0 ? '+' : '-', hh, mm, name);
    return snprintf(buf, cap, "%c%02d%02d", offset >= 0 ? '+' : '-', hh, mm);
}

size_t hx_date_format(double tv, hx_date_format_kind kind, char *buf, size_t cap) {
    hx_date_fields f;
    int n = 0;
    switch (kind) {
    case HX_DATE_FMT_FULL:
    case HX_DATE_FMT_DATE:
    case HX_DATE_FMT_TIME: {
        hx_date_split(hx_date_local_time(tv), &f);
        if (kind != HX_DATE_FMT_TIME) n = date_string(buf, cap, &f);
        if (kind == HX_DATE_FMT_DATE) break;
        if (kind == HX_DATE_FMT_FULL) n += snprintf(buf + n, cap - n, " ");
        n += time_string(buf + n, cap - n, &f);
        n += time_zone_string(buf + n, cap - n, tv);
        break;
    }
    case HX_DATE_FMT_UTC:
        /* ES2025 21.4.4.43 toUTCString: "Www, DD Mmm YYYY HH:mm:ss GMT" */
        hx_date_split(tv, &f);
        n = snprintf(buf, cap, "%s, %02d %s %s%04.0f %02d:%02d:%02d GMT", day_names[f.weekday], f.date,
                     month_names[f.month], f.year < 0 ? "-" : "", fabs(f.year), f.hour, f.minute, f.second);
        break;
    case HX_DATE_FMT_ISO:
        /* ES2025 21.4.1.32 Date Time String Format, expanded years outside 0..9999 */
        hx_date_split(tv, &f);
        if (f.year >= 0 && f.year <= 9999) n = snprintf(buf, cap, "%04.0f", f.year);
        else n = snprintf(buf, cap, "%c%06.0f", f.year < 0 ? '-' : '+', fabs(f.year));
        n += snprintf(buf + n, cap - n, "-%02d-%02dT%02d:%02d:%02d.%03dZ", f.month + 1, f.date, f.hour, f.minute,
                      f.second, f.ms);
        break;
    }
    return n < 0 ? 0 : (size_t)n;
}
