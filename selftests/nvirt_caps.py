#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""nvirt's capability record of each NIC, knob by knob, on real drivers:
igb (PF, then with VFs), igbvf, e1000e, e1000, virtio_net, vmxnet3 and
8139cp (drivers nvirt has no knowledge of), veth and dummy. Numbers are
checked against sysfs and ethtool, the record's shape against the spec."""

import json
import os
import re
import subprocess
import time

from nvirt_lib import NVIRT, REPO, ksft, san_verdict, sh

SPEC = os.path.join(REPO, 'Documentation/netlink/specs/nvirt.yaml')

VF_KNOBS = ['vf-mac', 'vf-vlan', 'vf-vlan-proto', 'vf-max-rate',
            'vf-min-rate', 'vf-spoofchk', 'vf-trust', 'vf-link-state',
            'vf-rss-query']
NIC_KNOBS = ['queue-max-rate', 'l2fwd-offload', 'embedded-switch',
             'switchdev', 'checksum', 'tso', 'vlan-insert', 'vlan-strip',
             'vlan-filter', 'xdp']


def nics():
    return {n['ifname']: n for n in json.loads(sh(NVIRT, '-j', 'nic', 'show'))}


def by_driver(records, driver):
    return [n for n in records.values() if n.get('driver') == driver]


def spec_enum(name):
    """Entries of an enum of the YNL spec, in order (no YAML module needed)."""
    text = open(SPEC).read()
    block = re.search(r'type: enum\n\s+name: %s\n(.*?)\n  -\n    type:|'
                      r'type: enum\n\s+name: %s\n(.*?)\nattribute-sets'
                      % (name, name), text, re.S)
    body = block.group(1) or block.group(2)
    return re.findall(r'^\s+name: ([a-z0-9-]+)$', body, re.M)


def caps_of(nic):
    return {k: (v['support'], v.get('reason', 'none'))
            for k, v in nic['caps'].items()}


def expect(desc, got, want):
    """Compare, print every difference, return whether all matched."""
    diffs = [k for k in sorted(set(got) | set(want)) if got.get(k) != want.get(k)]
    for k in diffs:
        ksft.print_msg(f'{desc}: {k}: got {got.get(k)}, want {want.get(k)}')
    return not diffs


def all_knobs(support, reason, rss='unsupported', switchdev='unsupported'):
    want = {k: (support, reason) for k in VF_KNOBS + NIC_KNOBS}
    want['vf-rss-query'] = (rss, reason)
    want['switchdev'] = (switchdev, reason)
    return want


HW = ('hardware', 'none')
NOOP = ('software', 'no-driver-op')
NOHW = ('software', 'no-hw-feature')

# Per driver: the NIC-wide knobs of the devices QEMU emulates, as their
# drivers declare them. VF knobs follow from SR-IOV (checked separately).
NIC_EXPECT = {
    'igb': dict(checksum=HW, tso=HW, **{'vlan-insert': HW, 'vlan-strip': HW,
                'vlan-filter': HW, 'embedded-switch': HW}, xdp=HW),
    'igbvf': dict(checksum=HW, tso=HW, **{'vlan-insert': HW, 'vlan-strip': HW,
                  'vlan-filter': HW}, xdp=NOOP),
    'e1000e': dict(checksum=HW, tso=HW, **{'vlan-insert': HW, 'vlan-strip': HW,
                   'vlan-filter': HW}, xdp=NOOP),
    'e1000': dict(checksum=HW, tso=HW, **{'vlan-insert': HW, 'vlan-strip': HW,
                  'vlan-filter': HW}, xdp=NOOP),
}


def nic_knobs(driver):
    want = {'queue-max-rate': NOOP, 'l2fwd-offload': NOHW,
            'embedded-switch': NOOP, 'switchdev': ('unsupported', 'no-driver-op')}
    want.update(NIC_EXPECT.get(driver, {}))
    return want


def vf_knobs(reason):
    want = {k: ('software', reason) for k in VF_KNOBS}
    want['vf-rss-query'] = ('unsupported', reason)
    return want


def only(caps, knobs):
    return {k: v for k, v in caps.items() if k in knobs}


def t_shape(records):
    """Every NIC reports every knob of the spec, honestly classified."""
    knobs = spec_enum('knob')
    supports = spec_enum('support')
    reasons = spec_enum('reason')
    ok = True
    for name, n in records.items():
        caps = caps_of(n)
        if sorted(caps) != sorted(knobs):
            ksft.print_msg(f'{name}: knobs {sorted(caps)}')
            ok = False
        for k, (s, r) in caps.items():
            if s not in supports or r not in reasons or (s == 'hardware') != (r == 'none'):
                ksft.print_msg(f'{name}: {k}: {s} ({r})')
                ok = False
        # A switch mode is reported only for a switch in hardware.
        if ('esw_mode' in n) != (caps.get('embedded-switch', ('',))[0] == 'hardware'):
            ksft.print_msg(f'{name}: esw_mode {n.get("esw_mode")} with {caps.get("embedded-switch")}')
            ok = False
    return ok


def ethtool_channels(name):
    """ethtool -l, keyed as nvirt's JSON is; "n/a" is 0."""
    out = sh('ethtool', '-l', name)
    maxes, cur = out.split('Current hardware settings:')
    chans = {}
    for prefix, text in (('max_', maxes), ('', cur)):
        for kind in ('RX', 'TX', 'Other', 'Combined'):
            m = re.search(r'^%s:\s+(\S+)' % kind, text, re.M)
            val = m.group(1) if m else 'n/a'
            chans[prefix + kind.lower()] = 0 if val == 'n/a' else int(val)
    return chans


