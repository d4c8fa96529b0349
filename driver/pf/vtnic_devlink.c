// SPDX-License-Identifier: GPL-2.0
/*
 * vtnic: devlink - one instance per PF, for "devlink dev info": the
 * serial number, the NVM image's version and eTrack id, the board's PBA
 * number.  Documentation/vtnic.rst says where each comes from.
 */

#include <linux/bitfield.h>
#include <linux/ctype.h>
#include <linux/iopoll.h>
#include <linux/pci.h>
#include <net/devlink.h>

#include "vtnic.h"

#define VTNIC_DL_BOARD_ID	DEVLINK_INFO_VERSION_GENERIC_BOARD_ID

/* Longest PBA string block the driver reads, in words after its length */
#define VTNIC_PBA_STRING_WORDS	16

/**
 * struct vtnic_devlink - the devlink instance's private part
 * @vn: the PF
 * @running: what the NVM said at probe, the image the device loaded
 */
struct vtnic_devlink {
	struct vtnic *vn;
	struct vtnic_nvm_id running;
};

/**
 * vtnic_eerd_read() - EEPROM words through a MAC's EEPROM Read register
 * @vn: the PF
 * @eerd: the register's offset, the fields are the same on every MAC
 * @word: the first word
 * @count: words
 * @data: @count words
 *
 * Each word is started and its DONE polled for (at most 100 ms).
 *
 * Return: 0, or -EIO when a word does not come (or the device is gone).
 */
int vtnic_eerd_read(struct vtnic *vn, u32 eerd, unsigned int word,
		    unsigned int count, u16 *data)
{
	unsigned int i;
	u32 val;

	for (i = 0; i < count; i++) {
		vtnic_wr32(vn, eerd, FIELD_PREP(VTNIC_HW_EERD_ADDR, word + i) |
			   VTNIC_HW_EERD_START);
		if (read_poll_timeout(vtnic_rd32, val,
				      val & VTNIC_HW_EERD_DONE, 5, 100000,
				      false, vn, eerd) || val == ~0U)
			return -EIO;
		data[i] = FIELD_GET(VTNIC_HW_EERD_DATA, val);
	}
	return 0;
}

static int vtnic_read_nvm_id(struct vtnic *vn, struct vtnic_nvm_id *id)
{
	int err;

	memset(id, 0, sizeof(*id));
	mutex_lock(&vn->nvm_lock);
	err = vn->mac->ops->read_nvm_id(vn, id);
	mutex_unlock(&vn->nvm_lock);
	return err;
}

/*
 * The Device Serial Number capability, most significant byte first, as
 * ice, i40e and ixgbe print it.  A function without one (QEMU's igb has
 * none) gets the EUI-64 of its permanent address instead: the OUI,
 * ff-fe, the rest, the form the capability itself takes on cards that
 * derive it from the address.
 */
static void vtnic_serial(struct vtnic *vn, char *buf, size_t len)
{
	u64 dsn = pci_get_dsn(vn->pdev);
	unsigned int i;
	u8 id[8];

	if (dsn) {
		for (i = 0; i < sizeof(id); i++)
			id[i] = dsn >> (56 - 8 * i);
	} else {
		memcpy(id, vn->perm_addr, 3);
		id[3] = 0xff;
		id[4] = 0xfe;
		memcpy(id + 5, vn->perm_addr + 3, 3);
	}
	snprintf(buf, len, "%8phD", id);
}

/*
 * The PBA number: two words printed as six hex digits, '-' and three,
 * or, behind VTNIC_NVM_PBA_STRING, a block of a length word (itself
 * included) and two characters a word.  Return: 0, or -ENODATA when the
 * NVM holds none that reads as one.
 */
static int vtnic_pba(struct vtnic *vn, const u16 *pba, char *buf,
		     size_t len)
{
	u16 block[VTNIC_PBA_STRING_WORDS], words;
	unsigned int i;
	int err;

	if (pba[0] != VTNIC_NVM_PBA_STRING) {
		snprintf(buf, len, "%04X%02X-0%02X", pba[0], pba[1] >> 8,
			 pba[1] & 0xff);
		return 0;
	}
	if (len < 2 * VTNIC_PBA_STRING_WORDS + 1)
		return -EINVAL;
	err = vtnic_read_nvm(vn, pba[1], 1, &words);
	if (err)
		return err;
	if (words < 2 || words - 1 > VTNIC_PBA_STRING_WORDS)
		return -ENODATA;
	words--;
	err = vtnic_read_nvm(vn, pba[1] + 1, words, block);
	if (err)
		return err;
	for (i = 0; i < words; i++) {
		buf[2 * i] = block[i] >> 8;
		buf[2 * i + 1] = block[i] & 0xff;
	}
	buf[2 * words] = '\0';
	for (i = 0; buf[i]; i++)
		if (!isprint(buf[i]))
			return -ENODATA;
	return i ? 0 : -ENODATA;
}

