"""Each platform download, built byte for byte from the verified facts, read the way the owner gives it."""

from __future__ import annotations

from datetime import date, timedelta

import platform_fixtures as pf
import pytest

from kpiwizard.export.platforms import read_bytes_as
from kpiwizard.export.platforms.common import (
    BadNumber,
    PlatformFileError,
    decode,
    number,
    parse_date,
)

D0 = date(2026, 3, 2)
AS_OF = date(2026, 4, 30)


def readings(files, metric):
    return {(r.start, r.key): r.value for f in files for r in f.readings if r.metric == metric}


# -- cells ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("cell, value", [
    ("12,400", 12400), ('"12,400"', 12400), ("1.2K", 1200), ("3.5M", 3_500_000), ("4.5%", 4.5),
    ("₩3,000", 3000), ("0.71", 0.71), ("-12", -12), ("1 234", 1234), (" 7 ", 7), (20, 20),
])
def test_number_reads_the_platforms_spellings(cell, value):
    assert number(cell) == pytest.approx(value)


@pytest.mark.parametrize("cell", ["", "—", "–", "undefined", "N/A", None])
def test_missing_values_are_missing_not_zero(cell):
    assert number(cell) is None


@pytest.mark.parametrize("cell", ["=1+1", "=cmd|' /C calc'!A0", "+SUM(A1)", "@A1", "twelve", "1e999", "12,40", "NaN"])
def test_anything_else_is_not_a_number_and_never_evaluated(cell):
    with pytest.raises(BadNumber):
        number(cell)


@pytest.mark.parametrize("cell, as_of, day", [
    ("2025-08-01T00:00:00", None, date(2025, 8, 1)),
    ("20260901", None, date(2026, 9, 1)),
    ("03/27/2026 06:08", None, date(2026, 3, 27)),
    ("Oct 3, 2026", None, date(2026, 10, 3)),
    ("2026. 10. 3.", None, date(2026, 10, 3)),
    ("2026년 10월 3일", None, date(2026, 10, 3)),
    # TikTok: no year; the latest such day on or before the download day (both sides of the edge).
    ("August 31", date(2026, 8, 31), date(2026, 8, 31)),
    ("August 31", date(2026, 8, 30), date(2025, 8, 31)),
    ("28 August", date(2026, 9, 2), date(2026, 8, 28)),
    ("December 31", date(2027, 1, 2), date(2026, 12, 31)),
])
def test_dates_as_the_platforms_write_them(cell, as_of, day):
    assert parse_date(cell, as_of) == day


@pytest.mark.parametrize("cell", ["Lifetime", "Total", "13/45/2026", "2026-02-30", "soon", ""])
def test_not_dates(cell):
    assert parse_date(cell, AS_OF) is None


# -- encodings ------------------------------------------------------------------------------------------


def test_encoding_order_bom_then_utf8_then_cp949():
    korean = "캠페인 이름,지출 금액\n"
    assert decode("f", b"\xef\xbb\xbf" + korean.encode())[1] == "UTF-8 (BOM)"
    assert decode("f", b"\xff\xfe" + korean.encode("utf-16-le"))[1] == "UTF-16 LE"
    assert decode("f", korean.encode())[1] == "UTF-8"
    text, enc = decode("f", korean.encode("cp949"))
    assert (text, enc) == (korean, "CP949")
    daily = '"조회"\n"Date","Primary"\n"2026-03-02T00:00:00","20"\n'
    assert decode("f", daily.encode("utf-16-le")) == (daily, "UTF-16")  # a BOM lost on the way


def test_korean_ads_export_resaved_by_excel_as_cp949_reads_the_same():
    data = pf.meta_ads_korean([dict(name="동네 광고", spend=50000, impressions=8000, reach=5000, clicks=120)],
                              D0, D0 + timedelta(6), 5000)
    utf8 = read_bytes_as("ads.csv", data, AS_OF)
    cp949 = read_bytes_as("ads.csv", data[3:].decode("utf-8").encode("cp949"), AS_OF)
    assert readings(utf8, "ad_reach") == readings(cp949, "ad_reach") == {(D0, "total"): 5000}
    assert readings(cp949, "ad_spend") == {(D0, "total"): 50000}


