// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of vfmgrd's state file (vfmgr/src/state.c): what is saved
 * loads back field for field; a missing file is an empty state; every
 * malformed file is refused whole; a save that fails leaves the old file
 * as it was; and a writer SIGKILLed at random points mid-save never
 * leaves a file that is not exactly one of the states it was writing --
 * while a naive open(O_TRUNC)+write() writer, killed the same way, is
 * caught with a torn file, so the test is known to see the failure.
 */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/fs.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "state.h"

/* Large: 1000 allocations of a few hundred bytes each */
static struct vfmgr_state st_a, st_b, loaded;
static char dir[PATH_MAX - 32];
static char path[PATH_MAX];

/* ---- helpers ---- */

/* Allocation I of a state; VARIANT 0 and 1 differ in every field */
static void make_alloc(struct vfmgr_alloc *a, unsigned int i, int variant)
{
	memset(a, 0, sizeof(*a));
	snprintf(a->vf, sizeof(a->vf), "%04x:%02x:%02x.%x", variant & 1,
		 (uint8_t)(0x10 + i / 256), (i / 8) % 32, i % 8);
	snprintf(a->pf, sizeof(a->pf), "%04x:%02x:00.0", variant & 1,
		 (uint8_t)(i / 256));
	a->vf_index = variant ? 4095 - i : i;
	if (variant) {
		snprintf(a->profile, sizeof(a->profile), "db.%u", i);
		a->to.kind = VFMGR_TO_VM;
		snprintf(a->to.name, sizeof(a->to.name), "guest_%u", i);
		strcpy(a->driver, "vtnicvf");
	} else {
		snprintf(a->profile, sizeof(a->profile), "web-%u", i);
		a->to.kind = VFMGR_TO_NETNS;
		snprintf(a->to.name, sizeof(a->to.name), "ns%u", i);
		snprintf(a->ifname, sizeof(a->ifname), "eth%u", i);
		strcpy(a->driver, "igbvf");
	}
}

static void make_state(struct vfmgr_state *st, unsigned int n, int variant)
{
	struct vfmgr_alloc a;
	unsigned int i;

	memset(st, 0, sizeof(*st));
	for (i = 0; i < n; i++) {
		make_alloc(&a, i, variant);
		assert_int_equal(vfmgr_state_add(st, &a), 0);
	}
}

static bool alloc_equal(const struct vfmgr_alloc *x,
			const struct vfmgr_alloc *y)
{
	return !strcmp(x->vf, y->vf) && !strcmp(x->pf, y->pf) &&
	       x->vf_index == y->vf_index && !strcmp(x->profile, y->profile) &&
	       x->to.kind == y->to.kind && !strcmp(x->to.name, y->to.name) &&
	       !strcmp(x->ifname, y->ifname) && !strcmp(x->driver, y->driver);
}

/* Every field of every allocation, in order */
static bool state_equal(const struct vfmgr_state *x,
			const struct vfmgr_state *y)
{
	unsigned int i;

	if (x->nr != y->nr)
		return false;
	for (i = 0; i < x->nr; i++)
		if (!alloc_equal(&x->allocs[i], &y->allocs[i]))
			return false;
	return true;
}

static void write_file(const char *p, const char *text, size_t len)
{
	int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	close(fd);
}

/* The whole of P, NUL-terminated, and its length */
static char *read_file(const char *p, size_t *len)
{
	struct stat sb;
	char *buf;
	int fd = open(p, O_RDONLY);

	assert_true(fd >= 0);
	assert_int_equal(fstat(fd, &sb), 0);
	buf = malloc((size_t)sb.st_size + 1);
	assert_non_null(buf);
	assert_int_equal(read(fd, buf, (size_t)sb.st_size), sb.st_size);
	buf[sb.st_size] = '\0';
	close(fd);
	*len = (size_t)sb.st_size;
	return buf;
}

/* Files in D other than "." and ".." */
static unsigned int count_files(const char *d)
{
	struct dirent *de;
	unsigned int n = 0;
	DIR *dp = opendir(d);

	assert_non_null(dp);
	while ((de = readdir(dp)))
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			n++;
	closedir(dp);
	return n;
}

