/*
 * check.h — the assertion macro shared by the C unit tests: CHECK(cond,
 * fmt, ...) counts passes and prints each failure with its location.  Each
 * test ends with printf("%d passed, %d failed\n", passed, failed).
 */
#ifndef HX_UNIT_CHECK_H
#define HX_UNIT_CHECK_H

#include <stdio.h>

static int passed, failed;

#define CHECK(cond, ...)                                                                           \
    do {                                                                                           \
        if (cond) {                                                                                \
            passed++;                                                                              \
        } else {                                                                                   \
            failed++;                                                                              \
            printf("FAIL %s:%d: ", __FILE__, __LINE__);                                            \
            printf(__VA_ARGS__);                                                                   \
            printf("\n");                                                                          \
        }                                                                                          \
    } while (0)

#endif
