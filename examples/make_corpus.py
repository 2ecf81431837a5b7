#!/usr/bin/env python3
"""Writes the sample corpus under examples/corpus/: invented news articles and
formal Party documents about real districts, in plain text, Markdown, XML,
JSON Lines, portal-like HTML pages and a site export (front matter and editor
HTML), some in NFD and some in the "hoà/uỷ" tone style, so that every
feature of vankien has something to show. The texts are vankien's own.

    examples/make_corpus.py            # rewrites examples/corpus/
"""
import json
import pathlib
import random
import unicodedata
from xml.sax.saxutils import escape, quoteattr

OUT = pathlib.Path(__file__).resolve().parent / "corpus"

# (district, province, district committee word, town in the district)
PLACES = [
    ("Bạch Thông", "Bắc Kạn", "Huyện ủy", "Phủ Thông"),
    ("Chợ Mới", "Bắc Kạn", "Huyện ủy", "Yên Đĩnh"),
    ("Na Rì", "Bắc Kạn", "Huyện ủy", "Yến Lạc"),
    ("Hòa An", "Cao Bằng", "Huyện ủy", "Nước Hai"),
    ("Trùng Khánh", "Cao Bằng", "Huyện ủy", "Trùng Khánh"),
    ("Cao Lộc", "Lạng Sơn", "Huyện ủy", "Đồng Đăng"),
    ("Văn Lãng", "Lạng Sơn", "Huyện ủy", "Na Sầm"),
    ("Cái Bè", "Tiền Giang", "Huyện ủy", "Cái Bè"),
    ("Châu Thành", "Tiền Giang", "Huyện ủy", "Tân Hiệp"),
]