def test_bytes_that_are_no_text_encoding_are_refused_naming_the_file():
    with pytest.raises(PlatformFileError) as e:
        read_bytes_as("insights.csv", b"Date,Views\n" + bytes([0x81, 0xFF, 0xFE, 0x80]) * 50, AS_OF)
    assert "insights.csv" in e.value.message("en") and "encoding" in e.value.message("en")


# -- Meta ---------------------------------------------------------------------------------------------


def _ig_posts():
    return [dict(day=D0 + timedelta(i), views=12400 + i, reach=1000, likes=40, shares=2, comments=5, saves=3)
            for i in range(10)]


def test_instagram_post_export_one_row_per_post_lifetime_marker_and_thousands():
    files = read_bytes_as("posts.csv", pf.instagram_posts(_ig_posts()), AS_OF)
    (f,) = files
    assert f.platform == "meta_posts" and f.channel == "Instagram" and f.rows == 10
    views = readings(files, "views")
    assert views[(D0, "17900000000000000")] == 12400  # "12,400" in quotes
    assert sum(readings(files, "posts").values()) == 10
    assert set(readings(files, "post_reach").values()) == {1000}  # per-post reach, not the reach KPI
    assert f.first == D0 and f.last == AS_OF


def test_spanish_lifetime_marker_total_reads_the_same():
    a = read_bytes_as("p.csv", pf.instagram_posts(_ig_posts()), AS_OF)
    b = read_bytes_as("p.csv", pf.instagram_posts(_ig_posts(), lifetime="Total"), AS_OF)
    assert readings(a, "likes") == readings(b, "likes")


@pytest.mark.parametrize("negative", [0, 1, 2])
def test_facebook_post_export_columns_vary_month_to_month(negative):
    posts = [dict(day=D0, views=500, reach=400, likes=10, comments=2, shares=1, link_clicks=7)]
    files = read_bytes_as("fb.csv", pf.facebook_posts(posts, negative), AS_OF)
    assert files[0].channel == "Facebook"
    assert readings(files, "link_clicks") == {(D0, "10000_20000"): 7}
    assert readings(files, "reactions") == {(D0, "10000_20000"): 10}


def test_daily_insight_file_utf16_sep_line_metric_name_and_sparse_days():
    data = pf.meta_daily("Instagram follows", {D0: 20, D0 + timedelta(1): 0, D0 + timedelta(2): 5})
    assert data.startswith(b"\xff\xfe")
    (f,) = read_bytes_as("follows.csv", data, AS_OF)
    assert f.channel == "Instagram" and f.source == "daily"
    assert {(r.start, r.value) for r in f.readings} == {(D0, 20), (D0 + timedelta(2), 5)}  # the zero day is absent
    assert (f.first, f.last) == (D0, D0 + timedelta(2))


@pytest.mark.parametrize("name, metric, channel", [
    ("Views", "views", "Meta"), ("Facebook link clicks", "link_clicks", "Facebook"),
    ("Facebook visits", "profile_visits", "Facebook"), ("Viewers", "viewers", "Meta"),
    ("Content interactions", "interactions", "Meta"), ("조회", "views", "Meta"),
])
def test_daily_metric_names_route_the_series(name, metric, channel):
    (f,) = read_bytes_as("x.csv", pf.meta_daily(name, {D0: 3}), AS_OF)
    assert [(r.metric, r.channel) for r in f.readings] == [(metric, channel)]


def test_daily_file_channel_hint_from_the_file_name():
    (f,) = read_bytes_as("instagram_views.csv", pf.meta_daily("Views", {D0: 3}), AS_OF)
    assert f.channel == "Instagram"


