"""Run every benchmark and print its figures: extraction quality, then speed.

Benchmarks are not tests: they measure, they do not pass or fail, so they live here rather than under
``tests/`` and never slow down the test suite. ``scripts/bench`` runs this file.

    python benchmarks/run.py [--quick]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import quality
import speed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run Chronika's benchmarks.")
    parser.add_argument("--quick", action="store_true", help="one timing round instead of three")
    args = parser.parse_args(argv)
    status = quality.main()
    print()
    print("=" * 100)
    print()
    return status or speed.main(["--rounds", "1"] if args.quick else [])


if __name__ == "__main__":
    sys.exit(main())
