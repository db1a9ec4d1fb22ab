"""Server capacity: how many reader sessions one dashboard server holds, and memory per session.

    .venv/bin/python -m bench.capacity [--corpora seed,100000] [--levels 1,5,10,20,50,100]
                                       [--think 5] [--changes 4] [--timeout 1500]

Speaks the dashboard's own protocol instead of driving browsers (which, on the same 2 cores,
measured mostly their own rendering): each session is one websocket to `/_stcore/stream`
sending what the browser sends — a `BackMsg.rerun_script` with the page's query string and,
for a filter change, the actor multiselect's new `WidgetState` — and reading the
`ForwardMsg`s (new session, deltas, …) until `script_finished`, sending back the hashes of
the messages it holds as the browser's message cache does. A filter change's latency is
from sending the rerun to receiving `script_finished`: everything the server does for the
reader (script run, map/timeline/table encoding, websocket send), but not the browser's
drawing. Each change is checked: the count caption must show the chosen actor's count.

Sessions ramp (one server per corpus, sessions kept open from level to level); at each level
every session makes `--changes` filter changes, each after an exponential think time of mean
`--think` seconds (`--think 0`: all at once, a burst). The ramp stops at the first level whose
p95 misses `--target` seconds or where a change failed. Memory per session is the growth of
the server's RSS from the one-session level divided by the sessions added. Loopback only;
the client runs at lower CPU priority (nice 10) so it takes what the server leaves; a total
timeout bounds the run. `seed` is the loader's output on seeds/; a number is a synthetic
corpus of that many events (bench/synth.py).
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.load_dashboard import _cpu_seconds, _pct
from bench.server import ROOT, streamlit_server

COUNT_RE = re.compile(r"showing ([\d,]+) of ([\d,]+)")  # English counts: 10,000
ACTORS_KEY = "-f_actors"  # the actor multiselect's widget id ends with its key (dashboard/sidebar.py)


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


@dataclass
class Session:
    """One reader: a websocket speaking Streamlit's BackMsg/ForwardMsg protocol."""

    uri: str
    query: str = "lang=en"
    ws: object = None
    actor_id: str = ""
    actor_labels: list = field(default_factory=list)
    bytes_in: int = 0
    cached: list = field(default_factory=lambda: [set(), set()])  # hashes of the last two runs' messages

    async def open(self, timeout: float) -> float:
        import websockets

        self.ws = await websockets.connect(self.uri, subprotocols=["streamlit"], max_size=None,
                                           open_timeout=timeout, ping_timeout=None)
        seconds, _ = await self.rerun(None, timeout)
        return seconds

    async def rerun(self, actor_label: str | None, timeout: float) -> tuple[float, str]:
        """Send one rerun (with the actor filter set to `actor_label` if given); return the
        seconds until script_finished and the count caption the server sent."""
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        msg = BackMsg()
        msg.rerun_script.query_string = self.query
        msg.rerun_script.page_script_hash = ""
        msg.rerun_script.context_info.locale = "en-US"
        msg.rerun_script.context_info.timezone = "UTC"
        # As the browser does: messages it still holds are sent back as references to them.
        msg.rerun_script.cached_message_hashes.extend(sorted(self.cached[0] | self.cached[1]))
        self.cached = [self.cached[1], set()]
        if actor_label is not None:
            state = msg.rerun_script.widget_states.widgets.add()
            state.id = self.actor_id
            state.string_array_value.data.append(actor_label)
        caption = ""
        t0 = time.monotonic()
        await self.ws.send(msg.SerializeToString())
        deadline = t0 + timeout
        while True:
            data = await asyncio.wait_for(self.ws.recv(), max(0.01, deadline - time.monotonic()))
            self.bytes_in += len(data)
            fm = ForwardMsg()
            fm.ParseFromString(data)
            kind = fm.WhichOneof("type")
            if fm.metadata.cacheable and fm.hash:
                self.cached[1].add(fm.hash)
            elif kind == "ref_hash":
                self.cached[1].add(fm.ref_hash)
            if kind == "script_finished":
                return time.monotonic() - t0, caption
            if kind == "delta" and fm.delta.WhichOneof("type") == "new_element":
                el = fm.delta.new_element
                which = el.WhichOneof("type")
                if which == "markdown" and COUNT_RE.search(el.markdown.body):
                    caption = el.markdown.body
                elif which == "multiselect" and el.multiselect.id.endswith(ACTORS_KEY):
                    self.actor_id = el.multiselect.id
                    self.actor_labels = list(el.multiselect.options)

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()


