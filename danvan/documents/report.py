"""The year-end report (báo cáo tổng kết) of a campaign as a Party document (Hướng dẫn 36-HD/VPTW).

The parts the bloc writes every year: results by task with the statistic tables, limitations and their causes,
next year's direction, the signature and recipients, and appendices with the long tables. Every figure is read
from danvan.insights (the same as the dashboard and the API summary); the narrative parts are drafts written from
those figures for the office to edit before signing, and say so once at their top.
"""

from dataclasses import replace
from datetime import date

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from danvan.campaigns.models import Campaign
from danvan.documents.docx_base import (
    PARTY,
    Signer,
    WordDocument,
    committee_name,
    document_number,
    figure,
    higher_committee,
    lower_first,
    number_suffix,
    party_letterhead,
    standing_committee,
)
from danvan.documents.selectors import exemplary_initiatives
from danvan.insights.review import SELF_GROUP, ReviewBoard, review_board
from danvan.insights.statistics import CampaignStatistics, Table, campaign_statistics, year_on_year
from danvan.recognition.pdf import upper

# Column widths (mm; 160 between the margins of a portrait page, 247 of a landscape one) where the default
# (the first column takes what the numbers leave) does not suit.
WIDTHS = {
    "commendations": [32.0, 24.0, 24.0, 56.0, 24.0],
    "replications": [80.0, 54.0, 26.0],
    "reporting": [48.0, 28.0, 28.0, 28.0, 28.0],
    "indicators": [52.0, 36.0, 36.0, 36.0],
    "by_unit": [87.0, *[20.0] * 8],
    "years": [27.0, *[22.0] * 10],
}
# Tables too long for the body, printed after the signature as appendices in this order (then the years).
APPENDIX = ("indicators", "by_unit")
WIDE = 6  # a table of more columns is printed on a landscape page


def year_end_report(
    *,
    campaign: Campaign,
    user,
    today: date | None = None,
    number: str = "",
    signer_name: str = "",
    signer_title: str = "",
) -> bytes:
    """The year-end report of `campaign` as `user` sees it, dated `today`; a DOCX file's bytes."""
    with translation.override("vi"):
        return _Report(campaign, user, today or timezone.localdate(), number, signer_name, signer_title).write()


