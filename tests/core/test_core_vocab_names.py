"""The KPI families' display names, as the KPI step's filter and the custom-KPI dialog show them."""

from kpiwizard.core.catalog import load_catalog
from kpiwizard.core.enums import Family
from kpiwizard.core.text import t
from kpiwizard.core.vocab import family_name


def test_a_family_is_named_as_the_catalog_names_it():
    assert family_name(Family.PAID) == t("유료 광고", "Paid posts")
    assert family_name(Family.ENGAGEMENT) == t("참여", "Engagement")
    assert [family_name(f) for f in Family] == [load_catalog().family(f).name for f in Family]
