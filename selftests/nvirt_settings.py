#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Created with a setting, or created without it and then given it: the
same VIF. For every VIF setting, goal and named-policy field, on each
backend (soft on e1000, queue on vmxnet3, VF on igb, and igb's own choice
for goals and policies; goals on soft too), a VIF created with it and one
created plain and then set have the same record and the same datapath behaviour: their
link (MTU, MAC, state, namespace), what reaches the wire from them
(source MAC, VLAN tag and protocol), what they drop (spoofed frames,
frames over the MTU), where a frame to a neighbour VIF goes (switched by
nvirt or out on the wire), whether the guest may change its MAC, whether
the rate limit holds frames back, and on a VF the PF's VF table. A named
policy's fields likewise: followed from the start, followed later, or
set while followed. What one way refuses the other refuses alike, and a
refused set changes nothing. Every keyword of "nvirt vif help" and
"nvirt policy help" has a row: a new one fails until it has one."""

import errno
import fcntl
import json
import os
import re
import socket
import struct
import time

from nvirt_lib import NVIRT, ksft, ip, netns, nvirt_json, run, san_verdict, sh

NS = 'nvst'          # where the netns rows put VIFs
PEER_NS = 'nvsp'     # the peer NIC at the far end of the parent's wire
MAGIC = b'NVSETTINGS'
SPOOF = '02:00:00:00:ee:ee'
GUEST_MAC = '02:00:00:00:ee:01'
SIOCGIFFLAGS, SIOCSIFFLAGS = 0x8913, 0x8914
SIOCGIFMTU, SIOCSIFHWADDR, SIOCGIFHWADDR = 0x8921, 0x8924, 0x8927
IFF_UP, IFF_RUNNING = 0x1, 0x40

# Rows: (keyword covered, CLI words). Settings run on every backend;
# goals and policy fields on soft and on igb's own choice; the paths to
# neighbours (g2g) on queue too.
SETTINGS = [
    ('mac', ['mac', '02:00:00:5e:00:01']),
    ('vlan', ['vlan', '7']),
    ('qos', ['vlan', '7', 'qos', '3']),
    ('proto', ['vlan', '7', 'proto', '802.1ad']),
    ('mtu', ['mtu', '1400']),
    ('max-rate', ['max-rate', '1']),
    ('min-rate', ['min-rate', '5']),
    ('spoofchk', ['spoofchk', 'off']),
    ('trust', ['trust', 'on']),
    ('state', ['state', 'disable']),
    ('state', ['state', 'enable']),
    ('netns', ['netns', NS]),
    # attach tap is nvirt_attach.sh's: QEMU, not a netdev, is its guest
    ('attach', ['attach', 'netns', NS]),
]
GOALS = [
    ('goal', ['goal', 'latency']),
    ('goal', ['goal', 'cpu']),
    ('goal', ['goal', 'density']),
    ('isolation', ['isolation', 'strict']),
    ('migratable', ['migratable', 'yes']),
    ('visibility', ['visibility', 'host']),
    ('g2g', ['g2g', 'external']),
    ('g2g', ['g2g', 'soft']),
    ('g2g', ['g2g', 'nic']),
    ('priority', ['priority', '5']),
]
# Fields of a named policy: followed at creation, later, or set.
POLICY = GOALS + [
    ('max-rate', ['max-rate', '1']),
    ('min-rate', ['min-rate', '5']),
]
# Keywords the contexts and the policy rows cover themselves, and a named
# policy's pool: where new VIFs go, no setting of a VIF (nvirt_pool.sh's).
OTHERS = {'backend', 'policy', 'dry-run', 'name', 'pool'}

# Phases: a parent's driver and its peer's on its wire; in each, contexts
# (name, the tested VIF's extra words, the mate's, rows). On igb a VF VIF
# holds its VFs on throughout: VIFs come and go without a reset. A named
# policy's fields are those of the goals, through one mechanism whatever
# the backend: their rows run where the policy decides the backend too
# (igb's own choice), not again on e1000.
PHASES = [
    ('e1000', 'e1000e', [
        ('soft', [], [], ('settings', 'goals')),
    ]),
    ('vmxnet3', 'igb', [
        ('queue', ['backend', 'queue'], ['backend', 'soft'],
         ('settings', 'g2g')),
    ]),
    ('igb', 'vmxnet3', [
        ('vf', ['backend', 'vf'], ['backend', 'vf'], ('settings',)),
        ('auto', [], ['backend', 'vf'], ('goals', 'policy')),
    ]),
]

# The record's fields that name the object rather than describe it.
VOLATILE = {'id', 'name', 'ifindex', 'ifname', 'queue', 'vf',
            'link_netnsid', 'stats', 'operstate', 'parent_ifindex'}


def drv(driver):
    """The netdev of the initial netns bound to DRIVER."""
    for dev in json.loads(sh('ip', '-j', '-d', 'link', 'show')):
        path = f'/sys/class/net/{dev["ifname"]}/device/driver'
        try:
            if os.path.basename(os.readlink(path)) == driver:
                return dev['ifname']
        except OSError:
            pass
    return None


def usage_keywords(obj):
    """The keywords of 'nvirt OBJ help' that take a value or are flags."""
    _, out, err = run(NVIRT, obj, 'help')
    text = out + err
    words = set(re.findall(r'\[ ([a-z][a-z0-9.-]*)\b', text))
    return words - {'NAME', 'dev'}


def mac_bytes(mac):
    return bytes(int(b, 16) for b in mac.split(':'))


def mac_str(b):
    return ':'.join(f'{x:02x}' for x in b)


class Peer:
    """The NIC at the far end of the wire, in PEER_NS: it sees what leaves."""

    def __init__(self, dev):
        self.dev = dev
        sh('ip', 'link', 'set', dev, 'netns', PEER_NS)
        ip(PEER_NS, 'link', 'set', dev, 'up')
        self.mac = json.loads(ip(PEER_NS, '-j', 'link', 'show', dev))[0]['address']
        with netns(PEER_NS):
            s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW,
                              socket.htons(0x0003))
            s.bind((dev, 0))
        idx = json.loads(ip(PEER_NS, '-j', 'link', 'show', dev))[0]['ifindex']
        # PACKET_ADD_MEMBERSHIP, PACKET_MR_PROMISC; PACKET_AUXDATA.
        s.setsockopt(263, 1, struct.pack('iHH8s', idx, 1, 0, b''))
        s.setsockopt(263, 8, 1)
        s.setblocking(False)
        self.sock = s

    def drain(self):
        try:
            while True:
                self.sock.recv(65536)
        except BlockingIOError:
            pass

    def frames(self, token, wait=1.0):
        """Frames carrying TOKEN seen until its last one, kind E (the
        frames of one path arrive in order), or for WAIT s."""
        seen = []
        end = time.monotonic() + wait
        while time.monotonic() < end:
            try:
                data, anc, _, _ = self.sock.recvmsg(65536, 64)
            except BlockingIOError:
                time.sleep(0.01)
                continue
            if token not in data:
                continue
            vlan = None
            for lvl, typ, val in anc:
                if lvl == 263 and typ == 8 and len(val) >= 20:
                    status, _, _, _, _, tci, tpid = struct.unpack('IIIHHHH', val[:20])
                    if status & 0x10:           # TP_STATUS_VLAN_VALID
                        vlan = (hex(tpid if status & 0x40 else 0x8100),
                                tci & 0xfff, tci >> 13)
            etype = struct.unpack('!H', data[12:14])[0]
            if vlan is None and etype in (0x8100, 0x88a8):
                tci = struct.unpack('!H', data[14:16])[0]
                vlan = (hex(etype), tci & 0xfff, tci >> 13)
            kind = data[data.index(token) + len(token):][:1].decode()
            seen.append((kind, mac_str(data[6:12]), mac_str(data[0:6]), vlan))
            if kind == 'E':
                break
        return sorted(seen)

    def leave(self):
        self.sock.close()
        ip(PEER_NS, 'link', 'set', self.dev, 'netns', '1')


class Rig:
    """One context: a parent, its peer, a mate VIF beside the VIF tested."""

    def __init__(self, parent, peer, ctx):
        self.name, self.extra, mate_extra, self.rows = ctx
        self.parent = parent
        self.peer = peer
        sh(NVIRT, 'vif', 'add', 'nvsmate', 'dev', self.parent, *mate_extra)
        self.mate = nvirt_json('vif', 'show', 'nvsmate')[0]
        self.token = 0

    def close(self):
        run(NVIRT, 'vif', 'del', 'nvsmate')

    def pf_vf(self, rec):
        """The PF's VF table entry of a VF VIF."""
        if rec.get('backend') != 'vf':
            return None
        info = json.loads(sh('ip', '-j', 'link', 'show', self.parent))[0]
        for vf in info.get('vfinfo_list', []):
            if vf['vf'] == rec['vf']:
                return {k: vf.get(k) for k in ('address', 'vlan_list',
                                               'max_tx_rate', 'min_tx_rate',
                                               'spoofchk', 'trust',
                                               'link_state')}
        return 'missing'

    def observe(self, name):
        """What VIF NAME is and does, with its own MAC written SELF."""
        rec = nvirt_json('vif', 'show', name)[0]
        ns = rec.get('netns')
        dev = rec.get('ifname', name)
        mac = rec['mac']
        with netns(ns):
            ctl = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
        s.bind((dev, 0))
        ifr = struct.pack('16sH14s', dev.encode(), 0, b'')
        flags = struct.unpack('16sH', fcntl.ioctl(ctl, SIOCGIFFLAGS, ifr)[:18])[1]
        fcntl.ioctl(ctl, SIOCSIFFLAGS, struct.pack('16sH14s', dev.encode(),
                                                  flags | IFF_UP, b''))
        # Running as soon as it can be (a VF's link comes after a while:
        # on 6.1 a VF's first open takes igbvf up to 7 s, on 6.12 a
        # quarter of one). Not at once: a VF's netdev says it runs before
        # its datapath does.
        for _ in range(1 if rec['link_state'] == 'disable' else 150):
            time.sleep(0.1)
            flags = struct.unpack('16sH', fcntl.ioctl(ctl, SIOCGIFFLAGS, ifr)[:18])[1]
            if flags & IFF_RUNNING:
                break
        mtu = struct.unpack('16si', fcntl.ioctl(ctl, SIOCGIFMTU, ifr)[:20])[1]
        hw = mac_str(fcntl.ioctl(ctl, SIOCGIFHWADDR, ifr)[18:24])
        link = (mtu, hw, bool(flags & IFF_RUNNING))
        self.token += 1
        token = MAGIC + b'%04d' % self.token
        sent = {}
        self.peer.drain()
        for kind, src, dst, size in (('P', mac, self.peer.mac, 60),
                                     ('S', SPOOF, self.peer.mac, 60),
                                     ('B', mac, self.peer.mac, 1514),
                                     ('M', mac, self.mate['mac'], 60),
                                     ('E', mac, self.peer.mac, 60)):
            frame = mac_bytes(dst) + mac_bytes(src) + b'\x88\xb5' + token + kind.encode()
            frame += b'\0' * (size - len(frame))
            try:
                s.send(frame)
                sent[kind] = 'sent'
            except OSError as e:
                sent[kind] = errno_name(e)
        wire = self.peer.frames(token)
        # 60 frames of 1 KB at once: does the rate limit hold some back
        # (each costs 8 ms at 1 Mb/s), or do they all leave (the VIF counts
        # a frame when the parent takes it)?
        held = None
        if rec['backend'] in ('soft', 'queue'):
            burst = mac_bytes(self.peer.mac) + mac_bytes(mac) + b'\x88\xb6'
            before = tx_packets(ns, dev)
            for _ in range(60):
                try:
                    s.send(burst + b'\0' * 986)
                except OSError:
                    break
            held = tx_packets(ns, dev) - before < 60
        s.close()
        # The guest changes its MAC, and back when it could.
        try:
            fcntl.ioctl(ctl, SIOCSIFHWADDR, struct.pack(
                '16sH6s8s', dev.encode(), 1, mac_bytes(GUEST_MAC), b''))
            guest_mac = True
            fcntl.ioctl(ctl, SIOCSIFHWADDR, struct.pack(
                '16sH6s8s', dev.encode(), 1, mac_bytes(mac), b''))
        except OSError as e:
            guest_mac = errno_name(e)
        ctl.close()
        st = nvirt_json('-s', 'vif', 'show', name)[0]['stats']
        obs = {
            'record': {k: v for k, v in rec.items() if k not in VOLATILE},
            'link': link,
            'sent': sent,
            'wire': wire,
            'switched': st.get('tx_switched'),
            'spoof_dropped': st.get('spoof_dropped'),
            'guest_sets_mac': guest_mac,
            'rate_holds': held,
            'pf_vf': self.pf_vf(rec),
        }
        text = json.dumps(obs, sort_keys=True)
        return json.loads(text.replace(mac, 'SELF'))


