"""A national data set for load tests: `python manage.py generate_national --initiatives N`.

Central → 34 provinces → their bloc committees and commune committees → base organisations → cells (about
60,000 units for a million initiatives), ten yearly campaigns, and the initiatives with what hangs on them:
fields, indicators, history, quarterly reports with indicator values, survey teams and scorings, year-end
results, commendation decisions and replications.

Rows are produced by plain functions from one seed (same seed, same data), with their primary keys assigned
in advance so that no row waits for a database round trip; one writer sends each table with binary COPY on
PostgreSQL and in batches of INSERTs elsewhere (SQLite, for the tests). The few rows the application
configures itself (campaigns with their fields, periods and rubric, survey teams) go through its services, so
they are exactly what the application would create.

On PostgreSQL, outside a transaction, the bulk tables are loaded as the manual advises for a large load:
their foreign keys and the indexes that rows would fill in random order are dropped, two processes load
half of the tables each (COPY FREEZE, in a transaction of their own), then two connections rebuild the
indexes and foreign keys (which checks every row), and ANALYZE runs. See generate().
"""

import datetime as dt
import gc
import multiprocessing
import os
import random
import re
import sys
import threading
import time
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import accumulate
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.utils import timezone

from danvan.assessments.models import Assessment, Assignment, Score, SurveyTeam, TeamMember
from danvan.campaigns.models import Criterion, Field
from danvan.campaigns.services import DEFAULT_CRITERIA as DEFAULT_RUBRIC
from danvan.campaigns.services import campaign_close, campaign_create, campaign_launch
from danvan.core.bulk import own_connection, run_in_parallel, secondary
from danvan.core.text import fold
from danvan.demo import data
from danvan.demo.loader import DEMO_PASSWORD, EMAIL_DOMAIN
from danvan.initiatives.models import Indicator, Initiative, InitiativeEvent
from danvan.orgs.models import Membership, Organization
from danvan.orgs.services import membership_grant
from danvan.progress.models import IndicatorValue, ProgressReport
from danvan.recognition.models import Commendation, CommendationEntry, Replication
from danvan.recognition.services import number_key

NATIONAL_ADMIN = "quantri.tw"
NATIONAL_LEADER = "lanhdao.tw"
OFFICERS_PER_PROVINCE = 4
# At most this many initiatives per unit and campaign; the campaigns' quota is set to what was drawn.
PER_UNIT_CAP = 10
VN = dt.timezone(dt.timedelta(hours=7))

# ---- Vocabulary ------------------------------------------------------------------------------------------


def _words(text: str, sep: str = " ") -> list[str]:
    return text.split(sep)


# The 34 provinces and centrally-run cities after the 2025 reorganisation: (name, is a city, region, about
# how many communes and wards it has). Regions choose how villages are called (thôn / ấp, tổ dân phố / khu phố).
PROVINCES = [
    ("Hà Nội", True, "N", 126),
    ("Huế", True, "C", 40),
    ("Hải Phòng", True, "N", 114),
    ("Đà Nẵng", True, "C", 94),
    ("Hồ Chí Minh", True, "S", 168),
    ("Cần Thơ", True, "S", 103),
    ("Tuyên Quang", False, "N", 124),
    ("Lào Cai", False, "N", 99),
    ("Thái Nguyên", False, "N", 92),
    ("Phú Thọ", False, "N", 148),
    ("Bắc Ninh", False, "N", 99),
    ("Hưng Yên", False, "N", 104),
    ("Ninh Bình", False, "N", 129),
    ("Quảng Trị", False, "C", 78),
    ("Quảng Ngãi", False, "C", 96),
    ("Gia Lai", False, "C", 135),
    ("Khánh Hòa", False, "C", 65),
    ("Lâm Đồng", False, "C", 124),
    ("Đắk Lắk", False, "C", 102),
    ("Đồng Nai", False, "S", 95),
    ("Tây Ninh", False, "S", 96),
    ("Vĩnh Long", False, "S", 124),
    ("Đồng Tháp", False, "S", 102),
    ("Cà Mau", False, "S", 64),
    ("An Giang", False, "S", 102),
    ("Cao Bằng", False, "N", 56),
    ("Điện Biên", False, "N", 45),
    ("Hà Tĩnh", False, "C", 69),
    ("Lai Châu", False, "N", 38),
    ("Lạng Sơn", False, "N", 65),
    ("Nghệ An", False, "C", 130),
    ("Quảng Ninh", False, "N", 54),
    ("Thanh Hóa", False, "C", 166),
    ("Sơn La", False, "N", 75),
]
SYLLABLES = _words(
    "Tân Phú An Hòa Bình Long Thạnh Thuận Vĩnh Đông Tây Nam Bắc Hưng Quang Minh Xuân Hồng Trung Thanh Đức "
    "Kim Ngọc Sơn Hải Đại Yên Phước Mỹ Hiệp Thái Gia Lạc Tiên Cẩm Hương Lộc Phong Quảng Vạn Định Thọ "
    "Hoàng Nghĩa Tường Lâm Tiến Đồng Thiện Cát"
)
VILLAGES_NORTH = _words(
    "Đông, Đoài, Thượng, Hạ, Trung, Tiền, Hậu, Đình, Chùa, Cầu, Mới, Đồng Tâm, Tân Lập, Quyết Tiến, Tiến "
    "Bộ, Hợp Nhất, Thống Nhất, Đoàn Kết, Bình Minh, Đồng Xuân",
    ", ",
)
# Cells of a commune that are institutions rather than villages: (name pattern, place pattern).
COMMUNE_INSTITUTIONS = [
    ("Chi bộ cơ quan Ủy ban nhân dân {xa}", "Ủy ban nhân dân {xa}"),
    ("Chi bộ Công an {xa}", "Công an {xa}"),
    ("Chi bộ Quân sự {xa}", "Ban Chỉ huy quân sự {xa}"),
    ("Chi bộ Trường Tiểu học {ten}", "Trường Tiểu học {ten}"),
    ("Chi bộ Trường Trung học cơ sở {ten}", "Trường Trung học cơ sở {ten}"),
    ("Chi bộ Trạm Y tế {xa}", "Trạm Y tế {xa}"),
    ("Chi bộ Trường Mầm non {ten}", "Trường Mầm non {ten}"),
]
# Base organisations under the bloc committee of the province's Party agencies: (agency, is a committee).
PARTY_AGENCIES = [
    ("Văn phòng {tu}", True),
    ("Ban Tổ chức {tu}", False),
    ("Ban Tuyên giáo và Dân vận {tu}", False),
    ("Ủy ban Kiểm tra {tu}", False),
    ("Ban Nội chính {tu}", False),
    ("Ban Chính sách, chiến lược {tu}", False),
    ("Cơ quan Ủy ban Mặt trận Tổ quốc Việt Nam {nhan}", True),
    ("Báo và Phát thanh, Truyền hình {ten}", True),
    ("Trường Chính trị {nhan}", False),
    ("Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân {nhan}", False),
    ("Liên đoàn Lao động {nhan}", False),
    ("Hội Nông dân {nhan}", False),
    ("Hội Cựu chiến binh {nhan}", False),
    ("Hội Liên hiệp Phụ nữ {nhan}", False),
    ("Đoàn Thanh niên Cộng sản Hồ Chí Minh {nhan}", False),
    ("Hội Chữ thập đỏ {nhan}", False),
    ("Liên hiệp các Hội Văn học nghệ thuật {nhan}", False),
    ("Liên minh Hợp tác xã {nhan}", False),
]
# Base organisations under the bloc committee of the People's Committee; numbered ones follow when these run out.
STATE_AGENCIES = [
    ("Văn phòng Ủy ban nhân dân {nhan}", True),
    ("Sở Tài chính {nhan}", True),
    ("Sở Nội vụ {nhan}", True),
    ("Sở Tư pháp {nhan}", True),
    ("Sở Xây dựng {nhan}", True),
    ("Sở Công Thương {nhan}", True),
    ("Sở Nông nghiệp và Môi trường {nhan}", True),
    ("Sở Khoa học và Công nghệ {nhan}", True),
    ("Sở Văn hóa, Thể thao và Du lịch {nhan}", True),
    ("Sở Y tế {nhan}", True),
    ("Sở Giáo dục và Đào tạo {nhan}", True),
    ("Sở Dân tộc và Tôn giáo {nhan}", False),
    ("Thanh tra {nhan}", False),
    ("Sở Ngoại vụ {nhan}", False),
    ("Bệnh viện Đa khoa {nhan}", True),
    ("Bệnh viện Sản - Nhi {nhan}", True),
    ("Bệnh viện Y dược cổ truyền {nhan}", False),
    ("Trung tâm Kiểm soát bệnh tật {nhan}", True),
    ("Trường Cao đẳng Y tế {ten}", False),
    ("Ban Quản lý dự án đầu tư xây dựng {nhan}", False),
    ("Ban Quản lý các khu công nghiệp {nhan}", False),
    ("Trung tâm Phục vụ hành chính công {nhan}", False),
    ("Quỹ Đầu tư phát triển {nhan}", False),
    ("Công ty cổ phần Cấp nước {ten}", True),
    ("Công ty cổ phần Môi trường đô thị {ten}", False),
    ("Kho bạc Nhà nước khu vực {ten}", True),
    ("Bảo hiểm xã hội {nhan}", True),
    ("Thuế {nhan}", True),
]
NUMBERED_AGENCIES = [
    ("Trường Trung học phổ thông {x}", False),
    ("Trung tâm Y tế khu vực {x}", True),
    ("Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên {x}", False),
    ("Ban Quản lý rừng phòng hộ {x}", False),
]
AGENCY_CELLS = [
    "Văn phòng",
    "Phòng Tổ chức - Hành chính",
    "Phòng Kế hoạch - Tài chính",
    "Phòng Nghiệp vụ 1",
    "Phòng Nghiệp vụ 2",
    "Phòng Nghiệp vụ 3",
    "Thanh tra",
    "Phòng Công nghệ thông tin",
    "Phòng Quản lý chất lượng",
    "Trung tâm Dịch vụ",
]

SURNAMES = (
    ["Nguyễn"] * 9
    + ["Trần", "Lê"] * 3
    + ["Phạm"] * 2
    + _words("Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Lương Trịnh Mai Cao Hà Lò Triệu")
)
MALE = (
    _words("Văn Đức Minh Quang Hữu Công Thanh Xuân Ngọc"),
    _words(
        "An Bình Cường Dũng Đạt Hải Hùng Huy Khánh Long Nam Phong Quân Sơn Thắng Thành Tiến Trung Tuấn Việt "
        "Vinh Hoàng Kiên Lâm Phúc Tâm Toàn"
    ),
)
FEMALE = (
    _words("Thị Thu Thanh Ngọc Minh Hồng Kim Mỹ"),
    _words(
        "Anh Chi Dung Hà Hạnh Hằng Hoa Hương Huyền Lan Liên Linh Loan Mai Nga Ngọc Nhung Oanh Phương Quyên "
        "Tâm Thảo Thủy Trang Tuyết Vân Yến"
    ),
)
_LOCAL_POSITIONS = [
    "Bí thư Chi bộ",
    "Chi ủy viên",
    "Trưởng ban công tác Mặt trận",
    "Chi hội trưởng Chi hội Phụ nữ",
    "Bí thư Chi đoàn",
    "Chi hội trưởng Chi hội Cựu chiến binh",
    "Phó Chủ tịch Ủy ban nhân dân",
    "Công chức Tư pháp - Hộ tịch",
    "Công chức Văn hóa - Xã hội",
]
_AGENCY_POSITIONS = [
    "Trưởng phòng",
    "Phó Trưởng phòng",
    "Chuyên viên",
    "Bí thư Chi bộ",
    "Chủ tịch Công đoàn cơ sở",
    "Bí thư Chi đoàn",
    "Công chức Bộ phận một cửa",
    "Viên chức",
]
POSITIONS = (_LOCAL_POSITIONS, _AGENCY_POSITIONS, _LOCAL_POSITIONS)  # per template family


@dataclass(frozen=True)
class Template:
    """A kind of initiative: its field, title and registration texts; {noi} is where it happens, {xa} the commune."""

    field: str
    title: str
    situation: str
    goal: str
    method: str
    target_groups: str
    beneficiaries: str
    indicators: tuple[tuple[str, str, int, int], ...]


def _t(field_code, title, situation, goal, method, target_groups, beneficiaries, *indicators) -> Template:
    return Template(field_code, title, situation, goal, method, target_groups, beneficiaries, tuple(indicators))


