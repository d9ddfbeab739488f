#!/usr/bin/python3 -S
# SPDX-License-Identifier: GPL-2.0
"""lib.sh's json_get, served: a test asks it hundreds of times and a
python3 takes a second to start under TCG, so one process answers them
all, one at a time, through two FIFOs in DIR.

A request, written to DIR/req and closed: a Python expression (of any
number of lines), a NUL, a JSON text. The answer, read from DIR/rep: "STATUS
ERRLEN" on a line, then what print(EXPRESSION) of d, the JSON parsed,
wrote; STATUS 1 when either failed, as
python3 -c "d = json.load(sys.stdin); print(EXPRESSION)" would, and what
it would have said on stderr in DIR/err, ERRLEN bytes.

It ends when the test whose PID it was given does.

Usage: nvirt_json.py DIR PID
"""

import contextlib
import io
import json
import os
import sys
import threading
import time
import traceback


def watch(pid):
    """End with the test, however it ended."""
    while True:
        time.sleep(1)
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            os._exit(0)


def answer(text, errfile):
    expr, _, data = text.partition('\0')
    out, err = io.StringIO(), io.StringIO()
    status = 0
    try:
        with contextlib.redirect_stdout(out):
            exec(f'print({expr})', {'json': json, 'sys': sys, 'd': json.loads(data)})
    except SystemExit as e:
        status = 0 if e.code in (None, 0) else 1
    except BaseException:
        traceback.print_exc(file=err)
        status = 1
    err = err.getvalue().encode()
    if err:
        with open(errfile, 'wb') as f:
            f.write(err)
    return f'{status} {len(err)}\n'.encode() + out.getvalue().encode('utf-8', 'surrogateescape')


def main():
    req, rep, errfile = (os.path.join(sys.argv[1], f) for f in ('req', 'rep', 'err'))
    threading.Thread(target=watch, args=(int(sys.argv[2]),), daemon=True).start()
    while True:
        with open(req, encoding='utf-8', errors='surrogateescape') as f:
            text = f.read()
        reply = answer(text, errfile)
        with open(rep, 'wb') as f:
            f.write(reply)


if __name__ == '__main__':
    main()
