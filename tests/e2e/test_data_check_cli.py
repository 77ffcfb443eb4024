"""`kzru-bot data check` and start-up on a broken lexicon: file:line and exit code 2, no traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.loader import DataError, default_data_dir, load_store


def test_a_broken_lexicon_stops_the_data_check_with_file_and_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(default_data_dir(), data)
    lexicon = data / "lexicon" / "ru.yaml"
    lexicon.write_text(lexicon.read_text(encoding="utf-8") + "stopwrods: [и]\n", encoding="utf-8")
    line = lexicon.read_text(encoding="utf-8").count("\n")
    with pytest.raises(DataError) as err:
        load_store(data)
    assert err.value.problems == [f"{lexicon}:{line}: unknown key 'stopwrods' (known: " +
                                  err.value.problems[0].split("(known: ")[1]]
    run = subprocess.run([sys.executable, "-m", "bot", "--data", str(data), "data", "check"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and f"{lexicon}:{line}: unknown key 'stopwrods'" in run.stderr
    assert "Traceback" not in run.stderr