# Initiatives of communes, wards, villages and residential groups.
COMMUNITY = [
    _t(
        "NTM",
        "Vận động nhân dân {noi} hiến đất mở rộng đường giao thông nông thôn",
        "Nhiều tuyến đường thôn, ngõ xóm ở {noi} nhỏ hẹp, xuống cấp; mùa mưa lầy lội, việc đi lại và vận chuyển "
        "nông sản của người dân gặp nhiều khó khăn.",
        "Vận động các hộ tự nguyện hiến đất, tháo dỡ công trình để mở rộng đường theo tiêu chí nông thôn mới, "
        "không để phát sinh khiếu kiện.",
        "Chi bộ ban hành nghị quyết chuyên đề; cán bộ, đảng viên gương mẫu hiến đất trước; tổ vận động đến từng hộ "
        "lắng nghe, giải thích; công khai phương án và danh sách hộ hiến đất tại nhà văn hóa.",
        "Các hộ gia đình có đất, công trình nằm trong phạm vi mở rộng đường; cán bộ, đảng viên trên địa bàn",
        "Nhân dân {noi}, nhất là các hộ sản xuất nông nghiệp và học sinh đi học",
        ("Chiều dài đường giao thông được mở rộng", "km", 1, 12),
        ("Số hộ tự nguyện hiến đất", "hộ", 15, 180),
        ("Diện tích đất nhân dân hiến", "m²", 300, 8000),
    ),
    _t(
        "NTM",
        "Tuyến đường hoa “Sáng - xanh - sạch - đẹp” tại {noi}",
        "Cảnh quan nhiều tuyến đường ở {noi} còn nhếch nhác, rác thải chưa được thu gom thường xuyên.",
        "Xây dựng các tuyến đường hoa, cây xanh do nhân dân tự quản, góp phần giữ gìn vệ sinh môi trường.",
        "Phân đoạn đường cho từng hội, đoàn thể và nhóm hộ tự quản; ra quân trồng hoa, cây xanh vào chủ nhật cuối "
        "tháng; đưa việc giữ gìn tuyến đường vào hương ước, quy ước.",
        "Hội viên Phụ nữ, đoàn viên thanh niên, hội viên Cựu chiến binh và các hộ gia đình hai bên tuyến đường",
        "Nhân dân và du khách qua lại trên địa bàn {noi}",
        ("Chiều dài tuyến đường hoa được xây dựng", "km", 1, 10),
        ("Số cây xanh, khóm hoa được trồng", "cây", 200, 5000),
        ("Số buổi ra quân vệ sinh môi trường", "buổi", 6, 48),
    ),
    _t(
        "NTM",
        "Vận động nhân dân {noi} phân loại rác thải sinh hoạt tại nguồn",
        "Lượng rác thải sinh hoạt ở {noi} ngày càng tăng, phần lớn chưa được phân loại, gây ô nhiễm môi trường và "
        "tốn kém chi phí xử lý.",
        "Hình thành thói quen phân loại rác tại hộ gia đình, giảm lượng rác phải chôn lấp.",
        "Tuyên truyền qua loa truyền thanh và họp tổ dân cư; hướng dẫn ủ phân hữu cơ từ rác hữu cơ; hỗ trợ thùng "
        "phân loại cho hộ khó khăn; tổ tự quản kiểm tra, nhắc nhở hằng tuần.",
        "Các hộ gia đình, hội viên Phụ nữ, đoàn viên thanh niên trên địa bàn",
        "Nhân dân {noi}",
        ("Số hộ thực hiện phân loại rác tại nguồn", "hộ", 50, 900),
        ("Tỷ lệ hộ thực hiện phân loại rác tại nguồn", "%", 60, 95),
        ("Lượng rác hữu cơ được ủ làm phân", "tấn", 5, 120),
    ),
    _t(
        "NTM",
        "Xây dựng khu dân cư kiểu mẫu, đoàn kết, văn minh ở {noi}",
        "Một số tiêu chí khu dân cư kiểu mẫu ở {noi} chưa đạt, nhất là về cảnh quan, môi trường và an ninh trật tự.",
        "Hoàn thành các tiêu chí khu dân cư kiểu mẫu; các hộ đăng ký và giữ vững danh hiệu gia đình văn hóa.",
        "Ban công tác Mặt trận chủ trì lập kế hoạch; mỗi đảng viên phụ trách một nhóm hộ; tổ chức ngày hội đại "
        "đoàn kết và bình xét gia đình văn hóa công khai.",
        "Các hộ gia đình, đảng viên và người có uy tín trong khu dân cư",
        "Nhân dân {noi}",
        ("Số tiêu chí khu dân cư kiểu mẫu đạt được", "tiêu chí", 5, 10),
        ("Tỷ lệ hộ đạt danh hiệu gia đình văn hóa", "%", 85, 98),
        ("Số ngày công nhân dân đóng góp", "ngày công", 100, 2500),
    ),
    _t(
        "KTXH",
        "Vận động nhân dân {noi} chuyển đổi cơ cấu cây trồng, nâng cao thu nhập",
        "Diện tích trồng lúa kém hiệu quả ở {noi} còn lớn, thu nhập của nhiều hộ thấp, thanh niên bỏ ruộng đi làm "
        "ăn xa.",
        "Chuyển đổi diện tích lúa kém hiệu quả sang cây trồng có giá trị cao, tăng thu nhập cho người dân.",
        "Cán bộ, đảng viên làm điểm trước; mời kỹ sư nông nghiệp tập huấn kỹ thuật; liên kết với hợp tác xã bao "
        "tiêu sản phẩm; tổ chức tham quan các mô hình hiệu quả.",
        "Các hộ sản xuất nông nghiệp, hội viên Hội Nông dân",
        "Các hộ nông dân {noi}, nhất là hộ nghèo, hộ cận nghèo",
        ("Diện tích chuyển đổi cơ cấu cây trồng", "ha", 3, 120),
        ("Số hộ tham gia chuyển đổi", "hộ", 10, 300),
        ("Thu nhập bình quân tăng thêm", "%", 10, 40),
    ),
    _t(
        "KTXH",
        "Tổ hợp tác liên kết sản xuất lúa chất lượng cao theo chuỗi giá trị tại {noi}",
        "Nông dân {noi} sản xuất nhỏ lẻ, giống lúa không đồng đều, thường bị tư thương ép giá khi thu hoạch.",
        "Liên kết các hộ sản xuất theo quy trình chung, có hợp đồng tiêu thụ ổn định, tăng giá trị trên một héc-ta.",
        "Vận động hộ góp đất vào cánh đồng liên kết; ký hợp đồng với doanh nghiệp bao tiêu; đảng viên làm tổ "
        "trưởng tổ hợp tác, hướng dẫn ghi nhật ký đồng ruộng.",
        "Các hộ trồng lúa, hội viên Hội Nông dân, tổ hợp tác",
        "Các hộ nông dân tham gia liên kết ở {noi}",
        ("Diện tích cánh đồng liên kết", "ha", 10, 400),
        ("Số hộ tham gia liên kết sản xuất", "hộ", 20, 400),
        ("Sản lượng lúa được bao tiêu", "tấn", 50, 3000),
    ),
    _t(
        "KTXH",
        "Vận động đồng bào dân tộc thiểu số {noi} trồng rừng, bảo vệ rừng",
        "Tình trạng chặt phá rừng, đốt nương làm rẫy ở {noi} vẫn còn; nhiều hộ đồng bào chưa có sinh kế ổn định "
        "từ rừng.",
        "Người dân nhận khoán, trồng và bảo vệ rừng, có thu nhập từ rừng, không để xảy ra cháy rừng, phá rừng.",
        "Phối hợp với già làng, trưởng bản, người có uy tín tuyên truyền bằng tiếng dân tộc; hỗ trợ cây giống; "
        "thành lập tổ tuần tra bảo vệ rừng luân phiên.",
        "Đồng bào dân tộc thiểu số, người có uy tín, các hộ sống gần rừng",
        "Các hộ đồng bào dân tộc thiểu số {noi}",
        ("Diện tích rừng được trồng mới", "ha", 5, 200),
        ("Số hộ nhận khoán bảo vệ rừng", "hộ", 10, 250),
        ("Số buổi tuần tra bảo vệ rừng", "buổi", 12, 120),
    ),
    _t(
        "KTXH",
        "Phát triển du lịch cộng đồng gắn với bảo tồn văn hóa truyền thống ở {noi}",
        "{noi} có cảnh quan đẹp và nhiều nét văn hóa truyền thống nhưng người dân chưa biết làm du lịch.",
        "Hình thành các hộ làm du lịch cộng đồng, giữ gìn văn hóa truyền thống và tăng thu nhập cho người dân.",
        "Vận động hộ chỉnh trang nhà ở làm homestay; mở lớp dạy nghề truyền thống, văn nghệ dân gian; quảng bá sản "
        "phẩm qua mạng xã hội; đảng viên đi đầu làm mẫu.",
        "Các hộ gia đình, nghệ nhân, thanh niên địa phương",
        "Nhân dân {noi} và du khách",
        ("Số hộ làm du lịch cộng đồng", "hộ", 3, 60),
        ("Số lượt khách du lịch đến tham quan", "lượt", 300, 20000),
        ("Số lớp truyền dạy văn hóa truyền thống", "lớp", 2, 24),
    ),
    _t(
        "KTXH",
        "Giúp nhau giảm nghèo bền vững: mỗi đảng viên giúp đỡ một hộ nghèo ở {noi}",
        "Tỷ lệ hộ nghèo, hộ cận nghèo ở {noi} còn cao; một số hộ thiếu vốn, thiếu kinh nghiệm làm ăn.",
        "Mỗi đảng viên nhận giúp đỡ một hộ nghèo, hộ cận nghèo về cách làm ăn, vốn, giống để thoát nghèo bền vững.",
        "Chi bộ phân công đảng viên phụ trách từng hộ; phối hợp Ngân hàng Chính sách xã hội hướng dẫn vay vốn; "
        "hỗ trợ con giống, cây giống; kiểm tra, động viên hằng tháng.",
        "Các hộ nghèo, hộ cận nghèo và đảng viên của chi bộ",
        "Hộ nghèo, hộ cận nghèo, người có công, người khuyết tật ở {noi}",
        ("Số hộ nghèo được đảng viên giúp đỡ", "hộ", 5, 80),
        ("Số hộ thoát nghèo", "hộ", 2, 40),
        ("Vốn vay ưu đãi được hỗ trợ", "triệu đồng", 100, 5000),
    ),
    _t(
        "ASXH",
        "Chung tay xóa nhà tạm, nhà dột nát cho hộ nghèo {noi}",
        "Ở {noi} còn nhiều hộ nghèo, hộ chính sách sống trong nhà tạm, nhà dột nát, không đủ khả năng tự sửa chữa.",
        "Không còn hộ nghèo ở nhà tạm, nhà dột nát; huy động nguồn lực xã hội hóa và ngày công của nhân dân.",
        "Rà soát, công khai danh sách hộ cần hỗ trợ; vận động doanh nghiệp, nhà hảo tâm, con em xa quê đóng góp; "
        "các đoàn thể góp ngày công xây dựng.",
        "Doanh nghiệp, nhà hảo tâm, cán bộ, đảng viên, đoàn viên, hội viên",
        "Hộ nghèo, hộ cận nghèo, gia đình chính sách ở {noi}",
        ("Số nhà tạm, nhà dột nát được xóa", "căn", 2, 60),
        ("Kinh phí huy động được", "triệu đồng", 100, 6000),
        ("Số ngày công hỗ trợ", "ngày công", 50, 2000),
    ),
    _t(
        "ASXH",
        "Đỡ đầu trẻ em mồ côi, học sinh có hoàn cảnh đặc biệt khó khăn ở {noi}",
        "Một số trẻ em ở {noi} mồ côi hoặc có hoàn cảnh đặc biệt khó khăn, có nguy cơ bỏ học.",
        "Mỗi trẻ có một người đỡ đầu đến hết tuổi học phổ thông; không để trẻ nào bỏ học vì hoàn cảnh.",
        "Lập danh sách trẻ cần giúp đỡ; vận động cán bộ, đảng viên, doanh nghiệp nhận đỡ đầu; hỗ trợ hằng tháng, "
        "thăm hỏi vào dịp khai giảng, lễ Tết.",
        "Cán bộ, đảng viên, doanh nghiệp, nhà hảo tâm",
        "Trẻ em mồ côi, học sinh có hoàn cảnh đặc biệt khó khăn ở {noi}",
        ("Số trẻ em được nhận đỡ đầu", "em", 3, 80),
        ("Số tiền hỗ trợ hằng năm", "triệu đồng", 20, 800),
        ("Tỷ lệ trẻ được đỡ đầu tiếp tục đến trường", "%", 95, 100),
    ),
    _t(
        "ASXH",
        "Bữa cơm yêu thương cho người cao tuổi cô đơn ở {noi}",
        "Ở {noi} có nhiều người cao tuổi sống một mình, ốm đau, thiếu người chăm sóc.",
        "Bảo đảm người cao tuổi cô đơn có bữa ăn đủ chất, được thăm hỏi, chăm sóc sức khỏe thường xuyên.",
        "Hội Phụ nữ và Đoàn Thanh niên luân phiên nấu và mang cơm đến tận nhà; phối hợp trạm y tế khám sức khỏe "
        "định kỳ; vận động nhà hảo tâm đóng góp thực phẩm.",
        "Hội viên Phụ nữ, đoàn viên thanh niên, nhà hảo tâm",
        "Người cao tuổi cô đơn, không nơi nương tựa ở {noi}",
        ("Số suất cơm được trao", "suất", 500, 15000),
        ("Số người cao tuổi được chăm sóc", "người", 5, 120),
        ("Số lượt khám sức khỏe tại nhà", "lượt", 20, 600),
    ),
    _t(
        "ASXH",
        "Quỹ khuyến học “Tiếp sức đến trường” của nhân dân {noi}",
        "Nhiều học sinh nghèo hiếu học ở {noi} thiếu sách vở, phương tiện đi học.",
        "Xây dựng quỹ khuyến học do nhân dân đóng góp, hỗ trợ học sinh nghèo và khen thưởng học sinh giỏi.",
        "Vận động dòng họ, con em xa quê, doanh nghiệp đóng góp; công khai thu chi quỹ; trao học bổng vào đầu năm "
        "học; biểu dương gia đình hiếu học.",
        "Các dòng họ, hộ gia đình, doanh nghiệp, con em xa quê",
        "Học sinh nghèo hiếu học, học sinh giỏi ở {noi}",
        ("Số tiền quỹ khuyến học huy động được", "triệu đồng", 20, 1500),
        ("Số suất học bổng được trao", "suất", 10, 400),
        ("Số gia đình hiếu học được biểu dương", "gia đình", 10, 300),
    ),
    _t(
        "XDCQ",
        "Tổ hòa giải ở cơ sở giỏi vận động, giữ gìn tình làng nghĩa xóm tại {noi}",
        "Ở {noi} còn phát sinh tranh chấp đất đai, mâu thuẫn gia đình, hàng xóm; một số vụ việc kéo dài.",
        "Hòa giải thành phần lớn các mâu thuẫn ngay tại cơ sở, không để phát sinh điểm nóng, khiếu kiện vượt cấp.",
        "Kiện toàn tổ hòa giải gồm người có uy tín, cựu chiến binh, hội viên phụ nữ; nắm tình hình từ sớm; hòa "
        "giải tại nhà văn hóa, có biên bản và theo dõi sau hòa giải.",
        "Các bên có mâu thuẫn, tranh chấp; hòa giải viên, người có uy tín",
        "Nhân dân {noi}",
        ("Số vụ việc được hòa giải", "vụ việc", 5, 120),
        ("Tỷ lệ vụ việc hòa giải thành", "%", 75, 95),
        ("Số buổi tuyên truyền pháp luật", "buổi", 4, 48),
    ),
    _t(
        "XDCQ",
        "Camera an ninh - “Mắt thần” giữ bình yên khu dân cư {noi}",
        "Tình hình trộm cắp vặt, vi phạm trật tự an toàn giao thông ở {noi} còn diễn biến phức tạp.",
        "Lắp đặt hệ thống camera giám sát do nhân dân đóng góp, phục vụ phòng ngừa và xử lý vi phạm.",
        "Công an phối hợp Ban công tác Mặt trận vận động nhân dân đóng góp kinh phí; lắp camera tại các điểm giao "
        "cắt; phân công tổ tự quản theo dõi, chia sẻ hình ảnh với công an.",
        "Các hộ gia đình, hộ kinh doanh, tổ an ninh trật tự cơ sở",
        "Nhân dân {noi}",
        ("Số camera an ninh được lắp đặt", "camera", 5, 150),
        ("Kinh phí nhân dân đóng góp", "triệu đồng", 20, 900),
        ("Số vụ việc được phát hiện, xử lý nhờ camera", "vụ việc", 2, 60),
    ),
    _t(
        "XDCQ",
        "Lắng nghe và giải quyết kịp thời kiến nghị của nhân dân {noi}",
        "Một số kiến nghị của người dân ở {noi} chậm được trả lời, gây bức xúc, ảnh hưởng lòng tin của nhân dân.",
        "Mọi kiến nghị của người dân được tiếp nhận, trả lời đúng hạn; không để tồn đọng kéo dài.",
        "Mở sổ theo dõi và hộp thư góp ý; định kỳ tổ chức tiếp xúc, đối thoại; phân công cán bộ phụ trách từng "
        "kiến nghị và công khai kết quả giải quyết.",
        "Cán bộ, công chức, người có uy tín và nhân dân trên địa bàn",
        "Nhân dân {noi}",
        ("Số kiến nghị được tiếp nhận, giải quyết", "kiến nghị", 10, 300),
        ("Tỷ lệ kiến nghị được trả lời đúng hạn", "%", 85, 100),
        ("Số buổi đối thoại với nhân dân", "buổi", 2, 24),
    ),
    _t(
        "CCHC",
        "Tổ công nghệ số cộng đồng hướng dẫn người dân {noi} sử dụng dịch vụ công trực tuyến",
        "Nhiều người dân ở {noi}, nhất là người cao tuổi, chưa biết sử dụng dịch vụ công trực tuyến và ứng dụng "
        "định danh điện tử.",
        "Người dân biết cài đặt, sử dụng định danh điện tử và nộp hồ sơ trực tuyến; giảm đi lại, giảm chi phí.",
        "Đoàn viên thanh niên làm nòng cốt tổ công nghệ số; hướng dẫn tận nhà, tại nhà văn hóa và bộ phận một "
        "cửa; lập nhóm hỏi đáp trên mạng xã hội.",
        "Người dân trong độ tuổi lao động, người cao tuổi, hộ kinh doanh",
        "Nhân dân {noi}",
        ("Số người được hướng dẫn kích hoạt định danh điện tử", "người", 100, 4000),
        ("Số hồ sơ nộp trực tuyến được hỗ trợ", "hồ sơ", 50, 3000),
        ("Tỷ lệ hồ sơ nộp trực tuyến", "%", 40, 90),
    ),
    _t(
        "CCHC",
        "Dân vận khéo trong giải quyết thủ tục hành chính tại Bộ phận một cửa {xa}",
        "Người dân đến làm thủ tục tại Bộ phận một cửa {xa} có lúc phải đi lại nhiều lần vì hồ sơ thiếu.",
        "Hướng dẫn một lần đầy đủ, giải quyết hồ sơ đúng hẹn, người dân hài lòng.",
        "Niêm yết công khai thủ tục; công chức hướng dẫn tận tình, viết phiếu hẹn rõ ràng; nhắn tin báo kết quả; "
        "lấy ý kiến đánh giá của người dân sau mỗi hồ sơ.",
        "Công chức Bộ phận một cửa và người dân đến giao dịch",
        "Người dân, tổ chức đến làm thủ tục hành chính tại {xa}",
        ("Số hồ sơ được tiếp nhận, giải quyết", "hồ sơ", 500, 15000),
        ("Tỷ lệ hồ sơ giải quyết đúng hạn", "%", 95, 100),
        ("Tỷ lệ người dân hài lòng", "%", 90, 100),
    ),
    _t(
        "XDDT",
        "Phụ nữ {noi} chung tay xây dựng gia đình “5 không, 3 sạch”",
        "Một số hộ ở {noi} chưa đạt tiêu chí gia đình “5 không, 3 sạch”; vệ sinh nhà ở, bếp, ngõ còn hạn chế.",
        "Các hộ hội viên đăng ký và đạt tiêu chí gia đình “5 không, 3 sạch”.",
        "Chi hội phụ nữ tổ chức đăng ký, chấm điểm hằng quý; tuyên truyền tại các buổi sinh hoạt; giúp hội viên "
        "khó khăn vay vốn, cải tạo nhà vệ sinh.",
        "Hội viên phụ nữ và các hộ gia đình",
        "Các gia đình ở {noi}",
        ("Số hộ đạt tiêu chí “5 không, 3 sạch”", "hộ", 20, 600),
        ("Số buổi sinh hoạt chuyên đề", "buổi", 4, 24),
        ("Số hội viên được hỗ trợ vay vốn", "hội viên", 5, 120),
    ),
    _t(
        "XDDT",
        "Thanh niên {noi} tình nguyện vì cuộc sống cộng đồng",
        "Thanh niên {noi} đông nhưng chưa được tập hợp thường xuyên vào các hoạt động có ích cho cộng đồng.",
        "Tập hợp đoàn viên, thanh niên tham gia các việc làm thiết thực: làm đường, dọn vệ sinh, giúp người già.",
        "Thành lập đội thanh niên tình nguyện; mỗi tháng một công trình, phần việc; phối hợp các đoàn thể chọn "
        "việc người dân cần nhất; biểu dương đoàn viên tích cực.",
        "Đoàn viên, thanh niên địa phương",
        "Người cao tuổi, gia đình chính sách và nhân dân {noi}",
        ("Số công trình, phần việc thanh niên", "công trình", 3, 40),
        ("Số lượt đoàn viên tham gia", "lượt", 50, 2000),
        ("Số ngày công tình nguyện", "ngày công", 50, 1500),
    ),
    _t(
        "XDDT",
        "Cựu chiến binh {noi} giúp nhau phát triển kinh tế, giữ gìn an ninh trật tự",
        "Một số hội viên cựu chiến binh ở {noi} còn khó khăn; tình hình an ninh trật tự có lúc phức tạp.",
        "Hội viên giúp nhau vốn, kinh nghiệm làm ăn; tham gia tự quản an ninh trật tự ở khu dân cư.",
        "Lập tổ tiết kiệm và vay vốn; chia sẻ kinh nghiệm sản xuất; thành lập tổ cựu chiến binh tự quản, tuần tra "
        "cùng công an.",
        "Hội viên Hội Cựu chiến binh và gia đình",
        "Hội viên cựu chiến binh và nhân dân {noi}",
        ("Số hội viên được giúp vốn, giống", "hội viên", 5, 150),
        ("Số buổi tuần tra an ninh trật tự", "buổi", 12, 200),
        ("Số hội viên thoát nghèo", "hội viên", 1, 30),
    ),
    _t(
        "QCDC",
        "Công khai, minh bạch các khoản đóng góp của nhân dân {noi}",
        "Người dân {noi} còn băn khoăn về việc sử dụng các khoản đóng góp xây dựng công trình công cộng.",
        "Mọi khoản đóng góp được bàn bạc, quyết định công khai và có ban giám sát của nhân dân.",
        "Tổ chức họp dân bàn bạc mức đóng góp; niêm yết thu chi tại nhà văn hóa hằng tháng; Ban Thanh tra nhân dân "
        "giám sát; báo cáo kết quả tại hội nghị cuối năm.",
        "Các hộ gia đình, Ban Thanh tra nhân dân, Ban giám sát đầu tư của cộng đồng",
        "Nhân dân {noi}",
        ("Số cuộc họp dân bàn bạc công khai", "cuộc", 2, 24),
        ("Số công trình được nhân dân giám sát", "công trình", 1, 20),
        ("Tỷ lệ hộ đồng thuận với mức đóng góp", "%", 85, 100),
    ),
    _t(
        "QCDC",
        "Đối thoại định kỳ giữa cấp ủy, chính quyền với nhân dân {noi}",
        "Một số chủ trương ở {noi} chưa được người dân hiểu rõ; ý kiến của dân chưa được lắng nghe đầy đủ.",
        "Người đứng đầu cấp ủy, chính quyền đối thoại trực tiếp với nhân dân và giải quyết dứt điểm các kiến nghị.",
        "Tổ chức đối thoại hằng quý theo chuyên đề; tiếp nhận ý kiến trước hội nghị; công khai kết quả giải quyết "
        "trên loa truyền thanh và bảng tin.",
        "Cán bộ, đảng viên và nhân dân trên địa bàn",
        "Nhân dân {noi}",
        ("Số hội nghị đối thoại", "hội nghị", 2, 12),
        ("Số ý kiến, kiến nghị được giải quyết", "ý kiến", 10, 300),
        ("Tỷ lệ kiến nghị được giải quyết dứt điểm", "%", 80, 100),
    ),
    _t(
        "XDD",
        "Chi bộ gắn với dân, đảng viên sát dân tại {noi}",
        "Một số đảng viên ở {noi} chưa thường xuyên gần gũi, nắm tình hình các hộ dân nơi cư trú.",
        "Mỗi đảng viên phụ trách một nhóm hộ, nắm chắc tình hình và phản ánh kịp thời tâm tư của nhân dân.",
        "Chi bộ phân công đảng viên phụ trách nhóm hộ; đưa nội dung nắm tình hình nhân dân vào sinh hoạt chi bộ "
        "hằng tháng; đánh giá đảng viên cuối năm gắn với kết quả vận động.",
        "Đảng viên của chi bộ và các hộ gia đình",
        "Nhân dân {noi}",
        ("Số hộ được đảng viên phụ trách", "hộ", 30, 600),
        ("Số ý kiến của nhân dân được phản ánh, giải quyết", "ý kiến", 10, 200),
        ("Tỷ lệ đảng viên hoàn thành nhiệm vụ vận động", "%", 90, 100),
    ),
    _t(
        "XDD",
        "Mỗi đảng viên một việc làm cụ thể vì cộng đồng ở {noi}",
        "Phong trào ở {noi} có lúc còn hình thức; vai trò nêu gương của đảng viên chưa rõ nét.",
        "Mỗi đảng viên đăng ký và hoàn thành ít nhất một việc làm cụ thể, thiết thực vì cộng đồng.",
        "Đảng viên đăng ký việc làm đầu năm; chi bộ theo dõi, nhắc nhở; sơ kết sáu tháng, biểu dương đảng viên "
        "tiêu biểu; công khai kết quả với nhân dân.",
        "Đảng viên của chi bộ",
        "Nhân dân {noi}",
        ("Số đảng viên đăng ký việc làm cụ thể", "đảng viên", 10, 150),
        ("Số việc làm hoàn thành", "việc", 10, 200),
        ("Tỷ lệ đảng viên hoàn thành việc làm đã đăng ký", "%", 90, 100),
    ),
]
# Initiatives of agencies, schools, hospitals and institutions.
AGENCY = [
    _t(
        "CCHC",
        "Dân vận khéo trong giải quyết thủ tục hành chính tại {noi}",
        "Người dân, doanh nghiệp đến giao dịch với {noi} có lúc phải bổ sung hồ sơ nhiều lần, mất thời gian.",
        "Hướng dẫn một lần đầy đủ, giải quyết hồ sơ đúng hoặc trước hạn, không để người dân phải đi lại nhiều lần.",
        "Công khai thủ tục và mẫu đơn; cử công chức có kinh nghiệm hướng dẫn; nhắn tin báo kết quả; lấy ý kiến "
        "đánh giá sau mỗi giao dịch và xử lý ngay phản ánh.",
        "Cán bộ, công chức, viên chức trực tiếp giải quyết thủ tục",
        "Người dân, doanh nghiệp đến giao dịch tại {noi}",
        ("Số hồ sơ được giải quyết", "hồ sơ", 300, 20000),
        ("Tỷ lệ hồ sơ giải quyết đúng hoặc trước hạn", "%", 95, 100),
        ("Tỷ lệ người dân, doanh nghiệp hài lòng", "%", 90, 100),
    ),
    _t(
        "CCHC",
        "Hướng dẫn người dân, doanh nghiệp thực hiện dịch vụ công trực tuyến tại {noi}",
        "Tỷ lệ hồ sơ nộp trực tuyến tại {noi} còn thấp; nhiều người chưa quen thao tác trên cổng dịch vụ công.",
        "Nâng tỷ lệ hồ sơ trực tuyến, giảm giấy tờ và thời gian đi lại của người dân, doanh nghiệp.",
        "Bố trí máy tính và cán bộ hỗ trợ tại nơi tiếp nhận; làm video hướng dẫn ngắn; gọi điện hỗ trợ khi hồ sơ "
        "trực tuyến bị lỗi.",
        "Cán bộ, công chức và người dân, doanh nghiệp có nhu cầu",
        "Người dân, doanh nghiệp giao dịch với {noi}",
        ("Số hồ sơ trực tuyến được hỗ trợ", "hồ sơ", 100, 8000),
        ("Tỷ lệ hồ sơ nộp trực tuyến", "%", 50, 95),
        ("Số video, tài liệu hướng dẫn được phát hành", "tài liệu", 3, 30),
    ),
    _t(
        "XDCQ",
        "Tiếp nhận, đối thoại và giải quyết kịp thời phản ánh, kiến nghị của người dân tại {noi}",
        "Một số phản ánh, kiến nghị của người dân gửi {noi} chậm được trả lời.",
        "Mọi phản ánh, kiến nghị được tiếp nhận, trả lời đúng hạn và công khai kết quả.",
        "Lập đường dây nóng và sổ theo dõi; người đứng đầu trực tiếp đối thoại định kỳ; phân công rõ người, rõ "
        "việc, rõ thời hạn trả lời.",
        "Cán bộ, công chức, viên chức của cơ quan",
        "Người dân, tổ chức có phản ánh, kiến nghị với {noi}",
        ("Số phản ánh, kiến nghị được giải quyết", "kiến nghị", 10, 600),
        ("Tỷ lệ phản ánh được trả lời đúng hạn", "%", 90, 100),
        ("Số buổi đối thoại với người dân", "buổi", 2, 12),
    ),
    _t(
        "CQVH",
        "Xây dựng cơ quan văn hóa, văn minh công sở tại {noi}",
        "Ý thức chấp hành kỷ luật, văn hóa ứng xử của một bộ phận cán bộ tại {noi} còn hạn chế.",
        "Cán bộ, viên chức thực hiện nghiêm quy tắc ứng xử; cơ quan đạt chuẩn văn hóa, xanh - sạch - đẹp.",
        "Ban hành quy tắc ứng xử; ký cam kết thi đua; kiểm tra đột xuất việc chấp hành giờ giấc; bình xét hằng "
        "tháng gắn với đánh giá, xếp loại cán bộ.",
        "Toàn thể cán bộ, công chức, viên chức, người lao động",
        "Người dân, doanh nghiệp đến giao dịch và cán bộ của {noi}",
        ("Tỷ lệ cán bộ thực hiện tốt quy tắc ứng xử", "%", 95, 100),
        ("Số buổi sinh hoạt chuyên đề văn hóa công sở", "buổi", 2, 12),
        ("Số lượt ý kiến hài lòng của người dân", "lượt", 100, 5000),
    ),
    _t(
        "CQVH",
        "Nói không với rác thải nhựa tại {noi}",
        "Đồ nhựa dùng một lần còn được dùng nhiều trong các cuộc họp, sự kiện của {noi}.",
        "Không sử dụng đồ nhựa dùng một lần trong cơ quan; phân loại rác tại nguồn.",
        "Thay chai nhựa bằng bình, cốc thủy tinh; đặt thùng phân loại rác; công đoàn và chi đoàn kiểm tra, nhắc "
        "nhở; lan tỏa đến gia đình cán bộ.",
        "Cán bộ, viên chức, người lao động và khách đến làm việc",
        "Cán bộ và người dân đến giao dịch với {noi}",
        ("Lượng rác thải nhựa giảm", "%", 50, 95),
        ("Số thùng phân loại rác được lắp đặt", "thùng", 5, 60),
        ("Số lượt cán bộ tham gia ra quân", "lượt", 30, 800),
    ),
    _t(
        "QCDC",
        "Thực hiện tốt quy chế dân chủ, công khai, minh bạch trong hoạt động của {noi}",
        "Một số nội dung về tài chính, tuyển dụng, thi đua tại {noi} chưa được công khai kịp thời.",
        "Công khai đầy đủ các nội dung theo quy chế dân chủ; cán bộ được biết, được bàn, được kiểm tra.",
        "Rà soát, sửa đổi quy chế dân chủ; công khai trên bảng tin và mạng nội bộ; Ban Thanh tra nhân dân giám sát; "
        "tổ chức hội nghị cán bộ, công chức đúng quy định.",
        "Cán bộ, công chức, viên chức, người lao động",
        "Cán bộ, công chức, viên chức và người lao động của {noi}",
        ("Số nội dung được công khai đúng quy định", "nội dung", 5, 40),
        ("Số ý kiến đóng góp của cán bộ được tiếp thu", "ý kiến", 10, 200),
        ("Tỷ lệ cán bộ hài lòng với việc thực hiện dân chủ", "%", 85, 100),
    ),
    _t(
        "ASXH",
        "Cán bộ, đảng viên {noi} đỡ đầu học sinh nghèo ở xã đặc biệt khó khăn",
        "Nhiều học sinh ở các xã đặc biệt khó khăn thiếu điều kiện học tập, có nguy cơ bỏ học.",
        "Mỗi chi bộ, đoàn thể của cơ quan nhận đỡ đầu học sinh nghèo đến hết năm học.",
        "Phối hợp với xã kết nghĩa lập danh sách học sinh; cán bộ, đảng viên đóng góp hằng tháng; trao học bổng, "
        "sách vở vào đầu năm học và thăm hỏi dịp Tết.",
        "Cán bộ, đảng viên, đoàn viên của cơ quan",
        "Học sinh nghèo ở các xã đặc biệt khó khăn được {noi} đỡ đầu",
        ("Số học sinh được đỡ đầu", "học sinh", 5, 200),
        ("Số tiền hỗ trợ", "triệu đồng", 20, 1000),
        ("Số lượt thăm hỏi, tặng quà", "lượt", 5, 100),
    ),
    _t(
        "ASXH",
        "Mỗi tháng một ngày lương vì người nghèo của cán bộ, viên chức {noi}",
        "Còn nhiều hộ nghèo, gia đình chính sách cần được hỗ trợ, nhất là vào dịp lễ Tết, thiên tai.",
        "Cán bộ, viên chức tự nguyện đóng góp, hỗ trợ kịp thời hộ nghèo, gia đình chính sách.",
        "Công đoàn vận động đóng góp ngày lương; lập quỹ công khai; phối hợp địa phương chọn đúng đối tượng; trao "
        "hỗ trợ tận nhà.",
        "Cán bộ, công chức, viên chức, người lao động",
        "Hộ nghèo, gia đình chính sách được {noi} hỗ trợ",
        ("Số tiền đóng góp", "triệu đồng", 10, 800),
        ("Số hộ nghèo được hỗ trợ", "hộ", 5, 200),
        ("Số suất quà được trao", "suất", 20, 1000),
    ),
    _t(
        "XDD",
        "Đảng viên {noi} gương mẫu, tận tụy phục vụ nhân dân",
        "Tinh thần, thái độ phục vụ nhân dân của một số cán bộ tại {noi} chưa đáp ứng yêu cầu.",
        "Đảng viên gương mẫu, đi đầu trong phục vụ nhân dân; không có ý kiến phản ánh về thái độ.",
        "Đảng viên ký cam kết nêu gương; chi bộ đánh giá hằng tháng; công khai đường dây nóng; biểu dương kịp "
        "thời đảng viên được nhân dân khen.",
        "Đảng viên là cán bộ, công chức, viên chức",
        "Người dân, doanh nghiệp làm việc với {noi}",
        ("Số đảng viên ký cam kết nêu gương", "đảng viên", 5, 150),
        ("Số thư khen của người dân", "thư", 2, 100),
        ("Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ", "%", 90, 100),
    ),
    _t(
        "XDDT",
        "Công đoàn, Đoàn Thanh niên {noi} đồng hành cùng người lao động khó khăn",
        "Một số người lao động của {noi} có hoàn cảnh khó khăn, ốm đau, thiếu nhà ở.",
        "Kịp thời hỗ trợ người lao động khó khăn; không để ai bị bỏ lại phía sau.",
        "Lập quỹ tương trợ; thăm hỏi khi ốm đau; hỗ trợ sửa nhà; tư vấn pháp luật lao động; tổ chức hoạt động "
        "văn hóa, thể thao.",
        "Đoàn viên công đoàn, đoàn viên thanh niên của cơ quan",
        "Người lao động có hoàn cảnh khó khăn của {noi}",
        ("Số người lao động được hỗ trợ", "người", 3, 120),
        ("Quỹ tương trợ huy động được", "triệu đồng", 10, 500),
        ("Số hoạt động văn hóa, thể thao", "hoạt động", 2, 24),
    ),
    _t(
        "KTXH",
        "Cán bộ {noi} về cơ sở tháo gỡ khó khăn cho hợp tác xã, hộ kinh doanh",
        "Nhiều hợp tác xã, hộ kinh doanh gặp khó khăn về thủ tục, vốn và thị trường tiêu thụ.",
        "Tháo gỡ kịp thời khó khăn, vướng mắc cho hợp tác xã và hộ kinh doanh.",
        "Tổ công tác của cơ quan về cơ sở hằng tháng; tiếp nhận kiến nghị; hướng dẫn thủ tục, kết nối vốn và "
        "thị trường; theo dõi đến khi giải quyết xong.",
        "Cán bộ, chuyên viên của cơ quan; hợp tác xã, hộ kinh doanh",
        "Hợp tác xã, hộ kinh doanh được {noi} hỗ trợ",
        ("Số hợp tác xã, hộ kinh doanh được hỗ trợ", "đơn vị", 5, 300),
        ("Số kiến nghị được tháo gỡ", "kiến nghị", 5, 200),
        ("Số buổi làm việc tại cơ sở", "buổi", 4, 48),
    ),
    _t(
        "XDCQ",
        "Thân thiện, tận tâm, trách nhiệm trong phục vụ người dân tại {noi}",
        "Người dân còn phản ánh về thái độ, tác phong của một số cán bộ tại {noi}.",
        "Mọi người dân đến làm việc đều được đón tiếp niềm nở, hướng dẫn tận tình.",
        "Tập huấn kỹ năng giao tiếp; đặt hòm thư góp ý và mã QR đánh giá mức độ hài lòng; xử lý nghiêm cán bộ có "
        "thái độ chưa đúng mực.",
        "Cán bộ, công chức, viên chức trực tiếp tiếp xúc với người dân",
        "Người dân đến làm việc tại {noi}",
        ("Số lượt người dân được phục vụ", "lượt", 500, 30000),
        ("Tỷ lệ người dân đánh giá hài lòng", "%", 90, 100),
        ("Số lớp tập huấn kỹ năng giao tiếp", "lớp", 1, 12),
    ),
    _t(
        "NTM",
        "Cán bộ, đảng viên {noi} đồng hành xây dựng nông thôn mới ở xã kết nghĩa",
        "Xã kết nghĩa của {noi} còn thiếu một số tiêu chí nông thôn mới, nhất là về giao thông và môi trường.",
        "Giúp xã kết nghĩa hoàn thành các tiêu chí nông thôn mới còn thiếu.",
        "Ký kết chương trình phối hợp; cán bộ, đoàn viên góp ngày công làm đường, trồng cây; hỗ trợ kinh phí xây "
        "dựng công trình phúc lợi.",
        "Cán bộ, đảng viên, đoàn viên của cơ quan và nhân dân xã kết nghĩa",
        "Nhân dân xã kết nghĩa của {noi}",
        ("Số công trình được hỗ trợ xây dựng", "công trình", 1, 10),
        ("Kinh phí hỗ trợ", "triệu đồng", 20, 1500),
        ("Số ngày công của cán bộ, đoàn viên", "ngày công", 30, 800),
    ),
]
# Wards have no fields, forests or rice paddies.
URBAN = [t for k, t in enumerate(COMMUNITY) if k not in (0, 4, 5, 6)]
# Template families: 0 communes and villages, 1 agencies and institutions, 2 wards and residential groups.
FAMILIES = (COMMUNITY, AGENCY, URBAN)
# Registration texts are kept short enough for a row to stay under PostgreSQL's TOAST threshold (about 2 kB):
# above it every row is compressed, which doubles the cost of loading the table.
_LOCAL_IMPLEMENTERS = [
    "{dv} chủ trì, phân công đảng viên phụ trách từng nhóm hộ; Mặt trận và các đoàn thể {xa} phối hợp",
    "Cấp ủy {dv} chỉ đạo; Phụ nữ, Đoàn Thanh niên, Cựu chiến binh, Nông dân là lực lượng nòng cốt",
    "Ban công tác Mặt trận và {dv} tổ chức; mỗi đảng viên vận động ít nhất năm hộ",
]
_AGENCY_IMPLEMENTERS = [
    "{dv} chủ trì; công đoàn, Đoàn Thanh niên và các phòng chuyên môn thực hiện theo phân công",
    "Cấp ủy, lãnh đạo {dv} phân công; đảng viên gương mẫu đi đầu, toàn thể cán bộ cùng thực hiện",
    "{dv} lãnh đạo; tổ công tác gồm cấp ủy, công đoàn, chi đoàn triển khai và báo cáo hằng tháng",
]
IMPLEMENTERS = (_LOCAL_IMPLEMENTERS, _AGENCY_IMPLEMENTERS, _LOCAL_IMPLEMENTERS)
INDIVIDUAL = "Đồng chí {person}, {position}: trực tiếp vận động và theo dõi kết quả; {dv} hỗ trợ"
RESOURCES = [
    "Ngân sách và xã hội hóa khoảng {k} triệu đồng; {d} ngày công",
    "Nhân dân góp tiền, hiện vật và khoảng {d} ngày công; ngân sách hỗ trợ {k} triệu đồng",
    "Không phát sinh kinh phí lớn; khoảng {d} ngày công ngoài giờ của đảng viên",
    "Kinh phí của đơn vị {k} triệu đồng và tài trợ của nhà hảo tâm",
]
TIMELINES = [
    "Quý I: lập kế hoạch; quý II–III: thực hiện, kiểm tra; quý IV: sơ kết, nhân rộng",
    "Tháng 1–2: lập kế hoạch; từ tháng 3: triển khai, báo cáo hằng quý; tháng 12: tổng kết",
    "Cả năm; sơ kết 6 tháng vào tháng 7, tổng kết vào tháng 12",
]
EXPECTED = [
    "Đạt và vượt các chỉ tiêu đăng ký; người dân đồng tình, hưởng ứng",
    "Chuyển biến rõ trong nhận thức và hành động của cán bộ, đảng viên, nhân dân",
    "Giải quyết được việc khó, việc bức xúc của người dân",
    "Chỉ tiêu đạt kế hoạch; cách làm có thể áp dụng ở đơn vị khác",
]
SUSTAINABILITY = [
    "Cách làm đơn giản, chi phí thấp, dễ nhân rộng",
    "Đưa vào nghị quyết chi bộ, quy chế đơn vị nên duy trì thường xuyên",
    "Nguồn lực chủ yếu từ nhân dân, không phụ thuộc ngân sách",
    "Sẽ xây dựng thành quy trình để đơn vị khác học tập",
]
RETURN_COMMENTS = [
    "Đề nghị bổ sung chỉ tiêu đo lường cụ thể và phân công rõ chủ thể thực hiện.",
    "Mục tiêu còn chung chung; đề nghị nêu rõ đối tượng thụ hưởng và địa bàn thực hiện.",
    "Nội dung trùng với mô hình đã đăng ký năm trước; đề nghị làm rõ điểm mới.",
    "Đề nghị bổ sung nguồn lực và tiến độ thực hiện theo từng quý.",
]
ACTIVITIES = [
    "Tổ chức {a} buổi tuyên truyền, {b} lượt đến từng hộ vận động; chi bộ sơ kết việc thực hiện trong kỳ.",
    "Phối hợp với các đoàn thể ra quân {a} đợt; phân công đảng viên phụ trách, cập nhật danh sách theo dõi.",
    "Triển khai kế hoạch của kỳ; kiểm tra {a} lần tại cơ sở; tiếp nhận và xử lý {b} ý kiến của người dân.",
    "Duy trì các hoạt động thường xuyên; tổ chức {a} hội nghị, buổi làm việc để tháo gỡ vướng mắc.",
]
REACHED = [
    "{c} lượt người dân, hộ gia đình",
    "{c} người được hỗ trợ trực tiếp",
    "{c} lượt cán bộ, đảng viên và người dân tham gia",
]
EFFECTS = [
    "Người dân đồng tình, tích cực tham gia; kết quả đạt tiến độ đề ra.",
    "Hoàn thành khoảng {p}% chỉ tiêu của kỳ; không có ý kiến phản ánh tiêu cực.",
    "Tạo chuyển biến rõ trong nhận thức của người dân; nhiều hộ tự giác thực hiện.",
]
DIFFICULTIES = [
    "",
    "",
    "",
    "Kinh phí còn hạn chế; đề nghị cấp trên hỗ trợ thêm.",
    "Một số hộ chưa đồng thuận, cần tiếp tục vận động.",
    "Thời tiết bất lợi làm chậm tiến độ một số phần việc.",
]
ASSESSMENT_COMMENTS = {
    "exemplary": "Mô hình có kết quả nổi bật, vượt chỉ tiêu, minh chứng đầy đủ; người dân đồng tình cao.",
    "recognised": "Mô hình thực hiện đúng kế hoạch, có kết quả cụ thể; cần tiếp tục duy trì.",
    "not_achieved": "Kết quả chưa rõ nét, minh chứng còn thiếu; báo cáo chưa đầy đủ các kỳ.",
}
RESULT_REASONS = {
    "exemplary": "Tiêu biểu: vượt chỉ tiêu, minh chứng đầy đủ ({t} điểm).",
    "recognised": "Đạt yêu cầu ({t} điểm).",
    "not_achieved": "Chưa đạt: kết quả chưa rõ nét ({t} điểm).",
}