# Topic -> (headline, paragraph). {d} district, {p} province, {t} town, {term} term.
TOPICS = {
    "xay_dung_dang": (
        "Đổi mới phương thức lãnh đạo của cấp ủy cơ sở",
        "Ban Thường vụ Huyện ủy {d} chỉ đạo các chi bộ đổi mới phương thức lãnh đạo, nâng cao chất "
        "lượng sinh hoạt chi bộ và công tác cán bộ. Việc kết nạp đảng viên mới gắn với quy hoạch cán bộ "
        "trẻ; người đứng đầu cấp ủy nêu gương, giữ nghiêm nguyên tắc tập trung dân chủ."),
    "kiem_tra_giam_sat": (
        "Tăng cường kiểm tra, giám sát và thi hành kỷ luật đảng",
        "Ủy ban Kiểm tra Huyện ủy {d} kiểm tra, giám sát tổ chức đảng và đảng viên khi có dấu hiệu vi "
        "phạm, giải quyết tố cáo đúng quy định. Việc thi hành kỷ luật đảng được thực hiện công khai, "
        "khách quan, góp phần giữ vững kỷ cương."),
    "tuyen_giao": (
        "Học tập, quán triệt nghị quyết đến từng chi bộ",
        "Ban Tuyên giáo Huyện ủy {d} tổ chức học tập, quán triệt nghị quyết cho cán bộ, đảng viên; đẩy "
        "mạnh tuyên truyền trên báo chí và nắm bắt dư luận xã hội. Việc học tập và làm theo tư tưởng, "
        "đạo đức, phong cách Hồ Chí Minh trở thành nền nếp."),
    "dan_van": (
        "Phát huy dân chủ cơ sở, làm tốt công tác dân vận",
        "Mặt trận Tổ quốc và các đoàn thể huyện {d} phối hợp thực hiện dân chủ cơ sở, xây dựng nhiều mô "
        "hình dân vận khéo. Hội Nông dân, Hội Liên hiệp Phụ nữ và Đoàn Thanh niên vận động nhân dân hiến "
        "đất làm đường."),
    "noi_chinh": (
        "Phòng, chống tham nhũng, lãng phí từ cơ sở",
        "Huyện ủy {d} chỉ đạo công tác nội chính và phòng, chống tham nhũng, lãng phí, tiêu cực; công khai "
        "minh bạch trong quản lý ngân sách, xử lý nghiêm cán bộ vi phạm, phối hợp chặt chẽ với cơ quan tư pháp."),
    "kinh_te_xa_hoi": (
        "Xây dựng nông thôn mới, giảm nghèo bền vững",
        "Huyện {d} tập trung phát triển kinh tế nông nghiệp, xây dựng nông thôn mới và giảm nghèo bền "
        "vững. Nhiều xã thu hút đầu tư, phát triển hạ tầng giao thông, tăng trưởng kinh tế đạt khá; thu "
        "nhập bình quân của người dân tại {t} tăng rõ rệt."),
    "van_hoa_xa_hoi": (
        "Chăm lo giáo dục, y tế và văn hóa vùng đồng bào dân tộc",
        "Huyện {d} quan tâm giáo dục, y tế và an sinh xã hội; giữ gìn bản sắc văn hóa các dân tộc, bảo "
        "đảm hoạt động tôn giáo đúng pháp luật. Trường học ở {t} được đầu tư, tỷ lệ người dân có bảo "
        "hiểm y tế tăng."),
    "quoc_phong_an_ninh": (
        "Vững chắc thế trận quốc phòng toàn dân",
        "Huyện ủy {d} lãnh đạo xây dựng nền quốc phòng toàn dân gắn với thế trận an ninh nhân dân, củng "
        "cố lực lượng dân quân tự vệ, giữ vững trật tự an toàn xã hội và an ninh biên giới."),
    "doi_ngoai": (
        "Mở rộng hợp tác quốc tế, đối ngoại nhân dân",
        "Công tác đối ngoại của huyện {d} được chú trọng; các hoạt động hợp tác quốc tế, giao lưu hữu nghị "
        "với địa phương bạn qua biên giới góp phần hội nhập quốc tế và phát triển thương mại."),
    "dai_hoi": (
        "Chuẩn bị chu đáo đại hội đảng bộ nhiệm kỳ mới",
        "Đảng bộ huyện {d} chuẩn bị văn kiện đại hội, nhân sự đại hội và tổ chức đại hội điểm ở cơ sở. Đại "
        "hội đại biểu Đảng bộ huyện nhiệm kỳ {term} bầu Ban Chấp hành và đoàn đại biểu dự đại hội cấp trên."),
    "thi_dua": (
        "Biểu dương điển hình tiên tiến trong phong trào thi đua",
        "Huyện {d} tổ chức hội nghị điển hình tiên tiến, khen thưởng tập thể và cá nhân có thành tích trong "
        "phong trào thi đua yêu nước; nhiều cá nhân được tặng bằng khen, huân chương lao động."),
    "sap_xep_bo_may": (
        "Sắp xếp, tinh gọn bộ máy của hệ thống chính trị",
        "Huyện ủy {d} thực hiện sắp xếp, tinh gọn tổ chức bộ máy, tinh giản biên chế; sáp nhập, hợp nhất "
        "các cơ quan tham mưu và sắp xếp đơn vị hành chính cấp xã theo chủ trương của cấp trên."),
}
TOPIC_KEYS = list(TOPICS)

AUTHORS = ["Hoàng Văn Minh", "Nông Thị Lan", "Lương Đức Tài", "Triệu Thu Hà", "Nguyễn Văn Bình",
           "Lê Thị Mai", "Phạm Quốc Hưng"]

# Type name, code, heading
FORMAL = [("Nghị quyết", "NQ", "NGHỊ QUYẾT"), ("Chỉ thị", "CT", "CHỈ THỊ"), ("Kết luận", "KL", "KẾT LUẬN"),
          ("Kế hoạch", "KH", "KẾ HOẠCH"), ("Báo cáo", "BC", "BÁO CÁO"), ("Thông báo", "TB", "THÔNG BÁO")]

YEARS = [2013, 2017, 2019, 2021, 2023]


def ascii_name(text: str) -> str:
    """File names without marks: "Bạch Thông" -> "bach-thong"."""
    bare = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    bare = "".join(c for c in bare if not unicodedata.combining(c))
    return bare.lower().replace(" ", "-")


def term_of(year: int) -> str:
    start = year - year % 5
    return f"{start}-{start + 5}"


def new_style(text: str) -> str:
    """The other tone-placement style: hoà, khoẻ, thuỷ, uỷ."""
    for old, new in (("òa", "oà"), ("óa", "oá"), ("ỏa", "oả"), ("õa", "oã"), ("ọa", "oạ"),
                     ("ỏe", "oẻ"), ("úy", "uý"), ("ùy", "uỳ"), ("ủy", "uỷ"), ("ũy", "uỹ"), ("ụy", "uỵ")):
        text = text.replace(old, new)
    return text


