/* pkgsend.c -- a game package's files sent to a client whose copy is missing or of another version */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include "server.h"
#include "data/package.h"

/* get_package {"package": ID} -> {"type":"package","id","hash","files":[{"name","data"(base64)}]}; refused when larger than
 * SRV_PKG_MAX_SEND (the client has to install such a package itself) */
void srv_send_package(conn_t *c, json_t *msg, json_int_t re)
{
    const char *id = json_string_value(json_object_get(msg, "package"));
    const pkg_t *p = id ? srv_package(c->srv, id) : NULL;
    if (!p) {
        srv_send_error(c, re, PROTO_E_UNKNOWN_PACKAGE, "no such package; see list_packages");
        return;
    }
    if (p->size > (long)SRV_PKG_MAX_SEND) {
        srv_send_error(c, re, "package_too_large", "package %s is %ld bytes, more than the %u this server sends", p->id,
                       p->size, SRV_PKG_MAX_SEND);
        return;
    }
    char **names = NULL, err[300];
    size_t n = 0, total = 0;
    if (pl_package_files(p->dir, &names, &n, &total, err, sizeof err) != 0) {
        srv_send_error(c, re, PROTO_E_INTERNAL, "package %s cannot be read: %s", p->id, err);
        return;
    }
    json_t *files = json_array();
    int ok = total <= SRV_PKG_MAX_SEND;
    for (size_t i = 0; i < n && ok; i++) {
        char path[1400];
        snprintf(path, sizeof path, "%s/%s", p->dir, names[i]);
        FILE *f = fopen(path, "rb");
        unsigned char *bin = NULL;
        long size = -1;
        if (f && fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
            (size_t)size <= SRV_PKG_MAX_SEND && (bin = malloc((size_t)size + 1)) &&
            fread(bin, 1, (size_t)size, f) == (size_t)size) {
            size_t b64len = sodium_base64_ENCODED_LEN((size_t)size, sodium_base64_VARIANT_ORIGINAL);
            char *b64 = malloc(b64len);
            if (b64) {
                sodium_bin2base64(b64, b64len, bin, (size_t)size, sodium_base64_VARIANT_ORIGINAL);
                json_array_append_new(files, json_pack("{s:s,s:s}", "name", names[i], "data", b64));
                free(b64);
            } else {
                ok = 0;
            }
        } else {
            ok = 0;
        }
        free(bin);
        if (f)
            fclose(f);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    if (!ok) {
        json_decref(files);
        srv_send_error(c, re, PROTO_E_INTERNAL, "package %s cannot be read now", p->id);
        return;
    }
    json_t *o = proto_msg("package", re);
    json_object_set_new(o, "id", json_string(p->id));
    json_object_set_new(o, "hash", json_string(p->hash));
    json_object_set_new(o, "files", files);
    srv_log("conn %llu: package %s sent (%zu files, %zu bytes)", (unsigned long long)c->id, p->id, n, total);
    srv_send(c, o);
}