# ---- Text helpers ----------------------------------------------------------------------------------------


def _vn_number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


_CENTS: dict[int, Decimal] = {}


def _cents(value: int) -> Decimal:
    """Hundredths of a point as a Decimal (binary COPY wants numbers, not text); there are few distinct ones."""
    d = _CENTS.get(value)
    if d is None:
        d = _CENTS[value] = Decimal(value).scaleb(-2)
    return d


def _vn_cents(value: int) -> str:
    return f"{value // 100},{value % 100:02d}"


# ---- The tree --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Unit:
    id: int
    code: str
    name: str
    kind: str
    parent_id: int | None
    path: str
    depth: int
    base_id: int | None
    province: int
    place: str = ""  # where its initiatives happen: "thôn Đông, xã Hòa Bình", "Sở Tài chính tỉnh"
    commune: str = ""  # the commune or agency it belongs to: "xã Hòa Bình"
    short: str = ""  # its name inside the province ("Đảng bộ Sở Tài chính tỉnh"), when it differs
    words: dict[str, str] | None = None  # template words, filled on first use
    folded: dict[str, str] | None = None
    family: int = 0  # which templates suit it (FAMILIES)
    weight: float = 0.0  # how active it is

    @property
    def registers(self) -> bool:
        return self.kind in (Organization.Kind.BASE_COMMITTEE, Organization.Kind.BASE_CELL, Organization.Kind.CELL)