def test_unknown_daily_metric_is_kept_for_manual_mapping():
    (f,) = read_bytes_as("x.csv", pf.meta_daily("Reels plays", {D0: 3}), AS_OF)
    assert f.columns[0].key == "meta_daily:reelsplays" and f.readings[0].metric == "col:meta_daily:reelsplays"


def test_korean_ads_export_uses_the_totals_row_once():
    camps = [dict(name="A", spend=30000, impressions=5000, reach=4000, clicks=80),
             dict(name="B", spend=20000, impressions=3000, reach=2500, clicks=40)]
    (f,) = read_bytes_as("ads.csv", pf.meta_ads_korean(camps, D0, D0 + timedelta(6), 5800), AS_OF)
    assert readings([f], "ad_reach") == {(D0, "total"): 5800}  # not 6500: people overlap across campaigns
    assert readings([f], "ad_spend") == {(D0, "total"): 50000}
    assert any("2" in n.en and "campaign" in n.en for n in f.ignored)


# -- YouTube ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("korean", [True, False])
def test_youtube_zip_table_chart_totals(korean):
    days = {D0 + timedelta(i): dict(views=100 + i, subs=2) for i in range(14)}
    files = read_bytes_as("yt.zip", pf.youtube_zip(days, [dict(day=D0, views=50)], korean=korean), AS_OF)
    kinds = sorted(f.platform for f in files)
    assert kinds == ["youtube_chart", "youtube_chart", "youtube_table"]
    running = readings(files, "subscribers_running_total")
    assert running[(D0, "")] == 2 and running[(D0 + timedelta(13), "")] == 28  # gained within the range
    assert not readings(files, "followers")  # not the channel's subscriber count
    assert readings(files, "views")[(D0 + timedelta(3), "")] == 103
    table = next(f for f in files if f.platform == "youtube_table")
    assert table.rows == 1 and any("1" in n.en and "totals" in n.en for n in table.ignored)


def test_youtube_header_spacing_variants_are_one_header():
    from kpiwizard.export.platforms.common import synonyms

    syn = synonyms()
    assert syn.field("youtube_table", "노출 클릭률 (%)") == syn.field("youtube_table", "노출 클릭률(%)") == "impressions_ctr"


# -- GA4 --------------------------------------------------------------------------------------------------


def test_ga4_comment_block_totals_row_and_social_rows_only():
    data = pf.ga4_csv(D0, D0 + timedelta(6), [("Organic Social", 120, 80, 6, 150000), ("Paid Social", 30, 10, 1, 0),
                                              ("Direct", 300, 100, 2, 0)])
    (f,) = read_bytes_as("ga4.csv", data, AS_OF)
    assert (f.first, f.last) == (D0, D0 + timedelta(6))
    r = {x.metric: x for x in f.readings}
    assert r["social_sessions"].value == 150 and r["social_key_events"].value == 7
    assert r["social_revenue"].value == 150000 and r["social_bounced_sessions"].value == 60
    assert (r["social_sessions"].start, r["social_sessions"].end, r["social_sessions"].source) == (D0, D0 + timedelta(6), "period")
    texts = " ".join(n.en for n in f.ignored)
    assert "totals row" in texts and "channel groups other than social" in texts


def test_ga4_older_conversions_and_korean_comment_labels():
    new = read_bytes_as("a.csv", pf.ga4_csv(D0, D0, [("Organic Social", 10, 5, 2, 0)]), AS_OF)
    old = read_bytes_as("b.csv", pf.ga4_csv(D0, D0, [("Organic Social", 10, 5, 2, 0)], older=True,
                                            korean_comments=True), AS_OF)
    assert readings(new, "social_key_events") == readings(old, "social_key_events") == {(D0, ""): 2}


def test_ga4_without_dates_is_refused():
    data = b"# report\n# nothing here\nSession campaign,Sessions\nkw01,3\n"
    with pytest.raises(PlatformFileError) as e:
        read_bytes_as("ga4.csv", data, AS_OF)
    assert "period is unknown" in e.value.message("en")


