"""`safeshare ask` as a practitioner and a script would run it."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

from .conftest import ROOT


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, timeout=60)


def test_ask_prints_a_short_answer_and_full_prints_every_step():
    short = run("ask", "can I fax this mental health assessment to the GP?")
    assert short.returncode == 0, short.stderr
    assert short.stdout.startswith("Not allowed:")
    assert "Understood: Fax \u00b7 Mental health information" in short.stdout
    assert "Protocol: Faxes 4; Secure Mail 1" in short.stdout and "ask --full" in short.stdout
    assert len(short.stdout.split()) < 130  # the answer under 120 words, and the pointer to --full
    full = run("ask", "--full", "can I fax this mental health assessment to the GP?")
    assert "Faxes 4" in full.stdout and "Secure Mail 1" in full.stdout and "Safer ways to share:" in full.stdout


def test_the_report_command_is_named_for_a_terminal_only_in_a_terminal():
    # chat and Teams say "type report"; `ask` cannot take it, so it names the command that does
    question = "I emailed the CP minutes to the wrong school by mistake, what now?"
    printed = run("ask", question)
    assert "type report" in printed.stdout.lower() and "safeshare reports add" in printed.stdout
    assert "terminal" not in json.loads(run("ask", "--json", question).stdout)["answer"]


def test_ask_json_reads_one_question_per_line():
    questions = "can I text the foster carer the new address?\n\nwho do I ring if I'm worried about a child\n"
    out = run("ask", "--json", stdin=questions)
    assert out.returncode == 0 and out.stderr == ""
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(lines) == 3
    first = lines[0]
    assert first["verdict"] == "not_allowed" and first["channel"] == "text"
    assert {"verdict", "answer", "checklist", "citations", "channel", "follow_up"} <= set(first)
    assert all(item in first["answer"] for item in first["checklist"])
    assert lines[1]["verdict"] is None and lines[1]["error"]
    assert lines[2]["verdict"] == "escalate"


def test_ask_does_not_import_botbuilder():
    code = ("import sys, io, contextlib; from bot.cli import main; "
            "contextlib.redirect_stdout(io.StringIO()).__enter__(); main(['ask', 'can I email the GP?']); "
            "sys.__stdout__.write(str(sorted(m for m in sys.modules if m.startswith(('botbuilder', 'aiohttp', 'py7zr')))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout == "[]"


def test_usage_errors_exit_2():
    assert run().returncode == 2
    out = run("akk", "hello")
    assert out.returncode == 2 and "invalid choice" in out.stderr


def test_check_reports_full_coverage():
    out = run("check")
    assert out.returncode == 0 and "protocol items" in out.stdout and "not cited" not in out.stdout


def _serve(tmp_path, *args, **env):
    import os

    # a home of its own: serve must not make a state file in the real ~/.local/share
    home = {"HOME": str(tmp_path / "home"), "XDG_DATA_HOME": str(tmp_path / "data")}
    return subprocess.run([sys.executable, "-m", "bot.cli", "serve", *args], cwd=tmp_path, capture_output=True,
                          text=True, timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT), **home, **env})


def test_serve_explains_a_bad_state_store_or_a_busy_port(tmp_path):
    import socket

    done = _serve(tmp_path, SAFESHARE_STORAGE="blob")
    assert done.returncode == 5 and "needs AZURE_STORAGE_CONNECTION_STRING" in done.stderr
    assert "Traceback" not in done.stderr
    done = _serve(tmp_path, SAFESHARE_STORAGE="disk")
    assert done.returncode == 5 and "SAFESHARE_STORAGE must be file or blob" in done.stderr
    done = _serve(tmp_path, SAFESHARE_STATE_MAX_AGE_HOURS="soon")
    assert done.returncode == 5 and "must be a whole number" in done.stderr
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        done = _serve(tmp_path, "--port", str(busy.getsockname()[1]))
    assert done.returncode == 1 and "cannot serve on" in done.stderr and "Traceback" not in done.stderr
    done = _serve(tmp_path, "--host", "0.0.0.0")
    assert done.returncode == 2 and "without authentication" in done.stderr


def test_ask_with_a_bare_number_says_how_to_answer_a_numbered_question():
    """A one-shot command holds no earlier question: a number alone gets how to answer by number, not a menu."""
    done = run("ask", "2")
    assert done.returncode == 0 and "safeshare chat" in done.stdout and "1." not in done.stdout, done.stdout


def test_ask_without_a_question_is_a_usage_error():
    assert run("ask", "").returncode == 2
    assert run("ask", stdin="\n\n").returncode == 2


def test_the_state_file_is_the_same_wherever_safeshare_is_run(tmp_path, monkeypatch):
    """A daily purge run from another folder must find the state serve wrote, not make an empty file there."""
    from bot.config import Config
    from bot.storage import state_file

    monkeypatch.delenv("SAFESHARE_STATE_FILE", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    if sys.platform.startswith("linux"):
        assert state_file(Config()) == str(tmp_path / "data" / "safeshare" / "state.sqlite3")
    assert state_file(Config(STATE_FILE="/srv/safeshare/state.sqlite3")) == "/srv/safeshare/state.sqlite3"


def test_the_default_state_folder_is_private(tmp_path, monkeypatch):
    import stat as stat_

    from bot.config import Config
    from bot.storage import storage_from

    monkeypatch.delenv("SAFESHARE_STATE_FILE", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    store = storage_from(Config())
    try:
        folder = __import__("pathlib").Path(store.path).parent
        assert stat_.S_IMODE(folder.stat().st_mode) == 0o700
    finally:
        __import__("asyncio").run(store.close())


def test_ctrl_c_ends_the_chat_at_once_without_a_traceback(tmp_path):
    """In a terminal the chat waits on a line of input; Ctrl-C must end it then, not after the next line,
    and with no traceback (found by trying the README as a new user)."""
    import os
    import pty
    import select
    import signal

    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "XDG_RUNTIME_DIR": str(tmp_path)}
    pid, fd = pty.fork()
    if pid == 0:  # the child: the chat, in a pseudo-terminal
        os.chdir(ROOT)
        os.execve(sys.executable, [sys.executable, "-m", "bot.cli", "chat"], env)
    seen = b""
    while b"you>" not in seen:  # wait for the prompt: the chat is now blocked reading a line
        ready, _, _ = select.select([fd], [], [], 30)
        assert ready, seen[-500:]
        seen += os.read(fd, 65536)
    os.kill(pid, signal.SIGINT)
    rest = b""
    while True:
        ready, _, _ = select.select([fd], [], [], 10)
        if not ready:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the child has gone: the terminal is closed
            break
        if not chunk:
            break
        rest += chunk
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert b"Traceback" not in rest and b"KeyboardInterrupt" not in rest


def test_the_chat_keeps_the_checked_protocol_between_runs(tmp_path):
    """A new user waited 8-10 s for every chat to start (the knowledge checks run again); like `ask`, the chat now
    keeps what the files build, so a second start reads it back."""
    import os

    env = {**os.environ, "SAFESHARE_CACHE_DIR": str(tmp_path)}
    for _ in range(2):
        done = subprocess.run([sys.executable, "-m", "bot.cli", "chat"], input="exit\n", capture_output=True,
                              text=True, cwd=ROOT, timeout=120, env=env)
        assert done.returncode == 0, done.stderr
        assert "SafeShare helps you share information" in done.stdout
    assert any(p.name.startswith("assistant") for p in tmp_path.rglob("*"))


def test_the_chat_says_how_to_leave_and_bye_leaves(tmp_path):
    """README trial: the welcome never said how to leave, and "bye" got "Sorry, I did not understand that"."""
    import os

    env = {**os.environ, "SAFESHARE_CACHE_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "bot.cli", "chat"], input="bye\nhelp\n", capture_output=True,
                          text=True, cwd=ROOT, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert "Type exit" in done.stdout and "did not understand" not in done.stdout
    assert "Stop the current check" not in done.stdout  # nothing after "bye" was read (help lists it)


def test_a_leaving_word_with_two_letters_swapped_still_leaves(tmp_path):
    """README trial (session 48): "exti" got "Sorry, I did not understand that" and a list without exit."""
    import os

    env = {**os.environ, "SAFESHARE_CACHE_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "bot.cli", "chat"], input="exti\nhelp\n", capture_output=True,
                          text=True, cwd=ROOT, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert "did not understand" not in done.stdout and "Stop the current check" not in done.stdout


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path):
    # "safeshare encrypt notes.txt --out outbox | head -1": the pipe closes after the first line
    (tmp_path / "notes.txt").write_text("case notes")
    done = subprocess.run(f"'{sys.executable}' -m bot.cli encrypt notes.txt --out outbox | head -1", shell=True,
                          cwd=tmp_path, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.stdout.startswith("Package:") and "Traceback" not in done.stderr, done.stderr


def test_a_button_that_opens_a_form_says_its_questions_come_after_it(tmp_path):
    """README trial: the report card said "Pick what happened" over one choice, "Send the report"; in Teams the
    choices sit on the card above the button, in the terminal they come after it, so the choice says so."""
    import os

    env = {**os.environ, "SAFESHARE_CACHE_DIR": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "bot.cli", "chat"], input="report\nexit\n", capture_output=True,
                          text=True, cwd=ROOT, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert re.search(r"1\. Send the report \(asks \d+ questions first\)", done.stdout), done.stdout[-400:]


def test_a_form_in_the_chat_asks_a_bad_date_or_choice_again_at_once(tmp_path):
    """README trial: a wrong date in the report was only refused after every other box, and the form began again;
    a reply that was no choice was asked again with no word why. Nothing is preselected in what the register counts."""
    import os

    env = {**os.environ, "SAFESHARE_CACHE_DIR": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)}
    typed = "report\n1\n\n1\n2026-02-31\n2026-03-01\nmaybe\n3\n3\n1\nexit\n"
    done = subprocess.run([sys.executable, "-m", "bot.cli", "chat"], input=typed, capture_output=True, text=True,
                          cwd=ROOT, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.count("What happened?") == 2 and "Please type a number from 1 to" in out  # Enter chose nothing
    assert "Please give a real date as YYYY-MM-DD" in out.split("Did personal data leave")[0]  # asked again at once
    assert "Report 1 recorded" in out and out.count("When did it happen") == 2


def test_a_date_box_in_the_chat_takes_today_and_yesterday(tmp_path):
    """README trial (session 58): the report's date box refused "today" four times; the words name a date."""
    import os

    env = {**os.environ, "SAFESHARE_CACHE_DIR": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)}
    typed = "report\n1\n1\nyesterday\n3\n3\n1\nexit\n"
    done = subprocess.run([sys.executable, "-m", "bot.cli", "chat"], input=typed, capture_output=True, text=True,
                          cwd=ROOT, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert "Please give a real date" not in done.stdout and "Report 1 recorded" in done.stdout, done.stdout[-600:]


def test_help_in_the_chat_says_how_to_leave(tmp_path):
    """README trial: `help` listed every command but not how to leave the terminal chat (Teams needs no exit, so the
    shared help leaves it out; the chat adds it)."""
    import os

    env = {**os.environ, "SAFESHARE_CACHE_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "bot.cli", "chat"], input="help\nexit\n", capture_output=True,
                          text=True, cwd=ROOT, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    after_help = done.stdout.split("Stop the current check", 1)[1]
    assert "Type exit" in after_help


def test_ask_record_says_why_there_is_no_decision_to_record():
    """(README trial, session 47) a one-shot command has no question above to answer: it says what to do instead."""
    unsettled = run("ask", "--record", "can I send the LAC review to the IRO by Teams chat?")
    assert "the protocol does not decide this one" in unsettled.stdout and "answer the question above" not in unsettled.stdout
    asked = run("ask", "--record", "can I send it?")
    assert "ask again with the detail asked for" in asked.stdout
