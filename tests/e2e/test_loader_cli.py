"""`kzru-bot data check` as a subprocess: damaged data is reported by file and line with exit code 2,
the real data passes. (The loader's checks themselves are in unit/test_loader.py.)
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from datacopy import copy_data, damage_two_files

from bot.loader import default_data_dir, load_store
from bot.store import FactStore

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def store() -> FactStore:
    return load_store(default_data_dir())


@pytest.fixture
def data2(tmp_path: Path) -> Path:
    """Copied sources.yaml, treaties.yaml and visits.yaml, for damage across two files."""
    return copy_data(tmp_path, "treaties.yaml", "visits.yaml")


def run_check(data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "KZRU_DATA_DIR"}
    return subprocess.run(
        [sys.executable, "-m", "bot", "--data", str(data_dir), "data", "check"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )


def test_cli_data_check_reports_broken_data(data2: Path) -> None:
    bad_date, unknown_key = damage_two_files(data2)
    result = run_check(data2)
    assert result.returncode == 2, result.stderr
    err = result.stderr.splitlines()
    assert any(line.startswith(bad_date) for line in err), result.stderr
    assert unknown_key in err
    assert "2 problem(s)" in result.stderr
    assert "Traceback" not in result.stderr
    assert "facts" not in result.stdout


def test_cli_data_check_good_data(store: FactStore) -> None:
    result = run_check(default_data_dir())
    assert result.returncode == 0, result.stderr
    assert f"{len(store)} facts from {len(store.sources)} sources" in result.stdout
    assert result.stderr == ""
