"""Issue 5's proof: the sample imported, then `report monthly --json` gives the expected figures."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from main import main

DATA = Path(__file__).resolve().parents[2] / "data"
EXPECTED = json.loads((DATA / "legacy-returns-2025.expected.json").read_text(encoding="utf-8"))


def _figures(d: dict) -> tuple:
    return d["lines"], d["qty"], Decimal(d["amount"]), Decimal(d["refund"])


def test_import_then_monthly_json_reproduces_the_sample(db_url, monkeypatch, capsys, tmp_path) -> None:
    monkeypatch.setenv("RMA_DATABASE_URL", db_url)
    monkeypatch.setenv("RMA_LANG", "en")
    monkeypatch.setenv("RMA_PASSWORD", "1234")  # qa's password, as `import --user qa` asks it
    rejects = tmp_path / "rejects.xlsx"
    assert main(["import", str(DATA / "legacy-returns-2025.xlsx"), "--user", "qa",
                 "--rejects", str(rejects)]) == 0
    out = capsys.readouterr().out
    assert "imported 119 lines in 78 returns" in out
    assert "sheet “3月”, row 41: Quantity must be a positive whole number" in out
    assert rejects.exists()
    for month, expected in EXPECTED["months"].items():
        assert main(["report", "monthly", "--month", month, "--json"]) == 0
        got = json.loads(capsys.readouterr().out)
        assert got["month"] == month
        assert got["rmas"] == expected["rmas"]
        assert _figures(got) == _figures(expected["total"])
        for key, figures in expected.items():
            if key in ("rmas", "total"):
                continue
            assert _figures(got["by_liability"][key]) == _figures(figures), (month, key)
        for key, bucket in got["by_liability"].items():  # codes with no lines are zeros
            if key not in expected:
                assert _figures(bucket) == (0, 0, Decimal(0), Decimal(0))
        assert all(isinstance(v["amount"], str) and v["amount"].count(".") == 1 and
                   len(v["amount"].split(".")[1]) == 2 for v in got["by_liability"].values())
    assert main(["import", str(DATA / "legacy-returns-2025.xlsx"), "--user", "qa"]) == 0
    assert "nothing was imported this time" in capsys.readouterr().out
    assert main(["report", "monthly", "--month", "2025-03", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["rmas"] == 26


@pytest.mark.parametrize("bad", ["2025-13", "March", "2025"])
def test_bad_month_is_a_message(bad, tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("RMA_DATABASE_URL", f"sqlite:///{tmp_path / 'r.sqlite3'}")
    monkeypatch.setenv("RMA_LANG", "zh_CN")
    assert main(["report", "monthly", "--month", bad]) == 2
    assert "YYYY-MM" in capsys.readouterr().out
