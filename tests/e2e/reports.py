"""The shift-handover report and the live status page after a run of real events (issue #9).

Runs near the end of the scenario, once the other cases have made their tickets. The report is the
published engine's own command, run as tests/e2e/run runs the engine (the same build, from its run
dir, with its environment: Rules:Folder; --database names the engine's database, read while the
engine runs). The status page and the reads of the ticket API use the read-only token
Api:ReadOnlyTokens:wall that run configures.

- JSON: `report handover --from <the run's start> --to <now> --format json`: every ticket the ticket
  API shows opened in that range is in `opened` (by number, once), `totals.opened` is their count,
  `totals.events` at least their distinct problem events, and the tickets open at the report's end
  are in `openTickets`. The engine keeps running: the ticket API is read before and after the
  report, a ticket open in both reads must be there, nothing there may be unknown to both.
- HTML (--out FILE) and Markdown of the same shift: a data-ticket row / a table cell per ticket opened.
- Status page: without a token (or with a wrong one) 401 and the sign-in form; with the read-only
  token 200 and a data-ticket row in `open-tickets` per open ticket; GET /api/v1/status has those
  numbers in openTickets and recent events from the suite's Zabbix server; a write with the
  read-only token is 403 and changes nothing.
- When chromium is on PATH, the page as a headless browser renders it (--dump-dom) still shows the
  open tickets' rows (its countdown script ran over them); without chromium a note, not a failure."""

import json
import os
import re
import shutil
import subprocess
from datetime import datetime, timezone
from html.parser import HTMLParser

from clients import Engine, NotYet, engine_env, log, wait_for

REPORT_SECONDS = 60  # one `alertengine report handover`: a .NET start and one read of the database
CHROMIUM_SECONDS = 60
SETTLE_SECONDS = 30  # how long the engine's and the API's views may take to agree (tickets opened meanwhile)
OPEN_STATES = {"open", "acknowledged"}
TOKEN_NAME = "wall"  # Api:ReadOnlyTokens:wall in tests/e2e/run


def ms(text):
    """Unix milliseconds of an engine time (ISO 8601)."""
    return round(datetime.fromisoformat(text).timestamp() * 1000)


def now_ms():
    return int(datetime.now(timezone.utc).timestamp() * 1000)


def iso(millis):
    """An instant as the command takes it: 2026-11-25T19:00:00.123Z."""
    moment = datetime.fromtimestamp(millis / 1000, timezone.utc)
    return f"{moment:%Y-%m-%dT%H:%M:%S}.{millis % 1000:03d}Z"