static void empty_dir(const char *d)
{
	char p[PATH_MAX];
	struct dirent *de;
	DIR *dp = opendir(d);

	if (!dp)
		return;
	while ((de = readdir(dp))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		snprintf(p, sizeof(p), "%s/%s", d, de->d_name);
		unlink(p);
	}
	closedir(dp);
}

static int setup(void **state)
{
	const char *tmp = getenv("TMPDIR");

	(void)state;
	snprintf(dir, sizeof(dir), "%s/vfmgr_state_test.XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof(path), "%s/state.json", dir);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	empty_dir(dir);
	return rmdir(dir);
}

/* ---- round trip ---- */

static void test_round_trip(void **state)
{
	struct vfmgr_state *st = &st_a;
	struct vfmgr_alloc *a;
	struct stat sb;
	size_t len;
	char *text;

	(void)state;
	make_state(st, 4, 0);
	make_alloc(&st->allocs[4], 4, 1);
	st->nr = 5;
	/* Every field at its longest or its emptiest */
	a = &st->allocs[1];
	memset(a->profile, 'p', sizeof(a->profile) - 1);
	memset(a->to.name, 'n', sizeof(a->to.name) - 1);
	memset(a->ifname, 'i', sizeof(a->ifname) - 1);
	memset(a->driver, 'd', sizeof(a->driver) - 1);
	strcpy(a->vf, "ffff:ff:1f.7");
	a->vf_index = 4095;
	a = &st->allocs[2];
	a->profile[0] = a->ifname[0] = a->driver[0] = '\0';
	strcpy(a->to.name, "a-b_c.d");

	assert_int_equal(vfmgr_state_save(path, st), 0);
	memset(&loaded, 0xff, sizeof(loaded));
	assert_int_equal(vfmgr_state_load(path, &loaded), 0);
	assert_true(state_equal(&loaded, st));
	assert_string_equal(loaded.allocs[1].vf, "ffff:ff:1f.7");
	assert_int_equal(loaded.allocs[4].to.kind, VFMGR_TO_VM);

	/* The file as others read it, and nothing left beside it */
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 07777, 0644);
	assert_int_equal(count_files(dir), 1);
	text = read_file(path, &len);
	assert_non_null(strstr(text, "\"version\": 1"));
	assert_non_null(strstr(text, "\"to\": \"netns:ns0\""));
	assert_non_null(strstr(text, "\"to\": \"vm:guest_4\""));
	free(text);

	/* Over an existing file, and an empty state still says it all */
	memset(st, 0, sizeof(*st));
	assert_int_equal(vfmgr_state_save(path, st), 0);
	text = read_file(path, &len);
	assert_non_null(strstr(text, "\"version\": 1"));
	assert_non_null(strstr(text, "\"allocations\": ["));
	free(text);
	loaded.nr = 3;
	assert_int_equal(vfmgr_state_load(path, &loaded), 0);
	assert_int_equal(loaded.nr, 0);

	/* The most allocations there may be */
	make_state(st, VFMGR_MAX_ALLOCS, 0);
	assert_int_equal(vfmgr_state_save(path, st), 0);
	assert_int_equal(vfmgr_state_load(path, &loaded), 0);
	assert_true(state_equal(&loaded, st));
	assert_int_equal(count_files(dir), 1);
	unlink(path);
}

static void test_missing_file(void **state)
{
	(void)state;
	loaded.nr = 7;
	assert_int_equal(vfmgr_state_load(path, &loaded), 0);
	assert_int_equal(loaded.nr, 0);
	/* Not a file: refused, not read as empty */
	loaded.nr = 7;
	assert_int_equal(vfmgr_state_load(dir, &loaded), -EINVAL);
	assert_int_equal(loaded.nr, 0);
}

/* ---- malformed files ---- */

#define GOOD_VF		"\"0000:01:10.0\""
#define GOOD_PF		"\"0000:01:00.0\""

/* One allocation, each value a raw JSON token */
static int alloc_json(char *buf, size_t size, const char *vf, const char *pf,
		      const char *idx, const char *profile, const char *to,
		      const char *ifname, const char *driver)
{
	return snprintf(buf, size,
			"{\"vf\": %s, \"pf\": %s, \"vf_index\": %s, "
			"\"profile\": %s, \"to\": %s, \"ifname\": %s, "
			"\"driver\": %s}",
			vf, pf, idx, profile, to, ifname, driver);
}

