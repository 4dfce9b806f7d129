/* conn_console.c -- the facilitator's side of a connection: login with the secret, commands over tables, the
 * facilitator's view of a table, team codes; answers come back as connection events */
#include <stdio.h>
#include <string.h>
#include "proto/proto.h"
#include "text/text.h"
#include "client/conn_internal.h"

int pc_conn_login(pc_conn_t *c, const char *secret)
{
    if (!c || c->state != PC_NET_READY || !secret)
        return 0;
    json_t *m = proto_msg("facilitator", -1);
    json_object_set_new(m, "secret", json_string(secret));
    c->login_id = pc_conn__send(c, m);
    return c->login_id > 0;
}

int pc_conn_is_facilitator(const pc_conn_t *c)
{
    return c && c->facilitator;
}

int pc_conn_command(pc_conn_t *c, const char *name, json_t *fields)
{
    if (!c || c->state != PC_NET_READY) {
        json_decref(fields);
        return 0;
    }
    json_t *m = proto_msg(name, -1);
    if (fields) {
        json_object_update(m, fields);
        json_decref(fields);
    }
    long id = pc_conn__send(c, m);
    if (id <= 0)
        return 0;
    if (c->n_cmds == (int)(sizeof c->cmd_ids / sizeof c->cmd_ids[0])) { /* the oldest is forgotten */
        memmove(c->cmd_ids, c->cmd_ids + 1, sizeof c->cmd_ids - sizeof c->cmd_ids[0]);
        memmove(c->cmd_names, c->cmd_names + 1, sizeof c->cmd_names - sizeof c->cmd_names[0]);
        c->n_cmds--;
    }
    c->cmd_ids[c->n_cmds] = id;
    snprintf(c->cmd_names[c->n_cmds], sizeof c->cmd_names[0], "%s", name);
    c->n_cmds++;
    return 1;
}

int pc_conn_watch_facilitator(pc_conn_t *c, int table)
{
    if (!c || !c->facilitator)
        return 0;
    return pc_conn__watch(c, table, 1);
}

const char *pc_conn_seat_code(const pc_conn_t *c, int table, int seat)
{
    if (!c || table != c->codes_table || seat < 0 || seat >= PL_MAX_SEATS)
        return "";
    return c->codes[seat];
}

/* the words for a refusal of one of the facilitator's commands */
static void refusal(pc_conn_t *c, const json_t *m, char *out, size_t len)
{
    const char *code = json_string_value(json_object_get(m, "code"));
    const char *msg = json_string_value(json_object_get(m, "message"));
    if (code && !strcmp(code, PROTO_E_FORBIDDEN))
        snprintf(out, len, "%s", pt_tr(c->lang, "The server refused: the facilitator's secret is wrong, or you are "
                                                "not logged in as the facilitator."));
    else if (code && !strcmp(code, PROTO_E_UNKNOWN_TABLE))
        snprintf(out, len, "%s", pt_tr(c->lang, "That table no longer exists."));
    else if (code && !strcmp(code, PROTO_E_LIMIT))
        snprintf(out, len, "%s", pt_tr(c->lang, "Too many wrong secrets: the server closed the connection."));
    else
        snprintf(out, len, pt_tr(c->lang, "The server refused: %s"), msg ? msg : code ? code : "?");
}

int pc_conn__console_answer(pc_conn_t *c, const json_t *m, long re)
{
    const char *type = proto_type(m);
    int ok = !strcmp(type, "ok"), err = !strcmp(type, "error");
    if ((!ok && !err) || re <= 0)
        return 0;
    char text[300];
    if (re == c->login_id) {
        c->login_id = 0;
        if (ok) {
            c->facilitator = 1;
            if (c->watching && c->watch_as_facilitator && c->table > 0) /* back after a drop: the same table again */
                pc_conn__watch(c, c->table, 1);
            pc_conn__emit(c, PC_CE_LOGIN, NULL);
        } else {
            refusal(c, m, text, sizeof text);
            pc_conn__emit(c, PC_CE_ERROR, text);
        }
        return 1;
    }
    for (int i = 0; i < c->n_cmds; i++) {
        if (c->cmd_ids[i] != re)
            continue;
        char name[24];
        snprintf(name, sizeof name, "%s", c->cmd_names[i]);
        memmove(c->cmd_ids + i, c->cmd_ids + i + 1, (size_t)(c->n_cmds - i - 1) * sizeof c->cmd_ids[0]);
        memmove(c->cmd_names + i, c->cmd_names + i + 1, (size_t)(c->n_cmds - i - 1) * sizeof c->cmd_names[0]);
        c->n_cmds--;
        if (err) {
            refusal(c, m, text, sizeof text);
            pc_conn__emit(c, PC_CE_ERROR, text);
            return 1;
        }
        json_t *codes = json_object_get(m, "codes");
        if (json_is_array(codes)) {
            memset(c->codes, 0, sizeof c->codes);
            c->codes_table = (int)json_integer_value(json_object_get(m, "table"));
            for (size_t k = 0; k < json_array_size(codes) && k < PL_MAX_SEATS; k++) {
                const char *code = json_string_value(json_array_get(codes, k));
                snprintf(c->codes[k], sizeof c->codes[k], "%s", code ? code : "");
            }
        }
        json_t *refused = json_object_get(m, "refused");
        if (json_array_size(refused) > 0) { /* some tables could not take it: say which and why */
            json_t *r0 = json_array_get(refused, 0);
            snprintf(text, sizeof text, pt_tr(c->lang, "Table %d refused: %s"),
                     (int)json_integer_value(json_object_get(r0, "table")),
                     json_string_value(json_object_get(r0, "message")));
            pc_conn__emit(c, PC_CE_ERROR, text);
        }
        pc_conn__emit(c, PC_CE_DONE, name);
        return 1;
    }
    return 0;
}