class TicketRows(HTMLParser):
    """The data-ticket of every <tr>, per enclosing <section id>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.section = None
        self.rows = {}

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag == "section":
            self.section = found.get("id")
            self.rows.setdefault(self.section, [])
        elif tag == "tr" and found.get("data-ticket") and self.section:
            self.rows[self.section].append(found["data-ticket"])

    def handle_endtag(self, tag):
        if tag == "section":
            self.section = None


def ticket_rows(html):
    parser = TicketRows()
    parser.feed(html)
    parser.close()
    return parser.rows


def open_numbers(tickets):
    return {t["number"] for t in tickets if t.get("state") in OPEN_STATES}


class ReportsAndStatus:
    def __init__(self, scenario, run_started_ms):
        self.s = scenario
        args = scenario.args
        self.run_dir = os.path.join(args.work, "engine-run")
        self.engine_bin = os.path.join(args.work, "engine", "alertengine")
        self.database = os.path.join(self.run_dir, "data", "alertengine.db")
        self.out_dir = os.path.join(args.work, "reports-e2e")  # removed with the work dir
        with open(args.engine_readonly_token_file, encoding="utf-8") as f:
            self.wall = Engine(args.engine_url, f.read().strip())
        self.anonymous = Engine(args.engine_url)
        self.started = run_started_ms
        self.shift = None  # (from, to) in Unix ms of the report that passed
        self.opened = []  # the numbers the run opened in that shift, by openedAt
        self.page_html = None  # the status page and the open tickets it was checked against

    def run(self):
        r = self.s.report
        os.makedirs(self.out_dir, exist_ok=True)
        if r.case("handover report: `alertengine report handover --format json` from the run's start to now has every "
                  "ticket the run opened in 'opened' (totals.opened their count), totals.events at least their problem "
                  "events, the tickets open at its end in openTickets", self._json):
            r.case("handover report: the same shift as --format html --out FILE has a data-ticket row, as --format md "
                   "a table cell, for every ticket the run opened", self._html_and_markdown)
        r.case("status page: GET / without a token, or with a wrong one, is 401 with the sign-in form; "
               "GET /api/v1/status without one is 401", self._sign_in)
        r.case(f"status page: GET / with the read-only token (Api:ReadOnlyTokens:{TOKEN_NAME}) is 200 with a "
               "data-ticket row in open-tickets for each ticket the ticket API says is open", self._page)
        r.case("status page: GET /api/v1/status (read-only token) lists the ticket API's open tickets in openTickets "
               f"and recent events from server '{self.s.args.server_name}'", self._status_json)
        r.case("read-only token: POST /api/v1/tickets/<n>/acknowledge is 403 and the ticket is unchanged",
               self._read_only)
        if not shutil.which("chromium"):
            log("note: chromium is not on PATH, so the status page is not rendered in a browser here "
                "(the .NET browser tests cover its rendering)")
        elif self.page_html is not None:
            r.case("status page in headless chromium (--dump-dom): the rendered DOM has a data-ticket row in "
                   "open-tickets for each open ticket", self._chromium)

    # -- helpers -----------------------------------------------------------------------------

    def _tickets(self):
        """Every ticket through the ticket API, read with the read-only token."""
        tickets = self.wall.tickets()
        assert len(tickets) < 1000, "1000 tickets or more: GET /api/v1/tickets?limit=1000 may not list them all"
        return tickets

    def _report(self, shift, fmt, out=None):
        """`alertengine report handover` of the shift in one format: (standard output, standard error)."""
        argv = [self.engine_bin, "report", "handover", "--from", iso(shift[0]), "--to", iso(shift[1]),
                "--format", fmt, "--database", self.database] + (["--out", out] if out else [])
        result = subprocess.run(argv, cwd=self.run_dir, env=engine_env(self.run_dir), capture_output=True,
                                text=True, timeout=REPORT_SECONDS, check=False)
        assert result.returncode == 0, \
            f"`{' '.join(argv[1:])}` exited {result.returncode}: {result.stderr.strip()[-600:]}"
        return result.stdout, result.stderr

    def _problem_events(self, numbers):
        """The distinct Zabbix problem events on these tickets (server, event id)."""
        events = set()
        for number in numbers:
            ticket = self.wall.ticket(number)
            events.update((ticket.get("zabbixServer"), e.get("eventId")) for e in ticket.get("events") or [])
        return events

    # -- the handover report -----------------------------------------------------------------

    def _json(self):
        self.s.wait_inbox_empty()
        wait_for(self._json_once, timeout=SETTLE_SECONDS, interval=2)

    def _json_once(self):
        before = self._tickets()
        events = self._problem_events(t["number"] for t in before if ms(t["openedAt"]) >= self.started)
        shift = (self.started, now_ms())
        stdout, _ = self._report(shift, "json")
        after = self._tickets()
        report = json.loads(stdout)

        assert (ms(report["shift"]["from"]), ms(report["shift"]["to"])) == shift, \
            f"report shift {report['shift']}, asked for {iso(shift[0])} – {iso(shift[1])}"
        opened = sorted((t for t in after if shift[0] <= ms(t["openedAt"]) < shift[1]),
                        key=lambda t: (ms(t["openedAt"]), t["number"]))
        expected = [t["number"] for t in opened]
        listed = [m["number"] for m in report["opened"]]
        assert len(listed) == len(set(listed)), f"'opened' lists a ticket twice: {listed}"
        if set(listed) != set(expected):
            raise NotYet(f"'opened' of the report ({len(listed)}) is not the tickets the API shows opened in the "
                         f"shift ({len(expected)}): missing {sorted(set(expected) - set(listed))}, "
                         f"not opened in the run {sorted(set(listed) - set(expected))}")
        totals = report["totals"]
        assert totals["opened"] == len(expected), f"totals.opened {totals['opened']}, {len(expected)} tickets opened"
        assert expected, "the run opened no tickets"
        assert totals["events"] >= len(events), \
            f"totals.events {totals['events']} < the {len(events)} problem events on the run's tickets"

        # The engine kept running: a ticket open in both reads was open at the report's end; anything
        # the report calls open must be open in one of them or have opened in between.
        in_report = [t["number"] for t in report["openTickets"]]
        must = open_numbers(before) & open_numbers(after)
        known = {t["number"] for t in before}
        may = open_numbers(before) | open_numbers(after) | {t["number"] for t in after if t["number"] not in known}
        if not must <= set(in_report) or not set(in_report) <= may:
            raise NotYet(f"openTickets {sorted(in_report)}: missing {sorted(must - set(in_report))}, "
                         f"not open in the API {sorted(set(in_report) - may)}")
        assert totals["openNow"] == len(in_report), f"totals.openNow {totals['openNow']}, {len(in_report)} openTickets"

        self.shift, self.opened = shift, expected
        log(f"handover report {iso(shift[0])} – {iso(shift[1])}: opened {totals['opened']}, events {totals['events']} "
            f"(problem events on the run's tickets: {len(events)}), acknowledged {totals['acknowledged']}, "
            f"resolved {totals['resolved']}, breached {totals['breached']}, pages sent {totals['pagesSent']}, "
            f"open at its end {len(in_report)}: {in_report}")

    def _html_and_markdown(self):
        out = os.path.join(self.out_dir, "handover.html")
        _, stderr = self._report(self.shift, "html", out)
        assert "wrote the shift" in stderr, f"report handover --out: {stderr.strip()!r}"
        with open(out, encoding="utf-8") as f:
            html = f.read()
        missing = [n for n in self.opened if f'data-ticket="{n}"' not in html]
        assert not missing, f"{out} ({len(html)} characters) has no data-ticket row for {missing}"
        markdown, _ = self._report(self.shift, "md")
        missing = [n for n in self.opened if not re.search(rf"\| {re.escape(n)} \|", markdown)]
        assert not missing, f"the Markdown report has no table cell '| n |' for {missing}"
        log(f"HTML report {len(html)} characters, Markdown {len(markdown)}: each has all {len(self.opened)} tickets")

    # -- the status page ---------------------------------------------------------------------

    def _sign_in(self):
        for name, token in (("without a token", False), ("with a wrong token", "not-" + "0" * 44)):
            status, body = self.anonymous.page("/", token=token)
            assert status == 401, f"GET / {name}: {status}"
            for part in ('<form method="post" action="/sign-in">', 'name="token"'):
                assert part in body, f"GET / {name}: the page lacks {part!r}: {body[:300]!r}"
            assert "data-ticket" not in body, f"GET / {name} shows tickets"
        status, body = self.anonymous.get("/api/v1/status")
        assert status == 401, f"GET /api/v1/status without a token: {status} {body}"

    def _page(self):
        def agree():
            before = open_numbers(self._tickets())
            status, html = self.wall.page("/")
            after = open_numbers(self._tickets())
            assert status == 200, f"GET / with the read-only token: {status} {html[:300]!r}"
            rows = ticket_rows(html)
            for section in ("open-tickets", "on-duty"):
                assert section in rows, f"the status page has no section {section}: {sorted(rows)}"
            shown = rows["open-tickets"]
            if not before & after <= set(shown) <= before | after:
                raise NotYet(f"open-tickets rows {sorted(shown)}; the ticket API's open tickets {sorted(before)} "
                             f"then {sorted(after)}")
            assert len(shown) == len(set(shown)), f"a ticket twice in open-tickets: {shown}"
            return html, before & after, shown
        self.page_html, self.page_open, shown = wait_for(agree, timeout=SETTLE_SECONDS, interval=2)
        if not shown:
            log("note: no ticket is open at the end of the run, so open-tickets has no rows to compare")
        log(f"status page: {len(self.page_html)} characters, open-tickets rows {shown}")

    def _status_json(self):
        server = self.s.args.server_name

        def agree():
            before = open_numbers(self._tickets())
            status, body = self.wall.get("/api/v1/status")
            after = open_numbers(self._tickets())
            assert status == 200 and isinstance(body, dict), f"GET /api/v1/status: {status} {body}"
            listed = [t["number"] for t in body.get("openTickets") or []]
            if not before & after <= set(listed) <= before | after:
                raise NotYet(f"openTickets {sorted(listed)}; the ticket API's open tickets {sorted(before)} "
                             f"then {sorted(after)}")
            return body
        body = wait_for(agree, timeout=SETTLE_SECONDS, interval=2)
        assert body.get("at") and body.get("timeZone"), f"at {body.get('at')!r}, timeZone {body.get('timeZone')!r}"
        recent = body.get("recentEvents") or []
        assert recent, f"recentEvents is empty: {body}"
        servers = {e.get("server") for e in recent}
        assert servers == {server}, f"recentEvents servers {servers}, expected only {server!r}"
        with_ticket = [e for e in recent if e.get("ticketNumber")]
        assert with_ticket, f"no recent event names its ticket: {recent}"
        log(f"/api/v1/status: {len(body.get('openTickets') or [])} open tickets, {len(recent)} recent events "
            f"(the latest {recent[0].get('kind')} on {recent[0].get('host')} -> ticket {recent[0].get('ticketNumber')})")

    def _read_only(self):
        tickets = self._tickets()
        candidates = ([t for t in tickets if t.get("state") == "open"] or [t for t in tickets if t.get("state") in OPEN_STATES]
                      or tickets)
        assert candidates, "the run has no ticket"
        number = candidates[0]["number"]
        before = self.wall.ticket(number)
        status, body = self.wall.post(f"/api/v1/tickets/{number}/acknowledge", {"by": "the wall", "text": "must not"})
        assert status == 403, f"acknowledge with the read-only token: {status} {body}"
        assert "read-only" in str(body), f"the 403 does not say the token is read-only: {body}"
        after = self.wall.ticket(number)
        fields = ("state", "acknowledgedBy", "acknowledgedAt", "resolvedBy", "closedBy")
        changed = {k: (before.get(k), after.get(k)) for k in fields if before.get(k) != after.get(k)}
        assert not changed, f"ticket {number} changed: {changed}"
        # Other lines may follow (escalation steps of an open ticket); none may be the refused write.
        added = (after.get("timeline") or [])[len(before.get("timeline") or []):]
        ours = [e for e in added if e.get("kind") == "acknowledged" or TOKEN_NAME in str(e.get("actor"))]
        assert not ours, f"ticket {number} has new timeline entries from the refused write: {ours}"
        log(f"ticket {number} ({before.get('state')}) unchanged after the read-only token's acknowledge (403)")

    def _chromium(self):
        page = os.path.join(self.out_dir, "status.html")
        with open(page, "w", encoding="utf-8") as f:
            f.write(self.page_html)
        profile = os.path.join(self.out_dir, "chromium-profile")
        argv = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}",
                "--virtual-time-budget=3000", "--dump-dom", f"file://{page}"]
        result = subprocess.run(argv, capture_output=True, text=True, timeout=CHROMIUM_SECONDS, check=False)
        assert result.returncode == 0 and "</html>" in result.stdout, \
            f"chromium exited {result.returncode}, {len(result.stdout)} characters of DOM: {result.stderr.strip()[-400:]}"
        rows = ticket_rows(result.stdout)
        shown = rows.get("open-tickets")
        assert shown is not None, f"the rendered DOM has no open-tickets section: {sorted(rows)}"
        expected = ticket_rows(self.page_html)["open-tickets"]
        assert shown == expected, f"the rendered DOM's open-tickets rows {shown}, the page's {expected}"
        assert self.page_open <= set(shown), f"the rendered DOM lacks open tickets {sorted(self.page_open - set(shown))}"
        log(f"chromium rendered the status page ({len(result.stdout)} characters of DOM) with rows {shown}")
