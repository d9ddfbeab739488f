// SPDX-License-Identifier: GPL-2.0
/*
 * The real-stack sender of bench/vm/datapath: COUNT UDP datagrams that
 * make SIZE-byte Ethernet frames, sent to DST through the kernel's whole
 * transmit path (socket, IP, neighbour, the interface's qdisc), in
 * batches of sendmmsg(). Prints one JSON object: the datagrams the
 * kernel took, those it refused (ENOBUFS and the like) and the
 * CLOCK_MONOTONIC nanoseconds it took, which under QEMU's -icount are
 * instructions (its send buffer is large enough that it never waits).
 *
 *   nvirt-udpsend DST SIZE COUNT
 */

#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#define BATCH	32
/* Ethernet, IPv4 and UDP headers. */
#define HEADERS	(14 + 20 + 8)

static unsigned long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

int main(int argc, char **argv)
{
	static char payload[65536];
	struct sockaddr_in dst = { .sin_family = AF_INET, .sin_port = htons(9) };
	unsigned long sent = 0, refused = 0, count;
	struct mmsghdr msg[BATCH];
	struct iovec iov;
	unsigned long long t0;
	int fd, size, i, n, sndbuf = 256 << 20;

	if (argc != 4 || inet_pton(AF_INET, argv[1], &dst.sin_addr) != 1) {
		fprintf(stderr, "usage: nvirt-udpsend DST SIZE COUNT\n");
		return 2;
	}
	size = atoi(argv[2]);
	count = strtoul(argv[3], NULL, 0);
	if (size < 60 || size - HEADERS > (int)sizeof(payload)) {
		fprintf(stderr, "nvirt-udpsend: SIZE %d out of range\n", size);
		return 2;
	}
	fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (fd < 0 || connect(fd, (struct sockaddr *)&dst, sizeof(dst))) {
		perror("nvirt-udpsend");
		return 1;
	}
	/*
	 * Room for every datagram in flight: a sender that blocks on its
	 * send buffer idles, and an idle guest's clock jumps (-icount
	 * sleep=off) by as much as the next timer is away, not by work done.
	 */
	if (setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &sndbuf, sizeof(sndbuf)))
		perror("nvirt-udpsend: SO_SNDBUFFORCE");
	iov.iov_base = payload;
	iov.iov_len = size - HEADERS;
	memset(msg, 0, sizeof(msg));
	for (i = 0; i < BATCH; i++) {
		msg[i].msg_hdr.msg_iov = &iov;
		msg[i].msg_hdr.msg_iovlen = 1;
	}

	t0 = now_ns();
	while (sent + refused < count) {
		n = count - sent - refused < BATCH ? count - sent - refused : BATCH;
		n = sendmmsg(fd, msg, n, 0);
		if (n > 0) {
			sent += n;
		} else if (errno == ENOBUFS || errno == EAGAIN) {
			/* Refused by a full queue: a datagram lost, go on. */
			refused++;
		} else {
			perror("nvirt-udpsend: sendmmsg");
			return 1;
		}
	}
	printf("{\"sent\":%lu,\"refused\":%lu,\"ns\":%llu}\n", sent, refused,
	       now_ns() - t0);
	return 0;
}