static char text[2 * 1024 * 1024];

/* Load TEXT from the file with a full state in *loaded beforehand */
static int load_text(const char *t, size_t len)
{
	write_file(path, t, len);
	make_state(&loaded, 3, 1);
	return vfmgr_state_load(path, &loaded);
}

static void assert_refused(const char *t)
{
	assert_int_equal(load_text(t, strlen(t)), -EINVAL);
	assert_int_equal(loaded.nr, 0);
}

/* A state of the one allocation VF .. DRIVER */
static void assert_alloc_refused(const char *vf, const char *pf,
				 const char *idx, const char *profile,
				 const char *to, const char *ifname,
				 const char *driver)
{
	char a[1024];

	alloc_json(a, sizeof(a), vf, pf, idx, profile, to, ifname, driver);
	snprintf(text, sizeof(text),
		 "{\"version\": 1, \"allocations\": [%s]}", a);
	assert_refused(text);
}

static const char empty[] = "{\"version\": 1, \"allocations\": []}";

static void test_good_text(void **state)
{
	char a[1024];

	(void)state;
	/* What the refusals below are one change away from */
	alloc_json(a, sizeof(a), GOOD_VF, GOOD_PF, "0", "\"web\"",
		   "\"netns:red\"", "\"eth1\"", "\"igbvf\"");
	snprintf(text, sizeof(text),
		 " {\"allocations\": [%s],\n\"version\": 1}\n\n", a);
	assert_int_equal(load_text(text, strlen(text)), 0);
	assert_int_equal(loaded.nr, 1);
	assert_string_equal(loaded.allocs[0].vf, "0000:01:10.0");
	assert_string_equal(loaded.allocs[0].to.name, "red");
	assert_int_equal(load_text(empty, strlen(empty)), 0);
	assert_int_equal(loaded.nr, 0);
}

static void test_bad_json(void **state)
{
	char a[1024];

	(void)state;
	assert_refused("");
	assert_refused("\n");
	assert_refused("{");
	assert_refused("not json");
	assert_refused("{\"version\": 1, \"allocations\": []");
	assert_refused("{\"version\": 1, \"allocations\": []} x");
	assert_refused("{\"version\": 1, \"allocations\": []}{}");
	assert_refused("{\"version\": 1, \"allocations\": [],}");
	assert_refused("{'version': 1, 'allocations': []}");
	assert_refused("[]");
	assert_refused("null");
	/* Bytes this version never writes, even in valid JSON */
	assert_refused("{\"version\": 1, \"allocations\": [],\f}");
	assert_refused("{\"version\": 1, \"allocations\": []}\x80");
	/* A NUL byte ends nothing */
	memcpy(text, empty, sizeof(empty));
	memcpy(text + sizeof(empty), "x", 1);
	assert_int_equal(load_text(text, sizeof(empty) + 1), -EINVAL);
	assert_int_equal(loaded.nr, 0);

	/* A torn file: every prefix of a good one */
	alloc_json(a, sizeof(a), GOOD_VF, GOOD_PF, "0", "\"web\"",
		   "\"netns:red\"", "\"eth1\"", "\"igbvf\"");
	snprintf(text, sizeof(text),
		 "{\"version\": 1, \"allocations\": [%s]}", a);
	for (size_t n = 0; n < strlen(text); n++) {
		assert_int_equal(load_text(text, n), -EINVAL);
		assert_int_equal(loaded.nr, 0);
	}
}

static void test_bad_top_level(void **state)
{
	(void)state;
	assert_refused("{\"version\": 2, \"allocations\": []}");
	assert_refused("{\"version\": 0, \"allocations\": []}");
	assert_refused("{\"version\": \"1\", \"allocations\": []}");
	assert_refused("{\"version\": 1.0, \"allocations\": []}");
	assert_refused("{\"version\": 1}");
	assert_refused("{\"allocations\": []}");
	assert_refused("{\"version\": 1, \"allocations\": {}}");
	assert_refused("{\"version\": 1, \"allocations\": null}");
	assert_refused("{\"version\": 1, \"allocations\": [], \"x\": 1}");
	assert_refused("{\"version\": 1, \"allocations\": [null]}");
	assert_refused("{\"version\": 1, \"allocations\": [[]]}");
}

