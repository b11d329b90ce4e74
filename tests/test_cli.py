"""The real CLI, as a subprocess, on every kind of unusable input: one line on stderr, never a traceback."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

SECRET = "Secret witness name: Olga Ivanovna"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
)


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    env = {key: value for key, value in os.environ.items() if key != "CHRONIKA_DEBUG"}
    return subprocess.run(
        [sys.executable, "-m", "chronika", "extract", *args],
        input=stdin,
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )


def file_with(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(tmp_path: Path) -> Path:
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return make


def sparse_file(tmp_path: Path) -> Path:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    return path


def under_a_file(tmp_path: Path) -> Path:
    parent = tmp_path / "report.txt"
    parent.write_text(SECRET)
    return parent / "child.txt"


BAD_INPUTS: dict[str, tuple[Callable[[Path], Path], str]] = {
    "missing": (lambda tmp_path: tmp_path / "nowhere.txt", "E101"),
    "directory": (lambda tmp_path: tmp_path, "E102"),
    "empty": (file_with("empty.txt", b""), "E103"),
    "whitespace": (file_with("blank.txt", b" \n\t\r\n "), "E103"),
    "random bytes": (file_with("random.bin", random.Random(1).randbytes(4096)), "E104"),
    "png": (file_with("image.png", PNG + SECRET.encode()), "E104"),
    "invalid utf-8": (file_with("latin1.txt", SECRET.encode("latin-1") + " café".encode("latin-1")), "E104"),
    "50 MB": (sparse_file, "E105"),
    "html without text": (
        file_with("empty.html", b"<!DOCTYPE html><html><body><script>x()</script></body></html>"),
        "E103",
    ),
    "corrupt pdf": (
        file_with("broken.pdf", b"%PDF-1.4\n" + SECRET.encode() + random.Random(2).randbytes(500)),
        "E106",
    ),
    "corrupt docx": (
        file_with("broken.docx", b"PK\x03\x04" + SECRET.encode() + random.Random(3).randbytes(300)),
        "E106",
    ),
    "parent is a file": (under_a_file, "E106"),
}


def assert_one_clean_error(done: subprocess.CompletedProcess[bytes], code: str) -> None:
    stderr = done.stderr.decode("utf-8", "replace")
    assert done.returncode != 0
    assert "Traceback" not in stderr
    assert b"Traceback" not in done.stdout
    assert stderr.endswith("\n")
    assert stderr.count("\n") == 1, stderr
    assert stderr.startswith(f"chronika: error [{code}]: "), stderr
    assert "Olga" not in stderr


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_is_one_line_error(tmp_path: Path, case: str) -> None:
    make, code = BAD_INPUTS[case]
    path = make(tmp_path)
    done = run(str(path))
    assert_one_clean_error(done, code)
    assert str(path) in done.stderr.decode()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(SECRET)
    path.chmod(0)
    try:
        assert_one_clean_error(run(str(path)), "E106")
    finally:
        path.chmod(0o600)


@pytest.mark.parametrize(
    ("stdin", "code"),
    [
        (b"", "E103"),
        (PNG + SECRET.encode(), "E104"),
        (SECRET.encode("utf-16-le"), "E104"),
        (b"a" * (21 * 1024 * 1024), "E105"),
    ],
    ids=["empty", "png", "utf-16 without bom", "too large"],
)
def test_bad_stdin_is_one_line_error(stdin: bytes, code: str) -> None:
    done = run("-", stdin=stdin)
    assert_one_clean_error(done, code)
    assert "standard input" in done.stderr.decode()
