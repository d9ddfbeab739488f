#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Traffic for nvirt's selftests, run inside a netns with "ip netns exec".

  nvirt_traffic.py sink PORT            receive one TCP stream, print bytes
  nvirt_traffic.py bulk ADDR PORT BYTES  send BYTES, print Mb/s
  nvirt_traffic.py frame IFNAME SRC DST N  send N raw frames from MAC SRC
"""

import socket
import sys
import time


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


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "sink":
        sink(int(args[0]))
    elif cmd == "bulk":
        bulk(args[0], int(args[1]), int(args[2]))
    elif cmd == "frame":
        frame(args[0], args[1], args[2], int(args[3]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