static void test_bad_fields(void **state)
{
	static const char *const bad_pci[] = {
		"\"01:10.0\"", "\"0000:01:10.8\"", "\"0000:01:20.0\"",
		"\"0000:0A:10.0\"", "\"0000:01:10.0 \"", "\"0000-01:10.0\"",
		"\"0000:01:10\"", "\"\"", "\"0000:01:10.0\\u0000\"", "1", "null",
	};
	static const char *const bad_to[] = {
		"\"netns:../x\"", "\"netns:\"", "\"netns:.x\"", "\"NetNS:x\"",
		"\"net:x\"", "\"vm:a/b\"", "\"vm:a b\"", "\"container:x\"",
		"\"netns:x\\u0000y\"", "\"x\"", "\"\"", "null",
		/* 64 characters: one too many */
		"\"vm:0123456789012345678901234567890123456789012345678901234567890123\"",
	};
	static const char *const bad_idx[] = {
		"-1", "4096", "\"3\"", "3.0", "99999999999999999999", "true",
	};
	static const char *const bad_profile[] = {
		"\"a b\"", "\"a/b\"", "\"a:b\"", "null",
		"\"0123456789012345678901234567890123456789012345678901234567890123\"",
	};
	static const char *const bad_ifname[] = {
		"\".\"", "\"..\"", "\"a/b\"", "\"a b\"", "\"a\\tb\"",
		"\"0123456789abcdef\"", "null",
	};
	static const char *const bad_driver[] = {
		"\"a.b\"", "\"a b\"", "\"a/b\"", "1",
		"\"0123456789012345678901234567890123456789012345678901234567890123\"",
	};
	unsigned int i;

	(void)state;
	for (i = 0; i < sizeof(bad_pci) / sizeof(bad_pci[0]); i++) {
		assert_alloc_refused(bad_pci[i], GOOD_PF, "0", "\"\"",
				     "\"vm:x\"", "\"\"", "\"\"");
		assert_alloc_refused(GOOD_VF, bad_pci[i], "0", "\"\"",
				     "\"vm:x\"", "\"\"", "\"\"");
	}
	for (i = 0; i < sizeof(bad_to) / sizeof(bad_to[0]); i++)
		assert_alloc_refused(GOOD_VF, GOOD_PF, "0", "\"\"", bad_to[i],
				     "\"\"", "\"\"");
	for (i = 0; i < sizeof(bad_idx) / sizeof(bad_idx[0]); i++)
		assert_alloc_refused(GOOD_VF, GOOD_PF, bad_idx[i], "\"\"",
				     "\"vm:x\"", "\"\"", "\"\"");
	for (i = 0; i < sizeof(bad_profile) / sizeof(bad_profile[0]); i++)
		assert_alloc_refused(GOOD_VF, GOOD_PF, "0", bad_profile[i],
				     "\"vm:x\"", "\"\"", "\"\"");
	for (i = 0; i < sizeof(bad_ifname) / sizeof(bad_ifname[0]); i++)
		assert_alloc_refused(GOOD_VF, GOOD_PF, "0", "\"\"",
				     "\"netns:x\"", bad_ifname[i], "\"\"");
	for (i = 0; i < sizeof(bad_driver) / sizeof(bad_driver[0]); i++)
		assert_alloc_refused(GOOD_VF, GOOD_PF, "0", "\"\"",
				     "\"vm:x\"", "\"\"", bad_driver[i]);

	/* A key missing, or one more */
	assert_refused("{\"version\": 1, \"allocations\": [{\"vf\": " GOOD_VF
		       ", \"pf\": " GOOD_PF ", \"vf_index\": 0, \"profile\": \"\", "
		       "\"to\": \"vm:x\", \"ifname\": \"\"}]}");
	assert_refused("{\"version\": 1, \"allocations\": [{\"vf\": " GOOD_VF
		       ", \"pf\": " GOOD_PF ", \"vf_index\": 0, \"profile\": \"\", "
		       "\"to\": \"vm:x\", \"ifname\": \"\", \"driver\": \"\", "
		       "\"mac\": \"\"}]}");
}

