/* standin.c -- a team whose every device is gone does not block its table: after a while a bot plays its seat,
 * until one of its devices is back; the facilitator may give a seat to a bot, or keep it for its team, at will */
#include <stdio.h>
#include <string.h>
#include "server.h"

uint8_t srv_table_bots(const table_t *t)
{
    uint8_t forced = 0;
    for (int i = 0; i < t->n_seats; i++)
        if (t->seat_mode[i] == SRV_SEAT_BOT)
            forced |= (uint8_t)(1u << i);
    return (uint8_t)(t->bot_mask | t->standin_mask | forced);
}

static void on_standin_timer(uv_timer_t *h)
{
    srv_standins_check(h->data);
}

void srv_standins_check(srv_t *s)
{
    uint64_t now = srv_now_ms(s), next = 0;
    for (uint32_t id = 1; id <= s->n_tables; id++) {
        table_t *t = s->tables[id];
        if (!t || !t->standin_s || t->st.wait == PL_WAIT_OVER)
            continue;
        int changed = 0;
        for (int seat = 0; seat < t->n_seats; seat++) {
            if (!t->away_since_ms[seat] || ((t->standin_mask >> seat) & 1u) || t->seat_mode[seat] != SRV_SEAT_AUTO)
                continue;
            uint64_t due = t->away_since_ms[seat] + (uint64_t)t->standin_s * 1000;
            if (due <= now) {
                t->standin_mask |= (uint8_t)(1u << seat);
                changed = 1;
                srv_log("table %u: seat %d away for %u s: a bot plays it until its team is back", t->id, seat,
                        t->standin_s);
            } else if (!next || due < next) {
                next = due;
            }
        }
        if (changed) {
            srv_table_changed(t);
            srv_table_after_moves(t);
        }
    }
    if (!s->standin_timer.data) { /* first use */
        uv_timer_init(s->loop, &s->standin_timer);
        s->standin_timer.data = s;
    }
    uv_timer_stop(&s->standin_timer);
    if (next)
        uv_timer_start(&s->standin_timer, on_standin_timer, next - now, 0);
}

void srv_seat_presence(table_t *t, int seat)
{
    if (seat < 0 || seat >= t->n_seats || !((t->taken_mask >> seat) & 1u))
        return;
    srv_t *s = t->timer.loop->data;
    if (srv_seat_devices(t, seat) > 0) {
        t->away_since_ms[seat] = 0;
        if ((t->standin_mask >> seat) & 1u) { /* the team is back: its seat is its own again */
            t->standin_mask &= (uint8_t)~(1u << seat);
            srv_log("table %u: seat %d is back; its stand-in stops", t->id, seat);
            srv_table_changed(t);
            srv_clock_update(t);
        }
        return;
    }
    if (!t->away_since_ms[seat])
        t->away_since_ms[seat] = srv_now_ms(s);
    if (t->standin_s)
        srv_standins_check(s);
}

int srv_seat_set_mode(table_t *t, int seat, int mode, char *err, size_t errlen)
{
    srv_t *s = t->timer.loop->data;
    char key[32];
    snprintf(key, sizeof key, "seat_mode_%d", seat);
    if (store_set_table_opt(s->store, t->id, key, mode) != 0) {
        snprintf(err, errlen, "the seat's mode could not be recorded; try again");
        return -1;
    }
    t->seat_mode[seat] = (uint8_t)mode;
    if (mode != SRV_SEAT_AUTO)
        t->standin_mask &= (uint8_t)~(1u << seat); /* a bot for good, or the team's for good */
    srv_table_changed(t);
    srv_table_after_moves(t);
    srv_standins_check(s);
    return 0;
}
