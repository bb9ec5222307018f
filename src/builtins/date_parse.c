/*
 * date_parse.c — Date.parse (ES2025 21.4.3.2): the Date Time String Format
 * of 21.4.1.32 exactly (date-only forms are UTC, date-times without an
 * offset are local time, expanded years, out-of-range fields give NaN),
 * then, for anything else, a lenient reader of the forms toString,
 * toUTCString and common usage produce ("Tue Feb 01 2022 10:00:00
 * GMT+0100 (CET)", "Tue, 01 Feb 2022 09:00:00 GMT", "2/1/2022 10:00 PM",
 * "1 February 2022") so that those formats round-trip.
 */
#include <math.h>
#include <string.h>
#include "builtins/date_int.h"

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/* Reads exactly n digits at *p; -1 if not there. */
static int digits(const char *s, size_t len, size_t *p, int n) {
    if (*p + n > len) return -1;
    int v = 0;
    for (int i = 0; i < n; i++) {
        char c = s[*p + i];
        if (!is_digit(c)) return -1;
        v = v * 10 + (c - '0');
    }
    *p += n;
    return v;
}

static int days_in_month(double year, int month) {
    static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = fmod(year, 4) == 0 && (fmod(year, 100) != 0 || fmod(year, 400) == 0);
    return month == 1 && leap ? 29 : dim[month];
}

/* ES2025 21.4.1.32 Date Time String Format; *ok false if s is not in it. */
static double parse_iso(const char *s, size_t len, bool *ok) {
    size_t p = 0;
    *ok = false;
    double year;
    if (len > 0 && (s[0] == '+' || s[0] == '-')) {
        p = 1;
        int y = digits(s, len, &p, 6);
        if (y < 0) return NAN;
        if (s[0] == '-' && y == 0) { /* -000000 is in the format's shape but not allowed */
            *ok = true;
            return NAN;
        }
        year = s[0] == '-' ? -y : y;
    } else {
        int y = digits(s, len, &p, 4);
        if (y < 0) return NAN;
        year = y;
    }
    int month = 1, day = 1, hour = 0, minute = 0, second = 0, ms = 0;
    if (p < len && s[p] == '-') {
        p++;
        if ((month = digits(s, len, &p, 2)) < 0) return NAN;
        if (p < len && s[p] == '-') {
            p++;
            if ((day = digits(s, len, &p, 2)) < 0) return NAN;
        }
    }
    bool date_only = true, has_offset = false;
    double offset = 0;
    if (p < len && s[p] == 'T') {
        p++;
        date_only = false;
        if ((hour = digits(s, len, &p, 2)) < 0 || p >= len || s[p++] != ':' ||
            (minute = digits(s, len, &p, 2)) < 0)
            return NAN;
        if (p < len && s[p] == ':') {
            p++;
            if ((second = digits(s, len, &p, 2)) < 0) return NAN;
            if (p < len && s[p] == '.') {
                p++;
                if (p >= len || !is_digit(s[p])) return NAN;
                /* milliseconds: the first three digits, more are ignored */
                int n = 0;
                for (; p < len && is_digit(s[p]); p++, n++)
                    if (n < 3) ms = ms * 10 + (s[p] - '0');
                for (; n < 3; n++) ms *= 10;
            }
        }
        if (p < len && s[p] == 'Z') {
            p++;
            has_offset = true;
        } else if (p < len && (s[p] == '+' || s[p] == '-')) {
            int sign = s[p++] == '-' ? -1 : 1;
            int oh = digits(s, len, &p, 2);
            if (oh < 0 || p >= len || s[p++] != ':') return NAN;
            int om = digits(s, len, &p, 2);
            if (om < 0 || oh > 23 || om > 59) return NAN;
            has_offset = true;
            offset = sign * (oh * HX_MS_PER_HOUR + om * HX_MS_PER_MINUTE);
        }
    }
    if (p != len) return NAN;
    *ok = true;
    if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month - 1) || hour > 24 ||
        minute > 59 || second > 59 || (hour == 24 && (minute || second || ms)))
        return NAN;
    double t = hx_date_make_date(hx_date_make_day(year, month - 1, day), hx_date_make_time(hour, minute, second, ms));
    if (date_only || has_offset) t -= offset;
    else t = hx_date_utc(t);
    return hx_date_time_clip(t);
}

/* ---- the lenient reader ------------------------------------------------------------------ */

static const char *const months[] = {"january", "february", "march",     "april",   "may",      "june",
                                     "july",    "august",   "september", "october", "november", "december"};
static const char *const days[] = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};

/* Whether word (lower case, n letters, n >= 3) abbreviates full. */
static bool abbreviates(const char *word, size_t n, const char *full) {
    return n >= 3 && n <= strlen(full) && !memcmp(word, full, n);
}

typedef struct number_token {
    double value;
    int ndigits;
} number_token;

