/*
 * pool.c — crash isolation: the tests run in forked worker processes.
 *
 * Each worker has a task pipe (the parent writes one 32-bit test index at a
 * time) and a result pipe (the worker answers with a record: index, status,
 * message length, message).  A worker holds at most one test, so when its
 * result pipe reaches end of file the parent knows which test killed it:
 * that test fails with "crash: signal N" (or the exit status a sanitizer
 * chose) plus the telling line of the worker's stderr, and a new worker takes
 * its place.  A worker that overruns the per-test time by far (the engine
 * stopped polling the interrupt) is killed the same way.  Workers are also
 * replaced after cfg->recycle tests so that a leak cannot grow without bound.
 *
 * Invariant: a worker's stdout and stderr go to a private unlinked file,
 * emptied before every test, so the parent's output stays the report and a
 * crash report can be quoted.
 */
#include "t262.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

/* Address and thread sanitizers reserve terabytes of address space, so
 * RLIMIT_AS cannot be used under them. */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define T262_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define T262_SANITIZED 1
#endif
#endif
#ifndef T262_SANITIZED
#define T262_SANITIZED 0
#endif

typedef struct worker {
    pid_t pid;     /* 0: no process */
    int task_fd;   /* parent's write end */
    int result_fd; /* parent's read end */
    int out_fd;    /* the worker's stdout/stderr file */
    long current;  /* test index being run; -1: idle */
    double started;
    int done; /* tests finished by this process */
} worker;

typedef struct record_header {
    uint32_t index;
    uint32_t status;
    uint32_t len;
} record_header;

static bool read_full(int fd, void *buf, size_t n) {
    char *p = buf;
    while (n) {
        ssize_t r = read(fd, p, n);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return false;
        p += r;
        n -= (size_t)r;
    }
    return true;
}

static bool write_full(int fd, const void *buf, size_t n) {
    const char *p = buf;
    while (n) {
        ssize_t r = write(fd, p, n);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return false;
        p += r;
        n -= (size_t)r;
    }
    return true;
}

/* ---- Worker side ------------------------------------------------------------ */

static void limit_resources(const t262_config *cfg) {
    struct rlimit none = {0, 0};
    setrlimit(RLIMIT_CORE, &none); /* a crash must not leave core files */
    if (cfg->rlimit_as && !T262_SANITIZED) {
        struct rlimit as = {cfg->rlimit_as, cfg->rlimit_as};
        setrlimit(RLIMIT_AS, &as);
    }
}

static void worker_main(const t262_config *cfg, const t262_list *tests, int task_fd, int result_fd,
                        int out_fd) {
    dup2(out_fd, STDOUT_FILENO);
    dup2(out_fd, STDERR_FILENO);
    close(out_fd);
    signal(SIGPIPE, SIG_DFL);
    limit_resources(cfg);
    uint32_t index;
    t262_buf msg = {0};
    while (read_full(task_fd, &index, sizeof index)) {
        if (ftruncate(STDERR_FILENO, 0) != 0) {
            /* Not fatal: only the crash excerpt may then show older text. */
        }
        msg.len = 0;
        t262_status st =
            index < tests->len ? t262_exec_test(cfg, tests->items[index], &msg) : T262_FAIL;
        record_header h = {index, (uint32_t)st, (uint32_t)msg.len};
        if (!write_full(result_fd, &h, sizeof h) ||
            (msg.len && !write_full(result_fd, msg.data, msg.len)))
            break;
    }
    _exit(0);
}

/* ---- Parent side ------------------------------------------------------------ */

static void close_fd(int *fd) {
    if (*fd >= 0) close(*fd);
    *fd = -1;
}

