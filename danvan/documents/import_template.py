"""The template units fill in to register initiatives by spreadsheet: the columns the import reads, with a
second sheet explaining each column and, for a chosen campaign, its fields and the units one may register for."""

import csv
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from danvan.campaigns.models import Campaign
from danvan.documents.services import COLUMNS
from danvan.initiatives.models import Initiative

WIDTHS = {
    "unit": 14,
    "title": 48,
    "kind": 14,
    "fields": 28,
    "starts_on": 14,
    "ends_on": 14,
    "indicator": 32,
    "indicator_unit": 14,
    "indicator_target": 16,
}
TEXT_FORMAT = "@"  # Excel then keeps "15/04/2017" and codes like "001" as typed, whatever the computer's locale


def _guide() -> dict[str, tuple[str, str]]:
    """For each column: whether it is required, and how to fill it."""
    required, optional = _("Bắt buộc"), _("Không bắt buộc")
    return {
        "unit": (
            required,
            _("Mã của đơn vị đăng ký (xem danh sách ở dưới), ví dụ DB-STP. Không phân biệt hoa thường."),
        ),
        "title": (required, _("Tên mô hình, tối đa 255 ký tự. Một đơn vị không đăng ký hai mô hình trùng tên.")),
        "kind": (required, _("“Tập thể” hoặc “Cá nhân”.")),
        "fields": (
            required,
            _("Mã hoặc tên lĩnh vực của đợt phát động (xem ở dưới); nhiều lĩnh vực ngăn cách bởi dấu chấm phẩy “;”."),
        ),
        "situation": (optional, _("Tình hình, lý do xây dựng mô hình.")),
        "goals": (optional, _("Mục tiêu, tiêu chí đo lường được. Cần có trước khi gửi đăng ký.")),
        "method": (optional, _("Nội dung, phương thức tổ chức thực hiện. Cần có trước khi gửi đăng ký.")),
        "area": (optional, _("Địa bàn thực hiện, tối đa 255 ký tự.")),
        "target_groups": (optional, _("Đối tượng tuyên truyền, vận động. Cần có trước khi gửi đăng ký.")),
        "beneficiaries": (optional, _("Đối tượng thụ hưởng. Cần có trước khi gửi đăng ký.")),
        "implementers": (optional, _("Chủ thể thực hiện và vai trò của từng người. Cần có trước khi gửi đăng ký.")),
        "starts_on": (optional, _("Ngày/tháng/năm, ví dụ 15/04/2017 (ô kiểu ngày của Excel cũng được).")),
        "ends_on": (optional, _("Ngày/tháng/năm, không trước ngày bắt đầu.")),
        "indicator": (optional, _("Tên một chỉ tiêu đo được, ví dụ “Số lượt người được trợ giúp pháp lý”.")),
        "indicator_unit": (optional, _("Đơn vị tính của chỉ tiêu, ví dụ “lượt người”. Cần khi có chỉ tiêu.")),
        "indicator_target": (
            optional,
            _("Số không âm: 1.250 là một nghìn hai trăm năm mươi, 12,5 là mười hai phẩy năm. Cần khi có chỉ tiêu."),
        ),
    }


def template_xlsx(campaign: Campaign | None, units) -> bytes:
    """The XLSX template: sheet “Mô hình” to fill, sheet “Hướng dẫn” explaining it."""
    wb = Workbook()
    ws = wb.active
    ws.title = _("Mô hình")
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="F3E3B5")
    for n, column in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=1, column=n, value=column.label)
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        letter = get_column_letter(n)
        ws.column_dimensions[letter].width = WIDTHS.get(column.key, 30)
        if column.key in ("unit", "starts_on", "ends_on"):
            ws.column_dimensions[letter].number_format = TEXT_FORMAT
    ws.freeze_panes = "A2"
    ws.row_dimensions[1].height = 32
    kinds = ",".join(str(label) for _value, label in Initiative.Kind.choices)
    kind_letter = get_column_letter([c.key for c in COLUMNS].index("kind") + 1)
    validation = DataValidation(type="list", formula1=f'"{kinds}"', allow_blank=True)
    validation.error = _("Ghi “Tập thể” hoặc “Cá nhân”.")
    validation.prompt = _("Tập thể hoặc Cá nhân")
    ws.add_data_validation(validation)
    validation.add(f"{kind_letter}2:{kind_letter}2000")

    guide = wb.create_sheet(_("Hướng dẫn"))
    guide.column_dimensions["A"].width = 34
    guide.column_dimensions["B"].width = 18
    guide.column_dimensions["C"].width = 90
    wrap = Alignment(wrap_text=True, vertical="top")

    def line(*values, strong: bool = False) -> None:
        guide.append(list(values))
        for cell in guide[guide.max_row]:
            cell.alignment = wrap
            if strong:
                cell.font = bold

    line(_("Mẫu nhập mô hình “Dân vận khéo” từ bảng tính"), strong=True)
    if campaign is not None:
        line(_("Đợt phát động: %(name)s") % {"name": campaign.name})
    line(
        _(
            "Mỗi dòng của trang “Mô hình” là một mô hình; giữ nguyên dòng tiêu đề, không gộp ô. Hệ thống đọc trang "
            "tính đầu tiên. Tải lên để xem trước: mọi lỗi được chỉ rõ theo dòng và cột, chưa có gì được ghi cho tới "
            "khi bạn bấm Nhập. Nếu còn một lỗi, không mô hình nào được nhập. Mô hình đã có (cùng đơn vị, cùng tên) "
            "sẽ được bỏ qua, nên nhập lại cùng một tệp không tạo trùng. Mô hình được tạo ở dạng bản nháp."
        )
    )
    line()
    line(_("Cột"), _("Bắt buộc?"), _("Cách ghi"), strong=True)
    notes = _guide()
    for column in COLUMNS:
        need, how = notes[column.key]
        line(column.label, need, how)
    line()
    line(_("Loại mô hình"), "", _("Tập thể; Cá nhân"), strong=True)
    if campaign is not None:
        line()
        line(_("Mã lĩnh vực"), _("Tên lĩnh vực"), "", strong=True)
        for f in campaign.fields.order_by("position", "id"):
            line(f.code, f.name)
        line()
        line(_("Mã đơn vị"), _("Tên đơn vị"), "", strong=True)
        for unit in units:
            line(unit.code, unit.name)
    else:
        line()
        line(_("Tải mẫu từ trang Nhập từ Excel sau khi chọn đợt phát động để có danh sách lĩnh vực và đơn vị."))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def template_csv() -> str:
    """The CSV template: the header line, with a byte-order mark so that Excel reads the Vietnamese letters."""
    out = io.StringIO()
    csv.writer(out).writerow([c.label for c in COLUMNS])
    return "\ufeff" + out.getvalue()
