"""Nothing downloads at run time: a full check works with the network cut off."""

from __future__ import annotations

import socket
from pathlib import Path

from contentlint.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_check_runs_with_no_network(monkeypatch, capsys):
    def refuse(*args, **kwargs):
        raise OSError("network disabled by test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.chdir(ROOT)
    assert main(["check", "--format", "json", "samples"]) == 1
    assert '"CL101"' in capsys.readouterr().out