def tx_packets(ns, dev):
    """DEV's transmitted frames, from its netns's /proc/net/dev."""
    with netns(ns):
        text = open('/proc/thread-self/net/dev').read()
    for line in text.splitlines():
        name, _, rest = line.partition(':')
        if name.strip() == dev:
            return int(rest.split()[9])
    raise LookupError(dev)


def errno_name(e):
    return errno.errorcode.get(e.errno, str(e.errno))


def norm_err(text):
    """A refusal's words, whatever the VIF and policy are called; a
    policy's refusal names the follower that could not follow first."""
    text = re.sub(r'\bnvs[abc]\b', 'VIF', text)
    text = re.sub(r'\bnvsp[01]\b', 'POLICY', text)
    return text.replace('Error: VIF: ', 'Error: ')


def record(name):
    rec = nvirt_json('vif', 'show', name)[0]
    return {k: v for k, v in rec.items() if k not in VOLATILE}


def outcome(rig, name, steps):
    """Run STEPS (lists of CLI words); the VIF's observation, or the first
    refusal (its message, and after the VIF exists whether the refused
    step changed its record)."""
    before = None
    for words in steps:
        rc, _, err = run(NVIRT, *words)
        if rc:
            res = {'refused': norm_err(err)}
            if before is not None:
                res['changed'] = record(name) != before
            return res
        if words[:2] == ['vif', 'add']:
            before = record(name)
    return rig.observe(name)