@dataclass
class Province:
    index: int
    code: str
    name: str  # "Tuyên Quang"
    label: str  # "tỉnh Tuyên Quang", "thành phố Hà Nội"
    committee: str  # "Tỉnh ủy Tuyên Quang"
    unit: Unit


def _province_texts(name: str, city: bool) -> tuple[str, str]:
    if name == "Hồ Chí Minh":
        return "Thành phố Hồ Chí Minh", "Thành ủy Thành phố Hồ Chí Minh"
    return (f"thành phố {name}", f"Thành ủy {name}") if city else (f"tỉnh {name}", f"Tỉnh ủy {name}")


def build_tree(initiatives: int, seed: int, first_id: int = 1) -> tuple[list[Unit], list[Province]]:
    """Central → 34 provinces → 2 bloc committees each and the communes → base organisations → cells, scaled with
    the number of initiatives (about 60,000 units for a million, about 1,500 for 20,000)."""
    rng = random.Random(f"{seed}-tree")
    scale = initiatives / 1_000_000
    cells_mean = 14 * min(1.0, max(0.15, scale * 50))
    units: list[Unit] = []
    provinces: list[Province] = []
    next_id = first_id

    def add(code: str, name: str, kind: str, parent: Unit | None, province: int, **extra) -> Unit:
        nonlocal next_id
        pk = next_id
        next_id += 1
        if kind in Organization.BASE_KINDS:
            base_id: int | None = pk
        else:
            base_id = parent.base_id if parent else None
        unit = Unit(
            id=pk,
            code=code,
            name=name,
            kind=kind,
            parent_id=parent.id if parent else None,
            path=f"{parent.path if parent else ''}{pk}.",
            depth=parent.depth + 1 if parent else 0,
            base_id=base_id,
            province=province,
            **extra,
        )
        units.append(unit)
        return unit

    K = Organization.Kind
    central = add("TW", "Ban Dân vận Trung ương", K.CENTRAL, None, -1)
    for p, (name, city, region, communes) in enumerate(PROVINCES):
        label, committee = _province_texts(name, city)
        pcode = f"P{p + 1:02d}"
        punit = add(pcode, committee, K.PROVINCE, central, p)
        provinces.append(Province(p, pcode, name, label, committee, punit))
        words = {"tu": committee, "nhan": label, "ten": name}
        # Inside the province an agency goes by its short name: "Sở Tài chính tỉnh", "Văn phòng Tỉnh ủy".
        local = {"tu": "Thành ủy" if city else "Tỉnh ủy", "nhan": "thành phố" if city else "tỉnh", "ten": name}
        # The two bloc committees of the province (2025 model): the Party agencies, and the People's Committee.
        blocs = [
            (f"Đảng ủy các cơ quan Đảng {label}", PARTY_AGENCIES, max(2, round(len(PARTY_AGENCIES) * scale))),
            (f"Đảng ủy Ủy ban nhân dân {label}", STATE_AGENCIES, max(1, round(55 * scale))),
        ]
        for b, (bloc_name, agencies, count) in enumerate(blocs, start=1):
            bloc = add(f"{pcode}-K{b}", bloc_name, K.BLOC, punit, p)
            used: set[str] = set()
            for k in range(count):
                if k < len(agencies):
                    pattern, committee_kind = agencies[k]
                    agency, short = pattern.format(**words), pattern.format(**local)
                else:
                    pattern, committee_kind = NUMBERED_AGENCIES[k % len(NUMBERED_AGENCIES)]
                    agency = short = pattern.format(x=_place_name(rng, used))
                kind = K.BASE_COMMITTEE if committee_kind else K.BASE_CELL
                prefix = "Đảng bộ" if committee_kind else "Chi bộ"
                base = add(
                    f"{bloc.code}-{k + 1:03d}",
                    f"{prefix} {agency}",
                    kind,
                    bloc,
                    p,
                    place=short,
                    commune=short,
                    short=f"{prefix} {short}",
                    family=1,
                )
                if committee_kind:
                    for c in range(rng.randint(2, 7) if scale >= 0.02 else rng.randint(1, 2)):
                        section = AGENCY_CELLS[c % len(AGENCY_CELLS)]
                        add(
                            f"{base.code}-C{c + 1:02d}",
                            f"Chi bộ {section}",
                            K.CELL,
                            base,
                            p,
                            place=f"{section}, {short}",
                            commune=short,
                            family=1,
                        )
        used_names: set[str] = set()
        for x in range(max(1, round(communes * scale))):
            ward = rng.random() < (0.5 if city else 0.15)
            ten = _place_name(rng, used_names)
            xa = f"{'phường' if ward else 'xã'} {ten}"
            family = 2 if ward else 0
            commune = add(
                f"{pcode}-X{x + 1:03d}",
                f"Đảng bộ {xa}",
                K.BASE_COMMITTEE,
                punit,
                p,
                place=xa,
                commune=xa,
                family=family,
            )
            n_cells = max(1, round(cells_mean * rng.uniform(0.5, 1.5)))
            n_institutions = min(len(COMMUNE_INSTITUTIONS), max(1, n_cells // 4))
            for c in range(n_cells):
                code = f"{commune.code}-C{c + 1:02d}"
                if c < n_institutions:
                    name_pattern, place_pattern = COMMUNE_INSTITUTIONS[c]
                    place = place_pattern.format(xa=xa, ten=ten)
                    add(
                        code, name_pattern.format(xa=xa, ten=ten), K.CELL, commune, p, place=place, commune=xa, family=1
                    )
                    continue
                k = c - n_institutions + 1
                if ward:
                    village = f"tổ dân phố số {k}" if region != "S" else f"khu phố {k}"
                elif region == "S":
                    village = f"ấp {k}" if rng.random() < 0.5 else f"ấp {rng.choice(SYLLABLES)} {rng.choice(SYLLABLES)}"
                else:
                    village = f"thôn {VILLAGES_NORTH[k - 1]}" if k <= len(VILLAGES_NORTH) else f"thôn {k}"
                add(code, f"Chi bộ {village}", K.CELL, commune, p, place=f"{village}, {xa}", commune=xa, family=family)
    _activity(units, rng)
    return units, provinces


def _place_name(rng: random.Random, used: set[str]) -> str:
    """A Vietnamese place name of two syllables ("Hòa Bình", "Tân Phú"), not used before in this province."""
    for _attempt in range(50):
        a, b = rng.sample(SYLLABLES, 2)
        name = f"{a} {b}"
        if name not in used:
            used.add(name)
            return name
    name = f"{rng.choice(SYLLABLES)} {rng.choice(SYLLABLES)} {len(used) + 1}"
    used.add(name)
    return name


def _activity(units: list[Unit], rng: random.Random) -> None:
    """A skewed activity per unit: a few very active units, many that register once in a while, some dormant."""
    dormant: set[int] = set()
    for u in units:
        if not u.registers:
            continue
        pareto = min(rng.paretovariate(1.7), 25.0)
        if u.kind == Organization.Kind.CELL:
            u.weight = 0.0 if rng.random() < 0.2 else 0.5 * pareto
        elif u.family != 1:
            u.weight = 0.8 * pareto
        else:
            u.weight = 0.6 * pareto
        if u.base_id == u.id and rng.random() < 0.05:
            dormant.add(u.id)
        if u.base_id in dormant:
            u.weight *= 0.02


# ---- Campaigns -------------------------------------------------------------------------------------------


@dataclass
class CampaignInfo:
    """What row generators need of a campaign: its dates as ordinals, its periods, fields and criteria."""

    index: int
    year: int
    closed: bool
    opens: int
    closes: int
    last: int  # last day a registration step can happen (today for the running campaign)
    periods: list[tuple[int, int, int]]  # (starts_on, ends_on, due_on) ordinals
    id: int = 0
    name: str = ""
    period_ids: list[int] = field(default_factory=list)
    field_ids: dict[str, int] = field(default_factory=dict)
    criteria: list[list[tuple[int, int, int]]] = field(default_factory=list)  # per kind: (id, max, weight × 100)
    team_ids: dict[int, int] = field(default_factory=dict)  # province → survey team


def campaign_calendar(years: int, today: dt.date) -> list[CampaignInfo]:
    """Yearly campaigns ending with the current year: registration from mid-January to the end of April (the
    current one stays open at least 120 more days), four quarterly reporting periods due ten days after each quarter."""
    out = []
    for k in range(years):
        year = today.year - years + 1 + k
        current = year == today.year
        opens = dt.date(year, 1, 15)
        if current:
            opens = min(opens, today - dt.timedelta(days=14))
        closes = dt.date(year, 4, 30)
        periods = []
        for q in range(4):
            start = dt.date(year, 3 * q + 1, 1)
            end = (dt.date(year, 3 * q + 4, 1) if q < 3 else dt.date(year + 1, 1, 1)) - dt.timedelta(days=1)
            periods.append((start.toordinal(), end.toordinal(), end.toordinal() + 10))
        last = min(closes, today - dt.timedelta(days=1)) if current else closes
        if current:
            # The running campaign stays open for registration (as in the city demo), so that a person, the
            # import and the benchmark can register; the generated registrations still end in April.
            closes = max(dt.date(year, 12, 31), today + dt.timedelta(days=120))
        out.append(
            CampaignInfo(
                index=k,
                year=year,
                closed=not current,
                opens=opens.toordinal(),
                closes=closes.toordinal(),
                last=max(last, opens).toordinal(),
                periods=periods,
            )
        )
    return out


# ---- The plan of initiatives -----------------------------------------------------------------------------

ST_DRAFT, ST_SUBMITTED, ST_RETURNED, ST_ACCEPTED, ST_WITHDRAWN = range(5)
STATUS_VALUES = ("draft", "submitted", "returned", "accepted", "withdrawn")
RESULT_VALUES = ("", "not_achieved", "recognised", "exemplary")
R_NONE, R_NOT, R_RECOGNISED, R_EXEMPLARY = range(4)
A_NONE, A_SELF, A_TEAM, A_BOTH = range(4)


@dataclass
class Plan:
    """Everything decided about the initiatives, one compact column per attribute (index i is initiative
    first_id + i); the row generators turn it into rows of every table."""

    first_id: int
    campaign: array = field(default_factory=lambda: array("b"))
    unit: array = field(default_factory=lambda: array("i"))  # index into units
    kind: array = field(default_factory=lambda: array("b"))  # 0 collective, 1 individual
    status: array = field(default_factory=lambda: array("b"))
    result: array = field(default_factory=lambda: array("b"))
    assessed: array = field(default_factory=lambda: array("b"))
    recipe: list[int] = field(default_factory=list)  # what it is: template, texts, indicators, fields
    rnd: list[int] = field(default_factory=list)  # row-level randomness: hours, report numbers
    created: array = field(default_factory=lambda: array("i"))  # ordinals; 0 when it did not happen
    submitted: array = field(default_factory=lambda: array("i"))
    returned: array = field(default_factory=lambda: array("i"))
    resubmitted: array = field(default_factory=lambda: array("i"))
    accepted: array = field(default_factory=lambda: array("i"))
    withdrawn: array = field(default_factory=lambda: array("i"))
    source: array = field(default_factory=lambda: array("i"))  # carried over from (index), -1
    original: array = field(default_factory=lambda: array("i"))  # replication of (index), -1
    team_total: array = field(default_factory=lambda: array("i"))  # hundredths of a point, 0 when none
    self_total: array = field(default_factory=lambda: array("i"))
    team_level: array = field(default_factory=lambda: array("i"))  # millionths of the maximum, for the scores
    self_level: array = field(default_factory=lambda: array("i"))
    quota: dict[int, int] = field(default_factory=dict)  # campaign index → largest count of one unit

    def __len__(self) -> int:
        return len(self.campaign)


def _yearly_counts(total: int, years: int) -> list[int]:
    """Initiatives per campaign, growing over the years, adding up to `total`."""
    weights = [1 + 0.12 * k for k in range(years)]
    counts = [int(total * w / sum(weights)) for w in weights]
    counts[-1] += total - sum(counts)
    return counts


def _draw_counts(rng: random.Random, weights: list[float], n: int, cap: int) -> list[int]:
    """How many initiatives each unit registers: `n` draws proportional to `weights`, at most `cap` per unit."""
    counts = [0] * len(weights)
    weights = list(weights)
    left = n
    while left > 0:
        if not any(weights):
            raise ValueError("not enough active units for so many initiatives")
        for k, c in Counter(rng.choices(range(len(weights)), cum_weights=list(accumulate(weights)), k=left)).items():
            counts[k] += c
        left = 0
        for k, c in enumerate(counts):
            if c >= cap:
                left += c - cap
                counts[k] = cap
                weights[k] = 0.0
    return counts


def plan_initiatives(units: list[Unit], calendar: list[CampaignInfo], total: int, seed: int, today: dt.date) -> Plan:
    """Decide every initiative: its unit, campaign, kind, content recipe, workflow dates, status, assessment,
    result, and whether it continues last year's or copies an exemplary one."""
    rng = random.Random(f"{seed}-plan")
    getrandbits = rng.getrandbits
    plan = Plan(first_id=0)
    owners = [k for k, u in enumerate(units) if u.registers]
    today_ord = today.toordinal()
    previous_by_unit: dict[int, list[int]] = {}
    # Exemplary initiatives that can be adopted, per (province, template family); province -1: all of them.
    exemplary: dict[tuple[int, int], list[int]] = defaultdict(list)
    for info, n in zip(calendar, _yearly_counts(total, len(calendar)), strict=True):
        weights = [units[k].weight * rng.lognormvariate(0, 0.3) for k in owners]
        counts = _draw_counts(rng, weights, n, PER_UNIT_CAP)
        plan.quota[info.index] = max(counts, default=0)
        this_year: dict[int, list[int]] = {}
        new_exemplary: list[tuple[tuple[int, int], int]] = []
        # About 1 % of a later campaign's initiatives adopt an earlier exemplary one: these positions.
        copy_at = set(rng.sample(range(n), min(n, max(1, round(0.01 * n))))) if info.index > 0 else set()
        position = -1
        for owner, count in zip(owners, counts, strict=True):
            if not count:
                continue
            unit = units[owner]
            sources = [s for s in previous_by_unit.get(owner, ()) if plan.status[s] == ST_ACCEPTED]
            mine = this_year[owner] = []
            for _k in range(count):
                i = len(plan)
                position += 1
                recipe, x = getrandbits(128), getrandbits(64)
                source = original = -1
                kind = 1 if x % 3 == 0 else 0
                x //= 3
                if position in copy_at:
                    # Preferably a model of the same province; the same kind of unit, never its own base's.
                    pool = exemplary.get((unit.province, unit.family)) or exemplary.get((-1, unit.family)) or []
                    candidates = [o for o in pool[-60:] if units[plan.unit[o]].base_id != unit.base_id]
                    if candidates:
                        original = candidates[(x >> 16) % len(candidates)]
                        recipe, kind = plan.recipe[original], plan.kind[original]
                if original < 0 and sources and x & 0xFF < 31:  # about 12 % continue one of last year's
                    source = sources.pop((x >> 8) % len(sources))
                    recipe, kind = plan.recipe[source], plan.kind[source]
                plan.campaign.append(info.index)
                plan.unit.append(owner)
                plan.kind.append(kind)
                plan.recipe.append(recipe)
                plan.rnd.append(getrandbits(64))
                plan.source.append(source)
                plan.original.append(original)
                _plan_workflow(plan, info, getrandbits(64), today_ord)
                _plan_review(plan, info, getrandbits(64))
                mine.append(i)
                if plan.result[i] == R_EXEMPLARY:
                    new_exemplary.append(((unit.province, unit.family), i))
        for key, i in new_exemplary:
            exemplary[key].append(i)
            exemplary[(-1, key[1])].append(i)
        previous_by_unit = this_year
    return plan


def _plan_workflow(plan: Plan, info: CampaignInfo, x: int, today: int) -> None:
    """Registration steps and their days, from the random bits `x`: past campaigns almost all accepted, the
    running one a mix of drafts, submitted, returned, withdrawn and accepted."""
    roll = x & 0xFFFF
    x >>= 16
    if info.closed:
        status = ST_ACCEPTED if roll < 63570 else ST_WITHDRAWN if roll < 64880 else ST_RETURNED  # 97 %, 2 %, 1 %
    else:
        status = (  # 5 % draft, 7 % submitted, 4 % returned, 2 % withdrawn, 82 % accepted
            ST_DRAFT
            if roll < 3277
            else ST_SUBMITTED
            if roll < 7864
            else ST_RETURNED
            if roll < 10486
            else ST_WITHDRAWN
            if roll < 11796
            else ST_ACCEPTED
        )
    u = (x & 0xFFFF) / 65536
    x >>= 16
    last = info.last
    created = info.opens + int(max(1, last - info.opens - 20) * u * u**0.5)  # most register early
    x, submit_after = divmod(x, 11)
    x, return_after = divmod(x, 13)
    x, resubmit_after = divmod(x, 10)
    x, accept_after = divmod(x, 20)
    x, withdraw_after = divmod(x, 20)
    x, chance = divmod(x, 100)
    submitted = returned = resubmitted = accepted = withdrawn = 0
    if status != ST_DRAFT and not (status == ST_WITHDRAWN and chance < 40):
        submitted = min(last, created + submit_after)
        if status == ST_RETURNED or (status == ST_ACCEPTED and chance < 8):
            returned = min(last if not info.closed else last + 20, submitted + 3 + return_after)
            if status == ST_ACCEPTED:
                resubmitted = returned + 1 + resubmit_after
        if status == ST_ACCEPTED:
            accepted = (resubmitted or submitted) + 2 + accept_after
    if status == ST_WITHDRAWN:
        withdrawn = (submitted or created) + 1 + withdraw_after
    if not info.closed:
        # Nothing of the running campaign happens after yesterday.
        returned, resubmitted, accepted, withdrawn = (
            min(d, today - 1) if d else 0 for d in (returned, resubmitted, accepted, withdrawn)
        )
    plan.status.append(status)
    plan.created.append(created)
    plan.submitted.append(submitted)
    plan.returned.append(returned)
    plan.resubmitted.append(resubmitted)
    plan.accepted.append(accepted)
    plan.withdrawn.append(withdrawn)


LEVELS = {R_EXEMPLARY: (860_000, 110_000), R_RECOGNISED: (660_000, 220_000), R_NOT: (420_000, 230_000)}


def _plan_review(plan: Plan, info: CampaignInfo, x: int) -> None:
    """Year-end of a past campaign, from the random bits `x`: survey team (about 40 %) or self-assessment, and
    the result (about 10 % exemplary, 70 % recognised, 20 % not achieved) with scores that agree with it."""
    if not info.closed or plan.status[-1] != ST_ACCEPTED:
        plan.result.append(R_NONE)
        plan.assessed.append(A_NONE)
        for column in (plan.team_total, plan.self_total, plan.team_level, plan.self_level):
            column.append(0)
        return
    roll = x & 0xFFFF
    result = R_EXEMPLARY if roll < 6554 else R_RECOGNISED if roll < 52429 else R_NOT
    low, width = LEVELS[result]
    team_level = low + width * ((x >> 16) & 0xFFFF) // 0xFFFF
    self_level = min(990_000, team_level - 30_000 + 150_000 * ((x >> 32) & 0xFFFF) // 0xFFFF)
    team = (x >> 48) & 0xFF < 102
    assessed = (A_BOTH if (x >> 56) < 51 else A_TEAM) if team else A_SELF
    criteria = DEFAULT_CRITERIA[plan.kind[-1]]
    seed = plan.rnd[-1]
    plan.result.append(result)
    plan.assessed.append(assessed)
    plan.team_level.append(team_level if team else 0)
    plan.self_level.append(self_level if assessed != A_TEAM else 0)
    plan.team_total.append(_scores(seed, team_level, criteria)[1] if team else 0)
    plan.self_total.append(_scores(seed ^ SELF_SALT, self_level, criteria)[1] if assessed != A_TEAM else 0)


SELF_SALT = 0x5A5A5A
# The default rubric (campaigns.services.DEFAULT_CRITERIA) as (criterion id, maximum, weight × 100) per kind
# (0 collective, 1 individual); the ids are filled in from each campaign's rubric.
DEFAULT_CRITERIA = [
    [(0, points, 100) for _name, _guidance, points in DEFAULT_RUBRIC[kind]]
    for kind in (Criterion.AppliesTo.COLLECTIVE, Criterion.AppliesTo.INDIVIDUAL)
]


def _scores(seed: int, level: int, criteria: list[tuple[int, int, int]]) -> tuple[list[int], int]:
    """Half-point scores (as twice the score) near `level` millionths of each maximum, and the weighted total in
    hundredths of a point, rounded half up as assessments.services.weighted_total does."""
    halves = []
    points = maximum = 0
    for _cid, top, weight in criteria:
        seed, jitter = divmod(seed, 21)
        top2 = top + top
        h = (top2 * (level + jitter * 10_000 - 100_000) + 500_000) // 1_000_000
        h = 0 if h < 0 else top2 if h > top2 else h
        halves.append(h)
        points += h * weight
        maximum += top2 * weight
    return halves, (20_000 * points + maximum) // (2 * maximum) if maximum else 0


# ---- Content of an initiative ----------------------------------------------------------------------------


def _template(recipe: int, family: int) -> Template:
    templates = FAMILIES[family]
    return templates[recipe % len(templates)]


def _person(r: int) -> tuple[int, str]:
    r, g = divmod(r, 2)
    middles, givens = FEMALE if g else MALE
    r, s = divmod(r, len(SURNAMES))
    r, m = divmod(r, len(middles))
    r, n = divmod(r, len(givens))
    return r, f"{SURNAMES[s]} {middles[m]} {givens[n]}"


def _first_indicator(tpl: Template, recipe: int) -> tuple[str, str, int | None, int]:
    r = recipe >> 64
    r, _n = divmod(r, 20)
    r, first = divmod(r, 3)
    name, uom, low, high = tpl.indicators[first % len(tpl.indicators)]
    return name, uom, None, _target(low, high, r % 1000)


def _target(low: int, high: int, x: int) -> int:
    target = low + (high - low) * x // 999
    if target >= 1000:
        return target // 50 * 50
    if target >= 100:
        return target // 10 * 10
    return target


def indicators_of(recipe: int, family: int) -> list[tuple[str, str, int | None, int]]:
    """One to three indicators of the template: (name, unit of measure, baseline, target)."""
    tpl = _template(recipe, family)
    r = recipe >> 64
    r, n = divmod(r, 20)
    count = 1 if n < 10 else 2 if n < 17 else 3  # 50 %, 35 %, 15 %
    r, first = divmod(r, 3)
    out = []
    for k in range(count):
        name, uom, low, high = tpl.indicators[(first + k) % len(tpl.indicators)]
        r, x = divmod(r, 1000)
        target = _target(low, high, x)
        baseline = None
        if uom == "%":
            r, b = divmod(r, 4)
            baseline = max(0, target - 10 - 5 * b) if b else None
        out.append((name, uom, baseline, target))
    return out


def field_codes_of(recipe: int, family: int) -> list[str]:
    """The template's field, and none, one or two others."""
    primary = _template(recipe, family).field
    r = recipe >> 96
    r, n = divmod(r, 20)
    extra = 0 if n < 10 else 1 if n < 17 else 2
    others = [code for code, _name in data.FIELDS if code != primary]
    codes = [primary]
    for _k in range(extra):
        r, x = divmod(r, len(others))
        if others[x] not in codes:
            codes.append(others[x])
    return codes


def content_of(recipe: int, unit: Unit, kind: int) -> tuple[str, ...]:
    """(title, situation, goals, method, area, target_groups, beneficiaries, implementers, resources, timeline,
    expected_outputs, sustainability, search_text) of an initiative made from `recipe` at `unit`.

    The search text is what initiatives.services._refresh_search stores, put together from folded pieces:
    folding is the slow part, and templates, names and places repeat (the tests check it equals the app's)."""
    family = unit.family
    tpl = _template(recipe, family)
    if unit.words is None:
        unit.words = {"noi": unit.place, "xa": unit.commune, "dv": unit.short or unit.name}
        unit.folded = {key: _f(value) for key, value in unit.words.items()}
        unit.folded["name_code"] = f"{_f(unit.name)} {_f(unit.code)}"
    words, folded = unit.words, unit.folded
    assert folded is not None
    r = recipe // len(FAMILIES[family])
    r, a = divmod(r, len(IMPLEMENTERS[family]))
    r, b = divmod(r, len(RESOURCES))
    r, c = divmod(r, len(TIMELINES))
    r, d = divmod(r, len(EXPECTED))
    r, e = divmod(r, len(SUSTAINABILITY))
    r, money = divmod(r, 300)
    r, days = divmod(r, 400)
    if kind:
        r, person = _person(r)
        r, pos = divmod(r, len(POSITIONS[family]))
        position = POSITIONS[family][pos]
        implementers = INDIVIDUAL.format(person=person, position=position, dv=words["dv"])
        folded_implementers = _f(INDIVIDUAL).format(person=_f(person), position=_f(position), dv=folded["dv"])
    else:
        implementers = IMPLEMENTERS[family][a].format_map(words)
        folded_implementers = _f(IMPLEMENTERS[family][a]).format_map(folded)
    name, uom, _baseline, target = _first_indicator(tpl, recipe)
    first_target = f"{name[0].lower()}{name[1:]} {_vn_number(target)}{'%' if uom == '%' else ' ' + uom}"
    # The optional parts of the form (resources, timeline, outputs, sustainability): most fill some of them.
    r, optional = divmod(r, 625)
    title = tpl.title.format_map(words)
    folded_title = _f(tpl.title).format_map(folded) if len(title) <= 255 else _f(title[:255])
    situation = tpl.situation.format_map(words)
    beneficiaries = tpl.beneficiaries.format_map(words)
    search = " ".join(
        (
            "",
            folded_title,
            folded["name_code"],
            folded_implementers,
            _f(tpl.target_groups),
            _f(tpl.beneficiaries).format_map(folded),
            folded["noi"],
        )
    )
    return (
        title if len(title) <= 255 else title[:255],
        situation if situation[0].isupper() else situation[0].upper() + situation[1:],
        f"{tpl.goal} Chỉ tiêu: {first_target}.",
        tpl.method,
        unit.place,
        tpl.target_groups,
        beneficiaries,
        implementers,
        RESOURCES[b].format(k=10 * (money + 1), d=10 * (days + 5)) if optional % 5 < 3 else "",
        TIMELINES[c] if optional // 5 % 5 < 3 else "",
        EXPECTED[d] if optional // 25 % 5 < 3 else "",
        SUSTAINABILITY[e] if optional // 125 < 3 else "",
        search,
    )


_FOLDED: dict[str, str] = {}


def _f(text: str) -> str:
    """core.text.fold, remembered: templates, names and places repeat."""
    value = _FOLDED.get(text)
    if value is None:
        value = _FOLDED[text] = fold(text)
    return value


def honouree_of(kind: int, implementers: str, unit: Unit) -> str:
    """As the demo's review does: the unit for a collective model, the named cadre for an individual one."""
    if kind:
        return implementers.split(":")[0].split(";")[0].strip()[:255] or unit.name
    return unit.name


# ---- The writer ------------------------------------------------------------------------------------------


# DANVAN_GEN_DEBUG=1: each table's CPU seconds (this process, its database backend) and every rebuild statement.
DEBUG = bool(os.environ.get("DANVAN_GEN_DEBUG"))


def _cpu() -> tuple[float, float]:
    """CPU seconds of this process and, on Linux with a local PostgreSQL, of its backend (debug output only)."""
    if not DEBUG or connection.vendor != "postgresql":
        return (0.0, 0.0)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return (time.process_time(), 0.0)
    return (time.process_time(), (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"))


class BulkWriter:
    """Writes rows whose primary keys are already set, table by table: binary COPY on PostgreSQL, batched
    INSERTs elsewhere (SQLite, for the tests). Each table's id sequence is then moved past the rows written."""

    BATCH = 500

    def __init__(self, say: Callable[[str], None] = lambda _m: None, *, freeze: bool = False):
        self.say = say
        self.postgres = connection.vendor == "postgresql"
        # Empty each table in this transaction and COPY it FREEZE: rows are written already frozen and visible
        # to all, so the index builds, checks and queries that follow never rewrite the pages to mark them.
        self.freeze = freeze and self.postgres
        self.counts: dict[str, int] = {}

    @staticmethod
    def next_id(model: type[models.Model]) -> int:
        return (model._default_manager.aggregate(m=models.Max("pk"))["m"] or 0) + 1

    def write(self, model: type[models.Model], columns: Sequence[str], rows: Iterable[Sequence]) -> int:
        table = model._meta.db_table
        expected = {f.column for f in model._meta.concrete_fields}
        if set(columns) != expected:
            raise RuntimeError(f"{table}: columns {sorted(set(columns) ^ expected)} differ from the model")
        started, cpu = time.monotonic(), _cpu()
        n = self._copy(model, columns, rows, self.freeze) if self.postgres else self._insert(model, columns, rows)
        reset_sequences([model])
        self.counts[table] = self.counts.get(table, 0) + n
        spent = ", ".join(f"{b - a:.1f}" for a, b in zip(cpu, _cpu(), strict=True))
        self.say(f"  {table:<42} {n:>11,} dòng {time.monotonic() - started:8.1f} giây" + (f" (cpu {spent})" * DEBUG))
        return n

    @staticmethod
    def _copy(model: type[models.Model], columns: Sequence[str], rows: Iterable[Sequence], freeze: bool) -> int:
        table = model._meta.db_table
        quote = connection.ops.quote_name
        n = 0
        with connection.cursor() as cursor:
            if freeze:
                cursor.execute(f"TRUNCATE {quote(table)}")
            cursor.execute(
                "SELECT attname, atttypid FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0", [table]
            )
            types = dict(cursor.fetchall())
            # Binary COPY: about half the work of text on both sides (no number or moment to print and parse).
            options = "FORMAT BINARY, FREEZE" if freeze else "FORMAT BINARY"
            sql = f"COPY {quote(table)} ({', '.join(quote(c) for c in columns)}) FROM STDIN ({options})"
            with cursor.cursor.copy(sql) as copy:
                copy.set_types([types[c] for c in columns])
                write_row = copy.write_row
                for row in rows:
                    write_row(row)
                    n += 1
        return n

    def _insert(self, model: type[models.Model], columns: Sequence[str], rows: Iterable[Sequence]) -> int:
        by_column = {f.column: f for f in model._meta.concrete_fields}
        preps = [by_column[c].get_db_prep_save for c in columns]
        quote = connection.ops.quote_name
        sql = (
            f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(c) for c in columns)}) "
            f"VALUES ({', '.join(['%s'] * len(columns))})"
        )
        n = 0
        batch: list[list] = []
        with connection.cursor() as cursor:
            for row in rows:
                batch.append([prep(v, connection) for prep, v in zip(preps, row, strict=True)])
                if len(batch) >= self.BATCH:
                    cursor.executemany(sql, batch)
                    n += len(batch)
                    batch = []
            if batch:
                cursor.executemany(sql, batch)
                n += len(batch)
        return n


def reset_sequences(model_list: Sequence[type[models.Model]]) -> None:
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), list(model_list)):
            cursor.execute(sql)


