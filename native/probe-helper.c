/*
 * maglev-probe-helper: runs plain HTTP and TCP probes for the TypeScript checker on one thread with epoll.
 *
 * The checker (src/core/prober/native-prober.ts) decides what to probe and when, and what a result means;
 * this process only does the socket work, so one probe costs no JavaScript objects. It reads frames on
 * stdin and writes frames on stdout, all integers little-endian (docs/prober.md has the table):
 *
 *   in  'D' u32 tid, u8 kind (0 tcp, 1 http), u8 family (4|6), u16 port,
 *           u8 len + address, u8 len + source address (0 = none), u32 len + request bytes
 *   in  'P' u32 id, u32 tid, u32 timeout_ms        start a probe of target tid
 *   in  'C' u32 id                                  cancel (close the socket, no answer)
 *   in  'F' u32 tid                                 forget a target
 *   out 'V' u32 protocol version                    once, at start
 *   out 'R' u32 id, u8 stage, u8 what, u32 duration_us, u16 len + bytes
 *
 * `stage` is how far the probe got (0 connecting, 2 reading the response); `what` is one of the W_* below.
 * An HTTP probe sends its request and reads until the end of the status line, which it hands back; a TCP
 * probe ends once connected. Every socket is closed with RST (SO_LINGER 0) so no TIME_WAIT stays behind.
 * The process exits when stdin closes or its parent dies.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define PROTOCOL_VERSION 1
#define MAX_HEAD 16384 /* a status line longer than this is malformed (http-response.ts MAX_HEAD) */
#define INLINE_HEAD 256

enum { W_CONNECTED = 0, W_STATUS = 1, W_ERRNO = 2, W_TIMEOUT = 3, W_CLOSED_EMPTY = 4, W_CLOSED_PARTIAL = 5, W_TOO_LONG = 6 };
enum { ST_CONNECTING = 0, ST_READING = 2 };

struct target {
    int used, kind, family;
    struct sockaddr_storage addr, src;
    socklen_t addr_len, src_len;
    int has_src;
    char *req;
    uint32_t req_len;
};

struct probe {
    uint32_t id, tid, gen;
    int fd, stage, used;
    uint32_t sent;
    uint64_t t0, deadline;
    uint32_t head_len;
    /* The status line: in inline_head, or in big_head (MAX_HEAD + 1 bytes) once it outgrows it. Never a
     * pointer into P itself: P moves when it grows (a realloc with probes in flight). */
    char *big_head;
    char inline_head[INLINE_HEAD];
    int32_t next_free, next_hash;
};

struct tmo { uint64_t at; uint32_t slot, gen; };

static struct target *T; static uint32_t t_cap;
static struct probe *P; static uint32_t p_cap; static int32_t p_free = -1;
static int32_t *buckets; static uint32_t b_mask;
static struct tmo *heap; static uint32_t h_n, h_cap;
static int ep;
static char *out; static size_t out_len, out_cap; static int out_blocked;
static char *in; static size_t in_len, in_cap;

static void die(const char *what) { perror(what); exit(3); }
static void *xrealloc(void *p, size_t n) { void *q = realloc(p, n); if (!q) die("realloc"); return q; }

static uint64_t now_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

static uint32_t rd32(const unsigned char *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }
static uint16_t rd16(const unsigned char *p) { return (uint16_t)(p[0] | p[1] << 8); }

static void out_reserve(size_t n) {
    if (out_len + n <= out_cap) return;
    while (out_len + n > out_cap) out_cap = out_cap ? out_cap * 2 : 65536;
    out = xrealloc(out, out_cap);
}
static void out32(uint32_t v) { out_reserve(4); for (int i = 0; i < 4; i++) out[out_len++] = (char)(v >> (8 * i)); }

/* ---- timeouts: a min-heap with lazy deletion (an entry is stale once its probe's generation moved on) ---- */