def cleanup(*names, policies=('nvsp0', 'nvsp1')):
    """What a row may have left: each CLI call costs a tenth of a second
    under TCG, so rows call this only when they stop short."""
    for n in names:
        run(NVIRT, 'vif', 'del', n)
    for p in policies:
        run(NVIRT, 'policy', 'del', p)


def differs(a, b, path=''):
    """The paths where two observations differ."""
    if isinstance(a, dict) and isinstance(b, dict):
        out = []
        for k in sorted(set(a) | set(b)):
            out += differs(a.get(k), b.get(k), f'{path}.{k}' if path else k)
        return out
    return [] if a == b else [f'{path}: {a!r} vs {b!r}']


def t_row(rig, label, words):
    """A setting, goal or field: created with it, or set after."""
    base = ['dev', rig.parent] + rig.extra
    ways = {
        'created with': [['vif', 'add', 'nvsa'] + base + words],
        'set after': [['vif', 'add', 'nvsb'] + base, ['vif', 'set', 'nvsb'] + words],
    }
    results = {}
    try:
        for way, steps in ways.items():
            results[way] = outcome(rig, steps[0][2], steps)
            run(NVIRT, 'vif', 'del', steps[0][2])
    except BaseException:
        cleanup('nvsa', 'nvsb', policies=())
        raise
    return compare(rig, label, results)


