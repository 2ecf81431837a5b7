#!/usr/bin/env python3
"""Writes the sample corpus under examples/corpus/: invented news articles and
formal Party documents about real districts, in plain text, Markdown, XML and
JSON Lines, some in NFD and some in the "hoà/uỷ" tone style, so that every
feature of vankien has something to show. The texts are vankien's own.

    examples/make_corpus.py            # rewrites examples/corpus/
"""
import json
import pathlib
import random
import unicodedata
from xml.sax.saxutils import escape

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
    print(f"{OUT}: {count} documents")


if __name__ == "__main__":
    main()
