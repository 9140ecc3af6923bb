import pytest


@pytest.fixture(autouse=True)
def _own_settings(tmp_path, monkeypatch):
    """Each test remembers column mappings in its own folder, never the user's."""
    monkeypatch.setenv("KPIWIZARD_CONFIG_DIR", str(tmp_path / "config"))
