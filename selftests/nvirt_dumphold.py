#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Start a dump of nvirt's VIFs and leave it unfinished: print "holding"
and keep the socket open, unread, until stdin closes. (The kernel fills
one buffer of the dump at the start, and more only as it is read.) Then
read it all and print how many VIF records it had ("error ERRNO" for an
error reply).

Usage: nvirt_dumphold.py < FIFO
"""
import os
import re
import socket
import struct
import sys

NLMSG_ERROR, NLMSG_DONE = 2, 3
NLM_F_REQUEST, NLM_F_ACK, NLM_F_DUMP = 1, 4, 0x300
GENL_ID_CTRL, CTRL_CMD_GETFAMILY = 0x10, 3
CTRL_ATTR_FAMILY_ID, CTRL_ATTR_FAMILY_NAME = 1, 2


def vif_get_cmd():
    hdr = os.path.join(os.environ.get('NVIRT_REPO', '..'),
                       'include/uapi/linux/nvirt.h')
    cmds = re.search(r'NVIRT_CMD_VERSION_GET = 1,(.*?)__NVIRT_CMD_MAX',
                     open(hdr).read(), re.S)
    names = ['NVIRT_CMD_VERSION_GET'] + re.findall(r'(NVIRT_CMD_\w+),',
                                                    cmds.group(1))
    return names.index('NVIRT_CMD_VIF_GET') + 1


def request(sock, family, cmd, flags, attrs=b''):
    body = struct.pack('BBH', cmd, 1, 0) + attrs
    sock.send(struct.pack('IHHII', 16 + len(body), family, flags, 1, 0) + body)


def messages(sock):
    """Yield (type, payload) for each message of the next datagram."""
    buf = sock.recv(1 << 16)
    while len(buf) >= 16:
        length, mtype = struct.unpack_from('IH', buf)
        yield mtype, buf[16:length]
        buf = buf[(length + 3) & ~3:]


def family_id(sock):
    name = b'nvirt\0'
    attr = struct.pack('HH', 4 + len(name), CTRL_ATTR_FAMILY_NAME) + name
    request(sock, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, NLM_F_REQUEST,
            attr + b'\0' * (-len(attr) % 4))
    for mtype, payload in messages(sock):
        attrs = payload[4:]
        while len(attrs) >= 4:
            alen, atype = struct.unpack_from('HH', attrs)
            if atype == CTRL_ATTR_FAMILY_ID:
                return struct.unpack_from('H', attrs, 4)[0]
            attrs = attrs[(alen + 3) & ~3:]
    sys.exit('nvirt family not found')


def main():
    # The family on a socket of its own: a read sizes the next dump buffers.
    ctrl = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 16)
    family = family_id(ctrl)
    ctrl.close()
    sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 16)
    request(sock, family, vif_get_cmd(), NLM_F_REQUEST | NLM_F_ACK | NLM_F_DUMP)
    print('holding', flush=True)
    sys.stdin.read()
    vifs = 0
    done = False
    while not done:
        for mtype, payload in messages(sock):
            if mtype == NLMSG_ERROR:
                print('error', -struct.unpack_from('i', payload)[0])
                return
            done = done or mtype == NLMSG_DONE
            vifs += mtype != NLMSG_DONE
    print('vifs', vifs, flush=True)


if __name__ == '__main__':
    main()