def t_queues(records):
    """Queue counts match sysfs; channels match ethtool -l."""
    ok = True
    for name, n in records.items():
        qdir = f'/sys/class/net/{name}/queues'
        tx = len([q for q in os.listdir(qdir) if q.startswith('tx-')])
        rx = len([q for q in os.listdir(qdir) if q.startswith('rx-')])
        ok &= expect(name, {'tx': n['queues']['tx'], 'rx': n['queues']['rx']},
                     {'tx': tx, 'rx': rx})
        if 'channels' in n:
            ok &= expect(name, n['channels'], ethtool_channels(name))
    return ok


def t_pf(records):
    """igb PF: 8 queues, 7 VFs possible, VF knobs in hardware but min rate,
    802.1ad, link state and RSS query."""
    pf = by_driver(records, 'igb')[0]
    want = vf_knobs('none')
    want.update({'vf-mac': HW, 'vf-vlan': HW, 'vf-max-rate': HW,
                 'vf-spoofchk': HW, 'vf-trust': HW,
                 'vf-vlan-proto': ('software', 'driver-limit'),
                 'vf-min-rate': ('software', 'driver-limit'),
                 'vf-link-state': NOOP,
                 'vf-rss-query': ('unsupported', 'no-driver-op')})
    want.update(nic_knobs('igb'))
    return (expect('igb', caps_of(pf), want) &
            expect('igb', {'max_tx': pf['queues']['max_tx'],
                           'sriov': pf.get('sriov')},
                   {'max_tx': 8,
                    'sriov': {'total_vfs': 7, 'num_vfs': 0, 'vfs': []}}))


def t_no_sriov(records, driver):
    n = by_driver(records, driver)
    if not n:
        ksft.print_msg(f'no {driver} NIC')
        return False
    n = n[0]
    want = vf_knobs('no-sriov')
    want.update(nic_knobs(driver))
    got = caps_of(n)
    if driver not in NIC_EXPECT:
        # Unknown to this test: offloads are whatever the driver says,
        # but never a hardware VF knob and never switchdev.
        got = only(got, VF_KNOBS + ['switchdev'])
        want = only(want, VF_KNOBS + ['switchdev'])
    return expect(driver, got, want) & ('sriov' not in n) & ('vf' not in n)


def t_virtual(records):
    """veth and dummy: nothing in hardware."""
    ok = True
    for name in ('nvc0', 'nvd0'):
        ok &= expect(name, caps_of(records[name]), all_knobs('software', 'virtual'))
    return ok


def t_vfs(before):
    """Enabling VFs on igb lists them on the PF; each igbvf knows its PF."""
    pf = by_driver(before, 'igb')[0]
    dev = f"/sys/class/net/{pf['ifname']}/device"
    with open(f'{dev}/sriov_numvfs', 'w') as f:
        f.write('2')
    subprocess.run(['modprobe', 'igbvf'], check=True)
    for _ in range(100):
        records = nics()
        if len(by_driver(records, 'igbvf')) == 2:
            break
        time.sleep(0.1)
    pf = records[pf['ifname']]
    vfs = sorted(by_driver(records, 'igbvf'), key=lambda n: n['vf']['index'])
    links = {i: os.path.basename(os.readlink(f'{dev}/virtfn{i}'))
             for i in range(2)}
    ok = expect('igb sriov', {'num_vfs': pf['sriov']['num_vfs'],
                              'vfs': pf['sriov']['vfs']},
                {'num_vfs': 2,
                 'vfs': [{'index': i, 'bus_addr': links[i],
                          'ifindex': vfs[i]['ifindex']} for i in range(2)]})
    for i, vf in enumerate(vfs):
        ok &= expect(vf['ifname'], {'vf': vf['vf']},
                     {'vf': {'index': i, 'pf_bus_addr': pf['bus_addr'],
                             'pf_ifindex': pf['ifindex']}})
        want = vf_knobs('is-vf')
        want.update(nic_knobs('igbvf'))
        ok &= expect(vf['ifname'], caps_of(vf), want)
    with open(f'{dev}/sriov_numvfs', 'w') as f:
        f.write('0')
    return ok


def main():
    ksft.print_header()
    ksft.set_plan(10)
    subprocess.run(['ip', 'link', 'add', 'nvc0', 'type', 'veth', 'peer',
                    'nvc1'], check=True)
    subprocess.run(['ip', 'link', 'add', 'nvd0', 'type', 'dummy'], check=True)
    try:
        records = nics()
        ksft.test_result(t_shape(records), 'every NIC reports every knob, classified')
        ksft.test_result(t_queues(records), 'queues match sysfs, channels match ethtool')
        ksft.test_result(t_pf(records), 'igb PF record')
        for drv in ('e1000e', 'e1000', 'virtio_net', 'vmxnet3', '8139cp'):
            ksft.test_result(t_no_sriov(records, drv), f'{drv} record, no SR-IOV')
        ksft.test_result(t_virtual(records), 'veth and dummy: nothing in hardware')
        ksft.test_result(t_vfs(records), 'VFs listed on igb, igbvf knows its PF')
    finally:
        subprocess.run(['ip', 'link', 'del', 'nvc0'])
        subprocess.run(['ip', 'link', 'del', 'nvd0'])
    san_verdict()
    ksft.finished()


if __name__ == '__main__':
    main()