static int vtnic_versions_put(struct devlink_info_req *req,
			      const struct vtnic_nvm_id *id,
			      int (*put)(struct devlink_info_req *req,
					 const char *name, const char *value))
{
	char buf[16];
	int err;

	if (id->has_version) {
		snprintf(buf, sizeof(buf), "%u.%u", id->major, id->minor);
		err = put(req, DEVLINK_INFO_VERSION_GENERIC_FW, buf);
		if (err)
			return err;
	}
	if (id->has_etrack) {
		snprintf(buf, sizeof(buf), "0x%08x", id->etrack);
		err = put(req, DEVLINK_INFO_VERSION_GENERIC_FW_BUNDLE_ID, buf);
		if (err)
			return err;
	}
	return 0;
}

/*
 * The running versions are those read at probe, the image the device
 * loaded at its reset; the stored ones are read from the NVM now.
 */
static int vtnic_devlink_info_get(struct devlink *devlink,
				  struct devlink_info_req *req,
				  struct netlink_ext_ack *extack)
{
	struct vtnic_devlink *dl = devlink_priv(devlink);
	struct vtnic *vn = dl->vn;
	struct vtnic_nvm_id stored;
	char buf[2 * VTNIC_PBA_STRING_WORDS + 1];
	int err;

	err = vtnic_devlink_info_driver_name_put(req, VTNIC_DRV_NAME);
	if (err)
		return err;

	vtnic_serial(vn, buf, sizeof(buf));
	err = devlink_info_serial_number_put(req, buf);
	if (err)
		return err;

	err = vtnic_read_nvm_id(vn, &stored);
	if (err) {
		NL_SET_ERR_MSG_MOD(extack, "cannot read the NVM");
		return err;
	}
	if (!vtnic_pba(vn, stored.pba, buf, sizeof(buf))) {
		err = devlink_info_version_fixed_put(req, VTNIC_DL_BOARD_ID,
						     buf);
		if (err)
			return err;
	}
	err = vtnic_versions_put(req, &dl->running,
				 devlink_info_version_running_put);
	if (err)
		return err;
	return vtnic_versions_put(req, &stored,
				  devlink_info_version_stored_put);
}

static const struct devlink_ops vtnic_devlink_ops = {
	.info_get = vtnic_devlink_info_get,
};

/**
 * vtnic_devlink_alloc() - the PF's devlink instance, not yet registered
 * @vn: the PF, reset, its NVM readable
 *
 * Return: 0, -ENOMEM, or -EIO when the NVM cannot be read.
 */
int vtnic_devlink_alloc(struct vtnic *vn)
{
	struct vtnic_devlink *dl;
	struct devlink *devlink;
	int err;

	devlink = devlink_alloc(&vtnic_devlink_ops, sizeof(*dl),
				&vn->pdev->dev);
	if (!devlink)
		return -ENOMEM;
	dl = devlink_priv(devlink);
	dl->vn = vn;
	err = vtnic_read_nvm_id(vn, &dl->running);
	if (err) {
		devlink_free(devlink);
		return err;
	}
	vn->devlink = devlink;
	return 0;
}

/**
 * vtnic_devlink_free() - undo vtnic_devlink_alloc()
 * @vn: the PF
 */
void vtnic_devlink_free(struct vtnic *vn)
{
	devlink_free(vn->devlink);
}

/**
 * vtnic_devlink_register() - make the instance visible, last in probe
 * @vn: the PF
 */
void vtnic_devlink_register(struct vtnic *vn)
{
	devlink_register(vn->devlink);
}

/**
 * vtnic_devlink_unregister() - hide it again, first in remove
 * @vn: the PF
 */
void vtnic_devlink_unregister(struct vtnic *vn)
{
	devlink_unregister(vn->devlink);
}
