/* pl_alloc.h -- the one allocator of engine/core, engine/data and engine/proto (libxml2 and jansson too), with a failure hook for tests */
#ifndef PL_ALLOC_H
#define PL_ALLOC_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* The C library's functions, through one place. pl_free(NULL) does nothing; memory from
 * these may be given to free() and the other way round. */
void *pl_malloc(size_t n);
void *pl_calloc(size_t n, size_t size);
void *pl_realloc(void *p, size_t n);
void pl_free(void *p);
char *pl_strdup(const char *s);
char *pl_strndup(const char *s, size_t n);
/* A new string formatted like vsnprintf (the caller frees it), NULL when out of memory. */
char *pl_vasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* The same for a library that allocates through the hook (libxml2 with xmlMemSetup): counted
 * and failed like the others only when pl_alloc_fail_libraries(1) asks for it, since
 * libxml2 2.9 does not survive every failed allocation of its own (its schema validator frees
 * a wild pointer). */
void *pl_lib_malloc(size_t n);
void *pl_lib_realloc(void *p, size_t n);
char *pl_lib_strdup(const char *s);
void pl_alloc_fail_libraries(int on);

/* Allocations that failed on the calling thread so far (really, or by the hook): a caller
 * compares it before and after a library call that does not tell out of memory from other
 * errors (jansson's parser reports a failed string copy as a syntax error). */
uint64_t pl_alloc_failures(void);

/* Test hook, like SQLite's test_malloc: once armed, allocations are counted, and the nth one
 * from the call (1-based) fails as if the system were out of memory; 0 counts without failing.
 * pl_alloc_reset() disarms. Counting is process-wide and thread-safe. */
void pl_alloc_fail_at(uint64_t nth);
void pl_alloc_reset(void);
uint64_t pl_alloc_count(void);  /* allocations since the last pl_alloc_fail_at() */
int pl_alloc_failed(void);      /* 1 once the armed failure happened */

#endif
