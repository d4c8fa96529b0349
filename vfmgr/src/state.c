// SPDX-License-Identifier: GPL-2.0
/*
 * vfmgrd's state file (see state.h for its format).
 *
 * The reader takes only what this version writes: every field present,
 * of its JSON type, in its canonical form, nothing else.  A file that
 * fails is rejected whole, never half-loaded: the daemon would otherwise
 * hand out a VF that is still in use.  The writer checks the state with
 * the same rules, so it cannot write a file it would refuse to read.
 *
 * Nothing here logs.
 */

#define _GNU_SOURCE	/* mkostemp() */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <json-c/json.h>

#include "state.h"

#define STATE_VERSION		1
#define MAX_VF_INDEX		(VFMGR_MAX_NUM_VFS - 1)
#define ALLOC_KEYS		7	/* the keys of one allocation */

/* ---- what a valid field is ---- */

/* ASCII only: the C locale's isalnum() is, but not every locale's */
static bool is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/* 1..MAX-1 characters, each a letter, a digit or one of EXTRA */
static bool valid_name(const char *s, size_t max, const char *extra)
{
	size_t len = strlen(s);

	if (!len || len >= max)
		return false;
	for (; *s; s++)
		if (!is_alnum(*s) && !strchr(extra, *s))
			return false;
	return true;
}

static bool is_lower_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

/* Canonical "dddd:bb:dd.f", as conf.c writes PCIAddress= back */
static bool valid_pci_addr(const char *s)
{
	static const char form[] = "xxxx:xx:xx.x";
	unsigned int i;

	if (strlen(s) != sizeof(form) - 1)
		return false;
	for (i = 0; i < sizeof(form) - 1; i++) {
		if (form[i] == 'x' ? !is_lower_hex(s[i]) : s[i] != form[i])
			return false;
	}
	/* Device 0..1f, function 0..7 */
	return s[8] <= '1' && s[11] <= '7';
}

/* What the kernel takes as an interface name (dev_valid_name()) */
static bool valid_ifname(const char *s)
{
	size_t len = strlen(s);

	if (!len || len >= IF_NAMESIZE || !strcmp(s, ".") || !strcmp(s, ".."))
		return false;
	for (; *s; s++)
		if (*s == '/' || *s == ':' || *s == ' ' ||
		    (*s >= '\t' && *s <= '\r'))
			return false;
	return true;
}

static bool valid_consumer_name(const char *s)
{
	return *s != '.' && valid_name(s, VFMGR_CONSUMER_NAME_MAX, "-_.");
}

/* The string field of SIZE bytes at S ends inside it */
static bool terminated(const char *s, size_t size)
{
	return memchr(s, '\0', size);
}

/* Everything vfmgr_state_load() checks of one allocation */
static bool valid_alloc(const struct vfmgr_alloc *a)
{
	if (!terminated(a->vf, sizeof(a->vf)) ||
	    !terminated(a->pf, sizeof(a->pf)) ||
	    !terminated(a->profile, sizeof(a->profile)) ||
	    !terminated(a->to.name, sizeof(a->to.name)) ||
	    !terminated(a->ifname, sizeof(a->ifname)) ||
	    !terminated(a->driver, sizeof(a->driver)))
		return false;
	return valid_pci_addr(a->vf) && valid_pci_addr(a->pf) &&
	       a->vf_index <= MAX_VF_INDEX &&
	       (!a->profile[0] ||
		valid_name(a->profile, sizeof(a->profile), "-_.")) &&
	       (a->to.kind == VFMGR_TO_NETNS || a->to.kind == VFMGR_TO_VM) &&
	       valid_consumer_name(a->to.name) &&
	       (!a->ifname[0] || valid_ifname(a->ifname)) &&
	       (!a->driver[0] || valid_name(a->driver, sizeof(a->driver), "-_"));
}

static int cmp_vf(const void *x, const void *y)
{
	const struct vfmgr_alloc *const *a = x, *const *b = y;

	return strcmp((*a)->vf, (*b)->vf);
}

/*
 * No VF twice: sorted, not pairwise, as 1024 allocations make half a
 * million comparisons on every save.  0, -EINVAL or -ENOMEM.
 */