def body_for(topic: str, place, year: int, rng: random.Random) -> str:
    d, p, _, t = place
    first = TOPICS[topic][1].format(d=d, p=p, t=t, term=term_of(year))
    other = rng.choice([k for k in TOPIC_KEYS if k != topic])
    second = TOPICS[other][1].format(d=d, p=p, t=t, term=term_of(year)).split(";")[0] + "."
    return (f"{first}\n\nTrong nhiệm kỳ {term_of(year)}, {second} Năm {year}, "
            f"nhiều chỉ tiêu của Đảng bộ huyện {d}, tỉnh {p} đạt và vượt kế hoạch.")


def article(topic, place, year, rng):
    d, p, _, t = place
    headline = TOPICS[topic][0]
    title = f"{d.upper()}: {headline.upper()}"
    lead = f"Thời gian qua, Đảng bộ huyện {d} (tỉnh {p}) đã có nhiều cách làm hay trong công tác này."
    caption = " " * 48 + f"Quang cảnh hội nghị tại {t}."
    return f"{title}\n\n{lead}\n\n{caption}\n\n{body_for(topic, place, year, rng)}\n\n{rng.choice(AUTHORS)}\n"


def formal(kind, number, topic, place, year, month, day, mark=""):
    d, p, committee, _ = place
    name, code, heading = kind
    left = [f"ĐẢNG BỘ TỈNH {p.upper()}", f"{committee.upper()} {d.upper()}", "*", f"Số {number}-{code}/HU"]
    right = ["ĐẢNG CỘNG SẢN VIỆT NAM", "", "", f"{d}, ngày {day} tháng {month} năm {year}"]
    lines = [f"{l:<40}{r}".rstrip() for l, r in zip(left, right)]
    if mark:
        lines += ["", mark]
    subject = "về " + TOPICS[topic][0][0].lower() + TOPICS[topic][0][1:]
    body = TOPICS[topic][1].format(d=d, p=p, t=place[3], term=term_of(year))
    return "\n".join(lines + ["", heading, subject, "", body, "",
                              "T/M BAN THƯỜNG VỤ", "BÍ THƯ", ""])


def markdown(kind, number, topic, place, year, month, day):
    d, p, committee, _ = place
    name, code, heading = kind
    subject = "về " + TOPICS[topic][0][0].lower() + TOPICS[topic][0][1:]
    body = TOPICS[topic][1].format(d=d, p=p, t=place[3], term=term_of(year))
    return (
        "  ------------------------------ ------------------------------------\n"
        f"    **{committee.upper()} {d.upper()}\\          **ĐẢNG CỘNG SẢN VIỆT NAM\\\n"
        "                \\***                  \\-\\-\\-\\-\\-\\-\\-\\-\\-\\-\\-\\-\\-\\--**\n\n"
        f"            Số {number}-{code}/HU              *{d}, ngày {day} tháng {month} năm {year}*\n"
        "  ------------------------------ ------------------------------------\n\n"
        f"**{heading}**\n\n{subject}\n\n\\- {body}\n\n\\- Các chi bộ tổ chức thực hiện "
        "nghiêm túc, báo cáo kết quả về Ban Thường vụ.\n")