static void heap_push(struct tmo e) {
    if (h_n == h_cap) { h_cap = h_cap ? h_cap * 2 : 1024; heap = xrealloc(heap, h_cap * sizeof *heap); }
    uint32_t k = h_n++;
    heap[k] = e;
    while (k) {
        uint32_t p = (k - 1) / 2;
        if (heap[p].at <= heap[k].at) break;
        struct tmo t = heap[p]; heap[p] = heap[k]; heap[k] = t; k = p;
    }
}

static void heap_pop(void) {
    heap[0] = heap[--h_n];
    uint32_t k = 0;
    for (;;) {
        uint32_t l = 2 * k + 1, r = l + 1, m = k;
        if (l < h_n && heap[l].at < heap[m].at) m = l;
        if (r < h_n && heap[r].at < heap[m].at) m = r;
        if (m == k) break;
        struct tmo t = heap[m]; heap[m] = heap[k]; heap[k] = t; k = m;
    }
}

/* ---- probe slots: a free list, and a chained hash from probe id to slot (for cancel) ---- */

static void hash_grow(void) {
    uint32_t n = (b_mask + 1) * 2;
    if (n < 1024) n = 1024;
    free(buckets);
    buckets = malloc(n * sizeof *buckets);
    if (!buckets) die("malloc");
    for (uint32_t i = 0; i < n; i++) buckets[i] = -1;
    b_mask = n - 1;
    for (uint32_t s = 0; s < p_cap; s++) {
        if (!P[s].used) continue;
        uint32_t b = P[s].id & b_mask;
        P[s].next_hash = buckets[b];
        buckets[b] = (int32_t)s;
    }
}

static uint32_t slot_alloc(uint32_t id) {
    if (p_free < 0) {
        uint32_t old = p_cap;
        p_cap = p_cap ? p_cap * 2 : 1024;
        P = xrealloc(P, p_cap * sizeof *P);
        for (uint32_t s = p_cap; s-- > old;) {
            memset(&P[s], 0, sizeof P[s]);
            P[s].next_free = p_free;
            p_free = (int32_t)s;
        }
        hash_grow(); /* rebuild: P moved, and keep the load factor ≤ 1 */
    }
    uint32_t s = (uint32_t)p_free;
    struct probe *p = &P[s];
    p_free = p->next_free;
    uint32_t gen = p->gen + 1;
    memset(p, 0, sizeof *p);
    p->gen = gen;
    p->used = 1;
    p->id = id;
    p->fd = -1;
    uint32_t b = id & b_mask;
    p->next_hash = buckets[b];
    buckets[b] = (int32_t)s;
    return s;
}

static int32_t slot_find(uint32_t id) {
    for (int32_t s = buckets[id & b_mask]; s >= 0; s = P[s].next_hash)
        if (P[s].id == id) return s;
    return -1;
}