def test_ga4_campaign_rows_keep_their_campaign_and_skip_placeholders():
    data = pf.ga4_csv(D0, D0 + timedelta(6), [("kw01", 40, 30, 3, 9000), ("(direct)", 100, 50, 1, 0)],
                      dimension="Session campaign")
    (f,) = read_bytes_as("ga4.csv", data, AS_OF)
    assert {(r.metric, r.campaign, r.value) for r in f.readings if r.metric == "campaign_sessions"} == {
        ("campaign_sessions", "kw01", 40)}


# -- TikTok -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("as_xlsx", [False, True])
def test_tiktok_zip_dates_without_year_undefined_and_k(as_xlsx):
    start = date(2026, 8, 25)
    days = {start + timedelta(i): dict(views=1200 + 100 * i, likes=5, comments=1, shares=0, new=3) for i in range(10)}
    files = read_bytes_as("tt.zip", pf.tiktok_zip(days, [dict(day=start, likes=9, comments=2, shares=1, views=300)],
                                                  as_xlsx=as_xlsx), date(2026, 9, 4))
    assert sorted(f.platform for f in files) == ["tiktok", "tiktok", "tiktok_content"]
    views = readings(files, "views")
    assert views[(start, "")] == 1200  # "1.2K"
    assert views[(date(2026, 8, 31), "")] == 1800 and (date(2025, 8, 31), "") not in views
    assert readings(files, "followers")[(start + timedelta(9), "")] == 1030
    assert not readings(files, "profile_visits")  # every value 'undefined'


def test_tiktok_year_rolls_back_across_new_year():
    days = {date(2026, 12, 30): dict(views=10, likes=1, comments=0, shares=0, new=1),
            date(2027, 1, 2): dict(views=20, likes=1, comments=0, shares=0, new=1)}
    files = read_bytes_as("tt.zip", pf.tiktok_zip(days, []), date(2027, 1, 4))
    assert set(d for d, _ in readings(files, "views")) == {date(2026, 12, 30), date(2027, 1, 2)}


# -- LinkedIn ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("newer", [True, False])
def test_linkedin_xls_header_on_second_row_reposts_or_shares(newer):
    days = {D0 + timedelta(i): dict(impressions=300, clicks=4, reactions=5, comments=1, shares=2) for i in range(5)}
    files = read_bytes_as("li.xls", pf.linkedin_xls(days, newer=newer), AS_OF)
    (f,) = files
    assert f.platform == "linkedin" and f.channel == "LinkedIn"
    assert sum(readings(files, "shares").values()) == 10
    assert sum(readings(files, "impressions").values()) == 1500  # the (total) column only
    assert any("Location" in n.en for n in f.ignored)


# -- recognition ------------------------------------------------------------------------------------------


def test_a_file_from_no_known_platform_names_its_columns():
    with pytest.raises(PlatformFileError) as e:
        read_bytes_as("budget.csv", "품목,금액\n원두,30000\n".encode(), AS_OF)
    message = e.value.message("ko")
    assert "budget.csv" in message and "품목" in message


def test_recognition_does_not_depend_on_the_file_name():
    data = pf.meta_daily("Views", {D0: 3})
    assert read_bytes_as("다운로드 (3).csv", data, AS_OF)[0].platform == "meta_daily"


