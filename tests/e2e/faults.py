#!/usr/bin/env python3
"""Storage faults against the published engine, run by tests/e2e/run (as root) after the Zabbix
scenario. The engine runs as a user runs it, with its database on a small tmpfs of its own:

- disk full: the webhook answers 503 with Retry-After, /healthz says unhealthy, the log says
  why; when space is back the engine takes events again by itself;
- read-only file system at start (remount ro; Linux refuses it while files are open for writing):
  exit code 4 with a line naming the database; started again once writable, it runs;
- the database locked by another process (BEGIN EXCLUSIVE): 503 after Storage:BusyTimeout,
  and back when the lock goes;
- at the end, the inbox holds exactly the events that were answered 2xx, every one processed,
  none poisoned: nothing accepted was lost, nothing refused was half-written.

Prints "PASS name" / "FAIL name: reason" per case and "N passed, N failed" last."""

import argparse
import json
import os
import secrets
import socket
import sqlite3
import subprocess
import time
import urllib.error
import urllib.request

from clients import NotYet, wait_for
from scenario import Report, log

HERE = os.path.dirname(os.path.abspath(__file__))
PROBLEM_SAMPLE = os.path.join(HERE, "..", "..", "samples", "zabbix", "payloads", "problem.json")
SERVER = "faults"
FS_SIZE = "8m"
BUSY_TIMEOUT = "00:00:01"
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class FaultRun:
    def __init__(self, args):
        self.engine_bin = args.engine
        self.work = args.work
        self.fs = os.path.join(self.work, "faults-fs")
        self.db = os.path.join(self.fs, "alertengine.db")
        self.token = secrets.token_hex(24)
        self.url = f"http://127.0.0.1:{free_port()}"
        self.report = Report()
        self.proc = None
        self.mounted = False
        self.accepted = set()  # event ids answered 2xx
        self.refused = 0
        self.next_id = 7_000_000
        with open(PROBLEM_SAMPLE, encoding="utf-8") as f:
            self.sample = json.load(f)

    # -- the engine and its file system ----------------------------------------------------

    def start(self):
        os.makedirs(self.fs, exist_ok=True)
        subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={FS_SIZE},mode=0755", "tmpfs", self.fs], check=True)
        self.mounted = True
        self.log_path = os.path.join(self.work, "logs", "engine-faults.log")
        self._launch()
        wait_for(lambda: self._health(expect=200), timeout=30)

    def _launch(self):
        run_dir = os.path.join(self.work, "faults-run")
        os.makedirs(run_dir, exist_ok=True)
        env = dict(os.environ, Urls=self.url, Storage__DatabasePath=self.db, Storage__BusyTimeout=BUSY_TIMEOUT,
                   **{f"AlertEngine__Zabbix__Servers__{SERVER}__WebhookSecret": self.token})
        with open(self.log_path, "ab") as out:
            self.proc = subprocess.Popen([self.engine_bin], cwd=run_dir, env=env, stdout=out, stderr=subprocess.STDOUT,
                                         stdin=subprocess.DEVNULL, start_new_session=True)
        with open(os.path.join(self.work, "faults-engine.pid"), "w", encoding="utf-8") as f:
            f.write(str(self.proc.pid))  # for tests/e2e/run's clean-up if this script is killed
        log(f"faults: engine pid {self.proc.pid} on {self.url}, database on a {FS_SIZE} tmpfs at {self.fs}")

    def _stop_engine(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)

    def stop(self):
        self._stop_engine()
        if self.mounted:
            subprocess.run(["mount", "-o", "remount,rw", self.fs], check=False)
            subprocess.run(["umount", self.fs], check=False)
            self.mounted = False

    # -- HTTP ----------------------------------------------------------------------------------

    def _request(self, method, path, body=None, headers=None):
        request = urllib.request.Request(self.url + path, data=body, method=method, headers=headers or {})
        try:
            with _OPENER.open(request, timeout=30) as response:
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode(errors="replace")

    def post_event(self):
        """Posts one new problem event; remembers it when answered 2xx. Returns (status, headers, body)."""
        self.next_id += 1
        event_id = str(self.next_id)
        body = dict(self.sample, event_id=event_id, trigger_id=str(90000 + self.next_id % 5), clock=int(time.time()))
        status, headers, text = self._request("POST", f"/api/v1/zabbix/{SERVER}/events", json.dumps(body).encode(),
                                              {"Content-Type": "application/json", "X-AlertEngine-Token": self.token})
        if 200 <= status < 300:
            self.accepted.add(event_id)
        else:
            self.refused += 1
        return status, headers, text

    def _health(self, expect):
        assert self.proc.poll() is None, f"the engine exited with code {self.proc.returncode} (see {self.log_path})"
        try:
            status, _, text = self._request("GET", "/healthz")
        except urllib.error.URLError as error:
            raise NotYet(f"/healthz: {error.reason}") from None
        if status != expect:
            raise NotYet(f"/healthz answered {status}, waiting for {expect}: {text[:300]}")
        return json.loads(text)

    # -- the cases -------------------------------------------------------------------------------

    def _expect_refusal(self, what, attempts=400):
        """Posts until the engine refuses (bounded); the refusal must be a 503 with Retry-After."""
        for _ in range(attempts):
            status, headers, text = self.post_event()
            if 200 <= status < 300:
                continue
            assert status == 503, f"{what}: answered {status}, expected 503: {text[:300]}"
            assert headers.get("Retry-After"), f"{what}: 503 without Retry-After"
            assert "problem+json" in headers.get("Content-Type", ""), f"{what}: not problem details: {headers}"
            assert self.proc.poll() is None, f"{what}: the engine exited ({self.proc.returncode})"
            return
        raise AssertionError(f"{what}: {attempts} events were all accepted")

    def _expect_unhealthy(self, what, reason_words):
        health = wait_for(lambda: self._health(expect=503), timeout=10)
        error = (health.get("storage") or {}).get("error") or ""
        assert health.get("status") == "unhealthy", f"{what}: /healthz {health}"
        assert any(w in error.lower() for w in reason_words), f"{what}: /healthz storage error {error!r}"

    def _expect_recovery(self, what):
        def accepted_again():
            status, _, text = self.post_event()
            if not 200 <= status < 300:
                raise NotYet(f"still {status}: {text[:200]}")
        wait_for(accepted_again, timeout=20, interval=0.5)
        wait_for(lambda: self._health(expect=200), timeout=10)

    def disk_full(self):
        filler = os.path.join(self.fs, "filler")
        try:
            with open(filler, "wb") as f:
                while True:
                    f.write(b"\0" * 65536)
                    f.flush()
        except OSError:
            pass  # ENOSPC: the file system is full
        log(f"faults: tmpfs filled ({os.path.getsize(filler) // 1024} KiB filler)")
        try:
            self._expect_refusal("disk full")
            self._expect_unhealthy("disk full", ["full", "disk"])
        finally:
            os.remove(filler)
        self._expect_recovery("disk back")

    def read_only(self):
        # Linux refuses to make a file system read-only while files on it are open for writing, so
        # this is the state after a reboot into a read-only mount: the engine must say what is wrong
        # and exit (code 4) rather than run without storage; a service manager (the systemd unit in
        # samples/) starts it again, and once the file system is writable it runs.
        self._stop_engine()
        subprocess.run(["mount", "-o", "remount,ro", self.fs], check=True)
        try:
            with open(self.log_path, "rb") as f:
                before = len(f.read())
            self._launch()
            code = self.proc.wait(timeout=30)
            with open(self.log_path, "rb") as f:
                said = f.read()[before:].decode(errors="replace")
            assert code == 4, f"exit code {code}, expected 4: {said[-500:]}"
            line = next((l for l in said.splitlines() if l.startswith("AlertEngine cannot start:")), None)
            assert line and self.db in line, f"no 'AlertEngine cannot start: ...{self.db}...' line: {said[-500:]}"
            log(f"faults: {line}")
        finally:
            subprocess.run(["mount", "-o", "remount,rw", self.fs], check=True)
        self._launch()
        wait_for(lambda: self._health(expect=200), timeout=30)
        self._expect_recovery("file system writable again")

    def locked(self):
        blocker = sqlite3.connect(self.db, timeout=5, isolation_level=None)
        try:
            blocker.execute("BEGIN EXCLUSIVE")
            self._expect_refusal("database locked by another process", attempts=5)
            self._expect_unhealthy("database locked by another process", ["locked", "busy"])
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        self._expect_recovery("lock released")

    def log_names_the_failure(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        assert "could not be committed" in text, "the engine log does not say that inbox batches could not be committed"

    def stored_exactly_the_accepted(self):
        def settled():
            health = self._health(expect=200)
            if health["inbox"]["backlog"] != 0:
                raise NotYet(f"backlog {health['inbox']['backlog']}")
            return health
        health = wait_for(settled, timeout=30)
        assert health["inbox"]["poisoned"] == 0, f"poisoned events: {health}"
        reader = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=5)
        try:
            rows = reader.execute("SELECT event_id, processed_at FROM inbox WHERE zabbix_server = ?", (SERVER,)).fetchall()
        finally:
            reader.close()
        stored = [r[0] for r in rows]
        assert len(stored) == len(set(stored)), "an event is stored twice"
        assert set(stored) == self.accepted, (f"stored {len(stored)} events, answered 2xx {len(self.accepted)}: "
                                              f"missing {sorted(self.accepted - set(stored))[:5]}, "
                                              f"unexpected {sorted(set(stored) - self.accepted)[:5]}")
        assert all(r[1] is not None for r in rows), "an accepted event was not processed"
        log(f"faults: {len(self.accepted)} events accepted and stored, {self.refused} refused and not stored")

    def run(self):
        r = self.report
        try:
            if r.case("faults: the engine starts with its database on a tmpfs of its own", self.start):
                for _ in range(20):
                    assert 200 <= self.post_event()[0] < 300
                r.case("disk full: 503 with Retry-After, /healthz unhealthy; space back: accepts again by itself", self.disk_full)
                r.case("read-only file system at start: exit code 4 naming the database; writable again: runs and accepts",
                       self.read_only)
                r.case(f"database locked by another process: 503 after Storage:BusyTimeout ({BUSY_TIMEOUT}); lock gone: accepts again",
                       self.locked)
                r.case("the engine log names the failed inbox batches", self.log_names_the_failure)
                r.case("after the faults the inbox holds exactly the events answered 2xx, all processed, none poisoned",
                       self.stored_exactly_the_accepted)
        finally:
            self.stop()
        self.report.finish()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--engine", required=True, help="the published alertengine executable")
    parser.add_argument("--work", required=True, help="the run's work dir (logs/ must exist)")
    FaultRun(parser.parse_args()).run()


if __name__ == "__main__":
    main()
