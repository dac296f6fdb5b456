"""``gpumkt bench --oneshot``: ``gpumkt ask`` as a user runs it from the shell, each call a new
process: cold (everything loaded by the call) and with ``gpumkt serve`` running.

For each run: wall time, time to the first answer token on stdout, and the process's peak
memory (``os.wait4``'s rusage of that one child). Medians over the runs, min and max beside them.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from gpumkt.measure.evaluate import median

COMMAND = [sys.executable, "-c", "from gpumkt.frontends.cli import main; main()"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def one_ask(question: str, env: dict) -> dict:
    """Run ``gpumkt ask QUESTION`` once; seconds to the first token and to the end, peak MB."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(COMMAND + ["ask", question], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    out, first = b"", None
    while chunk := os.read(proc.stdout.fileno(), 4096):
        out += chunk
        if first is None and "Generating…".encode() in out and not out.endswith("Generating…\n".encode()):
            first = time.perf_counter() - t0
    _, status, usage = os.wait4(proc.pid, 0)
    return {"wall_s": round(time.perf_counter() - t0, 2), "first_token_s": round(first or 0.0, 2),
            "peak_mb": round(usage.ru_maxrss / 1024, 1), "ok": os.waitstatus_to_exitcode(status) == 0}


def _summary(runs: list[dict]) -> dict:
    out = {"runs": len(runs), "failed": sum(not r["ok"] for r in runs)}
    for key in ("wall_s", "first_token_s", "peak_mb"):
        values = [r[key] for r in runs if r["ok"]]
        out[key] = {"median": round(median(values), 2), "min": min(values, default=0), "max": max(values, default=0)}
    return out


def _serve(env: dict, port: int) -> subprocess.Popen:
    server = subprocess.Popen(COMMAND + ["serve", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(600):  # bounded: five minutes to load
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=1)
            return server
        except OSError:
            if server.poll() is not None:
                raise RuntimeError("gpumkt serve exited before it was ready")
            time.sleep(0.5)
    server.kill()
    raise RuntimeError("gpumkt serve did not start in five minutes")


def run(questions: list[str], progress=print) -> dict:
    """Cold runs (no server), then the same questions with a server; the server is stopped after."""
    env = dict(os.environ, GPUMKT_SERVER_URL=f"http://127.0.0.1:{_free_port()}")  # none listens there
    helps = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run(COMMAND + ["--help"], env=env, stdout=subprocess.DEVNULL, check=True)
        helps.append(time.perf_counter() - t0)
    progress(f"oneshot: {len(questions)} cold asks")
    cold = [one_ask(q, env) for q in questions]
    port = _free_port()
    progress("oneshot: starting gpumkt serve")
    server = _serve(env, port)
    try:
        env["GPUMKT_SERVER_URL"] = f"http://127.0.0.1:{port}"
        one_ask(questions[0], env)  # the server's first answer also warms llama.cpp's prompt cache
        progress(f"oneshot: {len(questions)} asks through the server")
        warm = [one_ask(q, env) for q in questions]
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"questions": questions, "help_s": round(median(helps), 2), "cold": _summary(cold), "with_server": _summary(warm),
            "cold_runs": cold, "server_runs": warm}
