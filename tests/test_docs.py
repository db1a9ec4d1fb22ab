"""The README stays true to the code: every contract field, CLI option and event type is named."""
import re

import pytest

from geo.contract import EVENT_TYPES, EventProperties
from geo.load import _parser
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("field", list(EventProperties.model_fields))
def test_readme_names_every_contract_field(field):
    assert f"`{field}`" in README or f"`{field}`," in README


@pytest.mark.parametrize("option", [a.option_strings[0] for a in _parser()._actions if a.option_strings and a.dest != "help"])
def test_readme_names_every_loader_option(option):
    assert option in README


@pytest.mark.parametrize("etype", EVENT_TYPES)
def test_readme_documents_every_event_type(etype):
    assert f"`{etype}`" in README


def test_readme_starts_with_exactly_two_setup_commands():
    first_block = re.search(r"```sh\n(.*?)```", README, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in first_block.splitlines() if line.strip()]
    assert commands == ["make run", "make test"]
