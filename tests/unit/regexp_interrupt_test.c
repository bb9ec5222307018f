/*
 * regexp_interrupt_test.c — a catastrophically backtracking regular
 * expression is stopped by the host's interrupt callback (the RegExp
 * builtins pass hx_check_interrupt to the matcher), the interrupt cannot
 * be caught by JavaScript, and the runtime stays usable afterwards.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "heron.h"

static int passed, failed;
static struct timespec deadline;

static bool after_deadline(hr_runtime *rt, void *opaque) {
    (void)rt;
    (void)opaque;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec > deadline.tv_sec || (now.tv_sec == deadline.tv_sec && now.tv_nsec > deadline.tv_nsec);
}

static void arm(long ms) {
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    deadline.tv_nsec += ms * 1000000L;
    deadline.tv_sec += deadline.tv_nsec / 1000000000L;
    deadline.tv_nsec %= 1000000000L;
}

static void expect_interrupt(hr_realm *realm, hr_runtime *rt, const char *src) {
    hr_scope scope;
    hr_scope_open(rt, &scope);
    arm(200);
    hr_value v;
    hr_status st = hr_eval(realm, src, strlen(src), "regexp_interrupt_test.js", 0, &v);
    if (st == HR_EXCEPTION && hr_is_interrupted(rt)) {
        passed++;
        hr_take_exception(rt);
    } else {
        printf("FAIL: not interrupted: %s\n", src);
        failed++;
        if (st == HR_EXCEPTION) hr_take_exception(rt);
    }
    hr_scope_close(&scope);
}

int main(void) {
    hr_config cfg;
    hr_config_init(&cfg);
    hr_runtime *rt = hr_runtime_new(&cfg);
    hr_realm *realm = rt ? hr_realm_new(rt) : NULL;
    if (!realm) {
        printf("FAIL: cannot create a runtime\n");
        return 1;
    }
    hr_set_interrupt(rt, after_deadline, NULL);
    expect_interrupt(realm, rt, "/(a*)*b/.test('a'.repeat(40))");
    expect_interrupt(realm, rt, "try { 'a'.repeat(40).replace(/(a|aa)+c/g, 'x'); } catch (e) { 'caught'; }");
    expect_interrupt(realm, rt, "'x'.repeat(5000).split(/(x+x+)+y/)");
    /* the runtime still works afterwards */
    hr_scope scope;
    hr_scope_open(rt, &scope);
    arm(10000);
    const char *ok = "/(\\d+)-(\\d+)/.exec('10-20')[2]";
    hr_value v;
    char *got = NULL;
    if (hr_eval(realm, ok, strlen(ok), "regexp_interrupt_test.js", 0, &v) == HR_OK) got = hr_to_utf8(realm, v, NULL);
    if (got && !strcmp(got, "20"))
        passed++;
    else {
        printf("FAIL: evaluation after interrupts gave %s\n", got ? got : "an exception");
        failed++;
    }
    hr_free(rt, got);
    hr_scope_close(&scope);
    hr_runtime_free(rt);
    printf("regexp_interrupt_test: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}