static bool spawn(const t262_config *cfg, const t262_list *tests, worker *all, size_t n,
                  worker *w) {
    int task[2], result[2];
    /* An unlinked temporary file: it disappears with its last descriptor. */
    FILE *tmp = tmpfile();
    if (!tmp) return false;
    int out_fd = dup(fileno(tmp));
    fclose(tmp);
    if (out_fd < 0) return false;
    fcntl(out_fd, F_SETFL, O_APPEND);
    if (pipe(task) != 0) {
        close(out_fd);
        return false;
    }
    if (pipe(result) != 0) {
        close(out_fd);
        close(task[0]);
        close(task[1]);
        return false;
    }
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        close(out_fd);
        close(task[0]);
        close(task[1]);
        close(result[0]);
        close(result[1]);
        return false;
    }
    if (pid == 0) {
        /* The other workers' pipes must not stay open here, or their end of
         * file would never be seen when they die. */
        for (size_t i = 0; i < n; i++) {
            close_fd(&all[i].task_fd);
            close_fd(&all[i].result_fd);
            close_fd(&all[i].out_fd);
        }
        close(task[1]);
        close(result[0]);
        worker_main(cfg, tests, task[0], result[1], out_fd);
    }
    close(task[0]);
    close(result[1]);
    *w = (worker){
        .pid = pid, .task_fd = task[1], .result_fd = result[0], .out_fd = out_fd, .current = -1};
    return true;
}

/* Ends a worker that has no test: end of file on its task pipe. */
static void retire(worker *w) {
    close_fd(&w->task_fd);
    close_fd(&w->result_fd);
    close_fd(&w->out_fd);
    if (w->pid > 0) waitpid(w->pid, NULL, 0);
    w->pid = 0;
}

/* The most telling line of a crashed worker's output: a sanitizer summary,
 * an error or assertion line, else the last line. */
static void append_crash_excerpt(int fd, t262_buf *msg) {
    char text[65536];
    ssize_t n = pread(fd, text, sizeof text - 1, 0);
    if (n <= 0) return;
    text[n] = '\0';
    static const char *const marks[] = {"SUMMARY:", "ERROR:", "runtime error:", "Assertion",
                                        "assert"};
    const char *line = NULL;
    for (size_t i = 0; i < sizeof marks / sizeof marks[0] && !line; i++) {
        const char *hit = strstr(text, marks[i]);
        if (hit) {
            line = hit;
            while (line > text && line[-1] != '\n')
                line--;
        }
    }
    if (!line) {
        size_t end = (size_t)n;
        while (end && (text[end - 1] == '\n' || text[end - 1] == ' '))
            end--;
        text[end] = '\0';
        const char *nl = strrchr(text, '\n');
        line = nl ? nl + 1 : text;
    }
    const char *eol = strchr(line, '\n');
    size_t len = eol ? (size_t)(eol - line) : strlen(line);
    if (len > 300) len = 300;
    if (len) {
        t262_buf_puts(msg, ": ");
        t262_buf_append(msg, line, len);
    }
}

/* The worker's test failed because the worker died or was killed. */
static void bury(worker *w, const char *killed_reason, t262_result_fn on_result, void *opaque) {
    int status = 0;
    close_fd(&w->task_fd);
    close_fd(&w->result_fd);
    if (waitpid(w->pid, &status, 0) < 0) status = 0;
    w->pid = 0;
    t262_buf msg = {0};
    if (killed_reason)
        t262_buf_puts(&msg, killed_reason);
    else if (WIFSIGNALED(status))
        t262_buf_printf(&msg, "crash: signal %d (%s)", WTERMSIG(status),
                        strsignal(WTERMSIG(status)));
    else if (WIFEXITED(status))
        t262_buf_printf(&msg, "crash: worker exited with status %d", WEXITSTATUS(status));
    else
        t262_buf_puts(&msg, "crash: worker lost");
    if (!killed_reason) append_crash_excerpt(w->out_fd, &msg);
    close_fd(&w->out_fd);
    if (w->current >= 0) on_result((size_t)w->current, T262_FAIL, msg.data, msg.len, opaque);
    w->current = -1;
    t262_buf_free(&msg);
}

static bool run_in_process(const t262_config *cfg, const t262_list *tests, t262_result_fn on_result,
                           void *opaque) {
    t262_buf msg = {0};
    for (size_t i = 0; i < tests->len; i++) {
        msg.len = 0;
        t262_status st = t262_exec_test(cfg, tests->items[i], &msg);
        on_result(i, st, msg.data ? msg.data : "", msg.len, opaque);
    }
    t262_buf_free(&msg);
    return true;
}

