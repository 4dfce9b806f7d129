/* lan.h -- LAN discovery: a UDP probe to port 7878 (broadcast and loopback), answers listed in the lobby */
#ifndef PC_LAN_H
#define PC_LAN_H

struct pc_app;

#define PC_LAN_MAX 16

typedef struct {
    char name[64], addr[80];
    int tables;
} pc_lan_server_t;

/* Send the probe; answers come in for 2.5 s and are read by pc_lan_poll. */
void pc_lan_probe(struct pc_app *a);
/* Read answers; ms until it needs to run again (-1: done). */
int pc_lan_poll(struct pc_app *a);
int pc_lan_servers(const struct pc_app *a, const pc_lan_server_t **out);
int pc_lan_searching(const struct pc_app *a);
void pc_lan_close(struct pc_app *a);

#endif