/* The same VF twice, and one allocation past the limit */
static void test_duplicates_and_limit(void **state)
{
	char a[1024];
	size_t n;
	unsigned int i;

	(void)state;
	alloc_json(a, sizeof(a), GOOD_VF, GOOD_PF, "0", "\"\"", "\"vm:x\"",
		   "\"\"", "\"\"");
	snprintf(text, sizeof(text),
		 "{\"version\": 1, \"allocations\": [%s, %s]}", a, a);
	assert_refused(text);

	make_state(&st_a, VFMGR_MAX_ALLOCS, 0);
	assert_int_equal(vfmgr_state_save(path, &st_a), 0);
	assert_int_equal(vfmgr_state_load(path, &loaded), 0);
	assert_int_equal(loaded.nr, VFMGR_MAX_ALLOCS);
	/* One more, by hand: vfmgr_state_add() refuses it */
	n = (size_t)snprintf(text, sizeof(text),
			     "{\"version\": 1, \"allocations\": [");
	for (i = 0; i <= VFMGR_MAX_ALLOCS; i++) {
		char vf[32];

		snprintf(vf, sizeof(vf), "\"0000:%02x:%02x.%x\"", 0x10 + i / 256,
			 (i / 8) % 32, i % 8);
		n += (size_t)alloc_json(text + n, sizeof(text) - n, vf, GOOD_PF,
					"0", "\"\"", "\"vm:x\"", "\"\"",
					"\"\"");
		text[n++] = i < VFMGR_MAX_ALLOCS ? ',' : ']';
	}
	snprintf(text + n, sizeof(text) - n, "}");
	assert_refused(text);

	/* Past VFMGR_STATE_MAX_BYTES, if only in whitespace */
	n = (size_t)snprintf(text, sizeof(text),
			     "{\"version\": 1, \"allocations\": []}");
	memset(text + n, ' ', VFMGR_STATE_MAX_BYTES + 1 - n);
	assert_int_equal(load_text(text, VFMGR_STATE_MAX_BYTES), 0);
	assert_int_equal(load_text(text, VFMGR_STATE_MAX_BYTES + 1), -EINVAL);
	assert_int_equal(loaded.nr, 0);
	unlink(path);
}

/* ---- failed saves ---- */

/* The old file, byte for byte, alone in the directory */
static void assert_old_file(const char *old, size_t old_len)
{
	size_t len;
	char *now = read_file(path, &len);

	assert_int_equal(len, old_len);
	assert_memory_equal(now, old, len);
	free(now);
	assert_int_equal(count_files(dir), 1);
}

/*
 * Make DIR refuse new files: by its mode, or for root, who ignores
 * modes, with the immutable flag (ext4, tmpfs and most others have it)
 */
static bool set_unwritable(bool on)
{
	int fd, flags;
	bool ok;

	if (geteuid())
		return !chmod(dir, on ? 0555 : 0755);
	fd = open(dir, O_RDONLY | O_DIRECTORY);
	if (fd < 0)
		return false;
	ok = !ioctl(fd, FS_IOC_GETFLAGS, &flags);
	if (ok) {
		flags = on ? flags | FS_IMMUTABLE_FL : flags & ~FS_IMMUTABLE_FL;
		ok = !ioctl(fd, FS_IOC_SETFLAGS, &flags);
	}
	close(fd);
	return ok;
}