static int check_unique(const struct vfmgr_state *st)
{
	const struct vfmgr_alloc **v;
	unsigned int i;
	int err = 0;

	if (st->nr < 2)
		return 0;
	v = malloc(st->nr * sizeof(*v));
	if (!v)
		return -ENOMEM;
	for (i = 0; i < st->nr; i++)
		v[i] = &st->allocs[i];
	qsort(v, st->nr, sizeof(*v), cmp_vf);
	for (i = 1; i < st->nr; i++)
		if (!strcmp(v[i - 1]->vf, v[i]->vf))
			err = -EINVAL;
	free(v);
	return err;
}

/* ---- consumers ---- */

static const char *const consumer_prefix[] = {
	[VFMGR_TO_NETNS] = "netns:",
	[VFMGR_TO_VM] = "vm:",
};

/**
 * vfmgr_consumer_parse() - read "netns:NAME" or "vm:NAME"
 * @text: the consumer as the user or the state file gives it
 * @to: filled in on success
 *
 * The prefix matches exactly: "NetNS:x" and "net:x" are not consumers.
 *
 * Return: 0, or -EINVAL when @text is not a consumer with a valid name.
 */
int vfmgr_consumer_parse(const char *text, struct vfmgr_consumer *to)
{
	unsigned int kind;
	size_t n;

	for (kind = VFMGR_TO_NETNS; kind <= VFMGR_TO_VM; kind++) {
		n = strlen(consumer_prefix[kind]);
		if (strncmp(text, consumer_prefix[kind], n))
			continue;
		if (!valid_consumer_name(text + n))
			return -EINVAL;
		to->kind = kind;
		strcpy(to->name, text + n);	/* valid: it fits */
		return 0;
	}
	return -EINVAL;
}

/**
 * vfmgr_consumer_format() - write a consumer as vfmgr_consumer_parse() reads it
 * @to: the consumer
 * @buf: where to write it, always NUL-terminated when @size > 0
 * @size: @buf's size; the text is truncated to fit
 */
void vfmgr_consumer_format(const struct vfmgr_consumer *to, char *buf,
			   size_t size)
{
	const char *prefix = to->kind == VFMGR_TO_VM ? "vm:" : "netns:";

	snprintf(buf, size, "%s%s", prefix, to->name);
}

/* ---- reading ---- */