def t_policy_row(rig, label, words):
    """A named policy's field: followed from creation, followed later, or
    set on the policy while followed."""
    base = ['dev', rig.parent] + rig.extra
    steps_c = [['policy', 'add', 'nvsp0'], ['vif', 'add', 'nvsc'] + base + ['policy', 'nvsp0'],
               ['policy', 'set', 'nvsp0'] + words]
    ways = {
        'followed at creation': [['policy', 'add', 'nvsp1'] + words,
                                 ['vif', 'add', 'nvsa'] + base + ['policy', 'nvsp1']],
        'followed later': [['vif', 'add', 'nvsb'] + base, ['vif', 'set', 'nvsb', 'policy', 'nvsp1']],
        'set while followed': steps_c,
    }
    results = {}
    try:
        for way, steps in ways.items():
            name = next(s[2] for s in steps if s[:2] == ['vif', 'add'])
            results[way] = outcome(rig, name, steps)
            if 'record' in results[way]:
                results[way]['record'].pop('policy_name', None)
            run(NVIRT, 'vif', 'del', name)
    except BaseException:
        cleanup('nvsa', 'nvsb', 'nvsc')
        raise
    cleanup()
    return compare(rig, label, results)


def compare(rig, label, results):
    ok = True
    for way, res in results.items():
        if res.pop('changed', False):
            ksft.print_msg(f'{rig.name}: {label}: {way}: refused, yet the VIF changed')
            ok = False
    ways = list(results)
    first = results[ways[0]]
    for way in ways[1:]:
        for d in differs(first, results[way]):
            ksft.print_msg(f'{rig.name}: {label}: {ways[0]} vs {way}: {d}')
            ok = False
    return ok