class _Report:
    """One report being written: the figures read once from insights, then the parts added in order."""

    def __init__(self, campaign: Campaign, user, today: date, number: str, signer_name: str, signer_title: str):
        self.c = campaign
        self.user = user
        self.stats: CampaignStatistics = campaign_statistics(campaign, user)
        self.s = self.stats.summary
        self.board: ReviewBoard = review_board(campaign, user)
        self.org = campaign.organization
        self.head = party_letterhead(self.org, today)
        self.standing = standing_committee(self.org)
        self.number = document_number(
            number, "BC", number_suffix(campaign.launch_document_number, committee_name(self.org))
        )
        self.signer = Signer(
            self.head.on_behalf, upper(signer_title or _("Bí thư")), signer_name or _("[Họ và tên người ký]")
        )
        self.tables = 0  # tables numbered so far ("Bảng 1." …)
        self.w = WordDocument(
            PARTY,
            title=_("Báo cáo tổng kết phong trào thi đua “Dân vận khéo” năm %(y)s") % {"y": campaign.year},
            author=committee_name(self.org),
        )

    def write(self) -> bytes:
        w = self.w
        w.party_header(self.head, self.number)
        w.title(
            _("BÁO CÁO"),
            _("tổng kết phong trào thi đua “Dân vận khéo” năm %(y)s") % {"y": self.c.year},
        )
        self.opening()
        self.results()
        self.limitations()
        self.direction()
        w.paragraph(
            _("Trên đây là báo cáo tổng kết phong trào thi đua “Dân vận khéo” năm %(y)s của %(by)s./.")
            % {"y": self.c.year, "by": self.standing},
            after=12,
            keep_next=True,
        )
        w.signature(recipients=self.recipients(), signer=self.signer)
        self.appendices()
        return w.to_bytes()

    # -- helpers -----------------------------------------------------------------------------------------------

    def table(self, key: str) -> Table:
        return self.stats.table(key)

    def print_table(self, table: Table) -> None:
        self.tables += 1
        self.w.statistic_table(
            table,
            caption=_("Bảng %(n)s. %(title)s") % {"n": self.tables, "title": table.title},
            widths=WIDTHS.get(table.key),
        )

    def launch(self) -> str:
        """ "văn bản số 292-CV/ĐUK, ngày 20/3/2017 của Ban Thường vụ … phát động phong trào …" (or just the name)."""
        c = self.c
        if not c.launch_document_number:
            return lower_first(c.name)
        text = _("văn bản số %(n)s") % {"n": c.launch_document_number}
        if c.launch_document_date:
            text += _(", ngày %(d)s") % {"d": figure(c.launch_document_date)}
        return text + _(" của %(by)s phát động %(name)s") % {"by": self.standing, "name": lower_first(c.name)}

    # -- the parts ---------------------------------------------------------------------------------------------

    def opening(self) -> None:
        self.w.paragraph(
            _("Thực hiện %(launch)s, %(by)s báo cáo kết quả thực hiện năm %(y)s như sau:")
            % {"launch": self.launch(), "by": self.standing, "y": self.c.year}
        )
        self.w.note(
            _(
                "[Dự thảo — các đoạn nhận định, hạn chế, phương hướng được soạn sẵn từ số liệu của phần mềm; "
                "đồng chí chỉnh sửa trước khi trình ký, số liệu trong các bảng là số liệu đến ngày lập báo cáo.]"
            )
        )

    def results(self) -> None:
        w, s, c = self.w, self.s, self.c
        w.heading(_("I. KẾT QUẢ THỰC HIỆN"))

        w.heading(_("1. Công tác lãnh đạo, chỉ đạo, phát động phong trào"), 2)
        if c.launch_document_number:
            w.paragraph(
                _(
                    "%(by)s ban hành văn bản số %(n)s%(d)s phát động phong trào, hướng dẫn mỗi tổ chức cơ sở đảng "
                    "đăng ký từ %(min)s đến %(max)s mô hình; thời gian đăng ký từ ngày %(open)s đến ngày %(close)s."
                )
                % {
                    "by": self.standing,
                    "n": c.launch_document_number,
                    "d": _(", ngày %(d)s") % {"d": figure(c.launch_document_date)} if c.launch_document_date else "",
                    "min": c.quota_min,
                    "max": c.quota_max,
                    "open": figure(c.registration_opens),
                    "close": figure(c.registration_closes),
                }
            )
        fields = [f["name"] for f in s["by_field"]]
        if fields:
            w.paragraph(_("Các mô hình được xây dựng theo các lĩnh vực: %(f)s.") % {"f": "; ".join(fields)})
        periods = [str(r.cells[0]) for r in self.table("reporting").rows if not r.total]
        if periods:
            w.paragraph(_("Các mô hình báo cáo kết quả định kỳ theo các kỳ: %(p)s.") % {"p": ", ".join(periods)})
        w.paragraph(
            _(
                "Các cấp ủy cơ sở đã quán triệt, triển khai phong trào gắn với nhiệm vụ chính trị của cơ quan, đơn "
                "vị; Ban Thường vụ chỉ đạo xét duyệt đăng ký, theo dõi báo cáo định kỳ, tổ chức khảo sát, đánh giá "
                "và bình xét các mô hình cuối năm."
            )
        )

        w.heading(_("2. Kết quả đăng ký, xây dựng mô hình"), 2)
        w.paragraph(
            _(
                "Có %(reg)s/%(total)s đơn vị (%(pct)s%%) đăng ký %(n)s mô hình, trong đó %(col)s mô hình tập thể, "
                "%(ind)s mô hình cá nhân; %(acc)s mô hình được duyệt."
            )
            % {
                "reg": figure(s["units_registered"]),
                "total": figure(s["units_total"]),
                "pct": figure(s["participation_percent"]),
                "n": figure(s["initiatives"]),
                "col": figure(s["collective"]),
                "ind": figure(s["individual"]),
                "acc": figure(s["by_status"].get("accepted", 0)),
            }
        )
        for key in ("participation", "by_field", "by_status"):
            self.print_table(self.table(key))
        w.paragraph(
            _("Số liệu đăng ký, khảo sát, khen thưởng của từng đơn vị tại Phụ lục %(n)s.")
            % {"n": APPENDIX.index("by_unit") + 1}
        )

        w.heading(_("3. Báo cáo định kỳ và kết quả thực hiện chỉ tiêu"), 2)
        w.paragraph(
            _(
                "Các mô hình đã gửi %(sent)s/%(due)s báo cáo định kỳ đến hạn (%(rate)s%%), trong đó %(ok)s báo cáo "
                "gửi đúng hạn (%(timely)s%% số báo cáo phải nộp)."
            )
            % {
                "sent": figure(s["reports_submitted"]),
                "due": figure(s["reports_expected"]),
                "rate": figure(s["reporting_rate_percent"]),
                "ok": figure(s["reports_on_time"]),
                "timely": figure(s["timeliness_percent"]),
            }
        )
        self.print_table(self.table("reporting"))
        top = self.table("indicators").rows[:3]
        if top:
            w.paragraph(
                _(
                    "Kết quả thực hiện các chỉ tiêu đo đếm được, cộng theo đơn vị tính (không cộng các chỉ tiêu tính "
                    "bằng tỷ lệ %%), tại Phụ lục %(n)s; các chỉ tiêu có nhiều mô hình thực hiện nhất: %(top)s."
                )
                % {
                    "n": APPENDIX.index("indicators") + 1,
                    "top": "; ".join(
                        _("%(actual)s/%(target)s %(unit)s (%(n)s mô hình)")
                        % {
                            "unit": r.cells[0],
                            "n": figure(r.cells[1]),
                            "target": figure(r.cells[2]),
                            "actual": figure(r.cells[3]),
                        }
                        for r in top
                    ),
                }
            )

        w.heading(_("4. Khảo sát, đánh giá mô hình"), 2)
        teams = [g for g in self.board.scales if g.name != SELF_GROUP]
        own = next((g for g in self.board.scales if g.name == SELF_GROUP), None)
        w.paragraph(
            _(
                "%(teams)s đoàn khảo sát (%(names)s) đã khảo sát, chấm điểm %(n)s mô hình tại %(units)s đơn vị; "
                "%(own)s mô hình do đơn vị tự khảo sát, đánh giá theo cùng bộ tiêu chí."
            )
            % {
                "teams": figure(len(teams)),
                "names": ", ".join(g.name for g in teams) or "-",
                "n": figure(s["surveyed"]),
                "units": figure(s["surveyed_units"]),
                "own": figure(s["self_assessed"]),
            }
        )
        if self.board.scales:
            groups = [
                _("%(name)s: bình quân %(mean)s điểm, độ lệch chuẩn %(sd)s")
                % {"name": g.name, "mean": figure(g.mean), "sd": figure(g.sd)}
                for g in teams
            ]
            if own is not None:
                groups.append(
                    _("tự đánh giá: bình quân %(mean)s điểm, độ lệch chuẩn %(sd)s")
                    % {"mean": figure(own.mean), "sd": figure(own.sd)}
                )
            w.paragraph(
                _(
                    "Điểm của từng đoàn và của các mô hình tự đánh giá được quy đổi về cùng một thang trước khi "
                    "bình xét (%(groups)s)."
                )
                % {"groups": "; ".join(groups)}
            )
        self.print_table(self.table("assessment"))

        w.heading(_("5. Bình xét, khen thưởng"), 2)
        outcome = _(
            "Qua bình xét, %(ex)s mô hình được công nhận tiêu biểu, %(rec)s mô hình đạt, %(no)s mô hình không đạt"
        ) % {"ex": figure(s["exemplary"]), "rec": figure(s["recognised"]), "no": figure(s["not_achieved"])}
        if s["undecided"]:
            outcome += _("; %(n)s mô hình chưa bình xét") % {"n": figure(s["undecided"])}
        w.paragraph(outcome + ".")
        for row in self.table("commendations").rows:
            number, issued, form, issuer, count = row.cells
            w.paragraph(
                _("Quyết định số %(n)s, ngày %(d)s của %(by)s tặng %(form)s cho %(k)s mô hình tiêu biểu.")
                % {"n": number, "d": figure(issued), "by": issuer, "form": lower_first(form), "k": figure(count)}
            )
        self.print_table(self.table("results"))
        if self.table("commendations").rows:
            self.print_table(self.table("commendations"))
        self.exemplary_list()

        w.heading(_("6. Nhân rộng mô hình"), 2)
        if s["replications"]:
            w.paragraph(
                _("%(n)s mô hình đã được nhân rộng, với %(k)s bản nhân rộng đăng ký tại các đơn vị.")
                % {"n": figure(s["replicated"]), "k": figure(s["replications"])}
            )
            self.print_table(self.table("replications"))
        else:
            w.paragraph(_("Chưa có mô hình được nhân rộng."))

    def exemplary_list(self) -> None:
        """The exemplary initiatives with their units, best first: what the report names, not only counts."""
        proposed = exemplary_initiatives(self.c, self.user, board=self.board)
        if not proposed:
            return
        self.tables += 1
        self.w.caption(_("Bảng %(n)s. Mô hình tiêu biểu") % {"n": self.tables})
        kind = {"collective": _("Tập thể"), "individual": _("Cá nhân")}
        self.w.grid(
            [_("STT"), _("Tên mô hình"), _("Đơn vị thực hiện"), _("Loại"), _("Điểm"), _("Điểm quy đổi")],
            [
                [
                    str(n),
                    p.initiative.title,
                    p.initiative.unit.name,
                    kind.get(p.initiative.kind, p.initiative.kind),
                    figure(p.score),
                    figure(p.row.standardised),
                ]
                for n, p in enumerate(proposed, start=1)
            ],
            widths=[12.0, 56.0, 42.0, 18.0, 15.0, 17.0],
            align=["center", "left", "left", "center", "right", "right"],
        )
        self.w.paragraph(after=4, line=1.0)

    def limitations(self) -> None:
        w, s, a = self.w, self.s, self.stats.attention
        w.heading(_("II. HẠN CHẾ, NGUYÊN NHÂN"))
        w.heading(_("1. Hạn chế"), 2)
        said = False
        if a["unregistered"]:
            said = True
            w.paragraph(
                _("- Còn %(n)s/%(total)s đơn vị chưa đăng ký mô hình: %(names)s.")
                % {
                    "n": figure(s["units_total"] - s["units_registered"]),
                    "total": figure(s["units_total"]),
                    "names": "; ".join(u.name for u in a["unregistered"]),
                }
            )
        missing = [u for u in a["late"] if u.total.missing]
        late = [u for u in a["late"] if not u.total.missing]
        if missing:
            said = True
            w.paragraph(
                _("- Một số đơn vị chưa gửi đủ báo cáo định kỳ: %(units)s.")
                % {
                    "units": "; ".join(
                        _("%(name)s (đã gửi %(sent)s/%(due)s)")
                        % {"name": u.name, "sent": figure(u.total.submitted), "due": figure(u.total.expected)}
                        for u in missing
                    )
                }
            )
        if late:
            said = True
            w.paragraph(
                _("- Một số đơn vị gửi báo cáo định kỳ chậm so với hạn: %(units)s.")
                % {"units": "; ".join(u.name for u in late)}
            )
        if a["flagged"]:
            said = True
            w.paragraph(
                _(
                    "- Một số mô hình còn thiếu chỉ tiêu đo đếm được, minh chứng hoặc báo cáo định kỳ, tập trung ở "
                    "các đơn vị: %(units)s."
                )
                % {
                    "units": "; ".join(
                        _("%(name)s (%(n)s mô hình)") % {"name": u.name, "n": figure(n)} for u, n in a["flagged"]
                    )
                }
            )
        if s["not_achieved"]:
            said = True
            w.paragraph(
                _("- %(n)s mô hình không đạt yêu cầu khi bình xét cuối năm.") % {"n": figure(s["not_achieved"])}
            )
        if not said:
            w.paragraph(_("- [Đồng chí bổ sung các hạn chế.]"))
        w.heading(_("2. Nguyên nhân"), 2)
        for text in (
            _(
                "- Một số cấp ủy chưa thật sự quan tâm lãnh đạo, chỉ đạo; việc đăng ký mô hình ở một số nơi còn "
                "hình thức, chưa gắn với nhiệm vụ chính trị của cơ quan, đơn vị."
            ),
            _(
                "- Việc xây dựng chỉ tiêu đo lường, lưu giữ minh chứng và gửi báo cáo định kỳ ở một số đơn vị chưa "
                "được chú trọng."
            ),
            _("- Công tác hướng dẫn, kiểm tra, đôn đốc có lúc chưa thường xuyên."),
        ):
            w.paragraph(text)

    def direction(self) -> None:
        w, s, y = self.w, self.s, self.c.year
        w.heading(_("III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM %(y)s") % {"y": y + 1})
        items = [
            _(
                "Tiếp tục quán triệt, triển khai phong trào thi đua “Dân vận khéo” năm %(y)s gắn với nhiệm vụ chính "
                "trị của từng cơ quan, đơn vị; mỗi tổ chức cơ sở đảng đăng ký từ %(min)s đến %(max)s mô hình."
            )
            % {"y": y + 1, "min": self.c.quota_min, "max": self.c.quota_max},
        ]
        if s["units_total"] > s["units_registered"]:
            items.append(
                _("Tập trung hướng dẫn, đôn đốc %(n)s đơn vị chưa đăng ký mô hình năm %(y)s.")
                % {"n": figure(s["units_total"] - s["units_registered"]), "y": y}
            )
        items += [
            _(
                "Nâng cao chất lượng đăng ký: mỗi mô hình có mục tiêu, chỉ tiêu đo đếm được, chủ thể thực hiện, đối "
                "tượng vận động và đối tượng thụ hưởng rõ ràng; gửi báo cáo định kỳ đúng hạn, có minh chứng."
            ),
            _("Nhân rộng %(n)s mô hình tiêu biểu năm %(y)s; theo dõi kết quả của từng bản nhân rộng.")
            % {"n": figure(s["exemplary"]), "y": y},
            _(
                "Kết hợp khảo sát của đoàn với tự đánh giá của đơn vị; công khai các mô hình tiêu biểu và tiếp nhận ý "
                "kiến của người dân."
            ),
            _("Kịp thời biểu dương, khen thưởng và đề nghị cấp trên khen thưởng các tập thể, cá nhân tiêu biểu."),
        ]
        for n, text in enumerate(items, start=1):
            w.paragraph(f"{n}. {text}")

    def recipients(self) -> list[str]:
        higher = higher_committee(self.org)
        return self.w.recipients(
            [
                _("Thường trực %(c)s (để b/c)") % {"c": higher},
                _("Ban Dân vận %(c)s (để b/c)") % {"c": higher},
                _("Các đồng chí Ủy viên Ban Thường vụ"),
                _("Các tổ chức cơ sở đảng trực thuộc"),
            ],
            _("Lưu Văn phòng Đảng ủy"),
        )

    def years(self) -> Table | None:
        """The years compared, up to this campaign's: worth an appendix from the second year on."""
        table = year_on_year(self.user, organization=self.org)
        rows = [r for r in table.rows if int(r.cells[0]) <= self.c.year]
        return replace(table, rows=rows) if len(rows) > 1 else None

    def appendices(self) -> None:
        w = self.w
        parts = [self.table(k) for k in APPENDIX]
        years = self.years()
        if years is not None:
            parts.append(years)
        reference = _("(Kèm theo Báo cáo %(number)s, %(date)s của %(by)s)") % {
            "number": lower_first(self.number),
            "date": lower_first(self.head.place_date.split(", ", 1)[-1]),
            "by": self.standing,
        }
        for n, table in enumerate(parts, start=1):
            wide = len(table.columns) > WIDE
            if wide != w.landscape:
                w.new_section(landscape=wide)
            else:
                w.page_break()
            w.paragraph(_("PHỤ LỤC %(n)s") % {"n": n}, bold=True, align="center", indent=False, after=0, keep_next=True)
            heading = upper(table.title)
            if table.key != "years":
                heading += _(" NĂM %(y)s") % {"y": self.c.year}
            w.paragraph(heading, bold=True, align="center", indent=False, after=0, keep_next=True)
            w.paragraph(reference, italic=True, align="center", indent=False, after=10, keep_next=True)
            w.statistic_table(table, widths=WIDTHS.get(table.key))