static void test_save_errors(void **state)
{
	char p[PATH_MAX];
	struct rlimit old_lim, lim;
	size_t old_len;
	char *old;

	(void)state;
	make_state(&st_a, 3, 0);
	make_state(&st_b, 300, 1);
	assert_int_equal(vfmgr_state_save(path, &st_a), 0);
	old = read_file(path, &old_len);

	/* No such directory */
	snprintf(p, sizeof(p), "%s/nodir/state.json", dir);
	assert_int_equal(vfmgr_state_save(p, &st_b), -ENOENT);
	snprintf(p, sizeof(p), "%s/", dir);
	assert_int_equal(vfmgr_state_save(p, &st_b), -EISDIR);
	assert_old_file(old, old_len);

	/* A directory that takes no new file */
	if (set_unwritable(true)) {
		int err = vfmgr_state_save(path, &st_b);

		assert_true(set_unwritable(false));
		assert_true(err == -EACCES || err == -EPERM);
		assert_old_file(old, old_len);
	} else {
		print_message("# cannot make %s unwritable, skipped\n", dir);
	}

	/*
	 * A write that fails halfway (the file size limit, as on a full
	 * disk): the temporary file is removed, the old one untouched
	 */
	signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &old_lim), 0);
	lim = old_lim;
	lim.rlim_cur = 4096;
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
	assert_int_equal(vfmgr_state_save(path, &st_b), -EFBIG);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &old_lim), 0);
	signal(SIGXFSZ, SIG_DFL);
	assert_old_file(old, old_len);

	/* A state the load would refuse is not written */
	st_b.allocs[7].to.name[0] = '.';
	assert_int_equal(vfmgr_state_save(path, &st_b), -EINVAL);
	make_state(&st_b, 300, 1);
	st_b.allocs[7] = st_b.allocs[3];
	assert_int_equal(vfmgr_state_save(path, &st_b), -EINVAL);
	make_state(&st_b, 300, 1);
	st_b.allocs[7].vf_index = 4096;
	assert_int_equal(vfmgr_state_save(path, &st_b), -EINVAL);
	make_state(&st_b, 300, 1);
	memset(st_b.allocs[7].ifname, 'i', sizeof(st_b.allocs[7].ifname));
	assert_int_equal(vfmgr_state_save(path, &st_b), -EINVAL);
	assert_old_file(old, old_len);
	free(old);
	unlink(path);
}

static void test_table(void **state)
{
	struct vfmgr_state *st = &st_a;
	struct vfmgr_alloc a;

	(void)state;
	make_state(st, 3, 0);
	assert_non_null(vfmgr_state_find(st, st->allocs[1].vf));
	assert_null(vfmgr_state_find(st, "0000:99:00.0"));
	make_alloc(&a, 1, 0);
	assert_int_equal(vfmgr_state_add(st, &a), -EEXIST);
	assert_int_equal(vfmgr_state_del(st, a.vf), 0);
	assert_int_equal(vfmgr_state_del(st, a.vf), -ENOENT);
	assert_null(vfmgr_state_find(st, a.vf));
	/* The others keep their order */
	assert_int_equal(st->nr, 2);
	make_alloc(&a, 2, 0);
	assert_true(alloc_equal(&st->allocs[1], &a));
	make_state(st, VFMGR_MAX_ALLOCS, 0);
	make_alloc(&a, 0, 1);
	assert_int_equal(vfmgr_state_add(st, &a), -ENOSPC);
}

/* ---- a writer killed mid-save ---- */

#define KILLS		50
#define MAX_DELAY_US	20000
#define CHUNK		4096

/* A fixed sequence of delays: xorshift32 from a fixed seed */
static uint32_t rng = 0x5eed1234;

static uint32_t next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

/*
 * rename(), wrapped (-Wl,--wrap=rename): a child that sets die_at_rename
 * is killed where vfmgr_state_save() has written and synced its
 * temporary file and is about to rename it over the state
 */
static bool die_at_rename;

int __real_rename(const char *from, const char *to);
int __wrap_rename(const char *from, const char *to);

int __wrap_rename(const char *from, const char *to)
{
	if (die_at_rename)
		raise(SIGKILL);
	return __real_rename(from, to);
}

/* The writer under test: vfmgr_state_save(), B and A in turn, forever */
static void atomic_writer(const char *const json[2], const size_t len[2])
{
	(void)json;
	(void)len;
	for (;;)
		if (vfmgr_state_save(path, &st_b) ||
		    vfmgr_state_save(path, &st_a))
			_exit(2);
}

/*
 * The control: the same bytes vfmgr_state_save() writes, but over the
 * file in place, in stdio-sized pieces, as a naive writer would
 */
static void naive_writer(const char *const json[2], const size_t len[2])
{
	size_t off, n;
	int i, fd;

	for (i = 1;; i ^= 1) {
		fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd < 0)
			_exit(2);
		for (off = 0; off < len[i]; off += n) {
			n = len[i] - off < CHUNK ? len[i] - off : CHUNK;
			if (write(fd, json[i] + off, n) != (ssize_t)n)
				_exit(2);
		}
		close(fd);
	}
}

struct outcome {
	unsigned int kills, a, b, torn;
};

