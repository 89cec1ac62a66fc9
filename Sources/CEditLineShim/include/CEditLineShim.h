/*
 * Fixed-argument wrappers around libedit for Swift.
 *
 * Swift cannot call C variadic functions (el_set, el_get, history) and, in
 * Swift 6 mode, cannot touch C globals such as stdout. Each wrapper here does
 * one such call. Everything else (el_gets, el_line, el_insertstr, el_deletestr,
 * el_beep, el_end, history_init, history_end) is called from Swift directly.
 */
#ifndef CEDITLINE_SHIM_H
#define CEDITLINE_SHIM_H

#include <histedit.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A prompt callback: returns the prompt text, owned by the caller of el_set. */
typedef char *(*azl_prompt_fn)(EditLine *);
/* An editor command: returns one of the CC_* codes. */
typedef unsigned char (*azl_command_fn)(EditLine *, int);

/* el_init(prog, stdin, stdout, stderr); also registers an atexit hook that calls
   el_end on the editor still open at exit, so the terminal is always restored. */
EditLine *azl_el_init(const char *prog);
/* el_end, and forgets the editor for the atexit hook. */
void azl_el_end(EditLine *el);

/* EL_PROMPT_ESC: `fn` returns the prompt; characters between two `ignore`
   characters are printed but take no room (terminal escape sequences). */
int azl_el_set_prompt(EditLine *el, azl_prompt_fn fn, char ignore);
/* EL_EDITOR: "emacs" or "vi". */
int azl_el_set_editor(EditLine *el, const char *mode);
/* EL_SIGNAL: when on, libedit restores the terminal on SIGINT, SIGTERM,
   SIGHUP, SIGQUIT, SIGTSTP and handles SIGCONT and SIGWINCH while reading. */
int azl_el_set_signal(EditLine *el, int on);
/* EL_HIST: attach `h` so the history keys recall its entries. */
int azl_el_set_history(EditLine *el, History *h);
/* EL_ADDFN: define the editor command `name`. */
int azl_el_add_function(EditLine *el, const char *name, const char *help, azl_command_fn fn);
/* EL_BIND: bind `key` (e.g. "^I", "^R") to the editor command `command`. */
int azl_el_bind(EditLine *el, const char *key, const char *command);
/* EL_CLIENTDATA set and get. */
int azl_el_set_client_data(EditLine *el, void *data);
void *azl_el_get_client_data(EditLine *el);
/* Writes `text` to the editor's output stream and flushes it. */
void azl_el_write(EditLine *el, const char *text);
/* The terminal width libedit uses (termcap "co"), or 80 when unknown. */
int azl_el_columns(EditLine *el);

/* history(h, &ev, H_SETSIZE, size). Returns -1 on failure. */
int azl_history_set_size(History *h, int size);
/* history(h, &ev, H_SETUNIQUE, on): skip an entry equal to the previous one. */
int azl_history_set_unique(History *h, int on);
/* history(h, &ev, H_ENTER, line). */
int azl_history_enter(History *h, const char *line);
/* history(h, &ev, H_SAVE, path). Returns the number of entries or -1. */
int azl_history_save(History *h, const char *path);
/* history(h, &ev, H_LOAD, path). Returns the number of entries or -1. */
int azl_history_load(History *h, const char *path);
/* history(h, &ev, H_GETSIZE): the number of entries. */
int azl_history_count(History *h);

/* The n-th entry, 0 the newest (H_FIRST, then H_NEXT n times); NULL past the oldest.
   The text belongs to the history and lives until it changes. */
const char *azl_history_entry(History *h, int n);
/* el_getc: the next byte typed (0-255), or -1 on end of input or an interrupted read. */
int azl_el_getc(EditLine *el);

/* Installs a SIGINT handler (no SA_RESTART) that only records the signal,
   keeping the previous action for azl_sigint_restore. Returns 0 on success. */
int azl_sigint_install(void);
/* Puts back the SIGINT action saved by azl_sigint_install. */
void azl_sigint_restore(void);
/* Returns 1 when SIGINT arrived since the last azl_sigint_take, and clears the record. */
int azl_sigint_take(void);
/* Returns 1 when SIGINT arrived since the last azl_sigint_take, keeping the record. */
int azl_sigint_pending(void);

#ifdef __cplusplus
}
#endif

#endif