def test_spanish_post_export_headers_read_the_same():
    """Headers as in a public Spanish sample (aroaxinping/instapipe examples/sample_data.csv), numbers ours."""
    header = ('"identificador de la publicación","Identificador de la cuenta","Nombre de usuario de la cuenta",'
              '"Nombre de la cuenta",Descripción,"Duración (segundos)","Hora de publicación","Enlace permanente",'
              '"Tipo de publicación","Comentario sobre los datos",Fecha,Visualizaciones,Alcance,"Me gusta",'
              '"Veces que se ha compartido",Seguidores,Comentarios,"Veces guardado"')
    row = '2001,9000000009,cafe.sol,Café Sol,"nuevo pan",12,03/04/2026 18:00,https://x/1,"Reel de Instagram",,Total,900,700,40,5,3,7,11'
    (f,) = read_bytes_as("es.csv", ("\ufeff" + header + "\n" + row + "\n").encode("utf-8"), AS_OF)
    got = {r.metric: r.value for r in f.readings}
    assert f.channel == "Instagram"
    assert got == {"posts": 1, "views": 900, "post_reach": 700, "likes": 40, "shares": 5, "follows": 3,
                   "comments": 7, "saves": 11}
    assert f.readings[0].start == date(2026, 3, 4)


def test_daily_values_with_thousands_separators():
    data = b"\xff\xfe" + 'sep=,\r\n"Visualizaciones"\r\n"Date","Primary"\r\n"2026-03-02T00:00:00","1,234"\r\n'.encode("utf-16-le")
    (f,) = read_bytes_as("Visualizaciones.csv", data, AS_OF)
    assert [(r.metric, r.value) for r in f.readings] == [("views", 1234)]


def test_a_meta_zip_skips_audience_blocks_and_reads_the_daily_files():
    import io
    import zipfile

    audience = 'sep=,\r\n"Age & gender"\r\n"Age","Women","Men"\r\n"18-24","0.2","0.1"\r\n'.encode("utf-16")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("Audience.csv", audience)
        z.writestr("Views.csv", pf.meta_daily("Views", {D0: 5}))
    (f,) = read_bytes_as("meta.zip", buf.getvalue(), AS_OF)
    assert f.name == "meta.zip/Views.csv" and [r.value for r in f.readings] == [5]
    assert any("Audience.csv" in n.en for n in f.ignored)


def test_a_pipe_is_refused_not_waited_on(tmp_path):
    import os

    from kpiwizard.export.platforms import read_files

    fifo = tmp_path / "export.csv"
    os.mkfifo(fifo)
    with pytest.raises(PlatformFileError) as e:
        read_files([fifo])
    assert "not a regular file" in e.value.message("en")


def test_ga4_with_channel_group_and_campaign_counts_both_ways():
    header = "Session primary channel group (Default Channel Group),Session campaign,Sessions,Engaged sessions,Key events,Total revenue"
    text = (f"# Start date: 20260302\n# End date: 20260308\n{header}\n,,100,50,5,0\n"
            "Organic Social,kw01-reels,30,20,2,1000\nReferral,kw02,10,5,1,0\nDirect,(direct),60,25,2,0\n")
    (f,) = read_bytes_as("ga4.csv", text.encode(), AS_OF)
    got = {(r.metric, r.campaign): r.value for r in f.readings if r.metric in ("social_sessions", "campaign_sessions")}
    assert got == {("social_sessions", ""): 30, ("campaign_sessions", "kw01-reels"): 30, ("campaign_sessions", "kw02"): 10}


def test_a_daily_file_re_saved_by_korean_excel_loses_sep_line_and_becomes_cp949():
    text = '조회\r\nDate,Primary\r\n2026-03-02 오전 12:00:00,20\r\n2026-03-03 0:00,"1,200"\r\n'
    (f,) = read_bytes_as("조회.csv", text.encode("cp949"), AS_OF)
    assert f.platform == "meta_daily"
    assert [(r.start, r.metric, r.value) for r in f.readings] == [(D0, "views", 20), (D0 + timedelta(1), "views", 1200)]


def test_a_post_export_re_saved_by_excel_with_iso_publish_times():
    data = pf.instagram_posts(_ig_posts()[:1]).decode("utf-8-sig").replace("03/02/2026 09:08", "2026-03-02 오전 9:08")
    (f,) = read_bytes_as("p.csv", data.encode("cp949", errors="replace"), AS_OF)  # ☕ becomes ? as in Excel
    assert [r.start for r in f.readings if r.metric == "posts"] == [D0]