static void slot_free(uint32_t s) {
    struct probe *p = &P[s];
    int32_t *link = &buckets[p->id & b_mask];
    while (*link >= 0 && *link != (int32_t)s) link = &P[*link].next_hash;
    if (*link == (int32_t)s) *link = p->next_hash;
    if (p->fd >= 0) {
        struct linger lg = { 1, 0 };
        setsockopt(p->fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
        close(p->fd); /* close also removes it from the epoll set */
    }
    free(p->big_head);
    p->big_head = NULL;
    p->used = 0;
    p->gen++;
    p->fd = -1;
    p->next_free = p_free;
    p_free = (int32_t)s;
}

/* ---- results ---- */

static void finish(uint32_t s, int what, const char *bytes, uint32_t len) {
    struct probe *p = &P[s];
    if (len > 65535) len = 65535;
    out_reserve(1 + 4 + 2 + 4 + 2 + len);
    out[out_len++] = 'R';
    out32(p->id);
    out[out_len++] = (char)p->stage;
    out[out_len++] = (char)what;
    out32((uint32_t)(now_us() - p->t0));
    out[out_len++] = (char)(len & 0xff);
    out[out_len++] = (char)(len >> 8);
    memcpy(out + out_len, bytes, len);
    out_len += len;
    slot_free(s);
}

static void finish_errno(uint32_t s, int err) {
    const char *name = strerrorname_np(err);
    char buf[32];
    if (!name) { snprintf(buf, sizeof buf, "E%d", err); name = buf; }
    finish(s, W_ERRNO, name, (uint32_t)strlen(name));
}

/* ---- probing ---- */

static void want(uint32_t s, uint32_t events, int op) {
    struct epoll_event ev = { .events = events, .data.u64 = (uint64_t)s << 32 | P[s].gen };
    if (epoll_ctl(ep, op, P[s].fd, &ev) < 0) finish_errno(s, errno);
}

static void send_request(uint32_t s) {
    struct probe *p = &P[s];
    struct target *t = &T[p->tid];
    while (p->sent < t->req_len) {
        ssize_t n = send(p->fd, t->req + p->sent, t->req_len - p->sent, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && errno == EAGAIN) { want(s, EPOLLOUT, EPOLL_CTL_MOD); return; }
        if (n < 0) { finish_errno(s, errno); return; }
        p->sent += (uint32_t)n;
    }
    want(s, EPOLLIN, EPOLL_CTL_MOD);
}

static void connected(uint32_t s) {
    struct probe *p = &P[s];
    p->stage = ST_READING;
    if (T[p->tid].kind == 0) { finish(s, W_CONNECTED, "", 0); return; }
    send_request(s);
}

static void start_probe(uint32_t id, uint32_t tid, uint32_t timeout_ms) {
    uint32_t s = slot_alloc(id);
    struct probe *p = &P[s];
    p->tid = tid;
    p->t0 = now_us();
    p->deadline = p->t0 + (uint64_t)timeout_ms * 1000u;
    heap_push((struct tmo){ p->deadline, s, p->gen });
    struct target *t = tid < t_cap ? &T[tid] : NULL;
    if (!t || !t->used) { finish_errno(s, EINVAL); return; }
    int fd = socket(t->family == 6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) { finish_errno(s, errno); return; }
    p->fd = fd;
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (t->has_src) {
        /* the port is chosen at connect time, so many probes can share one source address */
        setsockopt(fd, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &one, sizeof one);
        if (bind(fd, (struct sockaddr *)&t->src, t->src_len) < 0) { finish_errno(s, errno); return; }
    }
    if (connect(fd, (struct sockaddr *)&t->addr, t->addr_len) == 0) {
        uint32_t gen = p->gen;
        want(s, EPOLLIN, EPOLL_CTL_ADD);
        if (P[s].used && P[s].gen == gen) connected(s); /* want() may have finished it */
        return;
    }
    if (errno != EINPROGRESS) { finish_errno(s, errno); return; }
    want(s, EPOLLOUT, EPOLL_CTL_ADD);
}

/* The status line is complete at the first CRLF; `from` is where new bytes start. */
static int has_eol(const char *b, uint32_t len, uint32_t from, uint32_t *eol) {
    for (uint32_t i = from ? from - 1 : 0; i + 1 < len; i++)
        if (b[i] == '\r' && b[i + 1] == '\n') { *eol = i; return 1; }
    return 0;
}

static void readable(uint32_t s) {
    struct probe *p = &P[s];
    for (;;) {
        uint32_t cap = p->big_head ? MAX_HEAD + 1 : INLINE_HEAD;
        if (p->head_len == cap) {
            p->big_head = malloc(MAX_HEAD + 1);
            if (!p->big_head) die("malloc");
            memcpy(p->big_head, p->inline_head, p->head_len);
            cap = MAX_HEAD + 1;
        }
        char *head = p->big_head ? p->big_head : p->inline_head;
        ssize_t n = recv(p->fd, head + p->head_len, cap - p->head_len, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && errno == EAGAIN) return;
        if (n < 0) { finish_errno(s, errno); return; }
        if (n == 0) { finish(s, p->head_len ? W_CLOSED_PARTIAL : W_CLOSED_EMPTY, "", 0); return; }
        uint32_t from = p->head_len, eol;
        p->head_len += (uint32_t)n;
        if (has_eol(head, p->head_len, from, &eol)) { finish(s, W_STATUS, head, eol); return; }
        if (p->head_len > MAX_HEAD) { finish(s, W_TOO_LONG, "", 0); return; }
    }
}

static void on_socket(uint64_t data, uint32_t events) {
    uint32_t s = (uint32_t)(data >> 32), gen = (uint32_t)data;
    if (s >= p_cap || !P[s].used || P[s].gen != gen) return; /* a stale event of a finished probe */
    struct probe *p = &P[s];
    if (p->stage == ST_CONNECTING) {
        int err = 0;
        socklen_t el = sizeof err;
        getsockopt(p->fd, SOL_SOCKET, SO_ERROR, &err, &el);
        if (err) { finish_errno(s, err); return; }
        if (!(events & (EPOLLOUT | EPOLLIN | EPOLLHUP | EPOLLERR))) return;
        connected(s);
        return;
    }
    if (p->sent < T[p->tid].req_len) { send_request(s); return; }
    readable(s);
}

static void expire(uint64_t t) {
    while (h_n && heap[0].at <= t) {
        struct tmo e = heap[0];
        heap_pop();
        if (P[e.slot].used && P[e.slot].gen == e.gen) finish(e.slot, W_TIMEOUT, "", 0);
    }
}

/* ---- frames from the checker ---- */

static int parse_addr(const unsigned char *s, uint32_t len, struct sockaddr_storage *a, socklen_t *alen, int port) {
    char host[INET6_ADDRSTRLEN + 64];
    if (len == 0 || len >= sizeof host) return -1;
    memcpy(host, s, len);
    host[len] = 0;
    char portbuf[8];
    snprintf(portbuf, sizeof portbuf, "%d", port);
    struct addrinfo hints = { .ai_flags = AI_NUMERICHOST | AI_NUMERICSERV, .ai_socktype = SOCK_STREAM };
    struct addrinfo *res = NULL;
    if (getaddrinfo(host, portbuf, &hints, &res) != 0 || !res) return -1; /* numeric only: never DNS */
    memcpy(a, res->ai_addr, res->ai_addrlen);
    *alen = res->ai_addrlen;
    freeaddrinfo(res);
    return 0;
}

static void define_target(uint32_t tid, const unsigned char *f, uint32_t len) {
    /* f: kind, family, port(2), alen, addr, slen, src, rlen(4), req */
    if (len < 5) return;
    uint32_t alen = f[4], o = 5 + alen;
    if (o + 1 > len) return;
    uint32_t slen = f[o], r = o + 1 + slen;
    if (r + 4 > len) return;
    uint32_t rlen = rd32(f + r);
    if (r + 4 + rlen > len) return;
    if (tid >= t_cap) {
        uint32_t old = t_cap;
        t_cap = tid + 1 > t_cap * 2 ? tid + 1 : t_cap * 2;
        T = xrealloc(T, t_cap * sizeof *T);
        memset(T + old, 0, (t_cap - old) * sizeof *T);
    }
    struct target *t = &T[tid];
    free(t->req);
    memset(t, 0, sizeof *t);
    t->kind = f[0];
    t->family = f[1];
    if (parse_addr(f + 5, alen, &t->addr, &t->addr_len, rd16(f + 2)) < 0) return; /* stays unused: EINVAL */
    if (slen) {
        if (parse_addr(f + o + 1, slen, &t->src, &t->src_len, 0) < 0) return;
        t->has_src = 1;
    }
    t->req = malloc(rlen ? rlen : 1);
    if (!t->req) die("malloc");
    memcpy(t->req, f + r + 4, rlen);
    t->req_len = rlen;
    t->used = 1;
}

/* Returns the size of the complete frame at `f`, 0 when more bytes are needed, -1 when it is garbage. */
static long frame_size(const unsigned char *f, size_t len) {
    if (len < 1) return 0;
    switch (f[0]) {
    case 'P': return len >= 13 ? 13 : 0;
    case 'C': case 'F': return len >= 5 ? 5 : 0;
    case 'D': {
        if (len < 10) return 0;
        size_t o = 10 + f[9];
        if (len < o + 1) return 0;
        size_t r = o + 1 + f[o];
        if (len < r + 4) return 0;
        size_t total = r + 4 + rd32(f + r);
        return len >= total ? (long)total : 0;
    }
    default: return -1;
    }
}

static void on_input(void) {
    for (;;) {
        if (in_cap - in_len < 65536) { in_cap = in_cap ? in_cap * 2 : 262144; in = xrealloc(in, in_cap); }
        ssize_t n = read(0, in + in_len, in_cap - in_len);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && errno == EAGAIN) break;
        if (n <= 0) exit(0); /* the checker is gone */
        in_len += (size_t)n;
    }
    size_t o = 0;
    for (;;) {
        const unsigned char *f = (const unsigned char *)in + o;
        long size = frame_size(f, in_len - o);
        if (size < 0) { fprintf(stderr, "maglev-probe-helper: bad frame type 0x%02x\n", f[0]); exit(4); }
        if (size == 0) break;
        if (f[0] == 'P') start_probe(rd32(f + 1), rd32(f + 5), rd32(f + 9));
        else if (f[0] == 'C') { int32_t s = slot_find(rd32(f + 1)); if (s >= 0) slot_free((uint32_t)s); }
        else if (f[0] == 'F') { uint32_t tid = rd32(f + 1); if (tid < t_cap) { free(T[tid].req); memset(&T[tid], 0, sizeof T[tid]); } }
        else define_target(rd32(f + 1), f + 5, (uint32_t)size - 5);
        o += (size_t)size;
    }
    memmove(in, in + o, in_len - o);
    in_len -= o;
}