/* The string KEY of OBJ into BUF of SIZE bytes, exactly as it is */
static int get_str(struct json_object *obj, const char *key, char *buf,
		   size_t size)
{
	struct json_object *v;
	const char *s;
	int len;

	if (!json_object_object_get_ex(obj, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return -EINVAL;
	s = json_object_get_string(v);
	len = json_object_get_string_len(v);
	/* Too long, or a "\u0000" inside */
	if (len < 0 || (size_t)len >= size || strlen(s) != (size_t)len)
		return -EINVAL;
	memcpy(buf, s, (size_t)len + 1);
	return 0;
}

/* The integer KEY of OBJ, in MIN..MAX */
static int get_int(struct json_object *obj, const char *key, int64_t min,
		   int64_t max, int64_t *out)
{
	struct json_object *v;

	if (!json_object_object_get_ex(obj, key, &v) ||
	    !json_object_is_type(v, json_type_int))
		return -EINVAL;
	/* Past int64_t's range it is clamped, and out of MIN..MAX still */
	*out = json_object_get_int64(v);
	if (*out < min || *out > max)
		return -EINVAL;
	return 0;
}

static int parse_alloc(struct json_object *obj, struct vfmgr_alloc *a)
{
	char to[VFMGR_ARG_MAX];
	int64_t idx;

	if (!json_object_is_type(obj, json_type_object) ||
	    json_object_object_length(obj) != ALLOC_KEYS)
		return -EINVAL;
	if (get_str(obj, "vf", a->vf, sizeof(a->vf)) ||
	    get_str(obj, "pf", a->pf, sizeof(a->pf)) ||
	    get_int(obj, "vf_index", 0, MAX_VF_INDEX, &idx) ||
	    get_str(obj, "profile", a->profile, sizeof(a->profile)) ||
	    get_str(obj, "to", to, sizeof(to)) ||
	    get_str(obj, "ifname", a->ifname, sizeof(a->ifname)) ||
	    get_str(obj, "driver", a->driver, sizeof(a->driver)) ||
	    vfmgr_consumer_parse(to, &a->to))
		return -EINVAL;
	a->vf_index = (unsigned int)idx;
	return valid_alloc(a) ? 0 : -EINVAL;
}

static int parse_state(const char *text, size_t len, struct vfmgr_state *st)
{
	struct json_tokener *tok;
	struct json_object *root, *allocs;
	int64_t version;
	size_t i, n, end;
	int err = -EINVAL;

	tok = json_tokener_new();
	if (!tok)
		return -ENOMEM;
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	/* With its NUL, so that the end of the text ends the value */
	root = json_tokener_parse_ex(tok, text, (int)len + 1);
	end = json_tokener_get_parse_end(tok);
	json_tokener_free(tok);
	if (!root)
		return -EINVAL;
	/* Whitespace may follow the object; nothing else */
	for (; end < len; end++)
		if (!strchr(" \t\r\n", text[end]))
			goto out;

	if (!json_object_is_type(root, json_type_object) ||
	    json_object_object_length(root) != 2 ||
	    get_int(root, "version", STATE_VERSION, STATE_VERSION, &version) ||
	    !json_object_object_get_ex(root, "allocations", &allocs) ||
	    !json_object_is_type(allocs, json_type_array))
		goto out;
	n = json_object_array_length(allocs);
	if (n > VFMGR_MAX_ALLOCS)
		goto out;
	for (i = 0; i < n; i++)
		if (parse_alloc(json_object_array_get_idx(allocs, i),
				&st->allocs[st->nr++]))
			goto out;
	err = check_unique(st);
out:
	json_object_put(root);
	return err;
}

/*
 * Printable ASCII and line breaks, as this version writes: every field
 * is ASCII and needs no escape.  No NUL, which would end the text early,
 * and no "'", as json-c takes 'single-quoted' strings even when strict.
 */
static bool plain_text(const char *text, size_t len)
{
	size_t i;
	char c;

	for (i = 0; i < len; i++) {
		c = text[i];
		if (c == '\t' || c == '\n' || c == '\r')
			continue;
		if (c < ' ' || c > '~' || c == '\'')
			return false;
	}
	return true;
}

/*
 * All of FD, at most VFMGR_STATE_MAX_BYTES, into a malloc'ed buffer with
 * a NUL after it
 */
static int read_all(int fd, char **text, size_t *len)
{
	size_t size = VFMGR_STATE_MAX_BYTES + 1, n = 0;
	ssize_t r;
	char *buf;

	buf = malloc(size + 1);
	if (!buf)
		return -ENOMEM;
	/* One byte more than the limit, to see a file past it */
	while (n < size) {
		r = read(fd, buf + n, size - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			free(buf);
			return -errno;
		}
		if (!r)
			break;
		n += (size_t)r;
	}
	if (n > VFMGR_STATE_MAX_BYTES) {
		free(buf);
		return -EINVAL;
	}
	buf[n] = '\0';
	*text = buf;
	*len = n;
	return 0;
}

/**
 * vfmgr_state_load() - read the state file
 * @path: the file
 * @st: filled in; empty after any error
 *
 * A file larger than VFMGR_STATE_MAX_BYTES, or that is not a regular
 * file, is -EINVAL as well: vfmgr_state_save() never writes one (1024
 * allocations take less than half of it).
 *
 * Return: 0 (a missing file is an empty state), -EINVAL for a file that
 * is not a valid state file, or the -errno of opening or reading it.
 */
int vfmgr_state_load(const char *path, struct vfmgr_state *st)
{
	struct stat sb;
	char *text = NULL;
	size_t len = 0;
	int fd, err;

	memset(st, 0, sizeof(*st));
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? 0 : -errno;
	if (fstat(fd, &sb)) {
		err = -errno;
		goto out_close;
	}
	if (!S_ISREG(sb.st_mode)) {
		err = -EINVAL;
		goto out_close;
	}
	err = read_all(fd, &text, &len);
	if (err)
		goto out_close;
	err = plain_text(text, len) ? parse_state(text, len, st) : -EINVAL;
	free(text);
out_close:
	close(fd);
	if (err)
		memset(st, 0, sizeof(*st));
	return err;
}

/* ---- writing ---- */

/* Add V, just made (NULL when that failed), to OBJ as KEY */
static int add_value(struct json_object *obj, const char *key,
		     struct json_object *v)
{
	if (!v)
		return -ENOMEM;
	if (json_object_object_add(obj, key, v)) {
		json_object_put(v);
		return -ENOMEM;
	}
	return 0;
}

static int add_str(struct json_object *obj, const char *key, const char *s)
{
	return add_value(obj, key, json_object_new_string(s));
}

static int add_int(struct json_object *obj, const char *key, int64_t n)
{
	return add_value(obj, key, json_object_new_int64(n));
}

static struct json_object *format_alloc(const struct vfmgr_alloc *a)
{
	struct json_object *obj = json_object_new_object();
	char to[VFMGR_ARG_MAX];

	if (!obj)
		return NULL;
	vfmgr_consumer_format(&a->to, to, sizeof(to));
	if (add_str(obj, "vf", a->vf) || add_str(obj, "pf", a->pf) ||
	    add_int(obj, "vf_index", a->vf_index) ||
	    add_str(obj, "profile", a->profile) || add_str(obj, "to", to) ||
	    add_str(obj, "ifname", a->ifname) ||
	    add_str(obj, "driver", a->driver)) {
		json_object_put(obj);
		return NULL;
	}
	return obj;
}

/* *ST as JSON, in ROOT, which the caller puts */
static int format_state(const struct vfmgr_state *st,
			struct json_object **root)
{
	struct json_object *allocs, *a;
	unsigned int i;

	*root = json_object_new_object();
	if (!*root)
		return -ENOMEM;
	if (add_int(*root, "version", STATE_VERSION))
		return -ENOMEM;
	allocs = json_object_new_array();
	if (!allocs)
		return -ENOMEM;
	if (json_object_object_add(*root, "allocations", allocs)) {
		json_object_put(allocs);
		return -ENOMEM;
	}
	for (i = 0; i < st->nr; i++) {
		a = format_alloc(&st->allocs[i]);
		if (!a)
			return -ENOMEM;
		if (json_object_array_add(allocs, a)) {
			json_object_put(a);
			return -ENOMEM;
		}
	}
	return 0;
}

static int write_all(int fd, const char *buf, size_t len)
{
	ssize_t n;

	while (len) {
		n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/*
 * The directory of PATH, opened to be fsync()ed, and the temporary file's
 * name template beside PATH: "DIR/.BASE.XXXXXX"
 */
static int open_dir(const char *path, char **tmpl)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	size_t dir_len = (size_t)(base - path), size;
	char *dir;
	int fd;

	if (!*base || !strcmp(base, ".") || !strcmp(base, ".."))
		return -EISDIR;
	size = strlen(path) + sizeof("..XXXXXX");
	*tmpl = malloc(size);
	if (!*tmpl)
		return -ENOMEM;
	snprintf(*tmpl, size, "%.*s.%s.XXXXXX", (int)dir_len, path, base);

	/* "/x" is in "/", "x" in "." */
	dir = strndup(path, dir_len ? dir_len : 1);
	if (!dir) {
		free(*tmpl);
		return -ENOMEM;
	}
	if (!dir_len)
		dir[0] = '.';
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0) {
		fd = -errno;
		free(*tmpl);
	}
	free(dir);
	return fd;
}

/**
 * vfmgr_state_save() - write the state file atomically
 * @path: the file
 * @st: the state; each allocation must pass vfmgr_state_load()'s checks
 *
 * The JSON goes to a new file ".BASE.XXXXXX" beside @path, which is
 * fsync()ed and then renamed over @path, and the directory is fsync()ed
 * so the rename itself survives a crash.  A reader, or the daemon after a
 * crash, sees the old file or the new one, never a mix.  A writer killed
 * in between leaves its temporary file behind; the load never reads it.
 *
 * Return: 0, -EINVAL for a state that the load would refuse (it is not
 * written), or the -errno of the step that failed; @path is then
 * untouched and the temporary file removed.  Only the last step, the
 * directory's fsync(), fails after the rename: @path then holds the new
 * state, which may not outlive a crash.
 */
int vfmgr_state_save(const char *path, const struct vfmgr_state *st)
{
	struct json_object *root;
	const char *text;
	char *tmp;
	size_t len;
	int dfd, fd, err;
	unsigned int i;

	if (st->nr > VFMGR_MAX_ALLOCS)
		return -EINVAL;
	for (i = 0; i < st->nr; i++)
		if (!valid_alloc(&st->allocs[i]))
			return -EINVAL;
	err = check_unique(st);
	if (err)
		return err;

	err = format_state(st, &root);
	if (err)
		goto err_put;
	text = json_object_to_json_string_length(root, JSON_C_TO_STRING_PRETTY |
						 JSON_C_TO_STRING_SPACED |
						 JSON_C_TO_STRING_NOSLASHESCAPE,
						 &len);
	if (!text) {
		err = -ENOMEM;
		goto err_put;
	}
	if (len >= VFMGR_STATE_MAX_BYTES) {
		err = -EFBIG;	/* cannot happen with the limits above */
		goto err_put;
	}

	dfd = open_dir(path, &tmp);
	if (dfd < 0) {
		err = dfd;
		goto err_put;
	}
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0) {
		err = -errno;
		goto err_close_dir;
	}
	/* mkostemp() makes it 0600; the state is not secret */
	err = fchmod(fd, 0644) ? -errno : 0;
	if (!err)
		err = write_all(fd, text, len);
	if (!err)
		err = write_all(fd, "\n", 1);
	if (!err && fsync(fd))
		err = -errno;
	if (close(fd) && !err)
		err = -errno;
	if (err)
		goto err_unlink;
	if (rename(tmp, path)) {
		err = -errno;
		goto err_unlink;
	}
	err = fsync(dfd) ? -errno : 0;
	close(dfd);
	free(tmp);
	json_object_put(root);
	return err;

err_unlink:
	unlink(tmp);
err_close_dir:
	close(dfd);
	free(tmp);
err_put:
	json_object_put(root);
	return err;
}

/* ---- the table ---- */

/**
 * vfmgr_state_find() - look up a VF
 * @st: the state
 * @vf: the VF's canonical PCI address
 *
 * Return: its allocation, or NULL when it is not allocated.
 */
struct vfmgr_alloc *vfmgr_state_find(struct vfmgr_state *st, const char *vf)
{
	unsigned int i;

	for (i = 0; i < st->nr; i++)
		if (!strcmp(st->allocs[i].vf, vf))
			return &st->allocs[i];
	return NULL;
}

/**
 * vfmgr_state_add() - record an allocation
 * @st: the state
 * @a: the allocation, copied
 *
 * Return: 0, -EEXIST when its VF is allocated already, -ENOSPC when
 * @st holds VFMGR_MAX_ALLOCS.
 */
int vfmgr_state_add(struct vfmgr_state *st, const struct vfmgr_alloc *a)
{
	if (vfmgr_state_find(st, a->vf))
		return -EEXIST;
	if (st->nr >= VFMGR_MAX_ALLOCS)
		return -ENOSPC;
	st->allocs[st->nr++] = *a;
	return 0;
}

/**
 * vfmgr_state_del() - forget an allocation
 * @st: the state
 * @vf: the VF's PCI address
 *
 * The others keep their order, so the file changes only where it must.
 *
 * Return: 0, or -ENOENT when @vf is not allocated.
 */
int vfmgr_state_del(struct vfmgr_state *st, const char *vf)
{
	struct vfmgr_alloc *a = vfmgr_state_find(st, vf);
	size_t i;

	if (!a)
		return -ENOENT;
	i = (size_t)(a - st->allocs);
	memmove(a, a + 1, (st->nr - i - 1) * sizeof(*a));
	st->nr--;
	return 0;
}