# ---- Row generators --------------------------------------------------------------------------------------

_DAYS: dict[int, dt.date] = {}
_MIDNIGHT: dict[int, dt.datetime] = {}
_MINUTES = [dt.timedelta(minutes=m) for m in range(24 * 60)]


def _day(ordinal: int) -> dt.date:
    day = _DAYS.get(ordinal)
    if day is None:
        day = _DAYS[ordinal] = dt.date.fromordinal(ordinal)
    return day


def _at(ordinal: int, minute: int) -> dt.datetime:
    """A moment of day `ordinal` in Viet Nam time, `minute` minutes after midnight."""
    midnight = _MIDNIGHT.get(ordinal)
    if midnight is None:
        d = dt.date.fromordinal(ordinal)
        midnight = _MIDNIGHT[ordinal] = dt.datetime(d.year, d.month, d.day, tzinfo=VN)
    return midnight + _MINUTES[minute]


def _minute(r: int, slot: tuple[int, int, int]) -> int:
    """A minute of the day drawn from bits of `r` inside `slot` (bit shift, first minute, width)."""
    shift, start, width = slot
    return start + (r >> shift) % width


# Steps of one day keep their order: created in the morning, submitted before noon, returned, submitted again,
# accepted, withdrawn in the afternoon, the last save at five.
CREATED, SUBMITTED, RETURNED, RESUBMITTED = (0, 450, 150), (10, 600, 120), (40, 780, 60), (12, 840, 60)
ACCEPTED, WITHDRAWN, UPDATED, SCORED = (20, 900, 90), (50, 990, 30), (30, 1020, 30), (5, 480, 480)


