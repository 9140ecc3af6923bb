"""A user error carries its message in both languages, and reads as the English one where Python
shows an exception (a log line, a traceback, pytest's ``match``)."""

import pytest

from kpiwizard.core.enums import Lang
from kpiwizard.core.errors import ExportError, ProjectFileError, UserError
from kpiwizard.core.text import t

FULL = t("디스크 공간이 부족해 저장하지 못했습니다.", "Could not save: the disk is full.")


def test_a_user_error_reads_as_its_english_message_and_keeps_both_languages():
    e = ExportError(FULL)
    assert str(e) == "Could not save: the disk is full." and e.args == ("Could not save: the disk is full.",)
    assert (e.message(Lang.KO), e.message("en")) == (FULL.ko, FULL.en)
    assert e.text is FULL and isinstance(e, UserError)
    with pytest.raises(ProjectFileError, match="disk is full"):
        raise ProjectFileError(FULL)