def t_covered():
    """Every keyword of the usage has a row."""
    want = usage_keywords('vif') | usage_keywords('policy')
    have = {k for k, _ in SETTINGS + GOALS + POLICY} | OTHERS
    missing = sorted(want - have)
    if missing:
        ksft.print_msg(f'keywords with no row: {" ".join(missing)}')
    return not missing


def phase(pdrv, peer_drv, contexts, rows):
    parent = drv(pdrv)
    peer = Peer(drv(peer_drv))
    try:
        sh('ip', 'link', 'set', parent, 'up')
        if pdrv == 'igb':
            sh(NVIRT, 'vif', 'add', 'nvshold', 'dev', parent, 'backend', 'vf')
        for ctx in contexts:
            rig = Rig(parent, peer, ctx)
            try:
                for kind in rig.rows:
                    fn = t_policy_row if kind == 'policy' else t_row
                    what = {'policy': 'policy field', 'settings': 'setting'}.get(
                        kind, 'goal')
                    for label, words in rows[kind]:
                        ksft.test_result(fn(rig, label, words),
                                         f'{rig.name}: {what} {" ".join(words)}: '
                                         'the same either way')
            finally:
                rig.close()
    finally:
        # VFs off first: their netdevs may have taken the peer's name.
        run(NVIRT, 'vif', 'del', 'nvshold')
        peer.leave()


def main():
    ksft.print_header()
    rows = {'settings': SETTINGS, 'goals': GOALS, 'policy': POLICY,
            'g2g': [r for r in GOALS if r[0] == 'g2g']}
    ksft.set_plan(1 + sum(len(rows[r]) for ph in PHASES for c in ph[2]
                          for r in c[3]))
    ksft.test_result(t_covered(), 'every keyword of the usage has a row')
    sh('modprobe', 'igbvf')
    for ns in (NS, PEER_NS):
        run('ip', 'netns', 'del', ns)
        sh('ip', 'netns', 'add', ns)
        # No traffic of its own (IPv6 ND, MLD) in the way.
        sh('ip', 'netns', 'exec', ns, 'sysctl', '-qw',
           'net.ipv6.conf.all.disable_ipv6=1',
           'net.ipv6.conf.default.disable_ipv6=1')
    try:
        for pdrv, peer_drv, contexts in PHASES:
            phase(pdrv, peer_drv, contexts, rows)
    finally:
        for ns in (NS, PEER_NS):
            run('ip', 'netns', 'del', ns)
    san_verdict()
    ksft.finished()


if __name__ == '__main__':
    main()