def organization_rows(units: list[Unit]) -> Iterator[tuple]:
    for u in units:
        yield (u.id, u.code, u.name, u.kind, u.parent_id, u.path, u.depth, u.base_id, "", True, 1)


ORGANIZATION_COLUMNS = (
    "id",
    "code",
    "name",
    "kind",
    "parent_id",
    "path",
    "depth",
    "base_id",
    "email",
    "is_active",
    "version",
)


@dataclass
class World:
    """What the row generators share: the tree, the campaigns, the plan, the people, and the ids handed out."""

    units: list[Unit]
    provinces: list[Province]
    calendar: list[CampaignInfo]
    plan: Plan
    admin_id: int
    officers: dict[int, int]  # unit id → officer user id
    surveyors: dict[int, int]  # province index → survey team leader's user id
    today: int
    seed: int
    # Filled while writing, read by later tables.
    indicator_first: array = field(default_factory=lambda: array("q"))
    indicator_target: array = field(default_factory=lambda: array("i"))
    indicator_rate: bytearray = field(default_factory=bytearray)
    report_initiative: array = field(default_factory=lambda: array("i"))
    report_sent: bytearray = field(default_factory=bytearray)
    first_report_id: int = 1
    first_indicator_id: int = 1
    assessment_ids: dict[tuple[int, str], int] = field(default_factory=dict)  # only for exemplary initiatives

    def officer(self, unit: Unit) -> int | None:
        return self.officers.get(unit.id) or (self.officers.get(unit.base_id) if unit.base_id else None)


INITIATIVE_COLUMNS = (
    "id",
    "campaign_id",
    "unit_id",
    "title",
    "kind",
    "situation",
    "goals",
    "method",
    "area",
    "target_groups",
    "beneficiaries",
    "implementers",
    "resources",
    "timeline",
    "starts_on",
    "ends_on",
    "expected_outputs",
    "sustainability",
    "status",
    "return_comment",
    "carried_over_from_id",
    "result",
    "result_reason",
    "result_decided_at",
    "submitted_at",
    "accepted_at",
    "created_by_id",
    "created_at",
    "updated_at",
    "version",
    "search_text",
)


def initiative_rows(w: World) -> Iterator[tuple]:
    p, units = w.plan, w.units
    first = p.first_id
    kinds = ("collective", "individual")
    # Per campaign: its id, the day its initiatives end, and when the year-end results were decided.
    campaigns = [
        (info.id, dt.date(info.year, 12, 31), _at(min(dt.date(info.year + 1, 1, 10).toordinal(), w.today - 1), 900))
        for info in w.calendar
    ]
    campaign, unit_of, kind_of, rnd, recipe, status_of, result_of = (
        p.campaign,
        p.unit,
        p.kind,
        p.rnd,
        p.recipe,
        p.status,
        p.result,
    )
    created_on, submitted_on, returned_on, resubmitted_on, accepted_on, withdrawn_on = (
        p.created,
        p.submitted,
        p.returned,
        p.resubmitted,
        p.accepted,
        p.withdrawn,
    )
    for i in range(len(p)):
        campaign_id, ends_on, decided = campaigns[campaign[i]]
        unit = units[unit_of[i]]
        kind = kind_of[i]
        r = rnd[i]
        content = content_of(recipe[i], unit, kind)
        status = status_of[i]
        result = result_of[i]
        created, submitted, returned, resubmitted, accepted, withdrawn = (
            created_on[i],
            submitted_on[i],
            returned_on[i],
            resubmitted_on[i],
            accepted_on[i],
            withdrawn_on[i],
        )
        created_at = _at(created, _minute(r, CREATED))
        if resubmitted:
            submitted_at: dt.datetime | None = _at(resubmitted, _minute(r, RESUBMITTED))
        else:
            submitted_at = _at(submitted, _minute(r, SUBMITTED)) if submitted else None
        version = 1 + (submitted > 0) + (returned > 0) + (resubmitted > 0) + (accepted > 0) + (withdrawn > 0)
        if result:
            reason = RESULT_REASONS[RESULT_VALUES[result]].format(t=_vn_cents(p.team_total[i] or p.self_total[i]))
            decided_at: dt.datetime | None = decided
            updated_at = decided
            version += 1
        else:
            reason, decided_at = "", None
            updated_at = _at(max(created, submitted, returned, resubmitted, accepted, withdrawn), _minute(r, UPDATED))
        yield (
            first + i,
            campaign_id,
            unit.id,
            content[0],  # title
            kinds[kind],
            *content[1:8],  # situation, goals, method, area, target groups, beneficiaries, implementers
            *content[8:10],  # resources, timeline
            _day(accepted or created + 20),
            ends_on,
            *content[10:12],  # expected outputs, sustainability
            STATUS_VALUES[status],
            RETURN_COMMENTS[r % len(RETURN_COMMENTS)] if status == ST_RETURNED else "",
            first + p.source[i] if p.source[i] >= 0 else None,
            RESULT_VALUES[result],
            reason,
            decided_at,
            submitted_at,
            _at(accepted, _minute(r, ACCEPTED)) if accepted else None,
            w.officer(unit),
            created_at,
            updated_at,
            version,
            content[12],
        )


def initiative_field_rows(w: World, first_id: int) -> Iterator[tuple]:
    p, units, calendar = w.plan, w.units, w.calendar
    pk = first_id
    for i in range(len(p)):
        field_ids = calendar[p.campaign[i]].field_ids
        for code in field_codes_of(p.recipe[i], units[p.unit[i]].family):
            yield (pk, p.first_id + i, field_ids[code])
            pk += 1


def indicator_rows(w: World, first_id: int) -> Iterator[tuple]:
    p, units = w.plan, w.units
    pk = first_id
    for i in range(len(p)):
        for position, (name, uom, baseline, target) in enumerate(indicators_of(p.recipe[i], units[p.unit[i]].family)):
            yield (pk, p.first_id + i, name, uom, baseline, target, position)
            pk += 1