async def _change(session: Session, label: str, timeout: float) -> float:
    """One filter change; raises when the page did not show the chosen actor's count."""
    seconds, caption = await session.rerun(label, timeout)
    expected = re.search(r"\((\d+)\)$", label).group(1)
    m = COUNT_RE.search(caption)
    if not m or m.group(1).replace(",", "") != expected:
        raise AssertionError(f"after choosing {label!r} the caption was {caption!r}")
    return seconds


async def _reader(session: Session, i: int, changes: int, think: float, timeout: float,
                  latencies: list, errors: list, rng: random.Random) -> None:
    for j in range(changes):
        if think:
            await asyncio.sleep(rng.expovariate(1 / think))
        label = session.actor_labels[(i + j) % len(session.actor_labels)]
        try:
            latencies.append(await _change(session, label, timeout))
        except Exception as exc:  # a failed change is a finding (and stops the ramp), not a crash
            errors.append(f"session {i}: {type(exc).__name__}: {str(exc)[:200]}")
            return


async def _ramp(base: str, pid: int, corpus: str, n_events: int, args, deadline: float) -> list[dict]:
    uri = base.replace("http://", "ws://") + "/_stcore/stream"
    rng = random.Random(1)
    sessions: list[Session] = []
    rows, rss_one = [], None
    rss_idle = _rss_mb(pid)
    try:
        for level in args.levels:
            if time.monotonic() > deadline:
                print(f"  total timeout reached before {level} sessions", file=sys.stderr)
                break
            new = [Session(uri) for _ in range(level - len(sessions))]
            firsts = []
            for k in range(0, len(new), 10):  # open in batches of 10, as readers trickle in
                batch = new[k:k + 10]
                firsts += await asyncio.gather(*(s.open(args.run_timeout) for s in batch))
                sessions += batch
            await asyncio.sleep(1)  # let the server's send queues drain before measuring
            rss_before = _rss_mb(pid)
            latencies, errors = [], []
            cpu0, t0, bytes0 = _cpu_seconds(pid), time.monotonic(), sum(s.bytes_in for s in sessions)
            try:
                await asyncio.wait_for(asyncio.gather(*(
                    _reader(s, i, args.changes, args.think, args.run_timeout, latencies, errors, rng)
                    for i, s in enumerate(sessions))), max(1.0, deadline - time.monotonic()))
            except asyncio.TimeoutError:
                errors.append("total timeout during the level")
            wall = time.monotonic() - t0
            cpu = (_cpu_seconds(pid) - cpu0) / wall if wall else 0.0
            rss = _rss_mb(pid)
            if rss_one is None:
                rss_one = rss
            p95 = _pct(latencies, 0.95)
            row = {"corpus": corpus, "events": n_events, "sessions": len(sessions), "changes": len(latencies),
                   "p50": _pct(latencies, 0.5), "p95": p95, "max": max(latencies, default=float("nan")),
                   "first_p95": _pct(firsts, 0.95) if firsts else float("nan"),
                   "rss_idle": rss_idle, "rss_before": rss_before, "rss": rss,
                   "per_session": (rss - rss_one) / (len(sessions) - 1) if len(sessions) > 1 else float("nan"),
                   "cpu": cpu, "load": os.getloadavg()[0], "errors": errors,
                   "kb_per_change": (sum(s.bytes_in for s in sessions) - bytes0) / 1024 / max(1, len(latencies))}
            row["ok"] = not errors and p95 < args.target
            rows.append(row)
            _print_row(row)
            for e in errors[:3]:
                print("    " + e, file=sys.stderr)
            if not row["ok"]:
                break
    finally:
        await asyncio.gather(*(s.close() for s in sessions), return_exceptions=True)
    return rows


HEADER = ("| corpus | events | sessions | changes | p50 ms | p95 ms | max ms | first render p95 s "
          "| KB per rerun | server RSS MB | MB per session | server CPU (cores) | load 1m | p95 < target |")


def _print_row(r: dict) -> None:
    print(f"| {r['corpus']} | {r['events']:,} | {r['sessions']} | {r['changes']} | {r['p50'] * 1000:.0f} "
          f"| {r['p95'] * 1000:.0f} | {r['max'] * 1000:.0f} | {r['first_p95']:.2f} | {r['kb_per_change']:.0f} | {r['rss']:.0f} "
          f"| {r['per_session']:.1f} | {r['cpu']:.2f} | {r['load']:.2f} | {'yes' if r['ok'] else 'NO'} |",
          flush=True)


