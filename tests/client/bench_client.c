/* bench_client.c -- client figures: time to first frame, steady frame cost, resident memory, CPU when idle */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>
#include <sys/resource.h>
#include <SDL.h>
#include "helpers.h"

static double now_ms(void)
{
    return (double)SDL_GetPerformanceCounter() * 1000.0 / (double)SDL_GetPerformanceFrequency();
}

static long rss_kib(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kib = -1;
    if (!f) return -1;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "VmRSS: %ld kB", &kib) == 1) break;
    fclose(f);
    return kib;
}

static double cpu_ms(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_utime.tv_sec * 1000.0 + ru.ru_utime.tv_usec / 1000.0 + ru.ru_stime.tv_sec * 1000.0 +
           ru.ru_stime.tv_usec / 1000.0;
}

static Uint32 quit_later(Uint32 interval, void *param)
{
    (void)param;
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_QUIT;
    SDL_PushEvent(&ev);
    return 0;
}

static void steady(int w, int h)
{
    pc_app_t *a = tc_app(TC_SHIPPED, w, h, 2);
    if (!a) return;
    pc_app_render(a);
    int n = 100;
    unsigned long renders = a->gfx.renders;
    double t0 = now_ms();
    for (int i = 0; i < n; i++) pc_app_render(a);
    double t1 = now_ms();
    printf("client: steady frame (table, %dx%d, software renderer): %.2f ms (%.0f fps); text lines rendered during "
           "them: %lu\n", w, h, (t1 - t0) / n, 1000.0 * n / (t1 - t0), a->gfx.renders - renders);
    pc_app_destroy(a);
}

/* the real loop on the table with nothing happening, for 10 s */
static void idle(pc_app_t *a)
{
    a->opt.bot_delay_ms = 450;
    unsigned long frames = a->frames;
    SDL_AddTimer(10000, quit_later, NULL);
    double c0 = cpu_ms(), w0 = now_ms();
    pc_app_run(a);
    double c1 = cpu_ms(), w1 = now_ms();
    printf("client: CPU over %.1f s idle on the table (video driver %s): %.1f ms (%.2f%%), frames drawn: %lu\n",
           (w1 - w0) / 1000.0, SDL_GetCurrentVideoDriver(), c1 - c0, 100.0 * (c1 - c0) / (w1 - w0),
           a->frames - frames);
}

int main(int argc, char **argv)
{
    (void)argc;
    int x11 = getenv("TC_BENCH_X11") != NULL;
    setenv("SDL_VIDEODRIVER", x11 ? "x11" : "dummy", 1);
    double t0 = now_ms();
    tc_sdl_up();
    double t1 = now_ms();
    pc_app_t *a = tc_app(TC_SHIPPED, 1280, 720, 2);
    if (!a) return 1;
    double t2 = now_ms();
    pc_app_render(a);
    double t3 = now_ms();
    printf("client: time to first frame (video driver %s): %.1f ms (SDL start %.1f ms, window + fonts + game "
           "load %.1f ms, first frame %.1f ms)\n", SDL_GetCurrentVideoDriver(), t3 - t0, t1 - t0, t2 - t1, t3 - t2);
    if (!x11)
        printf("client: resident memory with the full game loaded (%u cards, 1280x720): %ld KiB\n", a->rs->n_cards,
               rss_kib());
    idle(a);
    pc_app_destroy(a);
    if (!x11) {
        steady(1280, 720);
        steady(1920, 1080);
    }
    tc_sdl_down();
    /* SDL's dummy driver polls every millisecond while waiting; X11 really sleeps: measure the
     * idle loop again on a virtual X server when there is one */
    if (!x11 && access("/usr/bin/xvfb-run", X_OK) == 0) {
        fflush(stdout);
        setenv("TC_BENCH_X11", "1", 1);
        char cmd[1200];
        snprintf(cmd, sizeof cmd, "/usr/bin/xvfb-run -a '%s'", argv[0]);
        if (system(cmd) != 0) printf("client: (no X11 figures: xvfb-run failed)\n");
    }
    return 0;
}
