/* limits.c -- what a client may do: message rate (token bucket per connection), names */
#include <string.h>
#include "server.h"

uint64_t srv_now_ms(srv_t *s)
{
    return uv_now(s->loop);
}

int srv_rate_ok(conn_t *c)
{
    uint64_t now = srv_now_ms(c->srv);
    if (now > c->refill_ms) {
        c->tokens += (double)(now - c->refill_ms) * c->srv->o.rate / 1000.0;
        if (c->tokens > c->srv->o.burst)
            c->tokens = c->srv->o.burst;
        c->refill_ms = now;
    }
    if (c->tokens < 1.0)
        return 0;
    c->tokens -= 1.0;
    return 1;
}

int srv_valid_name(const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n == 0 || n > max)
        return 0;
    for (size_t i = 0; i < n; i++) /* jansson already guarantees valid UTF-8 */
        if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
            return 0;
    return 1;
}