def _corpus(name: str, tmp: Path) -> tuple[Path, int]:
    from geo.contract import read_events

    if name == "seed":
        out = tmp / "seed" / "events.geojson"
        out.parent.mkdir(parents=True)
        subprocess.run([sys.executable, "-m", "geo.load", str(ROOT / "seeds"), "--out", str(out)],
                       cwd=ROOT, check=True, capture_output=True)
        return out, len(read_events(out).features)
    from bench.synth import synthetic_events

    return synthetic_events(int(name)), int(name)


def _client(args) -> int:
    """The load client (run at nice 10 by `main`): ramps sessions against a running server."""
    deadline = time.monotonic() + args.timeout
    rows = asyncio.run(_ramp(args.client, args.server_pid, args.corpus, args.events, args, deadline))
    Path(args.rows).write_text(json.dumps(rows))
    return 0


def _summary(name: str, rows: list[dict], target: float) -> str:
    if not rows:
        return f"{name}: no level finished"
    held = [r for r in rows if r["ok"]]
    missed = next((r for r in rows if not r["ok"]), None)
    line = f"{name}: {held[-1]['sessions'] if held else 0} sessions held at p95 < {target:g} s"
    line += (f" ({missed['sessions']} missed: p95 {missed['p95']:.2f} s, {len(missed['errors'])} errors)"
             if missed else " (highest level tried)")
    last = rows[-1]
    if last["sessions"] > 1:
        line += f"; {last['per_session']:.1f} MB per added session at {last['sessions']}"
    return line + f"; server RSS {last['rss_idle']:.0f} MB before the first session, {rows[0]['rss']:.0f} MB with one"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", default="seed,100000", help="comma-separated: seed and/or event counts")
    ap.add_argument("--levels", default="1,5,10,20,50,100", help="session counts to ramp through")
    ap.add_argument("--think", type=float, default=5.0, help="mean seconds between a session's changes (0: burst)")
    ap.add_argument("--changes", type=int, default=4, help="filter changes per session per level")
    ap.add_argument("--target", type=float, default=1.0, help="p95 filter-change latency target, seconds")
    ap.add_argument("--run-timeout", type=float, default=60.0, help="seconds one rerun may take")
    ap.add_argument("--timeout", type=float, default=1500.0, help="total seconds for the whole run")
    ap.add_argument("--env", action="append", default=[], metavar="NAME=VALUE",
                    help="extra environment for the server (e.g. MALLOC_ARENA_MAX=2); repeatable")
    ap.add_argument("--client", help=argparse.SUPPRESS)  # internal: run as the load client against this URL
    for name, kind in (("--server-pid", int), ("--corpus", str), ("--events", int), ("--rows", str)):
        ap.add_argument(name, type=kind, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    args.levels = sorted({int(x) for x in args.levels.split(",")})
    if args.client:
        return _client(args)
    deadline = time.monotonic() + args.timeout
    print(f"think {args.think:g} s mean, {args.changes} changes per session per level, target p95 < "
          f"{args.target:g} s; {os.cpu_count()} cores; load {os.getloadavg()[0]:.2f} at start"
          + (f"; server env {' '.join(args.env)}" if args.env else ""))
    print(HEADER)
    print("| --- |" + " ---: |" * 12 + " --- |")
    summary = []
    with tempfile.TemporaryDirectory(prefix="geo-capacity-") as tmp:
        for name in (c.strip() for c in args.corpora.split(",")):
            events, n = _corpus(name, Path(tmp))
            rows_path = Path(tmp) / f"rows-{name}.json"
            extra = dict(kv.split("=", 1) for kv in args.env)
            with streamlit_server(events, Path(tmp) / f"server-{name}.log", extra_env=extra) as (base, proc):
                left = deadline - time.monotonic()
                cmd = ["nice", "-n", "10", sys.executable, "-m", "bench.capacity", "--client", base,
                       "--server-pid", str(proc.pid), "--corpus", name, "--events", str(n), "--rows", str(rows_path),
                       "--levels", ",".join(map(str, args.levels)), "--think", str(args.think),
                       "--changes", str(args.changes), "--target", str(args.target),
                       "--run-timeout", str(args.run_timeout), "--timeout", str(max(1.0, left - 30))]
                try:
                    subprocess.run(cmd, cwd=ROOT, timeout=max(1.0, left), check=False)
                except subprocess.TimeoutExpired:
                    print(f"{name}: total timeout", file=sys.stderr)
                rows = json.loads(rows_path.read_text()) if rows_path.exists() else []
            log = (Path(tmp) / f"server-{name}.log").read_text()
            for line in [x for x in log.splitlines() if re.search(r"Traceback|Error|Exception", x)][:5]:
                print(f"  server log ({name}): {line}", file=sys.stderr)
            summary.append(_summary(name, rows, args.target))
    print()
    for line in summary:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