bool t262_pool_run(const t262_config *cfg, const t262_list *tests, t262_result_fn on_result,
                   void *opaque) {
    if (cfg->jobs <= 0) return run_in_process(cfg, tests, on_result, opaque);
    signal(SIGPIPE, SIG_IGN);
    size_t n = (size_t)cfg->jobs;
    if (n > tests->len) n = tests->len ? tests->len : 1;
    worker *workers = t262_xalloc(NULL, n * sizeof *workers);
    for (size_t i = 0; i < n; i++)
        workers[i] = (worker){.task_fd = -1, .result_fd = -1, .out_fd = -1, .current = -1};
    struct pollfd *fds = t262_xalloc(NULL, n * sizeof *fds);
    /* Two modes may each take the whole timeout; past that and a grace
     * period the engine is not honouring the interrupt. */
    double kill_after = 2 * cfg->timeout + 10;
    size_t next = 0, finished = 0;
    int idle_deaths = 0;
    bool ok = true;
    t262_buf msg = {0};

    while (finished < tests->len) {
        for (size_t i = 0; i < n; i++) {
            worker *w = &workers[i];
            if (w->pid && w->current < 0 && cfg->recycle > 0 && w->done >= cfg->recycle) retire(w);
            if (!w->pid && next < tests->len && !spawn(cfg, tests, workers, n, w)) {
                fprintf(stderr, "test262: cannot start a worker: %s\n", strerror(errno));
                ok = false;
                goto out;
            }
            if (w->pid && w->current < 0 && next < tests->len) {
                uint32_t index = (uint32_t)next;
                w->current = (long)next++;
                w->started = t262_now();
                if (!write_full(w->task_fd, &index, sizeof index)) {
                    /* The worker died while idle: the test never started,
                     * so it goes to the next worker. */
                    w->current = -1;
                    next--;
                    bury(w, NULL, on_result, opaque);
                    if (++idle_deaths > 16) {
                        fprintf(stderr, "test262: workers keep dying before taking a test\n");
                        ok = false;
                        goto out;
                    }
                }
            }
        }
        size_t nfds = 0;
        for (size_t i = 0; i < n; i++)
            if (workers[i].pid && workers[i].current >= 0)
                fds[nfds++] = (struct pollfd){.fd = workers[i].result_fd, .events = POLLIN};
        if (nfds == 0) continue;
        if (poll(fds, nfds, 500) < 0 && errno != EINTR) {
            fprintf(stderr, "test262: poll: %s\n", strerror(errno));
            ok = false;
            goto out;
        }
        double now = t262_now();
        for (size_t i = 0, k = 0; i < n; i++) {
            worker *w = &workers[i];
            if (!w->pid || w->current < 0) continue;
            struct pollfd *p = &fds[k++];
            if (p->revents & (POLLIN | POLLHUP | POLLERR)) {
                record_header h;
                bool got = read_full(w->result_fd, &h, sizeof h);
                msg.len = 0;
                if (got && h.len) {
                    t262_buf_append(&msg, "", 0);
                    char *buf = t262_xalloc(NULL, h.len);
                    got = read_full(w->result_fd, buf, h.len);
                    if (got) t262_buf_append(&msg, buf, h.len);
                    free(buf);
                }
                if (got && h.index == (uint32_t)w->current) {
                    on_result(h.index, (t262_status)h.status, msg.data ? msg.data : "", msg.len,
                              opaque);
                    w->current = -1;
                    w->done++;
                } else {
                    /* Died mid-record, or the protocol broke: make sure the
                     * process is gone before waiting for it. */
                    if (got) kill(w->pid, SIGKILL);
                    bury(w, NULL, on_result, opaque);
                }
                finished++;
            } else if (now - w->started > kill_after) {
                kill(w->pid, SIGKILL);
                t262_buf reason = {0};
                t262_buf_printf(&reason,
                                "timeout: worker killed after %.0f s (the interrupt was not "
                                "honoured)",
                                now - w->started);
                bury(w, reason.data, on_result, opaque);
                t262_buf_free(&reason);
                finished++;
            }
        }
    }
out:
    for (size_t i = 0; i < n; i++)
        if (workers[i].pid) {
            if (!ok) kill(workers[i].pid, SIGKILL);
            retire(&workers[i]);
        }
    t262_buf_free(&msg);
    free(fds);
    free(workers);
    return ok;
}