static double parse_legacy(const char *s, size_t len) {
    number_token nums[3];
    int nn = 0, month = -1, ampm = 0; /* ampm: 1 am, 2 pm */
    int hour = 0, minute = 0, second = 0, ms = 0;
    bool have_time = false, have_tz = false;
    double tz_minutes = 0;
    size_t i = 0;
    while (i < len) {
        char c = s[i];
        if (c == '(') { /* comments, as in toString's zone name */
            int depth = 0;
            for (; i < len; i++) {
                if (s[i] == '(') depth++;
                else if (s[i] == ')' && --depth == 0) break;
            }
            i++;
            continue;
        }
        if (c == ' ' || c == ',' || c == '\t' || c == '\n' || c == '\r') {
            i++;
            continue;
        }
        if (is_alpha(c)) {
            char word[16];
            size_t n = 0;
            for (; i < len && is_alpha(s[i]); i++)
                if (n < sizeof word) word[n++] = (char)(s[i] | 0x20);
            if (n == sizeof word) return NAN;
            if (n == 2 && (!memcmp(word, "am", 2) || !memcmp(word, "pm", 2))) {
                ampm = word[0] == 'a' ? 1 : 2;
                continue;
            }
            if ((n == 1 && word[0] == 'z') || (n == 2 && !memcmp(word, "ut", 2)) ||
                (n == 3 && (!memcmp(word, "gmt", 3) || !memcmp(word, "utc", 3)))) {
                have_tz = true;
                continue;
            }
            if (n == 1 && word[0] == 't' && i < len && is_digit(s[i])) continue;
            bool known = false;
            for (int m = 0; m < 12 && !known; m++)
                if (abbreviates(word, n, months[m])) {
                    month = m;
                    known = true;
                }
            for (int d = 0; d < 7 && !known; d++) known = abbreviates(word, n, days[d]);
            if (!known) return NAN;
            continue;
        }
        if ((c == '+' || c == '-') && (have_time || have_tz) && i + 1 < len && is_digit(s[i + 1])) {
            /* a UTC offset: +HH, +HHMM or +HH:MM */
            int sign = c == '-' ? -1 : 1;
            size_t p = ++i;
            while (i < len && is_digit(s[i])) i++;
            size_t n = i - p;
            double v = 0;
            for (size_t k = p; k < i; k++) v = v * 10 + (s[k] - '0');
            double hh, mm;
            if (i < len && s[i] == ':' && n <= 2) {
                size_t q = ++i;
                int m2 = digits(s, len, &q, 2);
                if (m2 < 0) return NAN;
                i = q;
                hh = v;
                mm = m2;
            } else if (n <= 2) {
                hh = v;
                mm = 0;
            } else if (n == 4) {
                hh = floor(v / 100);
                mm = fmod(v, 100);
            } else
                return NAN;
            if (hh > 23 || mm > 59) return NAN;
            have_tz = true;
            tz_minutes = sign * (hh * 60 + mm);
            continue;
        }
        if (c == '-' || c == '+' || is_digit(c)) {
            /* a sign directly after a digit separates numbers (2022-02-01) */
            int sign = 1;
            if (c == '-' || c == '+') {
                if (i > 0 && is_digit(s[i - 1])) {
                    i++;
                    continue;
                }
                if (i + 1 >= len || !is_digit(s[i + 1])) return NAN;
                sign = c == '-' ? -1 : 1;
                i++;
            }
            size_t p = i;
            double v = 0;
            while (i < len && is_digit(s[i])) v = v * 10 + (s[i++] - '0');
            int n = (int)(i - p);
            if (i < len && s[i] == ':' && !have_time && sign == 1) {
                /* HH:MM[:SS[.mmm]] */
                size_t q = i + 1;
                hour = (int)v;
                if (n > 2 || (minute = digits(s, len, &q, 2)) < 0) return NAN;
                if (q < len && s[q] == ':') {
                    q++;
                    if ((second = digits(s, len, &q, 2)) < 0) return NAN;
                    if (q < len && s[q] == '.') {
                        q++;
                        int k = 0;
                        for (; q < len && is_digit(s[q]); q++, k++)
                            if (k < 3) ms = ms * 10 + (s[q] - '0');
                        if (k == 0) return NAN;
                        for (; k < 3; k++) ms *= 10;
                    }
                }
                i = q;
                have_time = true;
                continue;
            }
            if (nn == 3) return NAN;
            nums[nn].value = sign * v;
            nums[nn].ndigits = sign < 0 ? 4 : n;
            nn++;
            continue;
        }
        if (c == '/' || c == '.') {
            i++;
            continue;
        }
        return NAN;
    }
    double year, day;
    int year_digits;
    if (month >= 0) {
        if (nn == 2) {
            bool year_first = nums[0].ndigits >= 3 || nums[0].value > 31 || nums[0].value < 0;
            year = nums[year_first ? 0 : 1].value;
            year_digits = nums[year_first ? 0 : 1].ndigits;
            day = nums[year_first ? 1 : 0].value;
        } else if (nn == 1) {
            year = nums[0].value;
            year_digits = nums[0].ndigits;
            day = 1;
        } else
            return NAN;
    } else if (nn == 3) {
        if (nums[0].ndigits >= 3 || nums[0].value > 31 || nums[0].value < 0) { /* Y M D */
            year = nums[0].value;
            year_digits = nums[0].ndigits;
            month = (int)nums[1].value - 1;
            day = nums[2].value;
        } else { /* M D Y */
            month = (int)nums[0].value - 1;
            day = nums[1].value;
            year = nums[2].value;
            year_digits = nums[2].ndigits;
        }
    } else
        return NAN;
    if (year_digits <= 2 && year >= 0) year += year < 50 ? 2000 : 1900;
    if (ampm) {
        if (hour > 12 || hour == 0) return NAN;
        if (ampm == 2 && hour < 12) hour += 12;
        if (ampm == 1 && hour == 12) hour = 0;
    }
    if (month < 0 || month > 11 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 59) return NAN;
    double t = hx_date_make_date(hx_date_make_day(year, month, day), hx_date_make_time(hour, minute, second, ms));
    if (have_tz) t -= tz_minutes * HX_MS_PER_MINUTE;
    else t = hx_date_utc(t);
    return hx_date_time_clip(t);
}

double hx_date_parse(const char *s, size_t len) {
    while (len > 0 && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')) {
        s++;
        len--;
    }
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' || s[len - 1] == '\r')) len--;
    bool ok;
    double t = parse_iso(s, len, &ok);
    if (ok) return t;
    return parse_legacy(s, len);
}