def main() -> None:
    rng = random.Random(1930)
    for path in OUT.rglob("*"):
        if path.is_file():
            path.unlink()
    (OUT / "articles").mkdir(parents=True, exist_ok=True)
    (OUT / "documents").mkdir(parents=True, exist_ok=True)

    count = 0
    # 18 plain-text articles: every topic, every place, five years.
    for i in range(18):
        topic, place, year = TOPIC_KEYS[i % 12], PLACES[i % len(PLACES)], YEARS[i % len(YEARS)]
        text = article(topic, place, year, rng)
        if i % 6 == 1:
            text = unicodedata.normalize("NFD", text)
        if i % 6 == 3:
            text = new_style(text)
        name = ascii_name(f"{year}-{place[0]}-{topic}")
        (OUT / "articles" / f"{name}.txt").write_text(text, encoding="utf-8")
        count += 1

    # 8 formal documents as text, 4 as Markdown conversions.
    for i in range(12):
        kind, place = FORMAL[i % len(FORMAL)], PLACES[(i * 2) % len(PLACES)]
        topic, year = TOPIC_KEYS[(i * 5) % 12], YEARS[(i + 1) % len(YEARS)]
        number, month, day = 10 + i, 1 + (i * 5) % 12, 1 + (i * 7) % 28
        stem = ascii_name(f"{number}-{kind[1]}-HU-{place[0]}")
        if i < 8:
            mark = "MẬT" if i == 3 else ("LƯU HÀNH NỘI BỘ" if i == 5 else "")
            text = formal(kind, number, topic, place, year, month, day, mark)
            if i == 6:
                text = new_style(text)
            (OUT / "documents" / f"{stem}.txt").write_text(text, encoding="utf-8")
        else:
            text = markdown(kind, number, topic, place, year, month, day)
            if i == 9:
                text = unicodedata.normalize("NFD", text)
            (OUT / "documents" / f"{stem}.md").write_text(text, encoding="utf-8")
        count += 1

    # An XML export with given metadata.
    docs = []
    for i in range(8):
        place, topic, year = PLACES[(i * 4 + 1) % len(PLACES)], TOPIC_KEYS[(i * 7) % 12], YEARS[i % len(YEARS)]
        d, p = place[0], place[1]
        docs.append(
            f'  <document id="xml-{year}-{i + 1:02d}">\n'
            f"    <title>{escape(TOPICS[topic][0])} ở huyện {escape(d)}</title>\n"
            f"    <date>{year}-{1 + i:02d}-{10 + i:02d}</date>\n"
            f"    <district>{escape(d)}</district>\n    <province>{escape(p)}</province>\n"
            f"    <topic>{topic}</topic>\n    <author>{escape(rng.choice(AUTHORS))}</author>\n"
            f"    <url>https://example.org/tin/{year}/{i + 1}</url>\n"
            f"    <body>{escape(body_for(topic, place, year, rng))}</body>\n  </document>\n")
    (OUT / "xml").mkdir(exist_ok=True)
    (OUT / "xml" / "portal-export.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<documents>\n' + "".join(docs) + "</documents>\n",
        encoding="utf-8")
    count += len(docs)

    # A JSON Lines export, the usual notebook format.
    (OUT / "jsonl").mkdir(exist_ok=True)
    with open(OUT / "jsonl" / "newsroom.jsonl", "w", encoding="utf-8") as out:
        for i in range(8):
            place, topic, year = PLACES[(i * 2 + 1) % len(PLACES)], TOPIC_KEYS[(i * 5 + 2) % 12], YEARS[(i + 2) % len(YEARS)]
            record = {"id": f"jsonl-{i + 1:02d}", "title": f"{TOPICS[topic][0]} tại {place[0]}",
                      "date": f"{3 + i % 9:02d}/{1 + i:02d}/{year}", "district": place[0],
                      "province": place[1], "type": "bai_viet",
                      "body": body_for(topic, place, year, rng)}
            if i == 4:
                record["body"] = unicodedata.normalize("NFD", new_style(record["body"]))
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    count += portal_pages(rng)
    count += site_export(rng)
    print(f"{OUT}: {count} documents")


def paragraphs_html(text: str) -> str:
    return "".join(f"<p>{escape(part)}</p>\n" for part in text.split("\n\n"))


def page_chrome(site: str, body: str, related: list) -> str:
    """What surrounds an article on a district portal: header, menu, sidebar,
    related links, comment form, footer."""
    links = "".join(f'<li><a href="/tin/{i}.html">{escape(title)}</a></li>' for i, title in enumerate(related))
    return (
        f'<div id="header"><div class="logo">{escape(site.upper())}</div>\n'
        '<ul class="main-menu"><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li>'
        '<li><a href="/tin-tuc">Tin tức - Sự kiện</a></li><li><a href="/van-ban">Văn bản</a></li></ul></div>\n'
        '<div class="container"><div class="col-main">\n'
        '<div class="breadcrumb"><a href="/">Trang chủ</a> / <a href="/tin-tuc">Tin tức</a></div>\n'
        f"{body}"
        f'<div class="tin-lien-quan"><h3>Tin liên quan</h3><ul>{links}</ul></div>\n'
        '<div class="comment-box"><h3>Ý kiến bạn đọc</h3><form><textarea></textarea>'
        '<button>Gửi</button></form></div>\n'
        '</div><div class="col-right sidebar"><div class="widget"><h3>Văn bản mới</h3><ul>'
        f'{links}</ul></div></div></div>\n'
        f'<div id="footer">Bản quyền thuộc {escape(site)}. Ghi rõ nguồn khi phát hành lại thông tin từ '
        "cổng thông tin này.</div>\n")