def index_indicators(w: World, first_id: int) -> None:
    """Each initiative's first indicator id, and each indicator's target and whether it is a rate, as
    indicator_rows numbers them: what the reports' values need."""
    p, units = w.plan, w.units
    w.first_indicator_id = pk = first_id
    first, targets, rates = w.indicator_first, w.indicator_target, w.indicator_rate
    for i in range(len(p)):
        first.append(pk)
        for _name, uom, _baseline, target in indicators_of(p.recipe[i], units[p.unit[i]].family):
            targets.append(target)
            rates.append(uom == "%")
            pk += 1
    first.append(pk)


def event_rows(w: World, first_id: int) -> Iterator[tuple]:
    """The history shown on an initiative's page: created (carried over, replicated), submitted, returned,
    submitted again, accepted, withdrawn."""
    p, units, calendar = w.plan, w.units, w.calendar
    A = InitiativeEvent.Action
    pk = first_id
    admin = w.admin_id
    for i in range(len(p)):
        r = p.rnd[i]
        unit = units[p.unit[i]]
        officer = w.officer(unit)
        created = _at(p.created[i], _minute(r, CREATED))
        events: list[tuple[str, str, int | None, dt.datetime]] = [(A.CREATED, "", officer, created)]
        if p.source[i] >= 0:
            events.append((A.CARRIED_OVER, calendar[p.campaign[p.source[i]]].name, officer, created))
        elif p.original[i] >= 0:
            o = p.original[i]
            original_unit = units[p.unit[o]]
            title = content_of(p.recipe[o], original_unit, p.kind[o])[0]
            year = calendar[p.campaign[o]].year
            events.append((A.REPLICATED, f"{title} – {original_unit.name} ({year})", officer, created))
        if p.submitted[i]:
            events.append((A.SUBMITTED, "", officer, _at(p.submitted[i], _minute(r, SUBMITTED))))
        if p.returned[i]:
            comment = RETURN_COMMENTS[r % len(RETURN_COMMENTS)]
            events.append((A.RETURNED, comment, admin, _at(p.returned[i], _minute(r, RETURNED))))
        if p.resubmitted[i]:
            events.append((A.SUBMITTED, "", officer, _at(p.resubmitted[i], _minute(r, RESUBMITTED))))
        if p.accepted[i]:
            events.append((A.ACCEPTED, "", admin, _at(p.accepted[i], _minute(r, ACCEPTED))))
        if p.withdrawn[i]:
            events.append((A.WITHDRAWN, "", officer, _at(p.withdrawn[i], _minute(r, WITHDRAWN))))
        for action, comment, actor, at in events:
            yield (pk, p.first_id + i, action, comment, actor, at)
            pk += 1


def _report_periods(w: World, i: int) -> list[int]:
    """Periods an accepted initiative reports for: every period of a past campaign; in the running one, the
    periods already due and the one under way."""
    info = w.calendar[w.plan.campaign[i]]
    if info.closed:
        return list(range(len(info.periods)))
    return [k for k, (start, _end, _due) in enumerate(info.periods) if start <= w.today]


def report_rows(w: World, first_id: int) -> Iterator[tuple]:
    """Quarterly reports of accepted initiatives: most on time, some late, a few missing (more for weak ones);
    the bloc has accepted most of those sent. Remembers which initiative each report belongs to."""
    p, units, calendar = w.plan, w.units, w.calendar
    getrandbits = random.Random(f"{w.seed}-reports").getrandbits
    w.first_report_id = pk = first_id
    draft, submitted, accepted = (
        ProgressReport.Status.DRAFT,
        ProgressReport.Status.SUBMITTED,
        ProgressReport.Status.ACCEPTED,
    )
    today = w.today
    # Every text a report can have, made once: (activities: a, b), (reached: variant, c), (effect: variant, p).
    activities = [ACTIVITIES[a % len(ACTIVITIES)].format(a=a + 1, b=b + 5) for a in range(12) for b in range(296)]
    reached = [text.format(c=_vn_number(c + 20)) for text in REACHED for c in range(1981)]
    effects = [[text.format(p=60 + k) for k in range(41)] for text in EFFECTS]
    report_initiative, report_sent = w.report_initiative, w.report_sent
    for i in range(len(p)):
        if p.status[i] != ST_ACCEPTED:
            continue
        info = calendar[p.campaign[i]]
        officer = w.officer(units[p.unit[i]])
        weak = p.result[i] == R_NOT
        initiative_id = p.first_id + i
        accepted_on = p.accepted[i]
        periods = _report_periods(w, i)
        reported = False
        for k in periods:
            start, end, due = info.periods[k]
            x = getrandbits(96)
            roll = (x & 0xFFFF) / 65536
            x >>= 16
            if roll < (0.15 if weak else 0.05) and (reported or k != periods[-1] or not info.closed):
                continue  # never sent (but an initiative of a past campaign has sent at least one report)
            x, early = divmod(x, 21)
            x, late = divmod(x, 30)
            if due >= today and not info.closed:  # the period under way: a draft, or sent early
                if roll > 0.5:
                    continue
                status, sent = (draft, 0) if roll < 0.3 else (submitted, min(today - 1, end - early))
                if sent and sent < max(start, accepted_on):
                    status, sent = draft, 0
            else:
                sent = due + 1 + late if roll > (0.80 if weak else 0.88) else due - early % 15
                sent = max(sent, start + 1, accepted_on + 1)
                if sent >= today:
                    if not info.closed:
                        continue
                    sent = today - 1  # a campaign closed in the first days of January
                status = accepted if x & 7 else submitted
                x >>= 3
            x, a = divmod(x, 12)
            x, b = divmod(x, 296)
            x, c = divmod(x, 1981)
            x, d = divmod(x, 396)
            x, minute = divmod(x, 570)
            x, review = divmod(x, 15)
            submitted_at = _at(sent, 450 + minute) if sent else None
            reviewed_at = _at(min(sent + 1 + review, today - 1), 840) if status == accepted else None
            created_at = _at((sent or today - 1) - x % 6, 420)
            if submitted_at and created_at > submitted_at:
                created_at = submitted_at
            yield (
                pk,
                initiative_id,
                info.period_ids[k],
                activities[a * 296 + b],
                reached[b % len(REACHED) * 1981 + c],
                effects[c % len(EFFECTS)][c % 41],
                DIFFICULTIES[d % len(DIFFICULTIES)],
                status,
                "",
                submitted_at,
                officer if sent else None,
                reviewed_at,
                created_at,
                reviewed_at or submitted_at or created_at,
                2 if reviewed_at else 1,
            )
            report_initiative.append(i)
            report_sent.append(1 if sent else 0)
            reported = True
            pk += 1


REPORT_COLUMNS = (
    "id",
    "initiative_id",
    "period_id",
    "activities",
    "reached",
    "effect",
    "difficulties",
    "status",
    "review_comment",
    "submitted_at",
    "submitted_by_id",
    "reviewed_at",
    "created_at",
    "updated_at",
    "version",
)


def value_rows(w: World, first_id: int) -> Iterator[tuple]:
    """Each indicator's actual in each report: a quarter of the target give or take (counts add up over the
    year), or a level near the target for rates."""
    rng = random.Random(f"{w.seed}-values")
    first, targets, rates = w.indicator_first, w.indicator_target, w.indicator_rate
    base = w.first_indicator_id
    pk = first_id
    report_id = w.first_report_id
    for i, sent in zip(w.report_initiative, w.report_sent, strict=True):
        if sent:
            for ind in range(first[i], first[i + 1]):
                k = ind - base
                target = targets[k]
                if rates[k]:
                    value = min(100, round(target * rng.uniform(0.75, 1.05)))
                else:
                    value = round(target * rng.uniform(0.12, 0.4))
                yield (pk, report_id, ind, value)
                pk += 1
        report_id += 1


def assessment_rows(w: World, first_id: int) -> Iterator[tuple]:
    """The survey team's reconciled score (recorded by its leader) and the unit's self-assessment, submitted in
    November–December."""
    p, units, calendar = w.plan, w.units, w.calendar
    pk = first_id
    for i in range(len(p)):
        mode = p.assessed[i]
        if not mode:
            continue
        info = calendar[p.campaign[i]]
        r = p.rnd[i]
        day = dt.date(info.year, 11, 1).toordinal() + r % 50
        comment = ASSESSMENT_COMMENTS[RESULT_VALUES[p.result[i]]]
        unit = units[p.unit[i]]
        if mode in (A_TEAM, A_BOTH):
            at = _at(day, _minute(r, SCORED))
            province = unit.province
            yield (
                pk,
                p.first_id + i,
                "team",
                info.team_ids[province],
                w.surveyors[province],
                "submitted",
                comment,
                _cents(p.team_total[i]),
                "",
                "",
                at,
                at,
                at,
                1,
            )
            pk += 1
        if mode in (A_SELF, A_BOTH):
            at = _at(day - 10, _minute(r, SCORED))
            yield (
                pk,
                p.first_id + i,
                "self",
                None,
                w.officer(unit),
                "submitted",
                comment,
                _cents(p.self_total[i]),
                "",
                "",
                at,
                at,
                at,
                1,
            )
            pk += 1


def index_assessments(w: World, first_id: int) -> None:
    """The ids assessment_rows gives the exemplary initiatives' assessments: what the commendations rest on."""
    p = w.plan
    pk = first_id
    for i in range(len(p)):
        mode = p.assessed[i]
        if mode in (A_TEAM, A_BOTH):
            if p.result[i] == R_EXEMPLARY:
                w.assessment_ids[(i, "team")] = pk
            pk += 1
        if mode in (A_SELF, A_BOTH):
            if p.result[i] == R_EXEMPLARY:
                w.assessment_ids[(i, "self")] = pk
            pk += 1


ASSESSMENT_COLUMNS = (
    "id",
    "initiative_id",
    "kind",
    "team_id",
    "assessor_id",
    "status",
    "comment",
    "total",
    "report_file",
    "report_name",
    "submitted_at",
    "created_at",
    "updated_at",
    "version",
)


SCORE_VALUES = [Decimal(h) / 2 for h in range(2001)]


def score_rows(w: World, first_id: int, first_assessment_id: int, self_scores: bool = False) -> Iterator[tuple]:
    """Each criterion's score of the survey teams' scorings (and, with `self_scores`, of the self-assessments):
    the very scores that gave the assessment's total."""
    p, calendar = w.plan, w.calendar
    pk = first_id
    assessment = first_assessment_id
    for i in range(len(p)):
        mode = p.assessed[i]
        if not mode:
            continue
        criteria = calendar[p.campaign[i]].criteria[p.kind[i]]
        runs: list[tuple[int, int] | None] = []
        if mode in (A_TEAM, A_BOTH):
            runs.append((p.rnd[i], p.team_level[i]))
        if mode in (A_SELF, A_BOTH):
            runs.append((p.rnd[i] ^ SELF_SALT, p.self_level[i]) if self_scores else None)
        for run in runs:
            if run is not None:
                halves, _total = _scores(run[0], run[1], criteria)
                for (cid, _top, _weight), h in zip(criteria, halves, strict=True):
                    yield (pk, assessment, cid, SCORE_VALUES[h], "")
                    pk += 1
            assessment += 1


def assignment_rows(w: World, first_id: int) -> Iterator[tuple]:
    """The initiatives each province's survey team visited."""
    p, units, calendar = w.plan, w.units, w.calendar
    pk = first_id
    for i in range(len(p)):
        if p.assessed[i] in (A_TEAM, A_BOTH):
            info = calendar[p.campaign[i]]
            team = info.team_ids[units[p.unit[i]].province]
            yield (pk, team, p.first_id + i, _at(dt.date(info.year, 10, 15).toordinal(), 600))
            pk += 1


def commendation_plan(w: World) -> dict[tuple[int, int], list[int]]:
    """(campaign index, province) → the exemplary initiatives its decision honours (about 95 % of them)."""
    p, units = w.plan, w.units
    out: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i in range(len(p)):
        if p.result[i] == R_EXEMPLARY and p.rnd[i] % 20:
            out[(p.campaign[i], units[p.unit[i]].province)].append(i)
    return out


def entry_rows(w: World, decisions: dict[tuple[int, int], tuple[int, list[int]]], first_id: int) -> Iterator[tuple]:
    """One entry per honoured initiative, resting on the team's score or else the unit's own."""
    p, units, calendar = w.plan, w.units, w.calendar
    pk = first_id
    for (c, _province), (commendation_id, members) in sorted(decisions.items()):
        year = calendar[c].year
        for position, i in enumerate(members):
            unit = units[p.unit[i]]
            content = content_of(p.recipe[i], unit, p.kind[i])
            title, implementers = content[0], content[7]
            team = w.assessment_ids.get((i, "team"))
            assessment = team or w.assessment_ids.get((i, "self"))
            total = p.team_total[i] if team else p.self_total[i]
            yield (
                pk,
                commendation_id,
                p.first_id + i,
                "individual" if p.kind[i] else "collective",
                honouree_of(p.kind[i], implementers, unit),
                f"Đã có thành tích xuất sắc trong xây dựng mô hình “Dân vận khéo” “{title}” năm {year}.",
                assessment,
                _cents(total) if assessment else None,
                position,
            )
            pk += 1


def replication_rows(w: World, first_id: int) -> Iterator[tuple]:
    p, units = w.plan, w.units
    pk = first_id
    for i in range(len(p)):
        if p.original[i] >= 0:
            at = _at(p.created[i], _minute(p.rnd[i], CREATED))
            yield (pk, p.first_id + p.original[i], p.first_id + i, w.officer(units[p.unit[i]]), at)
            pk += 1


# ---- People and campaigns --------------------------------------------------------------------------------


@dataclass
class People:
    admin: Any
    leader: Any
    officers: dict[int, int]  # unit id → user id
    surveyors: dict[int, Any]  # province index → user
    province_leaders: dict[int, Any]
    password: str | None  # the shared password when DANVAN_DEMO is set


def _users(units: list[Unit], provinces: list[Province], central: Unit) -> People:
    """A national administrator and leader; per province a leader, a survey-team leader and the officers of its
    first units. One password hash for all (hashing is deliberately slow); unusable unless DANVAN_DEMO is set."""
    User = get_user_model()
    password = DEMO_PASSWORD if settings.DEMO_MODE else None
    hashed = make_password(password)
    rng = random.Random("people")
    accounts: list[tuple[str, int, str]] = [
        (NATIONAL_ADMIN, central.id, Membership.Role.ADMIN),
        (NATIONAL_LEADER, central.id, Membership.Role.LEADER),
    ]
    by_province: dict[int, list[Unit]] = defaultdict(list)
    for u in units:
        if u.kind in Organization.BASE_KINDS:
            by_province[u.province].append(u)
    for p in provinces:
        code = p.code.lower()
        accounts.append((f"lanhdao.{code}", p.unit.id, Membership.Role.LEADER))
        accounts.append((f"khaosat.{code}", p.unit.id, Membership.Role.SURVEYOR))
        bases = by_province[p.index]
        communes = [u for u in bases if u.family != 1][:2]
        # The first base organisation under each bloc committee, and the first two communes.
        firsts = [u for u in bases if u.family == 1 and u.code.endswith("-001")]
        for u in (firsts + communes)[:OFFICERS_PER_PROVINCE]:
            accounts.append((f"canbo.{u.code.lower()}", u.id, Membership.Role.OFFICER))
    users = []
    for username, _org, _role in accounts:
        middles, givens = FEMALE if rng.random() < 0.5 else MALE
        users.append(
            User(
                username=username,
                first_name=rng.choice(givens),
                last_name=f"{rng.choice(SURNAMES)} {rng.choice(middles)}",
                email=f"{username}@{EMAIL_DOMAIN}",
                password=hashed,
            )
        )
    users = User.objects.bulk_create(users)
    orgs = Organization.objects.in_bulk([org for _n, org, _r in accounts])
    for user, (_n, org, role) in zip(users, accounts, strict=True):
        membership_grant(user=user, organization=orgs[org], role=role, by=None)
    by_name = {u.username: u for u in users}
    return People(
        admin=by_name[NATIONAL_ADMIN],
        leader=by_name[NATIONAL_LEADER],
        officers={org: by_name[n].pk for n, org, role in accounts if role == Membership.Role.OFFICER},
        surveyors={p.index: by_name[f"khaosat.{p.code.lower()}"] for p in provinces},
        province_leaders={p.index: by_name[f"lanhdao.{p.code.lower()}"] for p in provinces},
        password=password,
    )


