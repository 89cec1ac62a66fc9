#include "CEditLineShim.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The editor still open, for the atexit hook (one interactive editor per process). */
static EditLine *azl_open_editor = NULL;
static int azl_atexit_registered = 0;

static void azl_end_at_exit(void) {
  EditLine *el = azl_open_editor;
  azl_open_editor = NULL;
  if (el != NULL) {
    el_end(el);
  }
}

EditLine *azl_el_init(const char *prog) {
  EditLine *el = el_init(prog, stdin, stdout, stderr);
  if (el != NULL) {
    azl_open_editor = el;
    if (!azl_atexit_registered) {
      azl_atexit_registered = 1;
      atexit(azl_end_at_exit);
    }
  }
  return el;
}

void azl_el_end(EditLine *el) {
  if (el == NULL) {
    return;
  }
  if (azl_open_editor == el) {
    azl_open_editor = NULL;
  }
  el_end(el);
}

int azl_el_set_prompt(EditLine *el, azl_prompt_fn fn, char ignore) {
  return el_set(el, EL_PROMPT_ESC, fn, ignore);
}

int azl_el_set_editor(EditLine *el, const char *mode) {
  return el_set(el, EL_EDITOR, mode);
}

int azl_el_set_signal(EditLine *el, int on) {
  return el_set(el, EL_SIGNAL, on);
}

int azl_el_set_history(EditLine *el, History *h) {
  return el_set(el, EL_HIST, history, h);
}

int azl_el_add_function(EditLine *el, const char *name, const char *help, azl_command_fn fn) {
  return el_set(el, EL_ADDFN, name, help, fn);
}

int azl_el_bind(EditLine *el, const char *key, const char *command) {
  return el_set(el, EL_BIND, key, command, (const char *)NULL);
}

int azl_el_set_client_data(EditLine *el, void *data) {
  return el_set(el, EL_CLIENTDATA, data);
}

void *azl_el_get_client_data(EditLine *el) {
  void *data = NULL;
  if (el_get(el, EL_CLIENTDATA, &data) != 0) {
    return NULL;
  }
  return data;
}

void azl_el_write(EditLine *el, const char *text) {
  FILE *out = NULL;
  if (el_get(el, EL_GETFP, 1, &out) != 0 || out == NULL) {
    out = stdout;
  }
  fputs(text, out);
  fflush(out);
}

int azl_el_columns(EditLine *el) {
  int columns = 0;
  if (el_get(el, EL_GETTC, "co", &columns, (void *)NULL) != 0 || columns <= 0) {
    return 80;
  }
  return columns;
}

int azl_history_set_size(History *h, int size) {
  HistEvent ev;
  return history(h, &ev, H_SETSIZE, size);
}

int azl_history_set_unique(History *h, int on) {
  HistEvent ev;
  return history(h, &ev, H_SETUNIQUE, on);
}

int azl_history_enter(History *h, const char *line) {
  HistEvent ev;
  return history(h, &ev, H_ENTER, line);
}

int azl_history_save(History *h, const char *path) {
  HistEvent ev;
  return history(h, &ev, H_SAVE, path);
}

int azl_history_load(History *h, const char *path) {
  HistEvent ev;
  return history(h, &ev, H_LOAD, path);
}

int azl_history_count(History *h) {
  HistEvent ev;
  if (history(h, &ev, H_GETSIZE) == -1) {
    return 0;
  }
  return ev.num;
}

const char *azl_history_entry(History *h, int n) {
  HistEvent ev;
  if (n < 0 || history(h, &ev, H_FIRST) == -1) {
    return NULL;
  }
  for (int i = 0; i < n; i++) {
    if (history(h, &ev, H_NEXT) == -1) {
      return NULL;
    }
  }
  return ev.str;
}

int azl_el_getc(EditLine *el) {
  char c = 0;
  int n = el_getc(el, &c);
  if (n <= 0) {
    return -1;
  }
  return (unsigned char)c;
}

static volatile sig_atomic_t azl_sigint_seen = 0;
static struct sigaction azl_sigint_previous;
static int azl_sigint_installed = 0;

static void azl_sigint_handler(int signo) {
  (void)signo;
  azl_sigint_seen = 1;
}

int azl_sigint_install(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = azl_sigint_handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0; /* no SA_RESTART: a blocked read returns EINTR */
  if (sigaction(SIGINT, &action, azl_sigint_installed ? NULL : &azl_sigint_previous) != 0) {
    return -1;
  }
  azl_sigint_installed = 1;
  return 0;
}

void azl_sigint_restore(void) {
  if (azl_sigint_installed) {
    sigaction(SIGINT, &azl_sigint_previous, NULL);
    azl_sigint_installed = 0;
  }
}

int azl_sigint_take(void) {
  int seen = azl_sigint_seen != 0;
  azl_sigint_seen = 0;
  return seen;
}

int azl_sigint_pending(void) {
  return azl_sigint_seen != 0;
}
