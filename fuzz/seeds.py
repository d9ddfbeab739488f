#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Capture the seed corpus of fuzz_reply from the nvirt module itself.

Run in the test VM as root, with nvirt.ko loaded:

    selftests/vm/run -- fuzz/seeds.py OUTDIR

The host's root is read-only in the VM: OUTDIR under $NVIRT_VMOUT, then
copied to fuzz/corpus/reply, where ack-done-int-min, made by hand, stays.

It speaks the nvirt family over a raw generic netlink socket (not through
libnvirt: the replies are the kernel's, byte for byte) and writes each
reply as fuzz_reply reads it: one selector byte (what the message is read
as, enum reply_kind of fuzz/reply.c) and the message. It makes what it
asks about (a dummy NIC, VFs on igb, a pool, a named policy naming it,
VIFs, one on a tap)
and removes it again.
"""

import os
import re
import socket
import struct
import subprocess
import sys

REPO = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
UAPI = os.path.join(REPO, 'include/uapi/linux/nvirt.h')

# enum reply_kind of fuzz/reply.c
NIC, VIF, POLICY, VERSION, PLAN, EXPLAIN, ACK, POOL = range(8)

NLM_F_REQUEST, NLM_F_ACK, NLM_F_DUMP = 0x1, 0x4, 0x300
NLMSG_ERROR, NLMSG_DONE = 2, 3
GENL_ID_CTRL, CTRL_CMD_GETFAMILY = 0x10, 3
CTRL_ATTR_FAMILY_ID, CTRL_ATTR_FAMILY_NAME, CTRL_ATTR_MCAST_GROUPS = 1, 2, 7
SOL_NETLINK, NETLINK_ADD_MEMBERSHIP = 270, 1
NETLINK_CAP_ACK, NETLINK_EXT_ACK = 10, 11
NLA_F_NESTED = 0x8000


def uapi():
    """The enumerators of <linux/nvirt.h>, by name."""
    text = open(UAPI).read()
    consts = {name: int(val, 0) for name, val in
              re.findall(r'^#define\s+(\w+)\s+(\d+|0x[0-9a-fA-F]+)\s*$',
                         text, re.M)}
    for body in re.findall(r'enum[^{]*\{(.*?)\};', text, re.S):
        val = 0
        for name, expr in re.findall(r'^\s*(\w+)(?:\s*=\s*([^,\n]+))?,?',
                                     body, re.M):
            if expr:
                val = eval(expr, {}, consts)
            consts[name] = val
            val += 1
    return consts


C = uapi()


def attr(atype, payload):
    hdr = struct.pack('=HH', 4 + len(payload), atype)
    return hdr + payload + b'\0' * (-len(payload) % 4)


def u32(t, v): return attr(t, struct.pack('=I', v))
def string(t, s): return attr(t, s.encode() + b'\0')
def flag(t): return attr(t, b'')
def nest(t, *attrs): return attr(t | NLA_F_NESTED, b''.join(attrs))


class Genl:
    def __init__(self):
        self.sk = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 16)
        self.sk.bind((0, 0))
        self.sk.setsockopt(SOL_NETLINK, NETLINK_EXT_ACK, 1)
        self.sk.setsockopt(SOL_NETLINK, NETLINK_CAP_ACK, 1)
        self.seq = 0
        self.family = GENL_ID_CTRL
        self.ctrl = self.request(CTRL_CMD_GETFAMILY,
                                 string(CTRL_ATTR_FAMILY_NAME, 'nvirt'))[0]
        self.family = self.attrs(self.ctrl)[CTRL_ATTR_FAMILY_ID][0]

    @staticmethod
    def attrs(msg):
        """The u16/u32 attributes of a reply, by type (enough for ctrl)."""
        out, off = {}, 20
        while off + 4 <= len(msg):
            alen, atype = struct.unpack_from('=HH', msg, off)
            data = msg[off + 4:off + alen]
            if len(data) in (2, 4):
                out[atype & 0x3fff] = struct.unpack('=H' if len(data) == 2
                                                    else '=I', data)
            off += (alen + 3) & ~3
        return out

    def monitor(self):
        """A socket in nvirt's monitor group."""
        grp = None
        for atype, data in self.nested(self.ctrl[20:]):
            if atype != CTRL_ATTR_MCAST_GROUPS:
                continue
            for _, group in self.nested(data):
                fields = dict(self.nested(group))
                if fields.get(1, b'').rstrip(b'\0') == b'monitor':
                    grp = struct.unpack('=I', fields[2])[0]
        sk = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 16)
        sk.bind((0, 0))
        sk.setsockopt(SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, grp)
        sk.settimeout(2)
        return sk

    @staticmethod
    def events(sk):
        """The notifications waiting on a monitor socket."""
        out = []
        try:
            while True:
                data = sk.recv(1 << 16)
                off = 0
                while off + 16 <= len(data):
                    mlen = struct.unpack_from('=I', data, off)[0]
                    out.append(data[off:off + mlen])
                    off += (mlen + 3) & ~3
        except socket.timeout:
            return out

    @staticmethod
    def nested(data):
        """(type, payload) of the attributes in data."""
        off = 0
        while off + 4 <= len(data):
            alen, atype = struct.unpack_from('=HH', data, off)
            yield atype & 0x3fff, data[off + 4:off + alen]
            off += (alen + 3) & ~3

    def request(self, cmd, payload=b'', flags=0):
        """Every message answering the request, up to its ACK or DONE."""
        self.seq += 1
        body = struct.pack('=BBH', cmd, C['NVIRT_FAMILY_VERSION']
                           if self.family != GENL_ID_CTRL else 1, 0) + payload
        msg = struct.pack('=IHHII', 16 + len(body), self.family,
                          NLM_F_REQUEST | NLM_F_ACK | flags, self.seq, 0) + body
        self.sk.send(msg)
        replies = []
        while True:
            data = self.sk.recv(1 << 16)
            off = 0
            while off + 16 <= len(data):
                mlen, mtype = struct.unpack_from('=IH', data, off)
                seq = struct.unpack_from('=I', data, off + 8)[0]
                one = data[off:off + mlen]
                off += (mlen + 3) & ~3
                if seq != self.seq:
                    continue
                replies.append(one)
                if mtype == NLMSG_DONE or mtype == NLMSG_ERROR:
                    return replies


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        REPO, 'fuzz/corpus/reply')
    os.makedirs(out, exist_ok=True)
    g = Genl()
    saved = []

    def save(name, kind, msg):
        with open(os.path.join(out, name), 'wb') as f:
            f.write(bytes([kind]) + msg)
        saved.append(f'{name} ({len(msg)} bytes)')

    def sh(cmd):
        subprocess.run(cmd, shell=True, check=False,
                       stderr=subprocess.DEVNULL)

    def pf_of(driver):
        for dev in sorted(os.listdir('/sys/class/net')):
            link = f'/sys/class/net/{dev}/device/driver'
            if os.path.exists(link) and \
                    os.path.basename(os.readlink(link)) == driver:
                return dev
        return None

    igb = pf_of('igb')
    vif = lambda *a: b''.join(a)  # noqa: E731
    try:
        sh('ip link add nvs0 type dummy && ip link set nvs0 up')
        if igb:
            sh(f'echo 2 > /sys/class/net/{igb}/device/sriov_numvfs')
        save('version', VERSION, g.request(C['NVIRT_CMD_VERSION_GET'])[0])

        nics = g.request(C['NVIRT_CMD_NIC_GET'], b'', NLM_F_DUMP)
        for i, msg in enumerate(nics[:-1]):
            save(f'nic-{i}', NIC, msg)
        save('ack-dump-done', ACK, nics[-1])

        g.request(C['NVIRT_CMD_POOL_NEW'],
                  string(C['NVIRT_A_POOL_NAME'], 'up') +
                  nest(C['NVIRT_A_POOL_MEMBER'],
                       string(C['NVIRT_A_POOL_MEMBER_IFNAME'], 'nvs0')))
        save('pool', POOL, g.request(
            C['NVIRT_CMD_POOL_GET'], string(C['NVIRT_A_POOL_NAME'], 'up'))[0])
        pol = nest(C['NVIRT_A_NAMED_POLICY_POLICY'],
                   u32(C['NVIRT_A_POLICY_GOAL'], C['NVIRT_GOAL_LATENCY']),
                   u32(C['NVIRT_A_POLICY_PRIORITY'], 5)) + \
            u32(C['NVIRT_A_NAMED_POLICY_MAX_RATE'], 100) + \
            string(C['NVIRT_A_NAMED_POLICY_POOL_NAME'], 'up')
        ack = g.request(C['NVIRT_CMD_POLICY_NEW'],
                        string(C['NVIRT_A_NAMED_POLICY_NAME'], 'gold') + pol)
        save('ack-ok', ACK, ack[-1])
        save('policy', POLICY, g.request(
            C['NVIRT_CMD_POLICY_GET'],
            string(C['NVIRT_A_NAMED_POLICY_NAME'], 'gold'))[0])

        new = vif(string(C['NVIRT_A_VIF_NAME'], 'fz0'),
                  string(C['NVIRT_A_VIF_PARENT_IFNAME'], 'nvs0'),
                  u32(C['NVIRT_A_VIF_VLAN'], 10),
                  u32(C['NVIRT_A_VIF_VLAN_QOS'], 3),
                  u32(C['NVIRT_A_VIF_MTU'], 1400),
                  u32(C['NVIRT_A_VIF_MAX_RATE'], 50),
                  string(C['NVIRT_A_VIF_POLICY_NAME'], 'gold'),
                  nest(C['NVIRT_A_VIF_POLICY'],
                       u32(C['NVIRT_A_POLICY_ISOLATION'],
                          C['NVIRT_ISOLATION_STANDARD']),
                       u32(C['NVIRT_A_POLICY_G2G'], C['NVIRT_G2G_SOFT'])))
        mon = g.monitor()
        save('vif-new', VIF, g.request(C['NVIRT_CMD_VIF_NEW'], new)[0])
        save('vif-set', ACK, g.request(
            C['NVIRT_CMD_VIF_SET'],
            string(C['NVIRT_A_VIF_NAME'], 'fz0') +
            u32(C['NVIRT_A_VIF_MTU'], 1300))[-1])
        for i, msg in enumerate(g.events(mon)):
            save(f'vif-event-{i}', VIF, msg)
        save('vif-get', VIF, g.request(
            C['NVIRT_CMD_VIF_GET'], string(C['NVIRT_A_VIF_NAME'], 'fz0'))[0])
        save('explain', EXPLAIN, g.request(
            C['NVIRT_CMD_VIF_EXPLAIN'],
            string(C['NVIRT_A_VIF_NAME'], 'fz0'))[0])
        # A VIF on a tap: its record names the device.
        save('vif-tap', VIF, g.request(C['NVIRT_CMD_VIF_NEW'], vif(
            string(C['NVIRT_A_VIF_NAME'], 'fz3'),
            string(C['NVIRT_A_VIF_PARENT_IFNAME'], 'nvs0'),
            u32(C['NVIRT_A_VIF_ATTACH'], C['NVIRT_ATTACH_TAP'])))[0])
        if igb:
            for name, backend in (('vf', 'NVIRT_BACKEND_VF'),
                                  ('queue', 'NVIRT_BACKEND_QUEUE')):
                dry = vif(string(C['NVIRT_A_VIF_NAME'], 'fz1'),
                          string(C['NVIRT_A_VIF_PARENT_IFNAME'], igb),
                          u32(C['NVIRT_A_VIF_BACKEND'], C[backend]),
                          u32(C['NVIRT_A_VIF_VLAN'], 10),
                          flag(C['NVIRT_A_VIF_DRY_RUN']))
                save(f'plan-{name}', PLAN,
                     g.request(C['NVIRT_CMD_VIF_NEW'], dry)[0])
        refused = vif(string(C['NVIRT_A_VIF_NAME'], 'fz1'),
                      string(C['NVIRT_A_VIF_PARENT_IFNAME'], 'nvs0'),
                      u32(C['NVIRT_A_VIF_BACKEND'], C['NVIRT_BACKEND_VF']),
                      flag(C['NVIRT_A_VIF_DRY_RUN']))
        save('plan-refused', PLAN,
             g.request(C['NVIRT_CMD_VIF_NEW'], refused)[0])

        # Errors: the kernel's message; a policy violation, with the
        # offset of the culprit and its policy.
        save('ack-error-msg', ACK, g.request(
            C['NVIRT_CMD_VIF_NEW'],
            vif(string(C['NVIRT_A_VIF_NAME'], 'fz2'),
                string(C['NVIRT_A_VIF_PARENT_IFNAME'], 'nosuch0')))[-1])
        save('ack-error-policy', ACK, g.request(
            C['NVIRT_CMD_VIF_NEW'],
            vif(string(C['NVIRT_A_VIF_NAME'], 'fz-name-far-too-long'),
                string(C['NVIRT_A_VIF_PARENT_IFNAME'], 'nvs0')))[-1])
        save('ack-error-range', ACK, g.request(
            C['NVIRT_CMD_VIF_NEW'],
            vif(string(C['NVIRT_A_VIF_NAME'], 'fz2'),
                string(C['NVIRT_A_VIF_PARENT_IFNAME'], 'nvs0'),
                u32(C['NVIRT_A_VIF_VLAN'], 5000)))[-1])
    finally:
        for name in ('fz0', 'fz3'):
            g.request(C['NVIRT_CMD_VIF_DEL'], string(C['NVIRT_A_VIF_NAME'], name))
        g.request(C['NVIRT_CMD_POLICY_DEL'],
                  string(C['NVIRT_A_NAMED_POLICY_NAME'], 'gold'))
        g.request(C['NVIRT_CMD_POOL_DEL'], string(C['NVIRT_A_POOL_NAME'], 'up'))
        sh('ip link del nvs0')
        if igb:
            sh(f'echo 0 > /sys/class/net/{igb}/device/sriov_numvfs')
    print(f'{len(saved)} seeds in {out}:', ', '.join(saved))


if __name__ == '__main__':
    main()
