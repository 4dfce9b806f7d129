/* alloc.c -- pl_malloc and friends: the C library's allocator behind one door, and the failure hook of the out-of-memory tests */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pl_alloc.h"

static atomic_int armed;
static atomic_uint_fast64_t count, fail_at;
static atomic_int failed, libraries;
static _Thread_local uint64_t failures; /* allocations that returned NULL on this thread */

/* What an allocation returned, counting the failures (simulated or real). */
static void *seen(void *p)
{
    if (!p)
        failures++;
    return p;
}

uint64_t pl_alloc_failures(void)
{
    return failures;
}

/* 1 when this allocation must fail (only ever while a test armed the hook). */
static int fail_here(int lib)
{
    if (!atomic_load_explicit(&armed, memory_order_relaxed) || (lib && !atomic_load(&libraries)))
        return 0; /* a library's allocations are counted only when they may fail */
    uint64_t n = atomic_fetch_add(&count, 1) + 1;
    if (n != atomic_load(&fail_at))
        return 0;
    atomic_store(&failed, 1);
    return 1;
}

static int must_fail(void)
{
    return fail_here(0);
}

void *pl_lib_malloc(size_t n)
{
    return seen(fail_here(1) ? NULL : malloc(n));
}

void *pl_lib_realloc(void *p, size_t n)
{
    return seen(fail_here(1) ? NULL : realloc(p, n));
}

char *pl_lib_strdup(const char *s)
{
    return seen(fail_here(1) ? NULL : strdup(s));
}

void pl_alloc_fail_libraries(int on)
{
    atomic_store(&libraries, on);
}

void *pl_malloc(size_t n)
{
    return seen(must_fail() ? NULL : malloc(n));
}

void *pl_calloc(size_t n, size_t size)
{
    return seen(must_fail() ? NULL : calloc(n, size));
}

void *pl_realloc(void *p, size_t n)
{
    return seen(must_fail() ? NULL : realloc(p, n));
}

void pl_free(void *p)
{
    free(p);
}

char *pl_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = pl_malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

char *pl_strndup(const char *s, size_t n)
{
    size_t l = strnlen(s, n);
    char *d = pl_malloc(l + 1);
    if (d) {
        memcpy(d, s, l);
        d[l] = 0;
    }
    return d;
}

char *pl_vasprintf(const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return NULL;
    char *s = pl_malloc((size_t)n + 1);
    if (s)
        vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

void pl_alloc_fail_at(uint64_t nth)
{
    atomic_store(&armed, 0);
    atomic_store(&count, 0);
    atomic_store(&failed, 0);
    atomic_store(&fail_at, nth);
    atomic_store(&armed, 1);
}

void pl_alloc_reset(void)
{
    atomic_store(&armed, 0);
    atomic_store(&fail_at, 0);
}

uint64_t pl_alloc_count(void)
{
    return atomic_load(&count);
}

int pl_alloc_failed(void)
{
    return atomic_load(&failed);
}