static void flush_output(void) {
    size_t o = 0;
    while (o < out_len) {
        ssize_t n = write(1, out + o, out_len - o);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && errno == EAGAIN) break;
        if (n < 0) exit(0); /* the checker is gone */
        o += (size_t)n;
    }
    memmove(out, out + o, out_len - o);
    out_len -= o;
    int blocked = out_len > 0;
    if (blocked != out_blocked) {
        struct epoll_event ev = { .events = blocked ? EPOLLOUT : 0, .data.u64 = UINT64_MAX - 1 };
        epoll_ctl(ep, blocked ? EPOLL_CTL_ADD : EPOLL_CTL_DEL, 1, &ev);
        out_blocked = blocked;
    }
}

int main(void) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    signal(SIGPIPE, SIG_IGN);
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0) { rl.rlim_cur = rl.rlim_max; setrlimit(RLIMIT_NOFILE, &rl); }
    ep = epoll_create1(EPOLL_CLOEXEC);
    if (ep < 0) die("epoll_create1");
    hash_grow();
    for (int fd = 0; fd <= 1; fd++) {
        int fl = fcntl(fd, F_GETFL);
        fcntl(fd, F_SETFL, fl | O_NONBLOCK);
    }
    struct epoll_event ev = { .events = EPOLLIN, .data.u64 = UINT64_MAX };
    if (epoll_ctl(ep, EPOLL_CTL_ADD, 0, &ev) < 0) die("epoll_ctl stdin");
    out_reserve(5);
    out[out_len++] = 'V';
    out32(PROTOCOL_VERSION);
    flush_output();
    struct epoll_event evs[1024];
    for (;;) {
        int wait_ms = -1;
        if (h_n) {
            uint64_t t = now_us();
            wait_ms = heap[0].at > t ? (int)((heap[0].at - t + 999) / 1000) : 0;
        }
        int n = epoll_wait(ep, evs, 1024, wait_ms);
        if (n < 0 && errno != EINTR) die("epoll_wait");
        for (int k = 0; k < n; k++) {
            if (evs[k].data.u64 == UINT64_MAX) on_input();
            else if (evs[k].data.u64 != UINT64_MAX - 1) on_socket(evs[k].data.u64, evs[k].events);
        }
        expire(now_us());
        flush_output();
    }
}
