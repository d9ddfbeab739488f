# SPDX-License-Identifier: GPL-2.0
"""Shared by nvirt's Python selftests, as lib.sh is by the shell ones: the
kselftest module, the nvirt CLI (NVIRT_CLI: another build of it, whose
sanitizer reports fail the test), commands, namespaces."""

import contextlib
import ctypes
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.environ['KSFT_DIR'], 'kselftest'))
import ksft  # noqa: E402,F401  (the tests' KTAP output)

REPO = os.environ.get('NVIRT_REPO',
                      os.path.join(os.path.dirname(__file__), '..'))
NVIRT = os.environ.get('NVIRT_CLI') or os.path.join(REPO, 'cli', 'nvirt')
SAN_DIR = None
if os.environ.get('NVIRT_CLI'):
    SAN_DIR = tempfile.mkdtemp(prefix='nvirt-san.')
    # verify_asan_link_order=0: the kselftest runner's stdbuf preloads
    # a library before libasan.
    for var, extra in (('ASAN_OPTIONS',
                        'detect_leaks=1:verify_asan_link_order=0'),
                       ('UBSAN_OPTIONS', 'print_stacktrace=1')):
        opts = [os.environ[var]] if os.environ.get(var) else []
        opts += ['halt_on_error=1', 'abort_on_error=1', 'disable_coredump=1',
                 extra, f'log_path={SAN_DIR}/{var.split("_")[0].lower()}']
        os.environ[var] = ':'.join(opts)


def sh(*cmd):
    """Run a command; its stdout, or CalledProcessError."""
    return subprocess.run(cmd, check=True, capture_output=True,
                          text=True).stdout


def run(*cmd):
    """Run a command: (exit status, stdout, stderr)."""
    p = subprocess.run(cmd, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr.strip()


def nvirt_json(*args):
    """nvirt -j ARGS, parsed."""
    return json.loads(sh(NVIRT, '-j', *args))


_libc = ctypes.CDLL(None, use_errno=True)
CLONE_NEWNET = 0x40000000


@contextlib.contextmanager
def netns(name):
    """In network namespace NAME (None: stay), and back: sockets opened
    inside stay in it."""
    if not name:
        yield
        return
    home = os.open('/proc/thread-self/ns/net', os.O_RDONLY)
    fd = os.open(f'/run/netns/{name}', os.O_RDONLY)
    try:
        if _libc.setns(fd, CLONE_NEWNET):
            raise OSError(ctypes.get_errno(), f'setns {name}')
        yield
    finally:
        _libc.setns(home, CLONE_NEWNET)
        os.close(fd)
        os.close(home)


def ip(ns, *args):
    """ip [-n NS] ARGS."""
    return sh('ip', *(['-n', ns] if ns else []), *args)


def san_verdict():
    """Sanitizer reports of the CLIs run, as diagnostics; fails the test
    when there are any."""
    if not SAN_DIR:
        return
    reports = sorted(glob.glob(os.path.join(SAN_DIR, '*')))
    for path in reports:
        ksft.print_msg(f'sanitizer report {os.path.basename(path)}:')
        for line in open(path, errors='replace'):
            ksft.print_msg(line.rstrip('\n'))
    shutil.rmtree(SAN_DIR)
    if reports:
        ksft.exit_fail()
