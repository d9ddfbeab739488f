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


def frame(ifname, src, dst, count):
    sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    sock.bind((ifname, 0))
    payload = bytes.fromhex(dst.replace(":", "")) + \
        bytes.fromhex(src.replace(":", "")) + b"\x88\xb5" + b"nvirt" * 12
    for _ in range(count):
        sock.send(payload)


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
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
