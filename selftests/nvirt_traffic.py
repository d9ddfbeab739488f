#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Traffic for nvirt's selftests, run inside a netns with "ip netns exec".

  nvirt_traffic.py sink PORT            receive one TCP stream, print bytes
  nvirt_traffic.py bulk ADDR PORT BYTES  send BYTES, print Mb/s
  nvirt_traffic.py frame IFNAME SRC DST N  send N raw frames from MAC SRC
  nvirt_traffic.py udp ADDR BURST...    send UDP datagrams to ADDR port 9,
                                        in order; BURST is COUNTxBYTES, or
                                        COUNTxBYTES/SEG for a UDP_SEGMENT
                                        send cut into SEG-byte datagrams;
                                        print how many the stack took
  nvirt_traffic.py tapped IFNAME CMD...  run CMD, print the frames a packet
                                        tap on IFNAME saw leave meanwhile
  nvirt_traffic.py qemu-guest PORT QPORT IFNAME MAC PEER N
                                        be the guest behind QEMU's socket
                                        netdev (UDP 127.0.0.1:PORT, QEMU's
                                        QPORT): send N frames from MAC to
                                        PEER through QEMU, count those IFNAME
                                        receives; send N back from IFNAME,
                                        count those QEMU hands over; print
                                        both counts
  nvirt_traffic.py qemu-send PORT QPORT SRC DST N
                                        send N frames through QEMU only

Frames are of EtherType 0x88b5 (local experimental), which nothing else
sends, so counts are exact on a busy link.
"""

import socket
import subprocess
import sys
import time

IP_RECVERR = 11
UDP_SEGMENT = 103
ETH_P_ALL = 3


def sink(port):
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("0.0.0.0", port))
    srv.listen(1)
    srv.settimeout(60)
    conn, _ = srv.accept()
    total = 0
    while True:
        data = conn.recv(65536)
        if not data:
            break
        total += len(data)
    print(total)


def bulk(addr, port, nbytes):
    for _ in range(50):
        try:
            sock = socket.create_connection((addr, port), timeout=30)
            break
        except OSError:
            time.sleep(0.1)
    else:
        sys.exit("cannot connect")
    chunk = b"\0" * 65536
    start = time.monotonic()
    left = nbytes
    while left > 0:
        left -= sock.send(chunk[:min(left, len(chunk))])
    sock.shutdown(socket.SHUT_WR)
    sock.recv(1)
    elapsed = time.monotonic() - start
    print(f"{nbytes * 8 / elapsed / 1e6:.2f}")


ETH_P_TEST = 0x88b5


def mac(text):
    return bytes.fromhex(text.replace(":", ""))


def eth(src, dst):
    """A test frame from MAC SRC to MAC DST."""
    return mac(dst) + mac(src) + ETH_P_TEST.to_bytes(2, "big") + b"nvirt" * 12


def frame(ifname, src, dst, count):
    sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    sock.bind((ifname, 0))
    payload = eth(src, dst)
    for _ in range(count):
        sock.send(payload)


def received(sock, src, dst, want, timeout=20):
    """How many test frames from SRC to DST SOCK receives, up to WANT."""
    head = mac(dst) + mac(src) + ETH_P_TEST.to_bytes(2, "big")
    end = time.monotonic() + timeout
    seen = 0
    while seen < want and time.monotonic() < end:
        sock.settimeout(max(end - time.monotonic(), 0.01))
        try:
            data, addr = sock.recvfrom(65536)
        except socket.timeout:
            break
        # A packet socket also sees what it sent itself.
        if sock.family == socket.AF_PACKET and \
                addr[2] == socket.PACKET_OUTGOING:
            continue
        seen += data.startswith(head)
    return seen


def qemu_socket(port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", port))
    return sock


def qemu_send(port, qport, src, dst, count, sock=None):
    sock = sock or qemu_socket(port)
    for _ in range(count):
        sock.sendto(eth(src, dst), ("127.0.0.1", qport))


def qemu_guest(port, qport, ifname, vif, peer, count):
    udp = qemu_socket(port)
    wire = socket.socket(socket.AF_PACKET, socket.SOCK_RAW,
                         socket.htons(ETH_P_TEST))
    wire.bind((ifname, ETH_P_TEST))
    qemu_send(port, qport, vif, peer, count, udp)
    out = received(wire, vif, peer, count)
    for _ in range(count):
        wire.send(eth(peer, vif))
    back = received(udp, peer, vif, count)
    print(out, back)


def udp(addr, bursts):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    # A datagram the stack drops is an error on the send.
    sock.setsockopt(socket.IPPROTO_IP, IP_RECVERR, 1)
    took = 0
    for burst in bursts:
        count, size = burst.split("x")
        size, _, seg = size.partition("/")
        sock.setsockopt(socket.IPPROTO_UDP, UDP_SEGMENT, int(seg or 0))
        for _ in range(int(count)):
            try:
                sock.sendto(b"x" * int(size), (addr, 9))
                took += 1
            except OSError:
                pass
    print(took)


def tapped(ifname, cmd):
    sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW,
                         socket.htons(ETH_P_ALL))
    sock.bind((ifname, 0))
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL)
    sock.setblocking(False)
    seen = 0
    while True:
        try:
            _, addr = sock.recvfrom(65536)
        except BlockingIOError:
            break
        seen += addr[2] == socket.PACKET_OUTGOING
    print(seen)


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "sink":
        sink(int(args[0]))
    elif cmd == "bulk":
        bulk(args[0], int(args[1]), int(args[2]))
    elif cmd == "frame":
        frame(args[0], args[1], args[2], int(args[3]))
    elif cmd == "udp":
        udp(args[0], args[1:])
    elif cmd == "tapped":
        tapped(args[0], args[1:])
    elif cmd == "qemu-guest":
        qemu_guest(int(args[0]), int(args[1]), args[2], args[3], args[4],
                   int(args[5]))
    elif cmd == "qemu-send":
        qemu_send(int(args[0]), int(args[1]), args[2], args[3], int(args[4]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
