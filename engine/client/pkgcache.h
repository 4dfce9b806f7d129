/* pkgcache.h -- game packages by content: the local copy when it is the server's version, else the
 * cache ($XDG_CACHE_HOME/plateau/packages/HASH), filled from the server and checked before use */
#ifndef PC_PKGCACHE_H
#define PC_PKGCACHE_H

#include <stddef.h>
#include <jansson.h>

/* Largest package the client accepts from a server, all files together (bytes). */
#define PC_PKG_MAX_BYTES (768u * 1024u)
#define PC_PKG_MAX_FILES 64

/* The folder holding package id at content hash: the installed copy (game-data/ID) when it
 * hashes alike, else a cached copy. 1 with dir filled, 0 when neither is there. */
int pc_pkg_find(const char *id, const char *hash, char *dir, size_t len);

/* Store a package sent by the server ({"type":"package","id","hash","files":[{"name","data"}]},
 * data in base64) in the cache: the files are written to a fresh folder, their hash must be the
 * one announced and want_hash, and the package must load with the same loader as every other;
 * only then the folder becomes the cache entry. 1 with dir filled, else 0 with err saying why in
 * lang (nothing is left behind). */
int pc_pkg_store(const json_t *msg, const char *want_hash, int lang, char *dir, size_t len, char *err, size_t errlen);

#endif