def to_windows_1258(text: str) -> bytes:
    """windows-1258 as Windows writes it: base letters (with their circumflex,
    breve or horn where the code page has them) followed by combining tones."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for char in unicodedata.normalize("NFD", text):
        if not unicodedata.combining(char):
            out.append([char, ""])
        elif char in tones or not out:
            out[-1][1] += char
        else:
            out[-1][0] = unicodedata.normalize("NFC", out[-1][0] + char)
    out = [base + marks for base, marks in out]
    return "".join(out).encode("cp1258")


def portal_pages(rng: random.Random) -> int:
    """Saved pages of district portals: one the general content scorer reads,
    one with a site rule (data/sites.tsv), and an older page in windows-1258
    whose document header is a two-column table."""
    folder = OUT / "portal"
    folder.mkdir(exist_ok=True)
    related = [TOPICS[k][0] for k in TOPIC_KEYS[:4]]

    place, topic, year = PLACES[0], "dai_hoi", 2020
    title = f"{TOPICS[topic][0]} ở huyện {place[0]}"
    article_html = (
        f'<div class="news-detail"><h1 class="title">{escape(title)}</h1>\n'
        '<div class="date">Thứ Ba, 12/05/2020 - 08:15</div>\n'
        f'<p class="sapo"><strong>Sáng 11/5, Ban Thường vụ Huyện ủy {escape(place[0])} họp cho ý kiến về '
        "công tác chuẩn bị đại hội.</strong></p>\n"
        f"{paragraphs_html(body_for(topic, place, year, rng))}"
        f'<p style="text-align:right"><strong>{escape(AUTHORS[0])}</strong></p>\n'
        '<div class="share-bar"><a href="#">Facebook</a> <a href="#">Zalo</a> <a href="#">In bài</a></div></div>\n')
    page = (
        '<!-- saved from url=(0053)https://huyenuy-bachthong.example/tin-tuc/dai-hoi.html -->\n'
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">\n'
        f"<title>{escape(title)} - Huyện ủy {escape(place[0])}</title>\n"
        f"<meta property=\"og:title\" content={quoteattr(title)}>\n"
        '<meta property="article:published_time" content="2020-05-12T08:15:00+07:00">\n'
        '<script>var menu = "Trang chủ";</script><style>.main-menu { float: left }</style></head>\n'
        f"<body>\n{page_chrome('Huyện ủy ' + place[0], article_html, related)}</body></html>\n")
    (folder / "bach-thong-dai-hoi.html").write_text(page, encoding="utf-8")

    place, topic = PLACES[5], "dan_van"
    title = f"{TOPICS[topic][0]} tại huyện {place[0]}"
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
                     "datePublished": "2021-09-03T10:30:00+07:00",
                     "author": {"@type": "Person", "name": AUTHORS[2]}}, ensure_ascii=False)
    article_html = (
        f'<article><h1 class="article-title">{escape(title)}</h1>\n'
        '<span class="post-time">03/09/2021 10:30</span>\n'
        '<div class="article-content">\n'
        f"{paragraphs_html(body_for(topic, place, 2021, rng))}"
        '<div class="related-box"><a href="/tin/1.html">Xem thêm: hội nghị dân vận khéo</a></div>\n'
        "</div></article>\n")
    page = (
        '<!DOCTYPE html>\n<html><head><meta charset="UTF-8">\n'
        f"<title>{escape(title)}</title>\n"
        '<link rel="canonical" href="https://dangbo-caoloc.example/dan-van/hoi-nghi.html">\n'
        f'<script type="application/ld+json">{ld}</script></head>\n'
        f"<body>\n{page_chrome('Đảng bộ huyện ' + place[0], article_html, related)}</body></html>\n")
    (folder / "cao-loc-dan-van.html").write_text(page, encoding="utf-8")

    place = PLACES[2]
    body = body_for("thi_dua", place, 2018, rng)
    header = (
        '<table width="100%"><tr>'
        f"<td><p>HUYỆN ỦY {escape(place[0].upper())}</p><p>*</p><p>Số 21-TB/HU</p></td>"
        f"<td><p>ĐẢNG CỘNG SẢN VIỆT NAM</p><p>{escape(place[3])}, ngày 20 tháng 11 năm 2018</p></td>"
        "</tr></table>\n")
    page = (
        "<html><head>\n"
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">\n'
        f"<title>Thông báo kết luận của Ban Thường vụ Huyện ủy {escape(place[0])}</title></head>\n"
        '<body><table width="780"><tr><td class="left-menu"><a href="/">Trang chủ</a><br><a href="/vb">Văn bản</a>'
        '<br><a href="/lh">Liên hệ</a></td>\n<td class="noidung">\n'
        f"{header}<h3>THÔNG BÁO</h3>\n<p>Kết luận của Ban Thường vụ Huyện ủy về phong trào thi đua</p>\n"
        f"{paragraphs_html(body)}</td></tr></table></body></html>\n")
    (folder / "na-ri-thong-bao-1258.htm").write_bytes(to_windows_1258(page))
    return 3


def site_export(rng: random.Random) -> int:
    """A site export: posts with JSON or YAML front matter and the HTML a web
    editor wrote (named and numeric entities, a tone mark combined after an
    entity, <br>, <strong>, &nbsp;, a table)."""
    folder = OUT / "export"
    folder.mkdir(exist_ok=True)
    count = 0
    for i in range(4):
        place, topic = PLACES[(i * 3 + 1) % len(PLACES)], TOPIC_KEYS[(i * 5 + 3) % 12]
        year = [2019, 2020, 2021, 2021][i]
        title = f"{TOPICS[topic][0]} ở {place[0]}"
        html = paragraphs_html(body_for(topic, place, year, rng))
        # What editors write: entities for some letters, a tone as a numeric
        # entity after its vowel's entity ("&acirc;&#769;" is "ấ").
        html = (html.replace("à", "&agrave;", 2).replace("ố", "&#7889;", 2).replace("ấ", "&acirc;&#769;", 1)
                .replace(". ", ".&nbsp;", 1).replace("</p>\n<p>", "<br>\n", 1))
        html = (f"<p><strong>{escape(place[0])}</strong> &ndash; {html[3:]}"
                "<table><tr><th>Chỉ tiêu</th><th>Kết quả</th></tr>"
                "<tr><td>Kết nạp đảng viên</td><td>120 đảng viên</td></tr></table>\n")
        date = f"{year}-0{i + 3}-1{i}T15:02:00+07:00"
        if i % 2 == 0:
            front = "---json\n" + json.dumps(
                {"title": title, "date": date, "categories": ["Tin tức - Sự kiện"], "tags": [place[0], "thi đua"],
                 "author": AUTHORS[i], "slug": ascii_name(title), "thumbnail": "/images/a.jpg"},
                ensure_ascii=False, indent=2) + "\n---\n"
        else:
            front = (f"---\ntitle: \"{title}\"\ndate: {date[:10]}\ncategories:\n  - Tin tức - Sự kiện\n"
                     f"tags: [{place[0]}, đại hội]\nauthor: {AUTHORS[i]}\nlayout: post\ndraft: false\n---\n")
        (folder / f"{year}-{ascii_name(place[0])}-{i + 1}.md").write_text(front + html, encoding="utf-8")
        count += 1
    # The site is Chợ Mới's: its own posts often name no unit, so the folder
    # says which it is; posts about other districts keep theirs.
    (folder / "vankien.toml").write_text(
        "# The export of Huyện ủy Chợ Mới's site: the unit of posts that name none.\n"
        "district = \"Chợ Mới\"\nprovince = \"Bắc Kạn\"\n", encoding="utf-8")
    front = "---\ntitle: Hội nghị sơ kết công tác dân vận sáu tháng đầu năm\ndate: 2021-07-08\n---\n"
    html = ("<p>Sáng 8/7, Ban Thường vụ Huyện ủy tổ chức hội nghị sơ kết công tác dân vận sáu tháng đầu năm.</p>\n"
            "<p>Hội nghị đánh giá kết quả thực hiện quy chế dân chủ ở cơ sở và mô hình d&acirc;n vận khéo.</p>\n")
    (folder / "2021-so-ket-dan-van.md").write_text(front + html, encoding="utf-8")
    return count + 1


if __name__ == "__main__":
    main()
