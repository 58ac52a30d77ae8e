from __future__ import annotations

from decimal import Decimal

import pytest

from app.errors import ValidationError, WorkflowError
from app.services.settings import form_number, labour_rate, load_shared, save_shared


def test_shared_settings_default_then_saved_for_every_station(factory, actors) -> None:
    with factory() as s:
        assert labour_rate(s) == Decimal("32.00")
        assert form_number(s, "analysis") == ("QR-8.3-02", "A")
    with factory.begin() as s:
        save_shared(s, actors["admin"], {"labour_rate": "35.5", "form_rev.analysis": "B"})
    with factory() as s:
        assert labour_rate(s) == Decimal("35.50")
        assert load_shared(s)["form_rev.analysis"] == "B"


def test_bad_rate_and_wrong_role_refused(factory, actors) -> None:
    with factory() as s, pytest.raises(ValidationError) as err:
        save_shared(s, actors["admin"], {"labour_rate": "12,5元x"})
    assert err.value.field == "hourly_rate"
    with factory() as s, pytest.raises(WorkflowError):
        save_shared(s, actors["qa"], {"labour_rate": "30"})