/*
 * KILLS times: start WRITER on the file as the last one left it (A at
 * first), SIGKILL it after a delay in 0..MAX_DELAY_US counted from when
 * it runs (it says so through a pipe: on a loaded machine a fork may
 * not run for milliseconds), and load what it left.  The temporary files
 * it leaves stay, to show the load ignores them.
 */
static struct outcome kill_loop(void (*writer)(const char *const json[2],
						const size_t len[2]),
				const char *const json[2],
				const size_t len[2])
{
	struct outcome o = { 0 };
	struct timespec ts;
	int status, err, p[2];
	unsigned int i;
	pid_t pid;
	char c;

	empty_dir(dir);
	assert_int_equal(vfmgr_state_save(path, &st_a), 0);
	for (i = 0; i < KILLS; i++) {
		assert_int_equal(pipe(p), 0);
		pid = fork();
		assert_true(pid >= 0);
		if (!pid) {
			close(p[0]);
			if (write(p[1], "", 1) != 1)
				_exit(2);
			writer(json, len);	/* never returns */
		}
		close(p[1]);
		assert_int_equal(read(p[0], &c, 1), 1);
		close(p[0]);
		ts.tv_sec = 0;
		ts.tv_nsec = (long)(next_rand() % (MAX_DELAY_US + 1)) * 1000;
		nanosleep(&ts, NULL);
		assert_int_equal(kill(pid, SIGKILL), 0);
		assert_int_equal(waitpid(pid, &status, 0), pid);
		/* Killed, not failed */
		assert_true(WIFSIGNALED(status));
		assert_int_equal(WTERMSIG(status), SIGKILL);

		err = vfmgr_state_load(path, &loaded);
		if (!err && state_equal(&loaded, &st_a))
			o.a++;
		else if (!err && state_equal(&loaded, &st_b))
			o.b++;
		else
			o.torn++;
	}
	o.kills = i;
	return o;
}

static void test_crash_safety(void **state)
{
	unsigned int before;
	const char *json[2];
	struct outcome o;
	size_t len[2];
	int status;
	pid_t pid;

	(void)state;
	/* Different in every field and in length: a mix cannot pass */
	make_state(&st_a, 1000, 0);
	make_state(&st_b, 999, 1);
	/* The bytes vfmgr_state_save() writes, for the naive writer */
	assert_int_equal(vfmgr_state_save(path, &st_b), 0);
	json[1] = read_file(path, &len[1]);
	assert_int_equal(vfmgr_state_save(path, &st_a), 0);
	json[0] = read_file(path, &len[0]);

	o = kill_loop(atomic_writer, json, len);
	print_message("# atomic: %u kills, %u A, %u B, %u torn\n",
		      o.kills, o.a, o.b, o.torn);
	assert_int_equal(o.torn, 0);
	assert_int_equal(o.a + o.b, o.kills);

	/*
	 * Killed at the last step, with the new state written and synced
	 * beside the old: the old state loads whole, and the temporary
	 * file left behind does not matter.  (Random kills land there too,
	 * but too rarely to count on: on tmpfs the JSON takes most of the
	 * time.)
	 */
	assert_int_equal(vfmgr_state_save(path, &st_a), 0);
	before = count_files(dir);
	pid = fork();
	assert_true(pid >= 0);
	if (!pid) {
		die_at_rename = true;
		vfmgr_state_save(path, &st_b);
		_exit(2);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(count_files(dir), before + 1);
	assert_int_equal(vfmgr_state_load(path, &loaded), 0);
	assert_true(state_equal(&loaded, &st_a));

	/* The control: the same loop sees a non-atomic writer fail */
	rng = 0x5eed1234;
	o = kill_loop(naive_writer, json, len);
	print_message("# naive:  %u kills, %u A, %u B, %u torn\n", o.kills,
		      o.a, o.b, o.torn);
	assert_true(o.torn > 0);

	free((char *)json[0]);
	free((char *)json[1]);
	empty_dir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_good_text),
		cmocka_unit_test(test_bad_json),
		cmocka_unit_test(test_bad_top_level),
		cmocka_unit_test(test_bad_fields),
		cmocka_unit_test(test_duplicates_and_limit),
		cmocka_unit_test(test_save_errors),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_crash_safety),
	};

	return cmocka_run_group_tests_name("vfmgr_state", tests, setup,
					   teardown);
}
