/* fuzz_proto.c -- fuzz target for engine/proto: frames, messages, moves, events and views from hostile bytes.
 * Built with libFuzzer it is LLVMFuzzerTestOneInput; built alone, main() mutates seed inputs at random:
 *   fuzz_proto [iterations]   (default 20000; the smoke run of make check) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "proto/proto.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static pl_state_t st;
    proto_reader_t r;
    proto_reader_init(&r, 4096);
    /* feed in two chunks, split by the first byte */
    size_t cut = size ? data[0] % (size + 1) : 0;
    proto_reader_feed(&r, data, cut);
    for (int pass = 0; pass < 2; pass++) {
        const uint8_t *p;
        size_t n;
        while (proto_reader_next(&r, &p, &n) == PROTO_FRAME) {
            const char *code;
            char err[PROTO_ERR_LEN];
            /* what the scanner takes as a view, the tree decoder takes too, with the same result */
            static pl_state_t sa, sb;
            proto_scan_t sc = { (const char *)p, (const char *)p + n };
            memset(&sa, 0, sizeof sa);
            if (proto_view_apply_scan(&sa, &sc) && proto_scan_done(&sc)) {
                json_t *j = json_loadb((const char *)p, n, JSON_REJECT_DUPLICATES, NULL);
                if (!j || !proto_view_decode(&sb, j, err, sizeof err) || memcmp(&sa, &sb, sizeof sa) != 0)
                    abort();
                json_decref(j);
            }
            json_t *m = proto_parse(p, n, &code, err, sizeof err);
            if (!m)
                continue;
            pl_move_t mv;
            pl_event_t ev = { 0 };
            proto_move_decode(json_object_get(m, "move"), &mv, err, sizeof err);
            proto_event_decode(json_object_get(m, "event"), &ev, err, sizeof err);
            json_t *view = json_object_get(m, "view");
            if (view && proto_view_apply(&st, view, err, sizeof err)) {
                json_t *again = proto_view_encode(&st);
                json_decref(again);
                size_t tl;
                free(proto_view_diff_text(NULL, &st, &tl));
            }
            char text[80];
            proto_event_text(&ev, text, sizeof text);
            size_t len;
            free(proto_frame(m, PROTO_MAX_FRAME_S2C, &len));
            json_decref(m);
        }
        if (pass == 0)
            proto_reader_feed(&r, data + cut, size - cut);
    }
    proto_reader_free(&r);
    return 0;
}

#ifndef FUZZ_LIBFUZZER
static const char *seeds[] = {
    "{\"type\":\"move\",\"id\":3,\"table\":1,\"move\":{\"type\":\"play\",\"arg\":4}}",
    "{\"type\":\"update\",\"view\":{\"seq\":3,\"where\":{\"len\":4,\"set\":[[1,255]]},\"seat\":[[[1,2],[0],3,0,0,1,0,65535,[7],2]]}}",
    "{\"type\":\"x\",\"event\":[\"drew\",1,65535,0,0,0]}",
    "{\"seq\":3,\"where\":{\"len\":4,\"set\":[[1,255]]},\"seat\":[[[1,-2],[0],3,0,0,1,0,65535,[7],2]]}",
    "{\"pending\":[2,0,3,9,7,1,0,0,[255,255],[1,2]],\"stack\":[[1,2,0,0,5,1]],\"rng\":[\"00000000000000ff\"]}",
    "{\"type\":\"snapshot\",\"view\":{\"pending\":[2,0,3,9,7,1,0,0,[255,255],[1,2]],\"stack\":[[1,2,0,0,5,1]]}}",
};

int main(int argc, char **argv)
{
    long iters = argc > 1 ? atol(argv[1]) : 20000;
    uint8_t buf[8192];
    srand(12345);
    for (long it = 0; it < iters; it++) {
        const char *s = seeds[it % (sizeof seeds / sizeof seeds[0])];
        size_t n = strlen(s);
        proto_put_header(buf, (uint32_t)n);
        memcpy(buf + 4, s, n);
        n += 4;
        int muts = 1 + rand() % 8;
        for (int k = 0; k < muts; k++) {
            size_t at = (size_t)rand() % n;
            switch (rand() % 4) {
            case 0: buf[at] = (uint8_t)rand(); break;                       /* flip a byte */
            case 1: if (n < sizeof buf - 1) { memmove(buf + at + 1, buf + at, n - at); buf[at] = "{}[],:\"0-9e"[rand() % 11]; n++; } break;
            case 2: if (n > 1) { memmove(buf + at, buf + at + 1, n - at - 1); n--; } break; /* drop */
            default: if (n * 2 < sizeof buf) { memcpy(buf + n, buf + 4, n - 4); n += n - 4; } break; /* repeat */
            }
        }
        LLVMFuzzerTestOneInput(buf, n);
    }
    printf("fuzz_proto: %ld inputs, no crash\n", iters);
    return 0;
}
#endif