def _campaigns(calendar: list[CampaignInfo], plan: Plan, central: Unit, people: People, provinces: list[Province]):
    """Yearly campaigns launched by the central node through the services (fields, periods, default rubric);
    past ones get a survey team per province and are closed."""
    central_org = Organization.objects.get(pk=central.id)
    previous = None
    for info in calendar:
        year = info.year
        phase = 2016 + 5 * ((year - 2016) // 5)
        opens = dt.date.fromordinal(info.opens)
        campaign = campaign_create(
            organization=central_org,
            by=people.admin,
            name=f"Phong trào thi đua “Dân vận khéo” năm {year}",
            year=year,
            phase=f"{phase}–{phase + 4}",
            launch_document_number=f"{100 + year % 100 * 3}-CV/BDVTW",
            launch_document_date=opens - dt.timedelta(days=5),
            registration_opens=opens,
            registration_closes=dt.date.fromordinal(info.closes),
            quota_min=1,
            quota_max=max(3, plan.quota.get(info.index, 0)),
            previous=previous,
            fields=[name for _code, name in data.FIELDS],
            periods=[
                {
                    "name": f"Quý {q + 1}/{year}",
                    "starts_on": dt.date.fromordinal(start),
                    "ends_on": dt.date.fromordinal(end),
                    "due_on": dt.date.fromordinal(due),
                }
                for q, (start, end, due) in enumerate(info.periods)
            ],
        )
        for code, name in data.FIELDS:
            Field.objects.filter(campaign=campaign, name=name).update(code=code)
        launched = dt.datetime.combine(opens - dt.timedelta(days=5), dt.time(14), tzinfo=VN)
        campaign_launch(campaign=campaign, by=people.admin, notify=False, at=launched)
        info.id, info.name = campaign.pk, campaign.name
        info.period_ids = list(campaign.periods.order_by("starts_on").values_list("pk", flat=True))
        info.field_ids = dict(campaign.fields.values_list("code", "pk"))
        criteria = Criterion.objects.filter(rubric__campaign=campaign).order_by("position", "id")
        info.criteria = [
            [(c.pk, c.max_score, int(c.weight * 100)) for c in criteria if c.applies_to == kind]
            for kind in (Criterion.AppliesTo.COLLECTIVE, Criterion.AppliesTo.INDIVIDUAL)
        ]
        if [[c[1:] for c in k] for k in info.criteria] != [[c[1:] for c in k] for k in DEFAULT_CRITERIA]:
            raise RuntimeError("the default rubric changed: the planned totals no longer match it")
        if info.closed:
            # One survey team a province, led by its survey leader (bulk: 34 a year, nothing to check).
            teams = SurveyTeam.objects.bulk_create(
                [SurveyTeam(campaign=campaign, name=f"Đoàn khảo sát {p.committee} năm {year}") for p in provinces]
            )
            TeamMember.objects.bulk_create(
                [
                    TeamMember(team=team, user=people.surveyors[p.index], is_leader=True)
                    for team, p in zip(teams, provinces, strict=True)
                ]
            )
            info.team_ids = {p.index: team.pk for team, p in zip(teams, provinces, strict=True)}
            campaign_close(campaign=campaign, by=people.admin)
        previous = campaign


def _commendations(w: World, people: People, provinces: list[Province]) -> dict[tuple[int, int], tuple[int, list[int]]]:
    """One decision per province and past year (Bằng khen of the province's standing committee, numbered so that
    no number repeats within the province), listing that year's exemplary initiatives of the province."""
    planned = commendation_plan(w)
    keys = sorted(planned)
    rows = []
    rng = random.Random(f"{w.seed}-commendations")
    for c, province in keys:
        year = w.calendar[c].year
        p = provinces[province]
        number = f"{50 + 7 * c + rng.randint(0, 6)}-QĐ/TU"
        middles, givens = MALE
        rows.append(
            Commendation(
                campaign_id=w.calendar[c].id,
                issuing_org_id=p.unit.id,
                number=number,
                number_key=number_key(number),
                issued_on=min(dt.date(year + 1, 1, 15 + rng.randint(0, 10)), dt.date.fromordinal(w.today)),
                issuer=f"Ban Thường vụ {p.committee}",
                form=Commendation.Form.MERIT,
                title=f"Về việc khen thưởng tập thể, cá nhân có mô hình “Dân vận khéo” tiêu biểu năm {year}",
                signer_name=f"{rng.choice(SURNAMES)} {rng.choice(middles)} {rng.choice(givens)}",
                signer_title=f"Phó Bí thư Thường trực {p.committee}",
                created_by=people.admin,
            )
        )
    created = Commendation.objects.bulk_create(rows, batch_size=500)
    return {key: (obj.pk, planned[key]) for key, obj in zip(keys, created, strict=True)}


# ---- The whole -------------------------------------------------------------------------------------------


@dataclass
class Step:
    """One bulk table: its model, the columns in the order its rows give them, and how to make the rows."""

    model: type[models.Model]
    columns: tuple[str, ...]
    rows: Callable[[World, dict], Iterable[Sequence]]

    @property
    def table(self) -> str:
        return self.model._meta.db_table


def _values(w: World, ids: dict) -> Iterator[tuple]:
    if not w.indicator_first:
        index_indicators(w, ids[Indicator])
    return value_rows(w, ids[IndicatorValue])


def _entries(w: World, ids: dict) -> Iterator[tuple]:
    if not w.assessment_ids:
        index_assessments(w, ids[Assessment])
    return entry_rows(w, ids["decisions"], ids[CommendationEntry])


# The bulk tables in two jobs of about equal work, which PostgreSQL loads side by side; within a job, in order
# (the reports come before their values).
JOBS = [
    [
        Step(Initiative, INITIATIVE_COLUMNS, lambda w, ids: initiative_rows(w)),
        Step(
            Initiative.fields.through,
            ("id", "initiative_id", "field_id"),
            lambda w, ids: initiative_field_rows(w, ids[Initiative.fields.through]),
        ),
        Step(
            Indicator,
            ("id", "initiative_id", "name", "unit_of_measure", "baseline", "target", "position"),
            lambda w, ids: indicator_rows(w, ids[Indicator]),
        ),
        Step(
            InitiativeEvent,
            ("id", "initiative_id", "action", "comment", "actor_id", "at"),
            lambda w, ids: event_rows(w, ids[InitiativeEvent]),
        ),
        Step(
            Assignment,
            ("id", "team_id", "initiative_id", "created_at"),
            lambda w, ids: assignment_rows(w, ids[Assignment]),
        ),
        Step(Assessment, ASSESSMENT_COLUMNS, lambda w, ids: assessment_rows(w, ids[Assessment])),
        Step(
            Replication,
            ("id", "original_id", "copy_id", "created_by_id", "created_at"),
            lambda w, ids: replication_rows(w, ids[Replication]),
        ),
    ],
    [
        Step(ProgressReport, REPORT_COLUMNS, lambda w, ids: report_rows(w, ids[ProgressReport])),
        Step(IndicatorValue, ("id", "report_id", "indicator_id", "value"), _values),
        Step(
            Score,
            ("id", "assessment_id", "criterion_id", "value", "note"),
            lambda w, ids: score_rows(w, ids[Score], ids[Assessment], ids["self_scores"]),
        ),
        Step(
            CommendationEntry,
            (
                "id",
                "commendation_id",
                "initiative_id",
                "honouree_kind",
                "honouree",
                "citation",
                "assessment_id",
                "total_at_decision",
                "position",
            ),
            _entries,
        ),
    ],
]


class LoadFailed(RuntimeError):
    """A loading process failed after the tree, people and campaigns were committed (the bulk tables are empty)."""


@dataclass
class Result:
    counts: dict[str, int]
    seconds: float
    admin: str
    province_leaders: list[tuple[str, str, int]]  # (username, province committee, province id)
    password: str | None


def generate(
    *,
    initiatives: int,
    seed: int = 2025,
    years: int = 10,
    self_scores: bool = False,
    say: Callable[[str], None] = lambda _m: None,
    today: dt.date | None = None,
) -> Result:
    """Build the national data set. The database must hold no organisation yet.

    On PostgreSQL, outside any transaction: the tree, people, campaigns and commendation decisions in one
    transaction, then the bulk tables by two processes side by side (each one transaction), with their indexes
    and constraints dropped before and rebuilt after; if a process fails, the bulk tables are emptied again.
    Elsewhere (SQLite, or inside a transaction such as a test's), everything in one transaction."""
    if initiatives < 1 or years < 1:
        raise ValueError("initiatives and years must be positive")
    if Organization.objects.exists():
        raise RuntimeError("the database already has organisations")
    today = today or timezone.localdate()
    # Millions of small objects and no reference cycles: the cyclic collector would only rescan them again and again.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _generate(initiatives, seed, years, self_scores, say, today)
    finally:
        if collecting:
            gc.enable()


def _generate(
    initiatives: int, seed: int, years: int, self_scores: bool, say: Callable[[str], None], today: dt.date
) -> Result:
    started = time.monotonic()
    writer = BulkWriter(say)
    side_by_side = writer.postgres and not connection.in_atomic_block
    with transaction.atomic():
        units, provinces = build_tree(initiatives, seed, writer.next_id(Organization))
        writer.write(Organization, ORGANIZATION_COLUMNS, organization_rows(units))
        central = units[0]
        people = _users(units, provinces, central)
        calendar = campaign_calendar(years, today)
        step = time.monotonic()
        plan = plan_initiatives(units, calendar, initiatives, seed, today)
        say(f"  {'(kế hoạch mô hình)':<42} {len(plan):>11,} mô hình {time.monotonic() - step:5.1f} giây")
        step = time.monotonic()
        _campaigns(calendar, plan, central, people, provinces)
        seconds = time.monotonic() - step
        say(f"  {'(đợt phát động, đoàn khảo sát: qua services)':<42} {len(calendar):>11,} đợt {seconds:8.1f} giây")
        plan.first_id = writer.next_id(Initiative)
        w = World(
            units=units,
            provinces=provinces,
            calendar=calendar,
            plan=plan,
            admin_id=people.admin.pk,
            officers=people.officers,
            surveyors={k: u.pk for k, u in people.surveyors.items()},
            today=today.toordinal(),
            seed=seed,
        )
        ids: dict = {step.model: writer.next_id(step.model) for job in JOBS for step in job}
        ids["self_scores"] = self_scores
        ids["decisions"] = _commendations(w, people, provinces)
        writer.counts[Commendation._meta.db_table] = len(ids["decisions"])
        if not side_by_side:
            for job in JOBS:
                for s in job:
                    writer.write(s.model, s.columns, s.rows(w, ids))
    if not side_by_side:
        _derived(writer, say)
    else:
        counts, search_index = _load_side_by_side(w, ids, say)
        writer.counts.update(counts)
        # The search text's trigram index builds meanwhile: nothing derived reads it.
        try:
            _derived(writer, say)
        finally:
            step = time.monotonic()
            search_index.join()
            if search_index.error is not None:
                raise search_index.error
            say(f"  {'(chỉ mục tìm kiếm: chờ dựng xong)':<42} {time.monotonic() - step:20.1f} giây")
    return Result(
        counts=writer.counts,
        seconds=time.monotonic() - started,
        admin=NATIONAL_ADMIN,
        province_leaders=[(people.province_leaders[p.index].username, p.committee, p.unit.id) for p in provinces],
        password=people.password,
    )


def _derived(writer: BulkWriter, say: Callable[[str], None]) -> None:
    """What the application derives from the loaded rows and keeps up to date itself afterwards: the texts'
    fingerprints for the near-duplicate check (recognition.fingerprints) and the dashboards' stored counts
    (insights.tally)."""
    from danvan.insights.models import Tally
    from danvan.insights.tally import rebuild
    from danvan.recognition import fingerprints

    started = time.monotonic()
    fingerprints.rebuild()
    say(f"  {'(dấu vân văn bản: so trùng lặp)':<42} {time.monotonic() - started:20.1f} giây")
    started = time.monotonic()
    rebuild(processes=2)
    rows = writer.counts[Tally._meta.db_table] = Tally.objects.count()
    say(f"  {'(số liệu tổng hợp lưu sẵn)':<42} {rows:>11,} dòng {time.monotonic() - started:8.1f} giây")


class _Background(threading.Thread):
    """Statements run one after the other on a connection of their own while the generator goes on; `error` is
    what stopped them, if anything."""

    def __init__(self, statements: list[str], say: Callable[[str], None] | None):
        super().__init__(daemon=True)
        self.statements, self.say = statements, say
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            run_in_parallel(self.statements, workers=1, say=self.say)
        except BaseException as exc:
            self.error = exc


def _load_side_by_side(w: World, ids: dict, say: Callable[[str], None]) -> tuple[dict[str, int], _Background]:
    """PostgreSQL: drop the bulk tables' secondary indexes and constraints (the manual's advice for loading),
    load the two jobs in two processes at once, rebuild the indexes then the foreign keys on two connections at
    once, move the sequences on, and ANALYZE. The trigram index of the search text (as long to build as all the
    rest) is left building in the background, once the rest is done: the caller joins it. (Its SHARE lock would
    hold up adding a foreign key to the initiatives and ANALYZE of them: those come first.)"""
    steps = [s for job in JOBS for s in job]
    tables = [s.table for s in steps]
    debug = say if DEBUG else None
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {quote(table)})")
            if cursor.fetchone()[0]:
                raise RuntimeError(f"{table} is not empty")
        drops, named_builds, named_keys = secondary(cursor, tables)
        builds = [statement for _name, statement in named_builds]
        keys = [statement for _name, statement in named_keys]
        with transaction.atomic():
            for statement in drops:
                cursor.execute(statement)
    # The processes get connections of their own: this one must not be shared with them.
    connection.close()
    context = multiprocessing.get_context("fork")
    results = context.SimpleQueue()
    processes = [context.Process(target=_load_job, args=(job, w, ids, say, results)) for job in JOBS]
    counts: dict[str, int] = {}
    failed = True
    try:
        for process in processes:
            process.start()
        for process in processes:
            process.join()
        failed = any(process.exitcode != 0 for process in processes)
        while not results.empty():
            counts.update(results.get())
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()
                process.join()
        if failed:
            with connection.cursor() as cursor:
                cursor.execute(f"TRUNCATE {', '.join(quote(t) for t in tables)}")
        started = time.monotonic()
        search = [sql for sql in builds if " USING gin " in sql]
        if failed:  # the tables are empty again: everything is back at once
            run_in_parallel(search, say=debug)
        # The biggest tables first, so that the two connections finish together.
        run_in_parallel(
            sorted((sql for sql in builds if sql not in search), key=lambda sql: -counts.get(_table_of(sql), 0)),
            say=debug,
        )
        run_in_parallel(sorted(keys, key=lambda sql: -counts.get(_table_of(sql), 0)), say=debug)
        reset_sequences([s.model for s in steps])
        seconds = time.monotonic() - started
        say(f"  {'(chỉ mục, ràng buộc: dựng lại)':<42} {len(builds) + len(keys):>11,} lệnh {seconds:7.1f} giây")
    if failed:
        raise LoadFailed("một tiến trình nạp dữ liệu bị lỗi (xem ở trên); các bảng lớn đã được làm trống")
    started = time.monotonic()
    analyze = [f"ANALYZE {quote(t)}" for t in connection.introspection.table_names()]
    run_in_parallel(sorted(analyze, key=lambda sql: -counts.get(_table_of(sql), 0)), say=debug)
    say(f"  {'ANALYZE':<42} {'':>11} {time.monotonic() - started:13.1f} giây")
    search_index = _Background(search, debug)
    search_index.start()
    return counts, search_index


_TABLE = re.compile(r'^(?:ALTER TABLE|ANALYZE) "?(\w+)"?| ON (?:ONLY )?(?:\w+\.)?"?(\w+)"? USING ')


def _table_of(statement: str) -> str:
    """The table an ALTER TABLE, ANALYZE or CREATE INDEX statement works on."""
    match = _TABLE.search(statement)
    return (match.group(1) or match.group(2)) if match else ""


def _load_job(job: list[Step], w: World, ids: dict, say: Callable[[str], None], results) -> None:
    """One loading process (forked, with the plan in its memory): its tables in one transaction."""

    def say_now(message: str) -> None:
        say(message)
        sys.stdout.flush()

    own_connection()
    writer = BulkWriter(say_now, freeze=True)
    try:
        with transaction.atomic():
            for step in job:
                writer.write(step.model, step.columns, step.rows(w, ids))
        results.put(writer.counts)
    finally:
        connection.close()
