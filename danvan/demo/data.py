"""Dữ liệu mẫu (demo) tái hiện phong trào "Dân vận khéo" của Đảng bộ Khối các cơ quan thành phố Hải Phòng.

Nguồn: bài "Xây dựng mô hình “Dân vận khéo” tại Đảng bộ Khối các cơ quan thành phố: Hiệu quả cao từ cách
làm sát thực tế" (Báo Hải Phòng, 09/05/2018). Các con số của bài báo được giữ nguyên: 65 cấp ủy cơ sở;
tháng 4/2017 có 42/65 cấp ủy cơ sở đăng ký 110 mô hình (74 tập thể, 36 cá nhân); mô hình "Trợ giúp pháp lý
miễn phí cho người nghèo, đối tượng chính sách trên địa bàn thành phố Hải Phòng" của Chi bộ Trung tâm Trợ
giúp pháp lý nhà nước thành phố.

Tên đơn vị, con người và nội dung chi tiết của từng mô hình là dữ liệu minh họa, được soạn cho phù hợp với
thực tế các cơ quan cấp thành phố, không phải danh sách chính thức.

Mô-đun chỉ chứa dữ liệu thuần (không truy cập cơ sở dữ liệu); trình nạp dữ liệu đọc các tên sau:
BLOC, PARTNER, FIELDS, UNITS, CELLS, INITIATIVES_2017, INITIATIVES_2018.
"""

__all__ = [
    "BLOC",
    "PARTNER",
    "FIELDS",
    "UNITS",
    "CELLS",
    "INITIATIVES_2017",
    "INITIATIVES_2018",
]

BLOC = ("DUK-HP", "Đảng bộ Khối các cơ quan thành phố Hải Phòng")
PARTNER = ("BDV-TU", "Ban Dân vận Thành ủy Hải Phòng")

# Chín lĩnh vực xây dựng mô hình nêu trong bài báo.
FIELDS = [
    ("XDD", "Xây dựng Đảng"),
    ("XDCQ", "Xây dựng chính quyền"),
    ("XDDT", "Xây dựng đoàn thể"),
    ("KTXH", "Phát triển kinh tế - xã hội"),
    ("CCHC", "Cải cách hành chính"),
    ("ASXH", "An sinh xã hội"),
    ("NTM", "Xây dựng nông thôn mới"),
    ("QCDC", "Thực hiện quy chế dân chủ cơ quan"),
    ("CQVH", "Xây dựng cơ quan văn hóa"),
]

# 65 tổ chức cơ sở đảng trực thuộc Đảng ủy Khối: (mã, tên, loại).
UNITS = [
    # Các sở, ban, ngành và cơ quan nhà nước cấp thành phố
    ("DB-STP", "Đảng bộ Sở Tư pháp", "base_committee"),
    ("DB-STC", "Đảng bộ Sở Tài chính", "base_committee"),
    ("DB-SKHDT", "Đảng bộ Sở Kế hoạch và Đầu tư", "base_committee"),
    ("DB-SNV", "Đảng bộ Sở Nội vụ", "base_committee"),
    ("DB-SYT", "Đảng bộ Sở Y tế", "base_committee"),
    ("DB-SGDDT", "Đảng bộ Sở Giáo dục và Đào tạo", "base_committee"),
    ("DB-SLDTBXH", "Đảng bộ Sở Lao động - Thương binh và Xã hội", "base_committee"),
    ("DB-STNMT", "Đảng bộ Sở Tài nguyên và Môi trường", "base_committee"),
    ("DB-SXD", "Đảng bộ Sở Xây dựng", "base_committee"),
    ("DB-SGTVT", "Đảng bộ Sở Giao thông vận tải", "base_committee"),
    ("DB-SCT", "Đảng bộ Sở Công Thương", "base_committee"),
    ("DB-SNNPTNT", "Đảng bộ Sở Nông nghiệp và Phát triển nông thôn", "base_committee"),
    ("DB-SVHTT", "Đảng bộ Sở Văn hóa và Thể thao", "base_committee"),
    ("DB-STTTT", "Đảng bộ Sở Thông tin và Truyền thông", "base_committee"),
    ("DB-SKHCN", "Đảng bộ Sở Khoa học và Công nghệ", "base_committee"),
    ("DB-VPUB", "Đảng bộ Văn phòng Ủy ban nhân dân thành phố", "base_committee"),
    ("DB-BQLKKT", "Đảng bộ Ban Quản lý Khu kinh tế Hải Phòng", "base_committee"),
    ("CB-SNGV", "Chi bộ Sở Ngoại vụ", "base_cell"),
    ("CB-SDL", "Chi bộ Sở Du lịch", "base_cell"),
    ("CB-TTTP", "Chi bộ Thanh tra thành phố", "base_cell"),
    ("CB-VPHDND", "Chi bộ Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân thành phố", "base_cell"),
    (
        "CB-BQLDADD",
        "Chi bộ Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp thành phố",
        "base_cell",
    ),
    (
        "CB-BQLDAGT",
        "Chi bộ Ban Quản lý dự án đầu tư xây dựng các công trình giao thông thành phố",
        "base_cell",
    ),
    ("CB-QDTPT", "Chi bộ Quỹ Đầu tư phát triển thành phố", "base_cell"),
    ("CB-VNCPT", "Chi bộ Viện Nghiên cứu phát triển Hải Phòng", "base_cell"),
    # Các cơ quan Trung ương đóng trên địa bàn, cơ quan tư pháp
    ("DB-CT", "Đảng bộ Cục Thuế thành phố Hải Phòng", "base_committee"),
    ("DB-CHQ", "Đảng bộ Cục Hải quan thành phố Hải Phòng", "base_committee"),
    ("DB-KBNN", "Đảng bộ Kho bạc Nhà nước Hải Phòng", "base_committee"),
    ("DB-BHXH", "Đảng bộ Bảo hiểm xã hội thành phố Hải Phòng", "base_committee"),
    ("DB-CTK", "Đảng bộ Cục Thống kê", "base_committee"),
    ("DB-NHNN", "Đảng bộ Ngân hàng Nhà nước Chi nhánh thành phố Hải Phòng", "base_committee"),
    ("DB-NHCSXH", "Đảng bộ Ngân hàng Chính sách xã hội Chi nhánh thành phố Hải Phòng", "base_committee"),
    ("DB-CTHADS", "Đảng bộ Cục Thi hành án dân sự thành phố Hải Phòng", "base_committee"),
    ("DB-TAND", "Đảng bộ Tòa án nhân dân thành phố Hải Phòng", "base_committee"),
    ("DB-VKSND", "Đảng bộ Viện Kiểm sát nhân dân thành phố Hải Phòng", "base_committee"),
    ("DB-CVHH", "Đảng bộ Cảng vụ Hàng hải Hải Phòng", "base_committee"),
    ("CB-CVDTND", "Chi bộ Cảng vụ Đường thủy nội địa Hải Phòng", "base_cell"),
    ("CB-DKTTV", "Chi bộ Đài Khí tượng Thủy văn khu vực Đông Bắc", "base_cell"),
    # Báo chí, xuất bản
    ("DB-DPTTH", "Đảng bộ Đài Phát thanh và Truyền hình Hải Phòng", "base_committee"),
    ("DB-BHP", "Đảng bộ Báo Hải Phòng", "base_committee"),
    ("CB-NXB", "Chi bộ Nhà xuất bản Hải Phòng", "base_cell"),
    # Bệnh viện
    ("DB-BVVT", "Đảng bộ Bệnh viện Hữu nghị Việt Tiệp", "base_committee"),
    ("DB-BVTE", "Đảng bộ Bệnh viện Trẻ em Hải Phòng", "base_committee"),
    ("DB-BVPS", "Đảng bộ Bệnh viện Phụ sản Hải Phòng", "base_committee"),
    ("DB-BVKA", "Đảng bộ Bệnh viện Kiến An", "base_committee"),
    ("CB-BVYHCT", "Chi bộ Bệnh viện Y học cổ truyền Hải Phòng", "base_cell"),
    ("CB-BVM", "Chi bộ Bệnh viện Mắt Hải Phòng", "base_cell"),
    ("CB-BVPHCN", "Chi bộ Bệnh viện Phục hồi chức năng Hải Phòng", "base_cell"),
    # Trường đại học, cao đẳng, trường chính trị
    ("DB-DHHP", "Đảng bộ Trường Đại học Hải Phòng", "base_committee"),
    ("DB-DHYD", "Đảng bộ Trường Đại học Y Dược Hải Phòng", "base_committee"),
    ("DB-TCTTH", "Đảng bộ Trường Chính trị Tô Hiệu", "base_committee"),
    ("DB-CDYT", "Đảng bộ Trường Cao đẳng Y tế Hải Phòng", "base_committee"),
    ("DB-CDN", "Đảng bộ Trường Cao đẳng Nghề Hải Phòng", "base_committee"),
    ("DB-CDCD", "Đảng bộ Trường Cao đẳng Cộng đồng Hải Phòng", "base_committee"),
    # Mặt trận Tổ quốc, các đoàn thể và hội
    ("CB-MTTQ", "Chi bộ cơ quan Ủy ban Mặt trận Tổ quốc Việt Nam thành phố", "base_cell"),
    ("CB-LDLD", "Chi bộ cơ quan Liên đoàn Lao động thành phố", "base_cell"),
    ("CB-TD", "Chi bộ cơ quan Thành đoàn Hải Phòng", "base_cell"),
    ("CB-HLHPN", "Chi bộ cơ quan Hội Liên hiệp Phụ nữ thành phố", "base_cell"),
    ("CB-HND", "Chi bộ cơ quan Hội Nông dân thành phố", "base_cell"),
    ("CB-HCCB", "Chi bộ cơ quan Hội Cựu chiến binh thành phố", "base_cell"),
    ("CB-HCTD", "Chi bộ cơ quan Hội Chữ thập đỏ thành phố", "base_cell"),
    ("CB-LMHTX", "Chi bộ Liên minh Hợp tác xã thành phố", "base_cell"),
    ("CB-LHHKHKT", "Chi bộ Liên hiệp các Hội Khoa học và Kỹ thuật thành phố", "base_cell"),
    ("CB-LHVHNT", "Chi bộ Liên hiệp các Hội Văn học nghệ thuật thành phố", "base_cell"),
    ("CB-LHTCHN", "Chi bộ Liên hiệp các tổ chức hữu nghị thành phố", "base_cell"),
]

# Chi bộ trực thuộc đảng bộ cơ sở: (mã, tên, mã đảng bộ cơ sở cấp trên).
CELLS = [
    ("CB-TGPL", "Chi bộ Trung tâm Trợ giúp pháp lý nhà nước thành phố", "DB-STP"),
    ("CB-CC1", "Chi bộ Phòng Công chứng số 1", "DB-STP"),
    ("CB-TTYTDP", "Chi bộ Trung tâm Y tế dự phòng thành phố", "DB-SYT"),
    ("CB-CCDS", "Chi bộ Chi cục Dân số - Kế hoạch hóa gia đình", "DB-SYT"),
    ("CB-TTCTXH", "Chi bộ Trung tâm Công tác xã hội thành phố", "DB-SLDTBXH"),
    ("CB-TTDVVL", "Chi bộ Trung tâm Dịch vụ việc làm Hải Phòng", "DB-SLDTBXH"),
    ("CB-PTHU", "Chi bộ Phòng Quản lý thu", "DB-BHXH"),
    ("CB-KSC", "Chi bộ Phòng Kiểm soát chi ngân sách nhà nước", "DB-KBNN"),
    ("CB-BTCD", "Chi bộ Ban Tiếp công dân thành phố", "DB-VPUB"),
    ("CB-KSTTHC", "Chi bộ Phòng Kiểm soát thủ tục hành chính", "DB-VPUB"),
    ("CB-VPDKDD", "Chi bộ Văn phòng Đăng ký đất đai thành phố", "DB-STNMT"),
    ("CB-CCBVMT", "Chi bộ Chi cục Bảo vệ môi trường", "DB-STNMT"),
    ("CB-CCPTNT", "Chi bộ Chi cục Phát triển nông thôn", "DB-SNNPTNT"),
    ("CB-CCTL", "Chi bộ Chi cục Thủy lợi", "DB-SNNPTNT"),
    ("CB-TTHT", "Chi bộ Phòng Tuyên truyền - Hỗ trợ người nộp thuế", "DB-CT"),
    ("CB-TKTH", "Chi bộ Phòng Thống kê Tổng hợp", "DB-CTK"),
    ("CB-BTDKT", "Chi bộ Ban Thi đua - Khen thưởng thành phố", "DB-SNV"),
    ("CB-TTGT", "Chi bộ Thanh tra Sở Giao thông vận tải", "DB-SGTVT"),
    ("CB-CCQLTT", "Chi bộ Chi cục Quản lý thị trường", "DB-SCT"),
    ("CB-BTHP", "Chi bộ Bảo tàng Hải Phòng", "DB-SVHTT"),
    ("CB-DKKD", "Chi bộ Phòng Đăng ký kinh doanh", "DB-SKHDT"),
    ("CB-VTCC", "Chi bộ Khoa Cấp cứu", "DB-BVVT"),
]

_COL = "collective"
_IND = "individual"


def _m(unit, kind, title, fields, situation, goal, method, target_groups, beneficiaries, indicators, **extra):
    """Một mô hình ở dạng thô; các trường còn lại được bổ sung trong _finalize()."""
    return {
        "unit": unit,
        "kind": kind,
        "title": title,
        "fields": list(fields),
        "situation": situation,
        "goal": goal,
        "method": method,
        "target_groups": target_groups,
        "beneficiaries": beneficiaries,
        "indicators": [tuple(x) for x in indicators],
        **extra,
    }


_RAW_2017 = [
    # --- Đảng bộ Sở Tư pháp (5 mô hình, trong đó 3 của chi bộ trực thuộc) ---
    _m(
        "CB-TGPL",
        _COL,
        "Trợ giúp pháp lý miễn phí cho người nghèo, đối tượng chính sách trên địa bàn thành phố Hải Phòng",
        ["ASXH", "XDCQ"],
        "Nhiều người nghèo, người có công với cách mạng, người khuyết tật trên địa bàn thành phố còn hạn "
        "chế hiểu biết pháp luật, không có điều kiện thuê luật sư khi có tranh chấp hoặc tham gia tố tụng.",
        "Bảo đảm người thuộc diện trợ giúp pháp lý được tiếp cận dịch vụ luật sư, tư vấn pháp luật kịp "
        "thời, miễn phí, đúng quy định",
        "Tiếp nhận yêu cầu tại trụ sở và qua đường dây nóng; tổ chức trợ giúp pháp lý lưu động tại xã, "
        "phường; cử trợ giúp viên pháp lý, luật sư tham gia tố tụng bảo vệ quyền lợi cho người được trợ "
        "giúp.",
        "Người nghèo, đối tượng chính sách và cán bộ cơ sở tại các xã, phường, thị trấn của thành phố",
        "Người nghèo, người có công với cách mạng, trẻ em, người khuyết tật, người không có điều kiện kinh "
        "tế thuộc diện trợ giúp pháp lý",
        [
            ("Số người được trợ giúp pháp lý miễn phí", "người", 800),
            ("Số đợt trợ giúp pháp lý lưu động tại cơ sở", "đợt", 24),
            ("Số vụ việc trợ giúp viên, luật sư tham gia tố tụng", "vụ việc", 120),
        ],
        area="Trụ sở Trung tâm và 15 quận, huyện của thành phố Hải Phòng",
        implementers=(
            "Chi bộ và tập thể viên chức Trung tâm Trợ giúp pháp lý nhà nước thành phố: đồng chí Đào Thị "
            "Mai, Bí thư Chi bộ, Giám đốc Trung tâm chỉ đạo chung; trợ giúp viên pháp lý, luật sư cộng tác "
            "viên trực tiếp tư vấn, tham gia tố tụng; các chi nhánh phối hợp với xã, phường tổ chức trợ "
            "giúp lưu động"
        ),
        resources=(
            "Ngân sách nhà nước cấp cho hoạt động trợ giúp pháp lý; khoảng 300 ngày công của trợ giúp viên "
            "pháp lý, luật sư cộng tác viên"
        ),
    ),
    _m(
        "CB-TGPL",
        _IND,
        "Trợ giúp viên pháp lý tận tâm đồng hành cùng người khuyết tật, trẻ em có hoàn cảnh đặc biệt trong "
        "các vụ án hình sự",
        ["ASXH"],
        "Người khuyết tật, trẻ em là bị hại hoặc người bị buộc tội thường lúng túng khi tham gia tố tụng, "
        "gia đình ít hiểu biết pháp luật.",
        "Bảo vệ kịp thời quyền, lợi ích hợp pháp của người khuyết tật, trẻ em có hoàn cảnh đặc biệt khi "
        "tham gia tố tụng",
        "Chủ động phối hợp với cơ quan tiến hành tố tụng để nhận vụ việc; gặp gỡ, động viên gia đình, "
        "hướng dẫn thủ tục; tham gia bào chữa, bảo vệ quyền lợi tại phiên tòa.",
        "Người khuyết tật, trẻ em có hoàn cảnh đặc biệt và gia đình của họ",
        "Người khuyết tật, trẻ em là bị hại hoặc người bị buộc tội thuộc diện được trợ giúp pháp lý",
        [("Số vụ việc trực tiếp tham gia tố tụng", "vụ việc", 30)],
        person="Đồng chí Vũ Văn Hùng, Trợ giúp viên pháp lý",
    ),
    _m(
        "CB-CC1",
        _COL,
        "Công chứng viên tận tình, đúng hẹn, đến tận nhà phục vụ người già yếu, người khuyết tật",
        ["CCHC"],
        "Nhiều người cao tuổi, ốm đau, khuyết tật cần công chứng di chúc, hợp đồng nhưng không thể đi lại.",
        "Giải quyết đúng hẹn các yêu cầu công chứng, không để người dân phải đi lại nhiều lần",
        "Niêm yết công khai thủ tục, phí công chứng; hướng dẫn một lần đầy đủ; bố trí công chứng viên đến "
        "tận nhà hoặc bệnh viện để công chứng cho người không thể đi lại.",
        "Công chứng viên, nhân viên Phòng Công chứng số 1 và người dân đến yêu cầu công chứng",
        "Người dân có yêu cầu công chứng, đặc biệt là người cao tuổi, người khuyết tật, người bệnh",
        [
            ("Tỷ lệ hồ sơ công chứng giải quyết đúng hẹn", "%", 100),
            ("Số lượt công chứng ngoài trụ sở cho người già yếu, khuyết tật", "lượt", 150),
        ],
        area="Trụ sở Phòng Công chứng số 1 và nơi ở, nơi điều trị của người có yêu cầu công chứng",
    ),
    _m(
        "DB-STP",
        _COL,
        "Cán bộ tư pháp thành phố đồng hành cùng cơ sở xây dựng xã, phường đạt chuẩn tiếp cận pháp luật",
        ["XDCQ", "NTM"],
        "Một số xã, phường còn lúng túng trong triển khai tiêu chí tiếp cận pháp luật, đội ngũ hòa giải "
        "viên ở cơ sở còn thiếu kỹ năng.",
        "Giúp các xã, phường, thị trấn đạt chuẩn tiếp cận pháp luật, nâng cao hiệu quả hòa giải ở cơ sở",
        "Phân công mỗi phòng chuyên môn phụ trách một số địa bàn; tổ chức tập huấn cho công chức tư pháp - "
        "hộ tịch, hòa giải viên; hướng dẫn hoàn thiện hồ sơ đánh giá tiêu chí.",
        "Công chức tư pháp - hộ tịch, hòa giải viên, tuyên truyền viên pháp luật cấp xã",
        "Người dân các xã, phường, thị trấn trên địa bàn thành phố",
        [
            ("Số lớp tập huấn cho hòa giải viên cơ sở", "lớp", 15),
            ("Tỷ lệ xã, phường, thị trấn đạt chuẩn tiếp cận pháp luật", "%", 85),
        ],
    ),
    _m(
        "DB-STP",
        _IND,
        "Một cửa tận tâm, hướng dẫn một lần trong giải quyết hồ sơ cấp phiếu lý lịch tư pháp",
        ["CCHC"],
        "Số hồ sơ đề nghị cấp phiếu lý lịch tư pháp tăng nhanh; nhiều người dân, người lao động chuẩn bị "
        "đi làm việc ở nước ngoài chưa nắm rõ thủ tục.",
        "Hướng dẫn đầy đủ một lần, trả kết quả đúng hẹn, không để người dân phải bổ sung hồ sơ nhiều lần",
        "Lập bảng hướng dẫn mẫu; tư vấn qua điện thoại; tiếp nhận hồ sơ qua dịch vụ bưu chính công ích và "
        "trực tuyến; chủ động nhắn tin báo cho người dân khi có kết quả.",
        "Người dân, người lao động có nhu cầu cấp phiếu lý lịch tư pháp",
        "Tổ chức, cá nhân đề nghị cấp phiếu lý lịch tư pháp",
        [
            ("Tỷ lệ phiếu lý lịch tư pháp trả đúng hẹn", "%", 100),
            ("Số hồ sơ được tiếp nhận, hướng dẫn", "hồ sơ", 4000),
        ],
        person="Đồng chí Nguyễn Thị Thu Hằng, Chuyên viên Phòng Hành chính tư pháp",
        area="Bộ phận tiếp nhận và trả kết quả của Sở Tư pháp",
    ),
    # --- Đảng bộ Sở Y tế (5) ---
    _m(
        "DB-SYT",
        _COL,
        "Cán bộ ngành Y tế thay đổi phong cách, thái độ phục vụ, hướng tới sự hài lòng của người bệnh",
        ["XDCQ", "CQVH"],
        "Thái độ giao tiếp, ứng xử của một bộ phận cán bộ y tế chưa đáp ứng yêu cầu; vẫn còn phản ánh của "
        "người bệnh qua đường dây nóng.",
        "Tạo chuyển biến rõ rệt về thái độ phục vụ, giảm phản ánh của người bệnh về quy tắc ứng xử",
        "Quán triệt quy tắc ứng xử, ký cam kết; duy trì đường dây nóng, hòm thư góp ý; khảo sát sự hài "
        "lòng người bệnh hằng quý và xử lý nghiêm các trường hợp vi phạm.",
        "Cán bộ, viên chức, người lao động các đơn vị trực thuộc Sở Y tế",
        "Người bệnh và người nhà người bệnh đến khám, chữa bệnh tại các cơ sở y tế công lập của thành phố",
        [
            ("Tỷ lệ người bệnh hài lòng qua khảo sát", "%", 90),
            ("Số đợt khảo sát sự hài lòng người bệnh", "đợt", 4),
        ],
        area="Các bệnh viện, trung tâm y tế trực thuộc Sở Y tế",
    ),
    _m(
        "DB-SYT",
        _IND,
        "Tận tình hướng dẫn thủ tục cấp chứng chỉ hành nghề dược theo Luật Dược năm 2016",
        ["CCHC"],
        "Thủ tục cấp chứng chỉ hành nghề dược, giấy chứng nhận đủ điều kiện kinh doanh dược thay đổi theo "
        "Luật Dược năm 2016, nhiều cơ sở chưa nắm rõ thành phần hồ sơ.",
        "Giúp cơ sở kinh doanh dược nộp hồ sơ đúng, đủ ngay từ lần đầu, rút ngắn thời gian giải quyết",
        "Biên soạn tài liệu hướng dẫn; trả lời qua điện thoại và thư điện tử; trực tiếp hướng dẫn tại bộ "
        "phận một cửa; tổng hợp lỗi thường gặp để phổ biến rộng rãi.",
        "Người hành nghề dược, chủ cơ sở bán lẻ thuốc trên địa bàn thành phố",
        "Các nhà thuốc, quầy thuốc, doanh nghiệp kinh doanh dược",
        [
            ("Tỷ lệ hồ sơ đạt yêu cầu ngay lần đầu", "%", 80),
            ("Số hồ sơ được hướng dẫn", "hồ sơ", 600),
        ],
        person="Đồng chí Phạm Thị Lan Anh, Phó Trưởng phòng Nghiệp vụ Dược",
        area="Bộ phận tiếp nhận và trả kết quả của Sở Y tế",
    ),
    _m(
        "CB-TTYTDP",
        _COL,
        "Tuyên truyền, vận động người dân chủ động phòng, chống dịch sốt xuất huyết tại các quận nội thành",
        ["ASXH"],
        "Năm 2016, số ca mắc sốt xuất huyết tại các quận Lê Chân, Ngô Quyền, Hồng Bàng tăng cao; ý thức "
        "diệt lăng quăng, bọ gậy của một bộ phận người dân chưa tốt.",
        "Nâng cao ý thức người dân trong việc diệt lăng quăng, bọ gậy, kiểm soát không để dịch bùng phát",
        "Phối hợp với phường, tổ dân phố tổ chức chiến dịch vệ sinh môi trường; cán bộ, đảng viên đến từng "
        "hộ gia đình phát tờ rơi, hướng dẫn loại bỏ dụng cụ chứa nước đọng.",
        "Hộ gia đình, tổ dân phố, trường học tại các quận nội thành",
        "Người dân các quận Hồng Bàng, Ngô Quyền, Lê Chân",
        [
            ("Số hộ gia đình được hướng dẫn trực tiếp", "hộ", 5000),
            ("Số chiến dịch vệ sinh môi trường", "chiến dịch", 6),
        ],
        area="Các quận Hồng Bàng, Ngô Quyền, Lê Chân",
    ),
    _m(
        "CB-CCDS",
        _COL,
        "Vận động các cặp vợ chồng thực hiện chính sách dân số, giảm mất cân bằng giới tính khi sinh",
        ["ASXH"],
        "Tỷ số giới tính khi sinh tại một số huyện ngoại thành còn cao, tư tưởng phải có con trai nối dõi "
        "vẫn còn tồn tại.",
        "Góp phần giảm tỷ số giới tính khi sinh, nâng cao chất lượng dân số",
        "Phối hợp với cộng tác viên dân số tổ chức nói chuyện chuyên đề, tư vấn tại nhà; cung cấp dịch vụ "
        "sàng lọc trước sinh và sơ sinh.",
        "Các cặp vợ chồng trong độ tuổi sinh đẻ, nam giới, người cao tuổi có uy tín trong dòng họ",
        "Các gia đình, bà mẹ và trẻ sơ sinh tại các huyện Tiên Lãng, Vĩnh Bảo, An Lão",
        [
            ("Số buổi nói chuyện chuyên đề tại cộng đồng", "buổi", 60),
            ("Tỷ lệ bà mẹ mang thai được sàng lọc trước sinh", "%", 60),
        ],
        area="Các huyện Tiên Lãng, Vĩnh Bảo, An Lão",
    ),
    _m(
        "DB-SYT",
        _IND,
        "Tiếp công dân tận tình, giải quyết dứt điểm đơn thư khiếu nại trong lĩnh vực y tế",
        ["XDCQ"],
        "Một số đơn thư khiếu nại về khám, chữa bệnh, bảo hiểm y tế kéo dài, gây bức xúc cho người dân.",
        "Trả lời kịp thời, đúng pháp luật các đơn thư, không để phát sinh khiếu nại vượt cấp",
        "Trực tiếp gặp gỡ, đối thoại với công dân; phối hợp với các bệnh viện xác minh, giải thích rõ "
        "chính sách; hướng dẫn công dân thực hiện quyền khiếu nại đúng quy định.",
        "Công dân có đơn thư khiếu nại, phản ánh về lĩnh vực y tế",
        "Người bệnh, người dân có khiếu nại, phản ánh",
        [
            ("Tỷ lệ đơn thư thuộc thẩm quyền được giải quyết đúng hạn", "%", 100),
            ("Số buổi tiếp công dân", "buổi", 48),
        ],
        person="Đồng chí Trần Văn Thắng, Phó Chánh Thanh tra Sở Y tế",
        area="Trụ sở tiếp công dân của Sở Y tế",
    ),
    # --- Đảng bộ Sở Lao động - Thương binh và Xã hội (5) ---
    _m(
        "DB-SLDTBXH",
        _COL,
        "Ngày thứ Bảy tình nguyện vì người nghèo, gia đình chính sách",
        ["ASXH"],
        "Các huyện ngoại thành còn nhiều hộ nghèo, gia đình chính sách khó khăn, nhà ở xuống cấp.",
        "Hỗ trợ thiết thực về vật chất, tinh thần để hộ nghèo, gia đình chính sách ổn định cuộc sống",
        "Mỗi quý tổ chức một ngày thứ Bảy tình nguyện: cán bộ, đảng viên đóng góp ngày công sửa chữa nhà, "
        "tặng quà, tư vấn chính sách, giới thiệu việc làm.",
        "Cán bộ, công chức, viên chức, đoàn viên của Sở; các doanh nghiệp, nhà hảo tâm",
        "Hộ nghèo, hộ cận nghèo, gia đình người có công tại các huyện Thủy Nguyên, Kiến Thụy, Vĩnh Bảo",
        [
            ("Số ngày thứ Bảy tình nguyện được tổ chức", "ngày", 4),
            ("Số suất quà trao tặng", "suất", 400),
            ("Số nhà được hỗ trợ sửa chữa", "nhà", 5),
        ],
        area="Các huyện Thủy Nguyên, Kiến Thụy, Vĩnh Bảo",
    ),
    _m(
        "DB-SLDTBXH",
        _IND,
        "Đồng hành cùng thân nhân liệt sĩ trong việc tra cứu, xác định thông tin mộ liệt sĩ",
        ["ASXH"],
        "Nhiều thân nhân liệt sĩ đã cao tuổi, khó khăn trong tra cứu hồ sơ, tìm kiếm thông tin mộ liệt sĩ.",
        "Hỗ trợ thân nhân liệt sĩ tra cứu, cung cấp thông tin chính xác, kịp thời",
        "Tiếp nhận đề nghị, tra cứu cơ sở dữ liệu; phối hợp với các tỉnh, đơn vị quân đội xác minh; trực "
        "tiếp hướng dẫn thủ tục thăm viếng, di chuyển hài cốt liệt sĩ.",
        "Thân nhân liệt sĩ, công chức lao động - thương binh và xã hội cấp xã",
        "Gia đình, thân nhân liệt sĩ trên địa bàn thành phố",
        [("Số trường hợp được hỗ trợ tra cứu thông tin liệt sĩ", "trường hợp", 150)],
        person="Đồng chí Lê Văn Cường, Chuyên viên Phòng Người có công",
    ),
    _m(
        "CB-TTCTXH",
        _COL,
        "Kết nối yêu thương, hỗ trợ trẻ em có hoàn cảnh đặc biệt khó khăn trên địa bàn thành phố",
        ["ASXH"],
        "Nhiều trẻ em mồ côi, trẻ em khuyết tật, trẻ em bị bạo lực chưa được phát hiện, hỗ trợ kịp thời.",
        "Phát hiện, tư vấn, kết nối nguồn lực hỗ trợ kịp thời cho trẻ em có hoàn cảnh đặc biệt khó khăn",
        "Duy trì đường dây tư vấn; phối hợp với xã, phường lập danh sách trẻ em cần hỗ trợ; vận động doanh "
        "nghiệp, nhà hảo tâm nhận đỡ đầu, trao học bổng.",
        "Doanh nghiệp, nhà hảo tâm, cán bộ làm công tác trẻ em cấp xã",
        "Trẻ em mồ côi, trẻ em khuyết tật, trẻ em bị xâm hại, bạo lực",
        [
            ("Số trẻ em được tư vấn, hỗ trợ", "trẻ em", 300),
            ("Số trẻ em được nhận đỡ đầu, trao học bổng", "trẻ em", 60),
        ],
    ),
    _m(
        "CB-TTDVVL",
        _COL,
        "Cán bộ Trung tâm Dịch vụ việc làm tận tình tư vấn, kết nối việc làm cho người lao động thất nghiệp",
        ["ASXH", "CCHC"],
        "Số người đến đăng ký hưởng trợ cấp thất nghiệp đông, nhiều người chưa được tư vấn, giới thiệu "
        "việc làm phù hợp.",
        "Rút ngắn thời gian giải quyết hồ sơ trợ cấp thất nghiệp và giúp người lao động sớm có việc làm mới",
        "Tổ chức phiên giao dịch việc làm định kỳ; tư vấn trực tiếp cho người lao động khi nộp hồ sơ; kết "
        "nối với các khu công nghiệp, doanh nghiệp có nhu cầu tuyển dụng.",
        "Người lao động thất nghiệp, doanh nghiệp có nhu cầu tuyển dụng",
        "Người lao động mất việc làm, người hưởng bảo hiểm thất nghiệp",
        [
            ("Số lượt người lao động được tư vấn, giới thiệu việc làm", "lượt", 20000),
            ("Số phiên giao dịch việc làm", "phiên", 24),
        ],
    ),
    _m(
        "DB-SLDTBXH",
        _IND,
        "Kiên trì vận động người nghiện ma túy tự nguyện cai nghiện, tái hòa nhập cộng đồng",
        ["ASXH"],
        "Số người nghiện ma túy tự nguyện đăng ký cai nghiện còn thấp; gia đình người nghiện nhiều mặc "
        "cảm, thiếu thông tin.",
        "Tăng số người nghiện tự nguyện cai nghiện, giảm tái nghiện sau cai",
        "Phối hợp với công an, tổ dân phố gặp gỡ gia đình người nghiện để tư vấn; giới thiệu điều trị thay "
        "thế bằng methadone, cai nghiện tự nguyện; hỗ trợ học nghề sau cai.",
        "Người nghiện ma túy và gia đình của họ",
        "Người sau cai nghiện, gia đình và cộng đồng dân cư",
        [("Số người nghiện được tư vấn, vận động cai nghiện tự nguyện", "người", 80)],
        person="Đồng chí Đỗ Mạnh Tuấn, Phó Trưởng phòng Phòng, chống tệ nạn xã hội",
    ),
    # --- Đảng bộ Bảo hiểm xã hội thành phố (5) ---
    _m(
        "DB-BHXH",
        _COL,
        "Cán bộ Bảo hiểm xã hội thân thiện, tận tình hướng dẫn người dân, doanh nghiệp giao dịch điện tử",
        ["CCHC"],
        "Thủ tục bảo hiểm xã hội chuyển mạnh sang giao dịch điện tử, nhiều doanh nghiệp nhỏ, người dân còn "
        "lúng túng khi kê khai.",
        "Tăng tỷ lệ đơn vị giao dịch hồ sơ điện tử, giảm thời gian đi lại của người dân, doanh nghiệp",
        "Thành lập tổ hỗ trợ; hướng dẫn qua tổng đài, mạng xã hội và trực tiếp tại bộ phận một cửa; tổ "
        "chức hội nghị đối thoại với doanh nghiệp.",
        "Đơn vị sử dụng lao động, người tham gia bảo hiểm xã hội, bảo hiểm y tế",
        "Doanh nghiệp, cơ quan, người lao động trên địa bàn thành phố",
        [
            ("Tỷ lệ đơn vị giao dịch hồ sơ điện tử", "%", 95),
            ("Số hội nghị đối thoại với doanh nghiệp", "hội nghị", 8),
        ],
    ),
    _m(
        "DB-BHXH",
        _IND,
        "Vận động người dân tham gia bảo hiểm xã hội tự nguyện, bảo hiểm y tế hộ gia đình",
        ["ASXH"],
        "Tỷ lệ người lao động khu vực phi chính thức tham gia bảo hiểm xã hội tự nguyện còn rất thấp, "
        "nhiều hộ gia đình chưa tham gia bảo hiểm y tế.",
        "Mở rộng diện bao phủ bảo hiểm xã hội tự nguyện, bảo hiểm y tế hộ gia đình",
        "Phối hợp với các hội, đoàn thể cấp xã tổ chức hội nghị tuyên truyền, đối thoại trực tiếp; giải "
        "đáp quyền lợi để người dân tự nguyện tham gia.",
        "Người lao động tự do, nông dân, hộ gia đình chưa tham gia bảo hiểm",
        "Người dân tham gia bảo hiểm xã hội tự nguyện, bảo hiểm y tế hộ gia đình",
        [
            ("Số hội nghị tuyên truyền, đối thoại tại cơ sở", "hội nghị", 20),
            ("Số người tham gia bảo hiểm xã hội tự nguyện mới", "người", 500),
        ],
        person="Đồng chí Nguyễn Văn Khánh, Phó Trưởng phòng Khai thác và Thu nợ",
    ),
    _m(
        "CB-PTHU",
        _COL,
        "Đôn đốc thu, giảm nợ đọng bảo hiểm xã hội bằng đối thoại, thuyết phục doanh nghiệp",
        ["KTXH", "ASXH"],
        "Một số doanh nghiệp nợ đọng bảo hiểm xã hội kéo dài, ảnh hưởng đến quyền lợi của người lao động.",
        "Thu hồi nợ đọng, bảo đảm quyền lợi bảo hiểm của người lao động",
        "Phân công cán bộ phụ trách từng nhóm doanh nghiệp; gửi thông báo, trực tiếp làm việc, đối thoại "
        "với chủ doanh nghiệp; phối hợp với công đoàn, thanh tra lao động khi cần thiết.",
        "Chủ doanh nghiệp, kế toán các đơn vị nợ bảo hiểm xã hội",
        "Người lao động tại các doanh nghiệp nợ đọng bảo hiểm xã hội",
        [
            ("Tỷ lệ số nợ đọng được thu hồi", "%", 60),
            ("Số doanh nghiệp được đối thoại trực tiếp", "doanh nghiệp", 150),
        ],
    ),
    _m(
        "DB-BHXH",
        _COL,
        "Chi trả lương hưu, trợ cấp bảo hiểm xã hội tận nhà cho người cao tuổi, ốm đau, không thể đi lại",
        ["ASXH"],
        "Nhiều người hưởng lương hưu, trợ cấp tuổi cao, sức yếu, đi đến điểm chi trả gặp nhiều khó khăn.",
        "Bảo đảm người hưởng nhận đủ, đúng, kịp thời lương hưu, trợ cấp",
        "Phối hợp với Bưu điện thành phố lập danh sách người không thể đi lại, tổ chức chi trả tận nhà; "
        "kiểm tra, giám sát định kỳ tại các điểm chi trả.",
        "Nhân viên chi trả của Bưu điện, cán bộ bảo hiểm xã hội quận, huyện",
        "Người hưởng lương hưu, trợ cấp bảo hiểm xã hội cao tuổi, ốm đau",
        [
            ("Số người được chi trả tận nhà", "người", 1500),
            ("Số cuộc kiểm tra điểm chi trả", "cuộc", 30),
        ],
        resources=("Kinh phí chi trả theo hợp đồng với Bưu điện; khoảng 120 ngày công kiểm tra, giám sát"),
    ),
    _m(
        "DB-BHXH",
        _IND,
        "Giám định viên bảo hiểm y tế tận tâm giải thích, bảo vệ quyền lợi người bệnh có thẻ bảo hiểm y tế",
        ["ASXH", "XDCQ"],
        "Người bệnh có thẻ bảo hiểm y tế chưa hiểu rõ quyền lợi, mức hưởng khi khám, chữa bệnh, dẫn đến "
        "thắc mắc, khiếu nại.",
        "Giải đáp kịp thời, đúng chính sách thắc mắc của người bệnh, bảo đảm quyền lợi khám, chữa bệnh",
        "Trực tiếp giải đáp tại bệnh viện; niêm yết quyền lợi, mức hưởng tại khu vực tiếp đón; ghi nhận và "
        "xử lý kịp thời phản ánh của người bệnh.",
        "Người bệnh có thẻ bảo hiểm y tế, nhân viên y tế tại bệnh viện",
        "Người bệnh có thẻ bảo hiểm y tế",
        [("Số lượt người bệnh được giải đáp, hướng dẫn", "lượt", 1200)],
        person="Đồng chí Hoàng Thị Minh Nguyệt, Giám định viên Phòng Giám định bảo hiểm y tế",
        area="Bệnh viện Hữu nghị Việt Tiệp và Bệnh viện Kiến An",
    ),
    # --- Đảng bộ Kho bạc Nhà nước Hải Phòng (4) ---
    _m(
        "DB-KBNN",
        _COL,
        "Cán bộ Kho bạc tận tình hướng dẫn người dân, doanh nghiệp thực hiện dịch vụ công trực tuyến",
        ["CCHC"],
        "Kho bạc Nhà nước triển khai dịch vụ công trực tuyến mức độ 3, 4 nhưng nhiều đơn vị sử dụng ngân "
        "sách, chủ đầu tư còn ngại thay đổi, chưa quen thao tác.",
        "Tăng số đơn vị giao dịch qua dịch vụ công trực tuyến, giảm thời gian, chi phí đi lại cho khách hàng",
        "Tổ chức tập huấn, hướng dẫn cầm tay chỉ việc; lập nhóm hỗ trợ qua điện thoại; đăng tải tài liệu "
        "hướng dẫn trên trang thông tin điện tử.",
        "Kế toán, thủ trưởng đơn vị sử dụng ngân sách, chủ đầu tư, doanh nghiệp",
        "Đơn vị sử dụng ngân sách, chủ đầu tư, doanh nghiệp giao dịch với Kho bạc",
        [
            ("Số đơn vị tham gia dịch vụ công trực tuyến", "đơn vị", 900),
            ("Số lớp tập huấn", "lớp", 10),
        ],
    ),
    _m(
        "CB-KSC",
        _COL,
        "Kiểm soát chi đúng, nhanh, công khai thời gian trả kết quả cho khách hàng giao dịch",
        ["CCHC", "XDCQ"],
        "Khách hàng chưa rõ thời gian giải quyết hồ sơ thanh toán, một số hồ sơ phải bổ sung nhiều lần.",
        "Giải quyết hồ sơ kiểm soát chi đúng, trước hạn; khách hàng không phải bổ sung hồ sơ quá một lần",
        "Công khai quy trình, thời gian giải quyết; thực hiện phiếu giao nhận hồ sơ; mỗi hồ sơ còn thiếu "
        "chỉ thông báo một lần bằng văn bản, nêu đầy đủ nội dung cần bổ sung.",
        "Cán bộ kiểm soát chi và khách hàng giao dịch",
        "Đơn vị sử dụng ngân sách, chủ đầu tư",
        [("Tỷ lệ hồ sơ giải quyết đúng và trước hạn", "%", 100)],
    ),
    _m(
        "DB-KBNN",
        _IND,
        "Giao dịch viên Kho bạc văn minh, lịch sự, nói không với phiền hà, sách nhiễu khách hàng",
        ["XDCQ", "CQVH"],
        "Một số khách hàng phản ánh về thái độ giao tiếp và thời gian chờ đợi tại quầy giao dịch.",
        "Phục vụ khách hàng văn minh, lịch sự, không để xảy ra phản ánh tiêu cực",
        "Thực hiện nghiêm quy tắc ứng xử; chủ động hướng dẫn khách hàng; lập sổ góp ý, lắng nghe và điều "
        "chỉnh cách làm việc.",
        "Khách hàng giao dịch tại quầy",
        "Khách hàng giao dịch tại Kho bạc",
        [("Tỷ lệ khách hàng hài lòng qua phiếu khảo sát", "%", 98)],
        person="Đồng chí Bùi Thị Thanh Hương, Giao dịch viên Phòng Kế toán nhà nước",
        area="Quầy giao dịch Kho bạc Nhà nước Hải Phòng",
    ),
    _m(
        "DB-KBNN",
        _COL,
        "Kho bạc Nhà nước Hải Phòng chung tay xây dựng nông thôn mới tại xã Kiến Thiết, huyện Tiên Lãng",
        ["NTM"],
        "Xã Kiến Thiết, huyện Tiên Lãng còn nhiều tiêu chí nông thôn mới chưa đạt, đời sống một bộ phận "
        "nhân dân còn khó khăn.",
        "Hỗ trợ xã hoàn thành các tiêu chí về giao thông, cơ sở vật chất văn hóa và giảm hộ nghèo",
        "Cán bộ, đảng viên đóng góp ngày lương; phối hợp với cấp ủy, chính quyền xã vận động nhân dân hiến "
        "đất, góp công làm đường; hỗ trợ hộ nghèo phát triển sinh kế.",
        "Nhân dân, cán bộ xã Kiến Thiết; cán bộ, công chức Kho bạc",
        "Nhân dân xã Kiến Thiết, huyện Tiên Lãng",
        [
            ("Số tiền ủng hộ xây dựng nông thôn mới", "triệu đồng", 150),
            ("Số hộ nghèo được hỗ trợ sinh kế", "hộ", 10),
        ],
        area="Xã Kiến Thiết, huyện Tiên Lãng",
        resources="Mỗi cán bộ, đảng viên đóng góp một ngày lương; vận động khách hàng, doanh nghiệp ủng hộ; "
        "khoảng 100 ngày công",
    ),
    # --- Đảng bộ Văn phòng Ủy ban nhân dân thành phố (4) ---
    _m(
        "CB-BTCD",
        _COL,
        "Tiếp công dân tận tình, lắng nghe, giải thích thấu đáo, hướng dẫn công dân đúng pháp luật",
        ["XDCQ"],
        "Số lượt công dân đến Trụ sở Tiếp công dân thành phố đông, có nhiều đoàn đông người, vụ việc phức "
        "tạp, kéo dài.",
        "Tiếp nhận, hướng dẫn đúng quy định mọi lượt công dân, hạn chế khiếu kiện đông người, vượt cấp",
        "Bố trí cán bộ có kinh nghiệm, thái độ mềm mỏng; đối thoại trực tiếp; tham mưu lãnh đạo thành phố "
        "tiếp công dân định kỳ và đột xuất; theo dõi kết quả giải quyết sau tiếp.",
        "Công dân đến khiếu nại, tố cáo, kiến nghị, phản ánh",
        "Công dân, tổ chức có khiếu nại, tố cáo, kiến nghị",
        [
            ("Tỷ lệ lượt công dân được tiếp, hướng dẫn đúng quy định", "%", 100),
            ("Số buổi lãnh đạo thành phố tiếp công dân định kỳ", "buổi", 12),
        ],
        area="Trụ sở Tiếp công dân thành phố",
    ),
    _m(
        "CB-KSTTHC",
        _COL,
        "Lắng nghe phản ánh, kiến nghị của người dân, doanh nghiệp về quy định, thủ tục hành chính",
        ["CCHC"],
        "Nhiều phản ánh về thủ tục rườm rà, chồng chéo chưa được tiếp nhận, xử lý qua kênh chính thức.",
        "Tiếp nhận, xử lý đúng hạn phản ánh, kiến nghị; rà soát, đề xuất đơn giản hóa thủ tục hành chính",
        "Công khai địa chỉ tiếp nhận phản ánh qua điện thoại, thư điện tử, cổng thông tin; chuyển xử lý và "
        "theo dõi đến khi có kết quả; công bố kết quả trên Cổng thông tin điện tử thành phố.",
        "Người dân, doanh nghiệp; cán bộ đầu mối kiểm soát thủ tục hành chính các sở, ngành",
        "Người dân, doanh nghiệp thực hiện thủ tục hành chính",
        [
            ("Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn", "%", 100),
            ("Số thủ tục hành chính được đề xuất đơn giản hóa", "thủ tục", 30),
        ],
        area="Địa bàn thành phố Hải Phòng",
    ),
    _m(
        "DB-VPUB",
        _IND,
        "Chủ động tham mưu, đôn đốc xử lý văn bản điện tử, nói không với tình trạng văn bản quá hạn",
        ["CCHC", "XDCQ"],
        "Việc xử lý văn bản, hồ sơ trình lãnh đạo thành phố có thời điểm còn chậm, ảnh hưởng đến giải "
        "quyết công việc của người dân, doanh nghiệp.",
        "Bảo đảm văn bản đến được xử lý, trình đúng hạn trên hệ thống quản lý văn bản điện tử",
        "Hằng tuần rà soát văn bản đến hạn, quá hạn trên hệ thống; nhắc việc trực tiếp đến chuyên viên; "
        "báo cáo lãnh đạo Văn phòng các trường hợp chậm trễ.",
        "Chuyên viên, lãnh đạo các phòng thuộc Văn phòng",
        "Người dân, doanh nghiệp, cơ quan có văn bản gửi Ủy ban nhân dân thành phố",
        [("Tỷ lệ văn bản xử lý đúng hạn", "%", 98)],
        person="Đồng chí Nguyễn Thị Hoa, Phó Chánh Văn phòng",
        area="Văn phòng Ủy ban nhân dân thành phố",
    ),
    _m(
        "DB-VPUB",
        _COL,
        "Xây dựng Văn phòng Ủy ban nhân dân thành phố văn minh, kỷ cương, phục vụ tận tụy",
        ["CQVH", "QCDC"],
        "Công việc nhiều, áp lực cao; việc chấp hành giờ giấc, văn hóa công sở ở một số bộ phận chưa nghiêm.",
        "Giữ vững danh hiệu cơ quan văn hóa, không có cán bộ vi phạm kỷ luật, kỷ cương hành chính",
        "Ban hành quy chế văn hóa công sở; thực hiện công khai, dân chủ trong cơ quan; kiểm tra đột xuất "
        "việc chấp hành giờ làm việc; biểu dương gương tốt hằng quý.",
        "Cán bộ, công chức, người lao động Văn phòng",
        "Cán bộ, công chức và khách đến làm việc với Văn phòng",
        [
            ("Tỷ lệ cán bộ, công chức hoàn thành tốt nhiệm vụ trở lên", "%", 95),
            ("Số cuộc kiểm tra chấp hành kỷ luật, kỷ cương", "cuộc", 8),
        ],
        area="Văn phòng Ủy ban nhân dân thành phố",
    ),
    # --- Đảng bộ Sở Tài nguyên và Môi trường (4) ---
    _m(
        "CB-VPDKDD",
        _COL,
        "Cấp giấy chứng nhận quyền sử dụng đất đúng hẹn, không để người dân phải đi lại nhiều lần",
        ["CCHC"],
        "Hồ sơ đất đai tồn đọng, nhiều hồ sơ trễ hẹn, người dân phải đi lại nhiều lần, gây bức xúc.",
        "Giảm hồ sơ trễ hẹn, công khai tiến độ giải quyết từng hồ sơ",
        "Rà soát, phân loại hồ sơ tồn; gửi thư xin lỗi khi trễ hẹn; cho tra cứu tiến độ qua tin nhắn, cổng "
        "thông tin; phân công cán bộ theo dõi từng nhóm hồ sơ.",
        "Viên chức Văn phòng Đăng ký đất đai và các chi nhánh quận, huyện",
        "Hộ gia đình, cá nhân, tổ chức có nhu cầu đăng ký đất đai",
        [
            ("Tỷ lệ hồ sơ giải quyết đúng hẹn", "%", 95),
            ("Số hồ sơ tồn đọng được giải quyết", "hồ sơ", 2000),
        ],
        area="Văn phòng Đăng ký đất đai thành phố và các chi nhánh quận, huyện",
    ),
    _m(
        "CB-CCBVMT",
        _COL,
        "Vận động doanh nghiệp trong các khu công nghiệp thực hiện tốt quy định về bảo vệ môi trường",
        ["KTXH"],
        "Một số cơ sở sản xuất xả thải chưa đạt quy chuẩn, gây bức xúc cho người dân quanh khu công nghiệp.",
        "Nâng cao ý thức tuân thủ pháp luật bảo vệ môi trường của doanh nghiệp, giảm phản ánh của người dân",
        "Tổ chức hội nghị phổ biến pháp luật; kiểm tra, hướng dẫn cải tạo hệ thống xử lý nước thải; tổ "
        "chức đối thoại giữa doanh nghiệp và người dân khu vực lân cận.",
        "Doanh nghiệp, cơ sở sản xuất trong và ngoài khu công nghiệp",
        "Người dân sinh sống gần các khu công nghiệp, cụm công nghiệp",
        [
            ("Số doanh nghiệp được hướng dẫn, kiểm tra", "doanh nghiệp", 80),
            ("Số buổi đối thoại giữa doanh nghiệp và người dân", "buổi", 6),
        ],
    ),
    _m(
        "DB-STNMT",
        _IND,
        "Hướng dẫn người dân các xã ven biển ứng phó với biến đổi khí hậu, bảo vệ rừng ngập mặn",
        ["KTXH", "NTM"],
        "Rừng ngập mặn ven biển bị chặt phá, lấn chiếm nuôi trồng thủy sản, giảm khả năng phòng hộ đê biển.",
        "Nâng cao nhận thức của người dân về vai trò của rừng ngập mặn, giảm các vụ chặt phá trái phép",
        "Phối hợp với xã tổ chức họp dân, phát tờ rơi; hướng dẫn mô hình nuôi trồng kết hợp bảo vệ rừng; "
        "vận động các hộ ký cam kết bảo vệ rừng.",
        "Hộ nuôi trồng thủy sản, ngư dân ven biển",
        "Nhân dân các xã ven biển huyện Tiên Lãng, Kiến Thụy",
        [
            ("Số hộ ký cam kết bảo vệ rừng ngập mặn", "hộ", 300),
            ("Số buổi tuyên truyền tại cộng đồng", "buổi", 12),
        ],
        person="Đồng chí Phạm Văn Long, Phó Chi cục trưởng Chi cục Biển và Hải đảo",
        area="Các xã ven biển huyện Tiên Lãng, Kiến Thụy",
    ),
    _m(
        "DB-STNMT",
        _COL,
        "Chung tay giữ gìn vệ sinh môi trường, phân loại rác thải sinh hoạt tại nguồn ở khu dân cư",
        ["KTXH"],
        "Rác thải sinh hoạt ở nhiều khu dân cư chưa được phân loại; nhiều điểm tập kết rác tự phát.",
        "Hình thành thói quen phân loại rác tại nguồn ở các tổ dân phố thí điểm",
        "Đoàn viên thanh niên của Sở phối hợp với phường tổ chức tập huấn, phát thùng phân loại rác; ra "
        "quân vệ sinh định kỳ; nhân rộng khi có kết quả.",
        "Hộ gia đình tại các tổ dân phố thí điểm",
        "Người dân phường Lạch Tray, quận Ngô Quyền",
        [
            ("Số hộ gia đình thực hiện phân loại rác tại nguồn", "hộ", 500),
            ("Số đợt ra quân vệ sinh môi trường", "đợt", 6),
        ],
        area="Phường Lạch Tray, quận Ngô Quyền",
    ),
    # --- Đảng bộ Sở Nông nghiệp và Phát triển nông thôn (4) ---
    _m(
        "CB-CCPTNT",
        _COL,
        "Đồng hành cùng nông dân xây dựng chuỗi liên kết sản xuất, tiêu thụ nông sản an toàn",
        ["NTM", "KTXH"],
        "Nông dân sản xuất nhỏ lẻ, đầu ra bấp bênh, giá trị nông sản thấp.",
        "Hỗ trợ hình thành các chuỗi liên kết sản xuất - tiêu thụ nông sản, nâng cao thu nhập cho nông dân",
        "Cán bộ bám cơ sở tư vấn thành lập tổ hợp tác, hợp tác xã; kết nối doanh nghiệp bao tiêu sản phẩm; "
        "hướng dẫn quy trình sản xuất an toàn.",
        "Nông dân, tổ hợp tác, hợp tác xã nông nghiệp",
        "Nông dân các huyện An Dương, An Lão, Kiến Thụy",
        [
            ("Số chuỗi liên kết được hình thành", "chuỗi", 5),
            ("Số hộ nông dân tham gia chuỗi liên kết", "hộ", 200),
        ],
        area="Các huyện An Dương, An Lão, Kiến Thụy",
    ),
    _m(
        "CB-CCTL",
        _COL,
        "Vận động nhân dân bảo vệ công trình đê điều, thủy lợi, chủ động phòng, chống thiên tai",
        ["NTM"],
        "Vi phạm hành lang bảo vệ đê điều, lấn chiếm kênh mương thủy lợi còn xảy ra ở nhiều địa phương.",
        "Giảm vi phạm hành lang đê điều, công trình thủy lợi; nâng cao ý thức phòng, chống thiên tai",
        "Phối hợp với chính quyền xã tuyên truyền trên loa truyền thanh, họp dân; vận động tự tháo dỡ công "
        "trình vi phạm; tổ chức diễn tập phòng, chống lụt bão.",
        "Người dân sống ven đê, ven kênh mương",
        "Nhân dân các xã ven đê trên địa bàn thành phố",
        [
            ("Số vụ vi phạm được vận động tự tháo dỡ", "vụ", 50),
            ("Số buổi tuyên truyền tại xã", "buổi", 20),
        ],
    ),
    _m(
        "DB-SNNPTNT",
        _IND,
        "Kỹ sư nông nghiệp tận tình hướng dẫn nông dân sản xuất lúa chất lượng cao theo hướng hữu cơ",
        ["NTM", "KTXH"],
        "Nông dân còn lạm dụng phân bón hóa học, thuốc bảo vệ thực vật, làm giảm chất lượng gạo và gây ô "
        "nhiễm đồng ruộng.",
        "Hướng dẫn nông dân áp dụng quy trình sản xuất lúa theo hướng hữu cơ, tăng hiệu quả kinh tế",
        "Xây dựng ruộng trình diễn; tổ chức hội thảo đầu bờ; trực tiếp hướng dẫn kỹ thuật qua từng giai "
        "đoạn sinh trưởng của cây lúa.",
        "Nông dân trồng lúa, hợp tác xã dịch vụ nông nghiệp",
        "Nông dân xã Cổ Am, huyện Vĩnh Bảo",
        [
            ("Diện tích lúa áp dụng quy trình hữu cơ", "ha", 30),
            ("Số hội thảo đầu bờ", "hội thảo", 4),
        ],
        person="Đồng chí Vũ Thị Ngọc Lan, Kỹ sư Trung tâm Khuyến nông",
        area="Xã Cổ Am, huyện Vĩnh Bảo",
    ),
    _m(
        "DB-SNNPTNT",
        _COL,
        "Cán bộ ngành Nông nghiệp về cơ sở giúp các xã hoàn thành tiêu chí nông thôn mới",
        ["NTM"],
        "Nhiều xã còn thiếu các tiêu chí về sản xuất, thu nhập, môi trường để đạt chuẩn nông thôn mới.",
        "Hỗ trợ các xã được phân công hoàn thành tiêu chí nông thôn mới theo kế hoạch của thành phố",
        "Mỗi phòng, đơn vị phụ trách một xã; cử cán bộ về cơ sở hằng tháng hướng dẫn lập hồ sơ, xây dựng "
        "mô hình sản xuất, vận động nhân dân tham gia.",
        "Cán bộ, nhân dân các xã xây dựng nông thôn mới",
        "Nhân dân các xã phấn đấu đạt chuẩn nông thôn mới năm 2017",
        [
            ("Số xã được hỗ trợ trực tiếp", "xã", 10),
            ("Số xã đạt chuẩn nông thôn mới trong năm", "xã", 8),
        ],
        area="Các xã xây dựng nông thôn mới thuộc 6 huyện ngoại thành",
    ),
    # --- Đảng bộ Sở Giáo dục và Đào tạo (4) ---
    _m(
        "DB-SGDDT",
        _COL,
        "Thầy cô giáo ngành Giáo dục Hải Phòng nói không với dạy thêm, học thêm trái quy định",
        ["XDCQ", "CQVH"],
        "Tình trạng dạy thêm, học thêm trái quy định vẫn còn, gây bức xúc trong phụ huynh học sinh.",
        "Chấn chỉnh việc dạy thêm, học thêm, không để giáo viên vi phạm quy định",
        "Quán triệt quy định, giáo viên ký cam kết; công khai đường dây nóng tiếp nhận phản ánh; thanh "
        "tra, kiểm tra đột xuất và xử lý nghiêm vi phạm.",
        "Cán bộ quản lý, giáo viên các trường học; phụ huynh học sinh",
        "Học sinh và phụ huynh học sinh trên địa bàn thành phố",
        [
            ("Tỷ lệ giáo viên ký cam kết không dạy thêm trái quy định", "%", 100),
            ("Số cuộc kiểm tra đột xuất", "cuộc", 20),
        ],
        area="Các trường học trên địa bàn thành phố",
    ),
    _m(
        "DB-SGDDT",
        _IND,
        "Vận động xã hội hóa hỗ trợ học sinh nghèo vượt khó tại các xã đảo huyện Cát Hải",
        ["ASXH"],
        "Nhiều học sinh các xã đảo huyện Cát Hải có hoàn cảnh khó khăn, thiếu đồ dùng học tập.",
        "Hỗ trợ học sinh nghèo đủ điều kiện đến trường, không để học sinh bỏ học vì hoàn cảnh khó khăn",
        "Kết nối doanh nghiệp, nhà hảo tâm trao học bổng, xe đạp, sách vở; phối hợp với nhà trường theo "
        "dõi kết quả học tập của học sinh được hỗ trợ.",
        "Doanh nghiệp, nhà hảo tâm, cán bộ, giáo viên ngành Giáo dục",
        "Học sinh có hoàn cảnh khó khăn tại các xã đảo huyện Cát Hải",
        [
            ("Số suất học bổng được trao", "suất", 100),
            ("Số xe đạp tặng học sinh", "chiếc", 30),
        ],
        person="Đồng chí Đặng Quang Huy, Phó Chánh Văn phòng Sở Giáo dục và Đào tạo",
        area="Các xã đảo huyện Cát Hải",
    ),
    _m(
        "DB-SGDDT",
        _COL,
        "Tuyển sinh vào lớp 10 công khai, minh bạch, thuận tiện cho phụ huynh và học sinh",
        ["CCHC"],
        "Tuyển sinh vào lớp 10 các trường công lập nội thành có tính cạnh tranh cao, phụ huynh phải đi lại "
        "nhiều lần để nộp hồ sơ, điều chỉnh nguyện vọng.",
        "Công khai, minh bạch, thuận tiện trong tuyển sinh, giảm đi lại cho phụ huynh",
        "Công bố sớm phương án tuyển sinh; cho phép tra cứu kết quả trực tuyến; mở đường dây nóng giải đáp "
        "thắc mắc trong thời gian tuyển sinh.",
        "Phụ huynh, học sinh lớp 9; cán bộ, giáo viên làm công tác tuyển sinh",
        "Học sinh dự tuyển vào lớp 10 và gia đình",
        [
            ("Tỷ lệ thí sinh tra cứu kết quả trực tuyến", "%", 90),
            ("Số cuộc gọi được giải đáp qua đường dây nóng", "cuộc gọi", 1500),
        ],
    ),
    _m(
        "DB-SGDDT",
        _IND,
        "Tư vấn tâm lý học đường, đồng hành cùng học sinh phòng, chống bạo lực học đường",
        ["ASXH"],
        "Hiện tượng bạo lực học đường, học sinh chịu áp lực tâm lý có chiều hướng gia tăng, nhiều trường "
        "chưa có cán bộ tư vấn.",
        "Hỗ trợ các trường xây dựng phòng tư vấn tâm lý, giảm các vụ bạo lực học đường",
        "Biên soạn tài liệu, tập huấn kỹ năng tư vấn cho giáo viên chủ nhiệm, cán bộ đoàn; trực tiếp tư "
        "vấn qua điện thoại, mạng xã hội cho học sinh.",
        "Giáo viên chủ nhiệm, cán bộ đoàn, đội các trường trung học",
        "Học sinh trung học cơ sở, trung học phổ thông",
        [
            ("Số giáo viên được tập huấn kỹ năng tư vấn", "giáo viên", 200),
            ("Số trường thành lập phòng tư vấn tâm lý", "trường", 20),
        ],
        person="Đồng chí Lương Thị Hải Yến, Chuyên viên Phòng Chính trị, tư tưởng",
        area="Các trường trung học trên địa bàn thành phố",
    ),
    # --- Đảng bộ Cục Thuế thành phố (4) ---
    _m(
        "CB-TTHT",
        _COL,
        "Đồng hành cùng doanh nghiệp nhỏ và vừa, hộ kinh doanh trong thực hiện chính sách thuế",
        ["KTXH", "CCHC"],
        "Doanh nghiệp nhỏ và vừa, hộ kinh doanh mới thành lập thường lúng túng khi kê khai, nộp thuế, dễ "
        "bị xử phạt do chậm nộp.",
        "Hỗ trợ người nộp thuế hiểu đúng, thực hiện đúng nghĩa vụ thuế, giảm vi phạm do thiếu hiểu biết",
        "Tổ chức đối thoại định kỳ, tập huấn chính sách mới; trả lời vướng mắc qua điện thoại, văn bản "
        "đúng thời hạn; lập nhóm hỗ trợ doanh nghiệp khởi nghiệp.",
        "Doanh nghiệp nhỏ và vừa, hộ kinh doanh, doanh nghiệp mới thành lập",
        "Người nộp thuế trên địa bàn thành phố",
        [
            ("Số hội nghị đối thoại, tập huấn", "hội nghị", 12),
            ("Tỷ lệ văn bản vướng mắc được trả lời đúng hạn", "%", 100),
        ],
    ),
    _m(
        "DB-CT",
        _COL,
        "Cục Thuế Hải Phòng đẩy mạnh khai thuế, nộp thuế điện tử vì sự hài lòng của người nộp thuế",
        ["CCHC"],
        "Kê khai, nộp thuế trực tiếp tốn thời gian, chi phí của doanh nghiệp, gây quá tải bộ phận một cửa.",
        "Mở rộng tỷ lệ doanh nghiệp khai thuế, nộp thuế điện tử",
        "Phối hợp với các ngân hàng thương mại hướng dẫn đăng ký nộp thuế điện tử; hỗ trợ trực tiếp tại "
        "doanh nghiệp; biểu dương doanh nghiệp thực hiện tốt.",
        "Doanh nghiệp đang hoạt động, ngân hàng thương mại phối hợp thu",
        "Doanh nghiệp trên địa bàn thành phố",
        [
            ("Tỷ lệ doanh nghiệp khai thuế điện tử", "%", 98),
            ("Tỷ lệ doanh nghiệp nộp thuế điện tử", "%", 90),
        ],
    ),
    _m(
        "DB-CT",
        _IND,
        "Cán bộ thuế tận tình, giải đáp kịp thời vướng mắc về hoàn thuế giá trị gia tăng cho doanh nghiệp",
        ["CCHC", "KTXH"],
        "Hồ sơ hoàn thuế giá trị gia tăng của doanh nghiệp xuất khẩu nhiều, nếu chậm giải quyết sẽ ảnh "
        "hưởng đến vốn sản xuất kinh doanh.",
        "Giải quyết hồ sơ hoàn thuế đúng quy định và đúng hạn, doanh nghiệp không phải bổ sung nhiều lần",
        "Rà soát, hướng dẫn đầy đủ hồ sơ ngay khi tiếp nhận; thông báo tiến độ qua thư điện tử; chủ động "
        "liên hệ doanh nghiệp khi có vướng mắc.",
        "Kế toán doanh nghiệp xuất khẩu, doanh nghiệp có dự án đầu tư",
        "Doanh nghiệp đề nghị hoàn thuế giá trị gia tăng",
        [("Tỷ lệ hồ sơ hoàn thuế giải quyết đúng hạn", "%", 100)],
        person="Đồng chí Ngô Văn Thành, Phó Trưởng phòng Kê khai và Kế toán thuế",
    ),
    _m(
        "DB-CT",
        _IND,
        "Đảng viên gương mẫu nơi cư trú, tích cực tham gia sinh hoạt và vận động nhân dân tổ dân phố",
        ["XDD"],
        "Một số đảng viên chưa thực sự gương mẫu, ít tham gia sinh hoạt với chi bộ, tổ dân phố nơi cư trú "
        "theo Quy định số 76-QĐ/TW của Bộ Chính trị.",
        "Giữ mối liên hệ thường xuyên với chi ủy nơi cư trú, vận động nhân dân thực hiện tốt chủ trương "
        "của Đảng, pháp luật của Nhà nước",
        "Tham gia đầy đủ sinh hoạt tổ dân phố; tuyên truyền chính sách thuế, pháp luật cho bà con; vận "
        "động các gia đình giữ gìn vệ sinh, an ninh trật tự khu dân cư.",
        "Nhân dân tổ dân phố nơi cư trú",
        "Nhân dân tổ dân phố số 5, phường Đằng Giang, quận Ngô Quyền",
        [("Số buổi tham gia sinh hoạt tại nơi cư trú", "buổi", 12)],
        person="Đồng chí Đinh Thị Phương, Kiểm tra viên chính Phòng Kiểm tra thuế số 1",
        area="Phường Đằng Giang, quận Ngô Quyền",
    ),
    # --- Đảng bộ Cục Thống kê (3) ---
    _m(
        "DB-CTK",
        _COL,
        "Cán bộ Cục Thống kê vận động hộ dân, doanh nghiệp cung cấp thông tin thống kê đầy đủ, chính xác",
        ["KTXH"],
        "Nhiều hộ dân, doanh nghiệp còn e ngại, từ chối cung cấp thông tin khi điều tra thống kê, ảnh "
        "hưởng đến chất lượng số liệu.",
        "Nâng cao tỷ lệ hộ, doanh nghiệp cung cấp thông tin đầy đủ, đúng hạn trong các cuộc điều tra",
        "Tuyên truyền mục đích, ý nghĩa điều tra qua loa truyền thanh, tờ rơi; điều tra viên gặp gỡ trực "
        "tiếp, giải thích cam kết bảo mật thông tin; phối hợp với tổ trưởng dân phố, trưởng thôn.",
        "Hộ dân cư, doanh nghiệp, cơ sở sản xuất kinh doanh cá thể",
        "Cơ quan quản lý, người dùng tin và người dân được tiếp cận số liệu thống kê chính xác",
        [
            ("Tỷ lệ phiếu điều tra doanh nghiệp thu được đúng hạn", "%", 95),
            ("Số buổi tuyên truyền tại cơ sở", "buổi", 20),
        ],
    ),
    _m(
        "CB-TKTH",
        _COL,
        "Công khai, phổ biến số liệu thống kê kinh tế - xã hội thân thiện, dễ tiếp cận với người dân",
        ["CCHC", "KTXH"],
        "Người dân khó tiếp cận số liệu thống kê do ấn phẩm phát hành hạn chế, cách trình bày khô cứng.",
        "Phổ biến số liệu thống kê kịp thời, dễ hiểu, đáp ứng nhu cầu sử dụng thông tin của người dân",
        "Biên soạn ấn phẩm thống kê tóm tắt, đồ họa thông tin; đăng tải định kỳ trên trang thông tin điện "
        "tử; tiếp nhận, trả lời yêu cầu cung cấp số liệu.",
        "Người dân, doanh nghiệp, nhà nghiên cứu, sinh viên",
        "Người dùng tin thống kê trên địa bàn thành phố",
        [
            ("Số ấn phẩm thống kê được phổ biến", "ấn phẩm", 12),
            ("Tỷ lệ yêu cầu cung cấp số liệu được đáp ứng đúng hạn", "%", 100),
        ],
        area="Trụ sở Cục Thống kê và trang thông tin điện tử của Cục",
    ),
    _m(
        "DB-CTK",
        _IND,
        "Điều tra viên thống kê gần dân, hiểu dân trong khảo sát mức sống dân cư tại hộ gia đình",
        ["ASXH"],
        "Khảo sát mức sống dân cư cần thông tin chi tiết về thu nhập, chi tiêu; nhiều hộ ngại trả lời.",
        "Thu thập đầy đủ, chính xác thông tin tại các hộ được phân công, không có phiếu phải điều tra lại",
        "Làm quen, trò chuyện trước với hộ; giải thích rõ ý nghĩa khảo sát; bố trí thời gian phỏng vấn phù "
        "hợp với sinh hoạt của gia đình.",
        "Hộ gia đình được chọn mẫu khảo sát",
        "Các cơ quan hoạch định chính sách giảm nghèo, an sinh xã hội của thành phố",
        [("Số hộ được phỏng vấn đầy đủ", "hộ", 120)],
        person="Đồng chí Phạm Thị Thanh Tâm, Thống kê viên Phòng Thống kê Xã hội",
        area="Các địa bàn được chọn mẫu tại quận Lê Chân và huyện An Dương",
    ),
    # --- Đảng bộ Sở Nội vụ (3) ---
    _m(
        "CB-BTDKT",
        _COL,
        "Phát hiện, khen thưởng kịp thời người tốt, việc tốt và người lao động trực tiếp",
        ["XDCQ"],
        "Tỷ lệ khen thưởng cho công nhân, nông dân, người lao động trực tiếp còn thấp; nhiều gương người "
        "tốt, việc tốt chưa được phát hiện.",
        "Tăng tỷ lệ khen thưởng người lao động trực tiếp, kịp thời biểu dương gương người tốt, việc tốt",
        "Phối hợp với các sở, ngành, quận, huyện phát hiện điển hình; rút ngắn quy trình xét khen thưởng "
        "đột xuất; tuyên truyền gương điển hình trên báo, đài.",
        "Cán bộ làm công tác thi đua, khen thưởng các cơ quan, đơn vị",
        "Công nhân, nông dân, người lao động trực tiếp, người có thành tích xuất sắc",
        [
            ("Tỷ lệ khen thưởng cho người lao động trực tiếp", "%", 30),
            ("Số gương người tốt, việc tốt được khen thưởng đột xuất", "trường hợp", 100),
        ],
    ),
    _m(
        "DB-SNV",
        _COL,
        "Sở Nội vụ giải quyết thủ tục hành chính đúng hạn, hướng tới sự hài lòng của tổ chức, công dân",
        ["CCHC"],
        "Sở Nội vụ là cơ quan tham mưu cải cách hành chính của thành phố, cần gương mẫu trong giải quyết "
        "thủ tục hành chính cho tổ chức, công dân.",
        "Giải quyết đúng hạn các thủ tục về tổ chức bộ máy, tôn giáo, thi đua khen thưởng, văn thư lưu trữ",
        "Chuẩn hóa quy trình nội bộ; khảo sát mức độ hài lòng của tổ chức, công dân hằng quý; công khai "
        "kết quả giải quyết trên trang thông tin điện tử của Sở.",
        "Công chức bộ phận một cửa và các phòng chuyên môn",
        "Tổ chức, công dân, chức sắc tôn giáo có thủ tục tại Sở",
        [
            ("Tỷ lệ hồ sơ giải quyết đúng hạn", "%", 100),
            ("Tỷ lệ tổ chức, công dân hài lòng", "%", 90),
        ],
    ),
    _m(
        "DB-SNV",
        _IND,
        "Vận động chức sắc, tín đồ các tôn giáo sống tốt đời, đẹp đạo, chấp hành tốt pháp luật",
        ["XDCQ"],
        "Hoạt động tôn giáo trên địa bàn thành phố đa dạng; một số cơ sở tôn giáo xây dựng, sửa chữa chưa "
        "đúng thủ tục.",
        "Giúp các cơ sở tôn giáo thực hiện đúng quy định, tạo sự đồng thuận trong chức sắc, tín đồ",
        "Thường xuyên gặp gỡ, thăm hỏi chức sắc nhân dịp lễ lớn; hướng dẫn thủ tục theo quy định của pháp "
        "luật về tín ngưỡng, tôn giáo; lắng nghe, giải quyết kịp thời các kiến nghị chính đáng.",
        "Chức sắc, chức việc, tín đồ các tôn giáo",
        "Các cơ sở tôn giáo, tín đồ trên địa bàn thành phố",
        [("Số cơ sở tôn giáo được hướng dẫn thủ tục", "cơ sở", 40)],
        person="Đồng chí Lê Thị Thúy, Chuyên viên Ban Tôn giáo",
    ),
    # --- Đảng bộ Sở Tài chính (3) ---
    _m(
        "DB-STC",
        _COL,
        "Công khai, minh bạch ngân sách; tận tình hướng dẫn các đơn vị lập dự toán, quyết toán",
        ["CCHC"],
        "Nhiều đơn vị sử dụng ngân sách, xã, phường còn lúng túng trong lập dự toán, quyết toán, dẫn đến "
        "hồ sơ phải trả lại nhiều lần.",
        "Giảm hồ sơ quyết toán phải trả lại, công khai đầy đủ thông tin ngân sách theo quy định",
        "Tổ chức tập huấn chế độ tài chính mới; hướng dẫn trực tiếp qua điện thoại, thư điện tử; công khai "
        "dự toán, quyết toán ngân sách trên trang thông tin điện tử của Sở.",
        "Kế toán, thủ trưởng đơn vị sử dụng ngân sách; cán bộ tài chính xã, phường",
        "Các cơ quan, đơn vị, xã, phường, thị trấn trên địa bàn thành phố",
        [
            ("Số lớp tập huấn chế độ tài chính", "lớp", 8),
            ("Tỷ lệ hồ sơ quyết toán đạt yêu cầu ngay lần đầu", "%", 90),
        ],
    ),
    _m(
        "DB-STC",
        _COL,
        "Thẩm định giá đất bồi thường công khai, đúng chính sách, tạo đồng thuận trong nhân dân",
        ["KTXH", "XDCQ"],
        "Công tác bồi thường, hỗ trợ khi Nhà nước thu hồi đất cho các dự án trọng điểm còn phát sinh khiếu "
        "nại do chưa thống nhất về giá.",
        "Thẩm định phương án bồi thường đúng chính sách, kịp thời, góp phần giảm khiếu nại về giá đất",
        "Khảo sát giá thực tế; phối hợp với quận, huyện tham gia đối thoại, giải thích chính sách cho "
        "người có đất bị thu hồi; công khai phương án trước khi phê duyệt.",
        "Hộ gia đình, cá nhân có đất bị thu hồi; cán bộ làm công tác giải phóng mặt bằng",
        "Người có đất bị thu hồi, chủ đầu tư các dự án",
        [
            ("Tỷ lệ phương án bồi thường được thẩm định đúng hạn", "%", 100),
            ("Số buổi đối thoại với người dân", "buổi", 10),
        ],
        area="Các dự án trọng điểm tại quận Hải An, huyện An Dương, huyện Thủy Nguyên",
    ),
    _m(
        "DB-STC",
        _IND,
        "Chủ động hướng dẫn các đơn vị sự nghiệp công lập thực hiện cơ chế tự chủ tài chính",
        ["XDCQ"],
        "Thực hiện Nghị định số 16/2015/NĐ-CP, nhiều đơn vị sự nghiệp công lập còn lúng túng khi xây dựng "
        "phương án tự chủ.",
        "Giúp các đơn vị xây dựng phương án tự chủ đúng quy định, tăng mức độ tự chủ tài chính",
        "Biên soạn hướng dẫn mẫu; làm việc trực tiếp với từng đơn vị; tham mưu tháo gỡ vướng mắc.",
        "Thủ trưởng, kế toán các đơn vị sự nghiệp công lập",
        "Các đơn vị sự nghiệp công lập thuộc thành phố",
        [("Số đơn vị được hướng dẫn xây dựng phương án tự chủ", "đơn vị", 40)],
        person="Đồng chí Nguyễn Thị Mai Phương, Trưởng phòng Tài chính hành chính sự nghiệp",
    ),
    # --- Đảng bộ Sở Xây dựng (3) ---
    _m(
        "DB-SXD",
        _COL,
        "Cấp phép xây dựng nhanh, gọn, đúng quy định, không để người dân, doanh nghiệp phải chờ đợi",
        ["CCHC"],
        "Thủ tục cấp phép xây dựng còn phức tạp, một số hồ sơ giải quyết kéo dài, ảnh hưởng tiến độ đầu tư.",
        "Rút ngắn thời gian cấp giấy phép xây dựng, bảo đảm hồ sơ được giải quyết đúng hạn",
        "Rà soát, cắt giảm thành phần hồ sơ; tiếp nhận hồ sơ trực tuyến; công khai tiến độ giải quyết; chủ "
        "động hướng dẫn chủ đầu tư hoàn thiện hồ sơ.",
        "Chủ đầu tư, doanh nghiệp, hộ gia đình xin cấp phép xây dựng",
        "Tổ chức, cá nhân có nhu cầu cấp phép xây dựng",
        [
            ("Tỷ lệ hồ sơ cấp phép xây dựng giải quyết đúng hạn", "%", 100),
            ("Số hồ sơ tiếp nhận trực tuyến", "hồ sơ", 200),
        ],
    ),
    _m(
        "DB-SXD",
        _COL,
        "Vận động người dân các khu chung cư cũ đồng thuận cải tạo, xây dựng lại nhà chung cư",
        ["KTXH"],
        "Nhiều khu chung cư cũ tại các quận nội thành đã xuống cấp nghiêm trọng, nguy hiểm nhưng việc di "
        "dời, cải tạo gặp khó khăn do người dân chưa đồng thuận.",
        "Tạo sự đồng thuận của người dân trong di dời, cải tạo các khu chung cư cũ nguy hiểm",
        "Tổ chức đối thoại, giải thích chính sách bồi thường, tái định cư; phối hợp với phường, tổ dân phố "
        "vận động từng hộ; công khai phương án cải tạo.",
        "Hộ dân đang sinh sống tại các khu chung cư cũ",
        "Người dân các khu chung cư cũ quận Ngô Quyền, Lê Chân",
        [
            ("Số buổi đối thoại với người dân", "buổi", 12),
            ("Tỷ lệ hộ dân đồng thuận với phương án cải tạo", "%", 80),
        ],
        area="Các quận Ngô Quyền, Lê Chân",
    ),
    _m(
        "DB-SXD",
        _IND,
        "Tận tình tư vấn cho người dân xây dựng nhà ở riêng lẻ đúng quy hoạch, đúng giấy phép",
        ["XDCQ"],
        "Nhiều hộ gia đình chưa nắm rõ quy định về cấp phép, xây dựng sai phép, không phép nên bị xử phạt.",
        "Giúp người dân hiểu và thực hiện đúng quy định về xây dựng nhà ở riêng lẻ",
        "Tư vấn trực tiếp tại bộ phận một cửa và qua điện thoại; biên soạn tài liệu hướng dẫn ngắn gọn; "
        "tham gia tuyên truyền tại các phường có nhiều công trình xây dựng.",
        "Hộ gia đình, cá nhân có nhu cầu xây dựng, sửa chữa nhà ở",
        "Người dân các quận, huyện",
        [("Số lượt người dân được tư vấn", "lượt", 500)],
        person="Đồng chí Đoàn Minh Đức, Chuyên viên Phòng Quản lý hoạt động xây dựng",
    ),
    # --- Đảng bộ Sở Giao thông vận tải (3) ---
    _m(
        "CB-TTGT",
        _COL,
        "Thanh tra giao thông văn minh, tận tụy, nói không với tiêu cực khi thực thi nhiệm vụ",
        ["XDCQ", "CQVH"],
        "Hoạt động tuần tra, kiểm soát của lực lượng thanh tra giao thông tiếp xúc nhiều với người dân, dễ "
        "phát sinh tiêu cực, phản ánh.",
        "Không để xảy ra tiêu cực, nhũng nhiễu khi thi hành công vụ; giữ gìn hình ảnh thanh tra giao thông",
        "Ký cam kết không tiêu cực; sử dụng thiết bị ghi hình khi làm nhiệm vụ; công khai đường dây nóng; "
        "luân chuyển vị trí công tác định kỳ.",
        "Thanh tra viên, nhân viên Thanh tra Sở",
        "Người tham gia giao thông, doanh nghiệp vận tải",
        [
            ("Tỷ lệ thanh tra viên ký cam kết", "%", 100),
            ("Số buổi tuyên truyền an toàn giao thông cho lái xe", "buổi", 12),
        ],
        area="Các tuyến đường, bến xe trên địa bàn thành phố",
    ),
    _m(
        "DB-SGTVT",
        _COL,
        "Hướng dẫn tận tình, cấp đổi giấy phép lái xe nhanh chóng, thuận tiện cho người dân",
        ["CCHC"],
        "Nhu cầu cấp đổi giấy phép lái xe lớn, người dân phải xếp hàng chờ đợi lâu, có hiện tượng cò mồi.",
        "Giảm thời gian chờ đợi, chấm dứt tình trạng cò mồi trong cấp đổi giấy phép lái xe",
        "Tiếp nhận hồ sơ cả ngày thứ Bảy; tiếp nhận qua dịch vụ bưu chính và trực tuyến; niêm yết công "
        "khai thủ tục, lệ phí; bố trí cán bộ hướng dẫn tại sảnh.",
        "Người dân có nhu cầu cấp đổi giấy phép lái xe",
        "Người dân, lái xe trên địa bàn thành phố",
        [
            ("Tỷ lệ giấy phép lái xe trả đúng hẹn", "%", 100),
            ("Số hồ sơ tiếp nhận qua bưu chính, trực tuyến", "hồ sơ", 3000),
        ],
    ),
    _m(
        "DB-SGTVT",
        _IND,
        "Kỹ sư giao thông đồng hành cùng nhân dân xây dựng đường giao thông nông thôn đúng kỹ thuật",
        ["NTM"],
        "Nhiều xã xây dựng đường giao thông nông thôn theo cơ chế hỗ trợ xi măng nhưng thiếu hướng dẫn kỹ "
        "thuật, chất lượng công trình chưa bảo đảm.",
        "Hướng dẫn kỹ thuật để đường giao thông nông thôn được xây dựng đúng tiêu chuẩn, bền vững",
        "Trực tiếp xuống hiện trường hướng dẫn ban phát triển thôn về kỹ thuật thi công, bảo dưỡng; vận "
        "động nhân dân hiến đất mở rộng đường.",
        "Ban quản lý xây dựng nông thôn mới, ban phát triển thôn, nhân dân",
        "Nhân dân các xã huyện An Lão, Tiên Lãng",
        [("Số km đường giao thông nông thôn được hướng dẫn kỹ thuật", "km", 25)],
        person="Đồng chí Hoàng Văn Trung, Phó Trưởng phòng Quản lý kết cấu hạ tầng giao thông",
        area="Các xã huyện An Lão, Tiên Lãng",
    ),
    # --- Đảng bộ Sở Công Thương (3) ---
    _m(
        "CB-CCQLTT",
        _COL,
        "Vận động tiểu thương chợ truyền thống không kinh doanh hàng giả, hàng kém chất lượng",
        ["KTXH"],
        "Hàng giả, hàng không rõ nguồn gốc vẫn được bày bán tại một số chợ, ảnh hưởng người tiêu dùng.",
        "Vận động tiểu thương cam kết kinh doanh hàng hóa có nguồn gốc rõ ràng, niêm yết giá",
        "Tổ chức hội nghị tuyên truyền tại chợ; hướng dẫn nhận biết hàng giả; vận động ký cam kết; kết hợp "
        "kiểm tra, xử lý vi phạm.",
        "Tiểu thương tại các chợ truyền thống",
        "Người tiêu dùng tại chợ Sắt, chợ Tam Bạc, chợ An Dương",
        [
            ("Số tiểu thương ký cam kết", "tiểu thương", 800),
            ("Số hội nghị tuyên truyền tại chợ", "hội nghị", 10),
        ],
        area="Chợ Sắt, chợ Tam Bạc, chợ An Dương",
    ),
    _m(
        "DB-SCT",
        _COL,
        "Đưa hàng Việt về nông thôn, kết nối tiêu thụ sản phẩm cho các hợp tác xã của thành phố",
        ["KTXH", "NTM"],
        "Người dân nông thôn ít có cơ hội tiếp cận hàng Việt chất lượng, giá hợp lý; sản phẩm của hợp tác "
        "xã khó tìm đầu ra.",
        "Tổ chức các phiên chợ hàng Việt tại nông thôn, kết nối tiêu thụ sản phẩm địa phương",
        "Phối hợp với doanh nghiệp phân phối tổ chức phiên chợ hàng Việt tại các huyện; giới thiệu sản "
        "phẩm của hợp tác xã vào siêu thị, chuỗi cửa hàng tiện lợi.",
        "Doanh nghiệp phân phối, hợp tác xã, người tiêu dùng nông thôn",
        "Người dân, hợp tác xã tại các huyện ngoại thành",
        [
            ("Số phiên chợ hàng Việt về nông thôn", "phiên", 6),
            ("Số sản phẩm hợp tác xã được đưa vào hệ thống phân phối", "sản phẩm", 20),
        ],
    ),
    _m(
        "DB-SCT",
        _IND,
        "Cán bộ Sở Công Thương hướng dẫn hộ dân nông thôn sử dụng điện an toàn, tiết kiệm",
        ["KTXH"],
        "Tai nạn điện trong sinh hoạt và sản xuất vẫn xảy ra ở nông thôn, ý thức tiết kiệm điện của người "
        "dân chưa cao.",
        "Nâng cao nhận thức sử dụng điện an toàn, tiết kiệm cho người dân nông thôn",
        "Phối hợp với điện lực huyện tổ chức tuyên truyền tại thôn; hướng dẫn kiểm tra đường dây sau công "
        "tơ; vận động sử dụng thiết bị tiết kiệm điện.",
        "Hộ gia đình nông thôn, hộ sản xuất nhỏ",
        "Người dân các huyện Vĩnh Bảo, Tiên Lãng",
        [("Số buổi tuyên truyền tại thôn", "buổi", 15)],
        person="Đồng chí Trịnh Văn Hòa, Chuyên viên Phòng Quản lý năng lượng",
        area="Các huyện Vĩnh Bảo, Tiên Lãng",
    ),
    # --- Đảng bộ Sở Văn hóa và Thể thao (3) ---
    _m(
        "CB-BTHP",
        _COL,
        "Bảo tàng thân thiện, đưa di sản văn hóa Hải Phòng đến gần hơn với học sinh, sinh viên",
        ["CQVH", "KTXH"],
        "Lượng khách tham quan bảo tàng còn ít, hình thức trưng bày chưa hấp dẫn học sinh, sinh viên.",
        "Thu hút học sinh, sinh viên đến tham quan, học tập lịch sử tại bảo tàng",
        "Phối hợp với các trường tổ chức chương trình giáo dục trải nghiệm; thuyết minh miễn phí cho đoàn "
        "học sinh; tổ chức trưng bày lưu động tại trường học.",
        "Học sinh, sinh viên, giáo viên các trường trên địa bàn thành phố",
        "Học sinh, sinh viên, khách tham quan",
        [
            ("Số lượt học sinh, sinh viên tham quan", "lượt", 20000),
            ("Số đợt trưng bày lưu động tại trường học", "đợt", 6),
        ],
        area="Bảo tàng Hải Phòng và các trường học trên địa bàn thành phố",
    ),
    _m(
        "DB-SVHTT",
        _COL,
        "Vận động nhân dân thực hiện nếp sống văn minh trong việc cưới, việc tang và lễ hội",
        ["CQVH", "NTM"],
        "Việc cưới, việc tang ở một số địa phương còn phô trương, lãng phí; lễ hội còn hiện tượng chen "
        "lấn, thương mại hóa.",
        "Góp phần xây dựng nếp sống văn minh, giảm lãng phí trong việc cưới, việc tang và lễ hội",
        "Phối hợp với Mặt trận Tổ quốc, các đoàn thể tuyên truyền, vận động; hướng dẫn xây dựng hương ước, "
        "quy ước; kiểm tra việc tổ chức lễ hội.",
        "Nhân dân, ban tổ chức lễ hội, ban vận động khu dân cư",
        "Nhân dân các khu dân cư trên địa bàn thành phố",
        [
            ("Số khu dân cư được hướng dẫn xây dựng quy ước", "khu dân cư", 50),
            ("Số lễ hội được kiểm tra, hướng dẫn", "lễ hội", 20),
        ],
    ),
    _m(
        "DB-SVHTT",
        _IND,
        "Huấn luyện viên tình nguyện dạy bơi miễn phí, phòng, chống đuối nước cho trẻ em",
        ["ASXH"],
        "Tai nạn đuối nước ở trẻ em vào mùa hè còn xảy ra, nhiều trẻ em vùng nông thôn chưa biết bơi.",
        "Dạy bơi an toàn cho trẻ em, góp phần giảm tai nạn đuối nước",
        "Tổ chức lớp dạy bơi miễn phí trong dịp hè tại bể bơi di động; hướng dẫn kỹ năng an toàn dưới nước "
        "cho phụ huynh, giáo viên.",
        "Trẻ em, phụ huynh, giáo viên",
        "Trẻ em từ 6 đến 15 tuổi tại huyện Thủy Nguyên",
        [("Số trẻ em được dạy bơi", "trẻ em", 300)],
        person="Đồng chí Phạm Quang Vinh, Huấn luyện viên Trung tâm Huấn luyện và Thi đấu thể dục thể thao",
        area="Huyện Thủy Nguyên",
    ),
    # --- Đảng bộ Sở Kế hoạch và Đầu tư (3) ---
    _m(
        "CB-DKKD",
        _COL,
        "Hỗ trợ người khởi nghiệp đăng ký doanh nghiệp qua mạng nhanh, không mất chi phí đi lại",
        ["CCHC", "KTXH"],
        "Tỷ lệ hồ sơ đăng ký doanh nghiệp qua mạng còn thấp, nhiều người khởi nghiệp phải thuê dịch vụ.",
        "Tăng tỷ lệ hồ sơ đăng ký doanh nghiệp qua mạng, giải quyết đúng hoặc trước hạn",
        "Hướng dẫn trực tiếp tại bộ phận một cửa, qua điện thoại; tổ chức tập huấn đăng ký qua mạng; trả "
        "kết quả qua đường bưu chính.",
        "Người thành lập doanh nghiệp, doanh nghiệp đăng ký thay đổi",
        "Doanh nghiệp, nhà đầu tư trên địa bàn thành phố",
        [
            ("Tỷ lệ hồ sơ đăng ký doanh nghiệp qua mạng", "%", 50),
            ("Tỷ lệ hồ sơ giải quyết đúng hoặc trước hạn", "%", 100),
        ],
    ),
    _m(
        "DB-SKHDT",
        _COL,
        "Đồng hành cùng nhà đầu tư, tháo gỡ khó khăn cho các dự án đầu tư ngoài ngân sách",
        ["KTXH"],
        "Nhiều dự án đầu tư ngoài ngân sách chậm triển khai do vướng thủ tục đất đai, giải phóng mặt bằng.",
        "Kịp thời tháo gỡ vướng mắc, đẩy nhanh tiến độ các dự án",
        "Tổ chức gặp gỡ nhà đầu tư định kỳ hằng quý; phân công cán bộ theo dõi từng dự án; tham mưu lãnh "
        "đạo thành phố giải quyết các kiến nghị vượt thẩm quyền.",
        "Nhà đầu tư, chủ dự án, các sở, ngành liên quan",
        "Nhà đầu tư, doanh nghiệp có dự án trên địa bàn thành phố",
        [
            ("Số hội nghị gặp gỡ nhà đầu tư", "hội nghị", 4),
            ("Tỷ lệ kiến nghị của nhà đầu tư được trả lời đúng hạn", "%", 100),
        ],
    ),
    _m(
        "DB-SKHDT",
        _IND,
        "Tư vấn tận tình thủ tục chuyển đổi, đăng ký hợp tác xã kiểu mới cho nông dân",
        ["KTXH", "NTM"],
        "Thực hiện Luật Hợp tác xã năm 2012, nhiều hợp tác xã phải chuyển đổi, đăng ký lại nhưng cán bộ "
        "hợp tác xã còn lúng túng về thủ tục.",
        "Hướng dẫn các hợp tác xã chuyển đổi, đăng ký đúng quy định",
        "Tư vấn trực tiếp, hướng dẫn mẫu hồ sơ; phối hợp với Liên minh Hợp tác xã thành phố tổ chức tập "
        "huấn tại các huyện.",
        "Ban quản trị, thành viên các hợp tác xã",
        "Hợp tác xã, thành viên hợp tác xã trên địa bàn thành phố",
        [("Số hợp tác xã được hướng dẫn chuyển đổi, đăng ký", "hợp tác xã", 60)],
        person="Đồng chí Vũ Thị Hồng Nhung, Chuyên viên Phòng Đăng ký kinh doanh",
    ),
    # --- Đảng bộ Bệnh viện Hữu nghị Việt Tiệp (3) ---
    _m(
        "DB-BVVT",
        _COL,
        "Nói không với phong bì trong khám chữa bệnh",
        ["XDCQ", "CQVH"],
        "Tình trạng người bệnh, người nhà người bệnh đưa phong bì cho nhân viên y tế vẫn còn, làm ảnh "
        "hưởng đến hình ảnh người thầy thuốc.",
        "Chấm dứt tình trạng nhận phong bì, quà biếu của người bệnh; nâng cao sự hài lòng của người bệnh",
        "Cán bộ, viên chức ký cam kết; treo biển thông báo tại các khoa, phòng; công khai đường dây nóng; "
        "xử lý nghiêm các trường hợp vi phạm.",
        "Bác sĩ, điều dưỡng, nhân viên bệnh viện; người bệnh và người nhà người bệnh",
        "Người bệnh đến khám, điều trị tại bệnh viện",
        [
            ("Tỷ lệ viên chức ký cam kết không nhận phong bì", "%", 100),
            ("Tỷ lệ người bệnh hài lòng", "%", 90),
        ],
        area="Các khoa, phòng của Bệnh viện Hữu nghị Việt Tiệp",
    ),
    _m(
        "CB-VTCC",
        _COL,
        "Cấp cứu kịp thời, tận tâm, không để người bệnh nặng phải chờ đợi thủ tục hành chính",
        ["ASXH"],
        "Khoa Cấp cứu tiếp nhận lượng lớn người bệnh nặng từ các tuyến chuyển đến, có trường hợp người nhà "
        "bức xúc vì phải chờ làm thủ tục.",
        "Ưu tiên cấp cứu trước, hoàn thiện thủ tục sau; không để người bệnh nặng phải chờ đợi",
        "Rà soát quy trình tiếp nhận; bố trí nhân viên hỗ trợ người nhà làm thủ tục; tổ chức giao ban rút "
        "kinh nghiệm hằng tuần.",
        "Bác sĩ, điều dưỡng Khoa Cấp cứu",
        "Người bệnh cấp cứu và người nhà người bệnh",
        [("Tỷ lệ người bệnh cấp cứu được xử trí trong 5 phút đầu", "%", 100)],
        area="Khoa Cấp cứu, Bệnh viện Hữu nghị Việt Tiệp",
    ),
    _m(
        "DB-BVVT",
        _IND,
        "Điều dưỡng tận tình chăm sóc, nâng đỡ tinh thần người bệnh ung thư có hoàn cảnh khó khăn",
        ["ASXH"],
        "Nhiều người bệnh ung thư điều trị dài ngày có hoàn cảnh khó khăn, tâm lý bi quan.",
        "Chăm sóc chu đáo, động viên tinh thần và kết nối hỗ trợ cho người bệnh khó khăn",
        "Trò chuyện, tư vấn dinh dưỡng; vận động nhà hảo tâm tặng suất cơm, quà; giới thiệu người bệnh "
        "tiếp cận các quỹ hỗ trợ.",
        "Nhà hảo tâm, người nhà người bệnh, đồng nghiệp trong khoa",
        "Người bệnh ung thư có hoàn cảnh khó khăn",
        [("Số suất cơm, quà hỗ trợ người bệnh", "suất", 1000)],
        person="Đồng chí Nguyễn Thị Thanh Huyền, Điều dưỡng trưởng Khoa Ung bướu",
        area="Khoa Ung bướu, Bệnh viện Hữu nghị Việt Tiệp",
    ),
    # --- Đảng bộ Cục Hải quan thành phố (3) ---
    _m(
        "DB-CHQ",
        _COL,
        "Hải quan Hải Phòng đồng hành cùng doanh nghiệp, tháo gỡ vướng mắc thủ tục xuất nhập khẩu",
        ["CCHC", "KTXH"],
        "Cảng Hải Phòng có lượng hàng hóa xuất nhập khẩu lớn, doanh nghiệp còn gặp vướng mắc về thủ tục, "
        "kiểm tra chuyên ngành.",
        "Giải quyết kịp thời vướng mắc của doanh nghiệp, giảm thời gian thông quan hàng hóa",
        "Tổ chức hội nghị đối thoại doanh nghiệp; duy trì đường dây nóng, nhóm tư vấn trực tuyến; công "
        "khai kết quả giải quyết kiến nghị.",
        "Doanh nghiệp xuất nhập khẩu, đại lý làm thủ tục hải quan",
        "Cộng đồng doanh nghiệp xuất nhập khẩu qua cảng Hải Phòng",
        [
            ("Số hội nghị đối thoại doanh nghiệp", "hội nghị", 6),
            ("Tỷ lệ kiến nghị được trả lời đúng hạn", "%", 100),
        ],
        area="Các chi cục hải quan trực thuộc Cục Hải quan thành phố Hải Phòng",
    ),
    _m(
        "DB-CHQ",
        _COL,
        "Công chức hải quan văn minh, liêm chính, nói không với tiêu cực tại cửa khẩu, cảng biển",
        ["XDD", "XDCQ"],
        "Công chức hải quan làm việc trực tiếp với doanh nghiệp tại cửa khẩu, cảng biển, dễ phát sinh tiêu "
        "cực, nhũng nhiễu.",
        "Không để công chức vi phạm quy tắc ứng xử, gây phiền hà cho doanh nghiệp",
        "Giáo dục chính trị tư tưởng, ký cam kết; lắp camera giám sát tại khu vực làm thủ tục; tiếp nhận, "
        "xử lý phản ánh qua đường dây nóng.",
        "Cán bộ, công chức các chi cục hải quan cửa khẩu",
        "Doanh nghiệp làm thủ tục tại các chi cục hải quan",
        [
            ("Tỷ lệ công chức ký cam kết thực hiện quy tắc ứng xử", "%", 100),
            ("Số cuộc kiểm tra đột xuất công vụ", "cuộc", 12),
        ],
        area="Các chi cục hải quan cửa khẩu cảng biển Hải Phòng",
    ),
    _m(
        "DB-CHQ",
        _IND,
        "Hướng dẫn doanh nghiệp mới khai hải quan điện tử đúng ngay từ đầu trên hệ thống VNACCS/VCIS",
        ["CCHC"],
        "Nhiều doanh nghiệp mới tham gia xuất nhập khẩu chưa thành thạo khai báo trên hệ thống, thường "
        "phải sửa đổi, bổ sung tờ khai.",
        "Giúp doanh nghiệp khai báo đúng ngay từ đầu, giảm tờ khai phải sửa đổi, bổ sung",
        "Hướng dẫn trực tiếp tại chi cục và qua điện thoại; soạn tài liệu về các lỗi thường gặp; tổ chức "
        "buổi trao đổi kinh nghiệm với doanh nghiệp.",
        "Nhân viên khai báo hải quan của doanh nghiệp mới",
        "Doanh nghiệp xuất nhập khẩu mới thành lập",
        [("Số doanh nghiệp được hướng dẫn", "doanh nghiệp", 120)],
        person="Đồng chí Trần Quốc Việt, Công chức Chi cục Hải quan cửa khẩu cảng Hải Phòng khu vực I",
        area="Chi cục Hải quan cửa khẩu cảng Hải Phòng khu vực I",
    ),
    # --- Các đơn vị đăng ký 2 mô hình ---
    _m(
        "DB-STTTT",
        _COL,
        "Đưa thông tin chủ trương của thành phố đến với người dân kịp thời qua hệ thống truyền thanh cơ sở",
        ["XDCQ", "NTM"],
        "Đài truyền thanh ở nhiều xã xuống cấp, nội dung phát thanh đơn điệu, chưa thu hút người nghe.",
        "Nâng cao chất lượng thông tin cơ sở, đưa chủ trương, chính sách đến người dân nhanh chóng",
        "Cung cấp tài liệu, tin bài định kỳ cho đài truyền thanh xã; tập huấn nghiệp vụ cho cán bộ truyền "
        "thanh; hướng dẫn ứng dụng công nghệ truyền thanh không dây.",
        "Cán bộ văn hóa - thông tin, đài truyền thanh cấp xã",
        "Nhân dân các xã, phường, thị trấn",
        [
            ("Số cán bộ truyền thanh cơ sở được tập huấn", "người", 220),
            ("Số tin, bài cung cấp cho đài truyền thanh cơ sở", "tin, bài", 300),
        ],
    ),
    _m(
        "DB-STTTT",
        _COL,
        "Hỗ trợ người dân, doanh nghiệp sử dụng Cổng dịch vụ công trực tuyến của thành phố",
        ["CCHC"],
        "Cổng dịch vụ công trực tuyến thành phố đã cung cấp nhiều dịch vụ mức độ 3, 4 nhưng số hồ sơ nộp "
        "trực tuyến còn ít.",
        "Tăng số hồ sơ nộp trực tuyến, giúp người dân quen dần với dịch vụ công trực tuyến",
        "Tuyên truyền trên báo, đài, mạng xã hội; xây dựng video hướng dẫn; cử đoàn viên thanh niên hỗ trợ "
        "trực tiếp tại bộ phận một cửa các quận, huyện.",
        "Người dân, doanh nghiệp, cán bộ bộ phận một cửa các cấp",
        "Người dân, doanh nghiệp thực hiện thủ tục hành chính",
        [
            ("Số hồ sơ nộp trực tuyến qua Cổng dịch vụ công", "hồ sơ", 10000),
            ("Số video hướng dẫn được xây dựng", "video", 20),
        ],
        area="Bộ phận một cửa các quận, huyện và Cổng dịch vụ công trực tuyến thành phố",
    ),
    _m(
        "DB-SKHCN",
        _COL,
        "Đưa tiến bộ khoa học kỹ thuật về nông thôn, giúp nông dân nâng cao thu nhập",
        ["NTM", "KTXH"],
        "Nông dân ít được tiếp cận tiến bộ khoa học kỹ thuật, năng suất cây trồng, vật nuôi còn thấp.",
        "Chuyển giao các mô hình ứng dụng khoa học công nghệ phù hợp cho nông dân",
        "Chuyển giao công nghệ trồng nấm, rau an toàn trong nhà màng; tập huấn, tham quan mô hình.",
        "Nông dân, hợp tác xã tại các xã xây dựng nông thôn mới",
        "Nông dân huyện An Dương, huyện Thủy Nguyên",
        [
            ("Số mô hình ứng dụng khoa học công nghệ được chuyển giao", "mô hình", 5),
            ("Số lượt nông dân được tập huấn", "lượt", 400),
        ],
        area="Các huyện An Dương, Thủy Nguyên",
    ),
    _m(
        "DB-SKHCN",
        _IND,
        "Hướng dẫn doanh nghiệp nhỏ đăng ký bảo hộ nhãn hiệu, xây dựng thương hiệu cho sản phẩm",
        ["KTXH"],
        "Nhiều sản phẩm đặc sản của Hải Phòng chưa được đăng ký bảo hộ, doanh nghiệp nhỏ chưa quan tâm đến "
        "sở hữu trí tuệ.",
        "Hướng dẫn doanh nghiệp, hợp tác xã lập hồ sơ đăng ký bảo hộ nhãn hiệu",
        "Tư vấn miễn phí, hướng dẫn lập hồ sơ; giới thiệu chương trình hỗ trợ phát triển tài sản trí tuệ "
        "của thành phố.",
        "Doanh nghiệp nhỏ, hợp tác xã, cơ sở sản xuất đặc sản",
        "Doanh nghiệp, hợp tác xã có sản phẩm đặc trưng của thành phố",
        [("Số hồ sơ đăng ký bảo hộ nhãn hiệu được hướng dẫn", "hồ sơ", 30)],
        person="Đồng chí Lê Minh Tâm, Phó Trưởng phòng Quản lý chuyên ngành",
    ),
    _m(
        "DB-BQLKKT",
        _COL,
        "Ban Quản lý Khu kinh tế đồng hành cùng nhà đầu tư, giải quyết thủ tục theo cơ chế một cửa tại chỗ",
        ["CCHC", "KTXH"],
        "Khu kinh tế Đình Vũ - Cát Hải và các khu công nghiệp thu hút nhiều dự án mới, nhà đầu tư cần thủ "
        "tục nhanh gọn.",
        "Giải quyết thủ tục đầu tư, xây dựng, lao động cho nhà đầu tư nhanh, đúng hạn",
        "Tiếp nhận và trả kết quả tại một đầu mối; rút ngắn thời gian cấp giấy chứng nhận đăng ký đầu tư; "
        "tổ chức gặp gỡ, đối thoại định kỳ với doanh nghiệp.",
        "Nhà đầu tư, doanh nghiệp trong khu kinh tế, khu công nghiệp",
        "Nhà đầu tư trong nước và nước ngoài",
        [
            ("Tỷ lệ hồ sơ giải quyết trước hạn", "%", 80),
            ("Số buổi đối thoại với doanh nghiệp", "buổi", 4),
        ],
        area="Khu kinh tế Đình Vũ - Cát Hải và các khu công nghiệp của thành phố",
    ),
    _m(
        "DB-BQLKKT",
        _COL,
        "Chăm lo đời sống, nhà ở cho công nhân lao động trong các khu công nghiệp",
        ["ASXH", "XDDT"],
        "Công nhân lao động tại các khu công nghiệp phần lớn là người ngoại tỉnh, thiếu nhà ở, đời sống "
        "tinh thần còn nghèo nàn.",
        "Vận động doanh nghiệp quan tâm hơn đến nhà ở, đời sống văn hóa của công nhân",
        "Phối hợp với công đoàn các khu công nghiệp vận động doanh nghiệp xây dựng nhà ở, thiết chế văn "
        "hóa cho công nhân; tổ chức chương trình Tết sum vầy.",
        "Chủ doanh nghiệp, công đoàn cơ sở trong khu công nghiệp",
        "Công nhân lao động các khu công nghiệp",
        [
            ("Số suất quà tặng công nhân có hoàn cảnh khó khăn", "suất", 500),
            ("Số doanh nghiệp được vận động", "doanh nghiệp", 50),
        ],
        area="Các khu công nghiệp Nomura, Đình Vũ, Tràng Duệ",
    ),
    _m(
        "CB-TTTP",
        _COL,
        "Thanh tra thành phố đối thoại trực tiếp, giải quyết dứt điểm các vụ khiếu nại đông người, kéo dài",
        ["XDCQ"],
        "Một số vụ khiếu nại đông người, kéo dài về đất đai chưa được giải quyết dứt điểm, tiềm ẩn phức tạp.",
        "Rà soát, giải quyết dứt điểm các vụ việc tồn đọng, kéo dài",
        "Lập tổ công tác rà soát từng vụ việc; tổ chức đối thoại trực tiếp với công dân; phối hợp với "
        "quận, huyện vận động công dân chấp hành quyết định giải quyết.",
        "Công dân có khiếu nại đông người, kéo dài",
        "Công dân, tổ chức có khiếu nại, tố cáo",
        [
            ("Số vụ việc tồn đọng được rà soát, giải quyết", "vụ việc", 20),
            ("Số buổi đối thoại với công dân", "buổi", 15),
        ],
    ),
    _m(
        "CB-TTTP",
        _IND,
        "Tận tâm hướng dẫn công dân viết đơn, thực hiện quyền khiếu nại, tố cáo đúng pháp luật",
        ["XDCQ"],
        "Nhiều đơn thư gửi không đúng thẩm quyền, nội dung không rõ ràng, làm kéo dài thời gian giải quyết.",
        "Hướng dẫn công dân gửi đơn đúng thẩm quyền, đúng quy định",
        "Lắng nghe, ghi chép đầy đủ; giải thích quy định pháp luật; hướng dẫn viết đơn và chuyển đơn đến "
        "đúng cơ quan có thẩm quyền.",
        "Công dân đến trụ sở Thanh tra thành phố",
        "Công dân có khiếu nại, tố cáo",
        [("Số lượt công dân được hướng dẫn", "lượt", 300)],
        person="Đồng chí Mạc Văn Quang, Thanh tra viên Phòng Tiếp dân và Xử lý đơn thư",
        area="Trụ sở Thanh tra thành phố",
    ),
    _m(
        "CB-SNGV",
        _COL,
        "Hỗ trợ bảo hộ công dân, giải quyết kịp thời các vụ việc liên quan đến người Hải Phòng ở nước ngoài",
        ["ASXH", "XDCQ"],
        "Số công dân Hải Phòng đi lao động, học tập ở nước ngoài tăng, phát sinh nhiều vụ việc cần bảo hộ, "
        "hỗ trợ gia đình.",
        "Tiếp nhận, phối hợp xử lý kịp thời các vụ việc bảo hộ công dân",
        "Duy trì đầu mối liên lạc thường trực; phối hợp với các cơ quan đại diện Việt Nam ở nước ngoài; "
        "hướng dẫn gia đình thủ tục đưa thi hài, tro cốt về nước.",
        "Thân nhân công dân gặp nạn ở nước ngoài",
        "Công dân Hải Phòng ở nước ngoài và gia đình",
        [("Tỷ lệ vụ việc bảo hộ công dân được tiếp nhận, xử lý kịp thời", "%", 100)],
        area="Địa bàn thành phố Hải Phòng và các cơ quan đại diện Việt Nam ở nước ngoài",
    ),
    _m(
        "CB-SNGV",
        _COL,
        "Thủ tục cho phép tổ chức hội nghị, hội thảo quốc tế nhanh gọn, thuận tiện cho các cơ quan, đơn vị",
        ["CCHC"],
        "Các cơ quan, trường đại học tổ chức hội nghị quốc tế thường nộp hồ sơ sát ngày, thiếu thành phần.",
        "Giải quyết đúng hạn hồ sơ cho phép tổ chức hội nghị, hội thảo quốc tế",
        "Ban hành hướng dẫn mẫu; tiếp nhận hồ sơ qua thư điện tử; chủ động nhắc các đơn vị có kế hoạch "
        "đoàn ra, đoàn vào.",
        "Cơ quan, đơn vị, trường học tổ chức hội nghị quốc tế",
        "Các cơ quan, tổ chức trên địa bàn thành phố",
        [
            ("Tỷ lệ hồ sơ giải quyết đúng hạn", "%", 100),
            ("Số đơn vị được hướng dẫn", "đơn vị", 40),
        ],
    ),
    _m(
        "CB-VPHDND",
        _COL,
        "Tổng hợp đầy đủ, chuyển kịp thời ý kiến, kiến nghị của cử tri đến cơ quan có thẩm quyền",
        ["XDCQ", "QCDC"],
        "Nhiều kiến nghị của cử tri qua các kỳ tiếp xúc chưa được theo dõi, đôn đốc trả lời đến cùng.",
        "Tổng hợp, chuyển và theo dõi đến cùng kết quả trả lời mọi kiến nghị của cử tri",
        "Xây dựng phần mềm theo dõi kiến nghị cử tri; đôn đốc các sở, ngành trả lời; thông báo kết quả đến "
        "cử tri qua các kỳ tiếp xúc.",
        "Cử tri, đại biểu Quốc hội, đại biểu Hội đồng nhân dân thành phố",
        "Cử tri thành phố Hải Phòng",
        [
            ("Tỷ lệ kiến nghị cử tri được theo dõi, trả lời", "%", 100),
            ("Số cuộc tiếp xúc cử tri được phục vụ", "cuộc", 60),
        ],
    ),
    _m(
        "CB-VPHDND",
        _IND,
        "Chuyên viên tận tụy phục vụ đại biểu tiếp công dân, ghi nhận đầy đủ ý kiến của nhân dân",
        ["XDCQ"],
        "Đại biểu dân cử tiếp công dân định kỳ tại trụ sở, cần được hỗ trợ ghi nhận, phân loại đơn thư, "
        "theo dõi kết quả.",
        "Phục vụ chu đáo các buổi tiếp công dân, theo dõi đến cùng kết quả giải quyết",
        "Chuẩn bị hồ sơ, ghi biên bản; phân loại đơn thư; chuyển đơn và đôn đốc cơ quan có thẩm quyền.",
        "Công dân đến gặp đại biểu dân cử",
        "Công dân có kiến nghị, khiếu nại, tố cáo",
        [("Số buổi tiếp công dân được phục vụ", "buổi", 24)],
        person="Đồng chí Phạm Thị Ngọc Ánh, Chuyên viên Phòng Công tác Hội đồng nhân dân",
        area="Trụ sở Hội đồng nhân dân thành phố",
    ),
    _m(
        "DB-DPTTH",
        _COL,
        "Chuyên mục Đường dây nóng - cầu nối giữa người dân với chính quyền các cấp",
        ["XDCQ"],
        "Nhiều phản ánh của người dân về môi trường, trật tự đô thị, thủ tục hành chính chưa được các cơ "
        "quan tiếp nhận, giải quyết kịp thời.",
        "Phản ánh kịp thời ý kiến người dân và theo dõi đến khi có kết quả giải quyết",
        "Tiếp nhận phản ánh qua điện thoại, mạng xã hội; phóng viên xác minh, phản ánh trên sóng; đề nghị "
        "cơ quan chức năng trả lời và thông tin lại kết quả.",
        "Người dân, các cơ quan, đơn vị có trách nhiệm giải quyết",
        "Người dân thành phố",
        [
            ("Số phản ánh được xác minh, đưa tin", "phản ánh", 150),
            ("Tỷ lệ phản ánh có phản hồi của cơ quan chức năng", "%", 80),
        ],
    ),
    _m(
        "DB-DPTTH",
        _IND,
        "Phóng viên bám cơ sở, lan tỏa gương người tốt, việc tốt trong các khu dân cư",
        ["CQVH"],
        "Nhiều gương người tốt, việc tốt ở cơ sở chưa được phát hiện, tuyên truyền.",
        "Phát hiện và tuyên truyền rộng rãi các gương điển hình ở cơ sở",
        "Thường xuyên đi cơ sở, phối hợp với Mặt trận Tổ quốc, các đoàn thể nắm bắt thông tin; xây dựng "
        "phóng sự, chuyên đề phát trên sóng.",
        "Nhân dân, cán bộ cơ sở",
        "Khán giả, thính giả của Đài",
        [("Số phóng sự về gương người tốt, việc tốt", "phóng sự", 24)],
        person="Đồng chí Vũ Hoàng Nam, Phóng viên Phòng Thời sự",
    ),
    _m(
        "DB-BHP",
        _COL,
        "Chuyên mục Bạn đọc: tiếp nhận, phản ánh và theo đến cùng ý kiến, kiến nghị của người dân",
        ["XDCQ"],
        "Thư bạn đọc gửi đến Báo ngày càng nhiều, phản ánh những vấn đề bức xúc ở cơ sở.",
        "Tiếp nhận, xử lý và đăng tải kịp thời thư bạn đọc; đề nghị cơ quan chức năng trả lời",
        "Phân công phóng viên xác minh; đăng bài phản ánh và trả lời của cơ quan chức năng; tổ chức tọa "
        "đàm với bạn đọc.",
        "Bạn đọc, các cơ quan, đơn vị được phản ánh",
        "Bạn đọc, người dân thành phố",
        [
            ("Số thư bạn đọc được xử lý", "thư", 400),
            ("Số bài phản ánh, trả lời bạn đọc được đăng", "bài", 100),
        ],
    ),
    _m(
        "DB-BHP",
        _IND,
        "Nhà báo viết về những tấm gương bình dị làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        ["XDD", "CQVH"],
        "Việc tuyên truyền học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh cần nhiều gương "
        "cụ thể, gần gũi.",
        "Giới thiệu các tấm gương bình dị, lan tỏa việc làm theo Bác trong đời sống",
        "Đi cơ sở tìm hiểu, viết loạt bài; phối hợp với ban tuyên giáo các cấp ủy giới thiệu điển hình.",
        "Bạn đọc, cán bộ, đảng viên",
        "Bạn đọc Báo Hải Phòng",
        [("Số bài viết về gương điển hình", "bài", 30)],
        person="Đồng chí Trần Thị Thu Hà, Phóng viên Ban Xây dựng Đảng",
    ),
    _m(
        "DB-BVTE",
        _COL,
        "Bệnh viện Trẻ em thân thiện, tạo góc vui chơi và học tập cho bệnh nhi điều trị dài ngày",
        ["ASXH", "CQVH"],
        "Nhiều bệnh nhi điều trị dài ngày bị gián đoạn học tập, tâm lý căng thẳng.",
        "Tạo môi trường thân thiện, giúp bệnh nhi yên tâm điều trị",
        "Xây dựng góc vui chơi, thư viện tại khoa; tình nguyện viên dạy học cho bệnh nhi; tổ chức Tết "
        "Trung thu, Ngày Quốc tế thiếu nhi tại bệnh viện.",
        "Cán bộ, đoàn viên bệnh viện, tình nguyện viên, nhà hảo tâm",
        "Bệnh nhi điều trị dài ngày và gia đình",
        [
            ("Số góc vui chơi, thư viện tại các khoa", "góc", 5),
            ("Số lượt bệnh nhi tham gia hoạt động", "lượt", 3000),
        ],
        area="Các khoa điều trị nội trú của Bệnh viện Trẻ em Hải Phòng",
    ),
    _m(
        "DB-BVTE",
        _IND,
        "Bác sĩ tận tâm tư vấn cho cha mẹ cách chăm sóc trẻ sơ sinh non tháng tại nhà",
        ["ASXH"],
        "Trẻ sinh non tháng sau khi ra viện có nguy cơ tái nhập viện cao do gia đình thiếu kỹ năng chăm sóc.",
        "Giúp cha mẹ có kỹ năng chăm sóc trẻ non tháng, giảm tỷ lệ tái nhập viện",
        "Hướng dẫn phương pháp Kangaroo; tư vấn trước khi ra viện; theo dõi qua điện thoại sau khi ra viện.",
        "Cha mẹ, người chăm sóc trẻ sinh non",
        "Trẻ sơ sinh non tháng",
        [("Số gia đình được tư vấn", "gia đình", 300)],
        person="Đồng chí Đỗ Thị Thu Thủy, Bác sĩ Khoa Sơ sinh",
        area="Khoa Sơ sinh, Bệnh viện Trẻ em Hải Phòng",
    ),
    _m(
        "DB-NHCSXH",
        _COL,
        "Vốn chính sách đến đúng người, đúng đối tượng, giúp hộ nghèo thoát nghèo bền vững",
        ["ASXH", "KTXH"],
        "Một số hộ vay sử dụng vốn chưa hiệu quả, nợ quá hạn còn ở một số tổ tiết kiệm và vay vốn.",
        "Bảo đảm vốn tín dụng chính sách đến đúng đối tượng, sử dụng hiệu quả, giảm nợ quá hạn",
        "Phối hợp với các hội, đoàn thể nhận ủy thác củng cố tổ tiết kiệm và vay vốn; giao dịch tại điểm "
        "xã; hướng dẫn hộ vay xây dựng phương án sản xuất.",
        "Hộ nghèo, hộ cận nghèo, tổ trưởng tổ tiết kiệm và vay vốn",
        "Hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo, học sinh, sinh viên có hoàn cảnh khó khăn",
        [
            ("Số hộ được vay vốn chính sách", "hộ", 8000),
            ("Số tổ tiết kiệm và vay vốn được củng cố", "tổ", 100),
        ],
        resources=(
            "Nguồn vốn tín dụng chính sách được giao; kinh phí hoạt động của Chi nhánh; khoảng 200 ngày "
            "công của cán bộ tín dụng"
        ),
    ),
    _m(
        "DB-NHCSXH",
        _COL,
        "Điểm giao dịch xã thân thiện, công khai, minh bạch, phục vụ người dân tận nơi",
        ["CCHC", "ASXH"],
        "Người vay vốn ở xa phải đi lại nhiều, chưa nắm được các chính sách tín dụng mới.",
        "Duy trì giao dịch đúng lịch tại các điểm giao dịch xã, công khai chính sách tín dụng",
        "Công khai bảng thông tin, danh sách hộ vay tại điểm giao dịch; cán bộ tín dụng giải đáp trực "
        "tiếp; tổ chức giao dịch đúng lịch.",
        "Hộ vay vốn, cán bộ hội, đoàn thể cấp xã",
        "Người dân vay vốn chính sách tại các xã, phường",
        [
            ("Tỷ lệ điểm giao dịch xã giao dịch đúng lịch", "%", 100),
            ("Số điểm giao dịch được kiểm tra", "điểm", 60),
        ],
        area="Các điểm giao dịch xã, phường, thị trấn",
    ),
    _m(
        "DB-CTHADS",
        _COL,
        "Vận động, thuyết phục người phải thi hành án tự nguyện thi hành, hạn chế cưỡng chế",
        ["XDCQ"],
        "Nhiều vụ việc thi hành án dân sự phức tạp, đương sự chây ỳ, phải tổ chức cưỡng chế gây tốn kém.",
        "Tăng số việc thi hành án tự nguyện, giảm số vụ phải cưỡng chế",
        "Chấp hành viên gặp gỡ, giải thích quyền, nghĩa vụ; phối hợp với chính quyền, đoàn thể cơ sở vận "
        "động; tạo điều kiện thi hành án nhiều lần.",
        "Người phải thi hành án và gia đình",
        "Người được thi hành án, đương sự trong các vụ việc",
        [
            ("Tỷ lệ việc thi hành xong trên số việc có điều kiện thi hành", "%", 75),
            ("Số vụ việc được vận động tự nguyện thi hành", "vụ việc", 500),
        ],
    ),
    _m(
        "DB-CTHADS",
        _IND,
        "Chấp hành viên kiên trì đối thoại, giải quyết dứt điểm các vụ việc thi hành án tồn đọng",
        ["XDCQ"],
        "Một số vụ việc tồn đọng nhiều năm do đương sự khiếu nại, không hợp tác.",
        "Giải quyết dứt điểm các vụ việc tồn đọng được giao",
        "Nghiên cứu kỹ hồ sơ; gặp gỡ nhiều lần, lắng nghe đương sự; phối hợp với các cơ quan liên quan tìm "
        "giải pháp hợp lý.",
        "Đương sự trong các vụ việc tồn đọng",
        "Người được thi hành án",
        [("Số vụ việc tồn đọng được giải quyết dứt điểm", "vụ việc", 10)],
        person="Đồng chí Nguyễn Hữu Tùng, Chấp hành viên Phòng Nghiệp vụ và Tổ chức thi hành án",
    ),
    _m(
        "DB-DHHP",
        _COL,
        "Sinh viên tình nguyện Trường Đại học Hải Phòng đồng hành cùng học sinh vùng khó khăn",
        ["XDDT", "ASXH"],
        "Học sinh tại một số xã ngoại thành, hải đảo còn thiếu điều kiện học tập, ít được tiếp cận các "
        "hoạt động kỹ năng.",
        "Tổ chức các hoạt động tình nguyện hỗ trợ học tập, kỹ năng sống cho học sinh",
        "Đoàn Thanh niên, Hội Sinh viên tổ chức chiến dịch Mùa hè xanh; dạy học miễn phí, tặng sách vở; tổ "
        "chức sân chơi cho thiếu nhi.",
        "Đoàn viên, sinh viên, giảng viên trẻ",
        "Học sinh các xã huyện Cát Hải, huyện Tiên Lãng",
        [
            ("Số lượt sinh viên tham gia tình nguyện", "lượt", 1000),
            ("Số bộ sách vở trao tặng học sinh", "bộ", 500),
        ],
        area="Các xã huyện Cát Hải, huyện Tiên Lãng",
    ),
    _m(
        "DB-DHHP",
        _IND,
        "Giảng viên tận tình hỗ trợ sinh viên nghèo vượt khó trong học tập",
        ["ASXH"],
        "Nhiều sinh viên khó khăn phải đi làm thêm, ảnh hưởng kết quả học tập, có nguy cơ bỏ học.",
        "Kịp thời nắm bắt, hỗ trợ sinh viên khó khăn, không để sinh viên phải bỏ học",
        "Thường xuyên trao đổi với sinh viên; giới thiệu việc làm thêm phù hợp; vận động cựu sinh viên, "
        "doanh nghiệp trao học bổng.",
        "Cựu sinh viên, doanh nghiệp, giảng viên",
        "Sinh viên có hoàn cảnh khó khăn",
        [("Số sinh viên được hỗ trợ", "sinh viên", 40)],
        person="Đồng chí Trần Văn Hải, Giảng viên Khoa Kinh tế và Quản trị kinh doanh",
        area="Trường Đại học Hải Phòng",
    ),
    _m(
        "CB-TD",
        _COL,
        "Tuổi trẻ Hải Phòng ra quân hỗ trợ người dân thực hiện thủ tục hành chính tại bộ phận một cửa",
        ["XDDT", "CCHC"],
        "Người dân, nhất là người cao tuổi, còn gặp khó khăn khi tiếp cận thủ tục hành chính điện tử.",
        "Hình thành các đội thanh niên tình nguyện hỗ trợ người dân tại bộ phận một cửa",
        "Thành lập đội hình tình nguyện tại bộ phận một cửa các quận, huyện; tập huấn cho đoàn viên; duy "
        "trì hỗ trợ vào giờ cao điểm.",
        "Đoàn viên, thanh niên các cơ sở đoàn",
        "Người dân đến làm thủ tục hành chính",
        [
            ("Số đội hình tình nguyện được thành lập", "đội", 15),
            ("Số lượt người dân được hỗ trợ", "lượt", 5000),
        ],
        area="Bộ phận một cửa các quận, huyện",
    ),
    _m(
        "CB-TD",
        _COL,
        "Ngày Chủ nhật xanh, tuổi trẻ chung tay làm sạch bãi biển và môi trường khu dân cư",
        ["XDDT", "KTXH"],
        "Rác thải tại các bãi biển Đồ Sơn, Cát Bà vào mùa du lịch tăng, ảnh hưởng cảnh quan, môi trường.",
        "Nâng cao ý thức bảo vệ môi trường của thanh niên và người dân",
        "Ra quân Ngày Chủ nhật xanh hằng tháng; tuyên truyền không xả rác; đặt thùng rác ở điểm du lịch.",
        "Đoàn viên, thanh niên, người dân, du khách",
        "Người dân, du khách tại quận Đồ Sơn, huyện Cát Hải",
        [
            ("Số đợt ra quân Ngày Chủ nhật xanh", "đợt", 12),
            ("Số lượt đoàn viên tham gia", "lượt", 3000),
        ],
        area="Quận Đồ Sơn, huyện Cát Hải",
    ),
    _m(
        "CB-HLHPN",
        _COL,
        "Phụ nữ giúp nhau phát triển kinh tế gia đình, hỗ trợ phụ nữ nghèo khởi nghiệp",
        ["XDDT", "KTXH"],
        "Nhiều phụ nữ nghèo, phụ nữ đơn thân thiếu vốn, thiếu kiến thức làm kinh tế.",
        "Hỗ trợ phụ nữ khó khăn có vốn, kiến thức phát triển kinh tế hộ gia đình",
        "Thành lập tổ hợp tác, nhóm tiết kiệm; vận động hội viên giúp nhau ngày công, giống, vốn; tập huấn "
        "khởi nghiệp.",
        "Hội viên phụ nữ, doanh nhân nữ",
        "Phụ nữ nghèo, phụ nữ đơn thân",
        [
            ("Số phụ nữ nghèo được hỗ trợ vốn, kiến thức", "người", 200),
            ("Số tổ hợp tác, nhóm tiết kiệm được thành lập", "tổ", 10),
        ],
    ),
    _m(
        "CB-HLHPN",
        _COL,
        "Phòng, chống bạo lực gia đình, xây dựng gia đình 5 không 3 sạch",
        ["XDDT", "ASXH"],
        "Bạo lực gia đình vẫn còn ở một số khu dân cư, nhiều nạn nhân chưa dám lên tiếng.",
        "Nâng cao nhận thức về bình đẳng giới, giảm các vụ bạo lực gia đình",
        "Xây dựng câu lạc bộ gia đình phát triển bền vững; thành lập địa chỉ tin cậy tại cộng đồng; tư "
        "vấn, hòa giải các mâu thuẫn gia đình.",
        "Hội viên phụ nữ, nam giới, các gia đình",
        "Phụ nữ và trẻ em là nạn nhân bạo lực gia đình",
        [
            ("Số địa chỉ tin cậy tại cộng đồng", "địa chỉ", 30),
            ("Số câu lạc bộ gia đình phát triển bền vững", "câu lạc bộ", 20),
        ],
    ),
    # --- Các đơn vị đăng ký 1 mô hình ---
    _m(
        "CB-SDL",
        _COL,
        "Du lịch Hải Phòng thân thiện, văn minh: vận động cộng đồng không chèo kéo, ép giá du khách",
        ["KTXH", "CQVH"],
        "Hiện tượng chèo kéo, ép giá du khách tại Đồ Sơn, Cát Bà vào mùa cao điểm ảnh hưởng đến hình ảnh "
        "du lịch thành phố.",
        "Giảm phản ánh của du khách về chèo kéo, ép giá",
        "Tổ chức hội nghị với hộ kinh doanh; vận động ký cam kết niêm yết giá; công khai đường dây nóng "
        "tiếp nhận phản ánh của du khách.",
        "Hộ kinh doanh dịch vụ du lịch, người dân tại các điểm du lịch",
        "Du khách trong nước và quốc tế",
        [("Số cơ sở kinh doanh ký cam kết niêm yết giá", "cơ sở", 500)],
        area="Khu du lịch Đồ Sơn và quần đảo Cát Bà",
    ),
    _m(
        "DB-TCTTH",
        _COL,
        "Giảng viên Trường Chính trị Tô Hiệu gắn bài giảng với thực tiễn, nắm bắt tâm tư học viên cơ sở",
        ["XDD"],
        "Học viên là cán bộ cơ sở phản ánh một số bài giảng còn nặng lý thuyết, ít gắn với thực tiễn.",
        "Đổi mới phương pháp giảng dạy, tăng tính thực tiễn, lắng nghe ý kiến học viên",
        "Giảng viên đi thực tế cơ sở; lồng ghép tình huống thực tiễn vào bài giảng; lấy phiếu ý kiến học "
        "viên sau mỗi học phần.",
        "Giảng viên, học viên các lớp trung cấp lý luận chính trị - hành chính",
        "Cán bộ cơ sở theo học tại trường",
        [
            ("Số lượt giảng viên đi thực tế cơ sở", "lượt", 40),
            ("Tỷ lệ học viên đánh giá bài giảng đạt yêu cầu trở lên", "%", 95),
        ],
        area="Trường Chính trị Tô Hiệu và các lớp mở tại quận, huyện",
    ),
    _m(
        "DB-BVPS",
        _COL,
        "Bệnh viện Phụ sản Hải Phòng chăm sóc bà mẹ, trẻ sơ sinh tận tình, chu đáo như người thân",
        ["ASXH", "XDCQ"],
        "Lượng sản phụ đến sinh tại bệnh viện đông, áp lực công việc lớn, có lúc giao tiếp của nhân viên "
        "chưa chuẩn mực.",
        "Nâng cao chất lượng chăm sóc, sự hài lòng của sản phụ và gia đình",
        "Thực hiện chăm sóc thiết yếu bà mẹ, trẻ sơ sinh; nữ hộ sinh tư vấn nuôi con bằng sữa mẹ; khảo sát "
        "sự hài lòng định kỳ.",
        "Bác sĩ, nữ hộ sinh, điều dưỡng",
        "Sản phụ, trẻ sơ sinh và gia đình",
        [
            ("Tỷ lệ sản phụ hài lòng", "%", 90),
            ("Tỷ lệ trẻ sơ sinh được bú mẹ trong giờ đầu sau sinh", "%", 90),
        ],
        area="Các khoa sản, khoa sơ sinh của Bệnh viện Phụ sản Hải Phòng",
    ),
    _m(
        "DB-CDYT",
        _IND,
        "Giảng viên hướng dẫn sinh viên điều dưỡng chăm sóc người cao tuổi cô đơn tại cộng đồng",
        ["ASXH"],
        "Nhiều người cao tuổi sống cô đơn ở khu dân cư thiếu người chăm sóc sức khỏe thường xuyên.",
        "Kết hợp thực hành của sinh viên với chăm sóc sức khỏe người cao tuổi tại cộng đồng",
        "Tổ chức nhóm sinh viên đến thăm, đo huyết áp, hướng dẫn dinh dưỡng định kỳ hằng tháng; phối hợp "
        "với trạm y tế phường.",
        "Sinh viên điều dưỡng, trạm y tế phường",
        "Người cao tuổi cô đơn tại quận Kiến An",
        [("Số người cao tuổi được chăm sóc thường xuyên", "người", 50)],
        person="Đồng chí Phạm Thị Huệ, Giảng viên Khoa Điều dưỡng",
        area="Quận Kiến An",
    ),
    _m(
        "CB-LDLD",
        _COL,
        "Công đoàn lắng nghe, bảo vệ quyền lợi hợp pháp của người lao động tại doanh nghiệp ngoài nhà nước",
        ["XDDT"],
        "Tranh chấp lao động, ngừng việc tập thể còn xảy ra ở một số doanh nghiệp ngoài nhà nước.",
        "Nắm bắt kịp thời tâm tư người lao động, hạn chế ngừng việc tập thể",
        "Tổ chức đối thoại giữa người lao động và người sử dụng lao động; tư vấn pháp luật lao động miễn "
        "phí; thương lượng ký thỏa ước lao động tập thể.",
        "Người lao động, chủ doanh nghiệp, cán bộ công đoàn cơ sở",
        "Công nhân lao động tại các doanh nghiệp",
        [
            ("Số cuộc đối thoại tại doanh nghiệp", "cuộc", 50),
            ("Số thỏa ước lao động tập thể được ký mới", "thỏa ước", 30),
        ],
    ),
    _m(
        "CB-HND",
        _COL,
        "Hội Nông dân thành phố vận động nông dân dồn điền, đổi thửa, tích tụ ruộng đất sản xuất hàng hóa",
        ["XDDT", "NTM"],
        "Ruộng đất manh mún, nhiều hộ bỏ ruộng, khó áp dụng cơ giới hóa.",
        "Vận động nông dân dồn điền, đổi thửa, cho thuê, góp ruộng để sản xuất hàng hóa",
        "Phối hợp với chính quyền xã tổ chức họp dân; cán bộ hội gương mẫu đi đầu; tư vấn thủ tục cho thuê "
        "đất, liên kết sản xuất.",
        "Hội viên nông dân",
        "Nông dân huyện Vĩnh Bảo, huyện Tiên Lãng",
        [("Diện tích ruộng đất được dồn điền, đổi thửa", "ha", 100)],
        area="Các huyện Vĩnh Bảo, Tiên Lãng",
    ),
    _m(
        "DB-NHNN",
        _IND,
        "Hướng dẫn người dân phân biệt tiền thật, tiền giả và giữ gìn, bảo quản đồng tiền Việt Nam",
        ["KTXH"],
        "Tiền giả, tiền rách nát còn lưu thông ở các chợ, vùng nông thôn; người dân ít kiến thức nhận biết.",
        "Nâng cao kiến thức nhận biết tiền giả, ý thức bảo vệ đồng tiền cho tiểu thương, người dân",
        "Tổ chức tuyên truyền tại chợ, trường học; phát tờ rơi; phối hợp với ngân hàng thương mại đổi tiền "
        "không đủ tiêu chuẩn lưu thông.",
        "Tiểu thương, học sinh, người dân",
        "Người dân, tiểu thương các huyện ngoại thành",
        [("Số buổi tuyên truyền", "buổi", 10)],
        person="Đồng chí Lê Thị Diệu Linh, Phó Trưởng phòng Tiền tệ - Kho quỹ và Hành chính",
    ),
    _m(
        "CB-HCTD",
        _COL,
        "Vận động hiến máu tình nguyện, xây dựng ngân hàng máu sống tại cộng đồng",
        ["ASXH", "XDDT"],
        "Lượng máu dự trữ của các bệnh viện thường thiếu vào dịp hè, dịp Tết.",
        "Tăng số đơn vị máu tiếp nhận, xây dựng lực lượng hiến máu dự bị",
        "Phối hợp với các cơ quan, trường học tổ chức ngày hội hiến máu; lập danh sách ngân hàng máu sống; "
        "tôn vinh người hiến máu nhiều lần.",
        "Cán bộ, công nhân, sinh viên, người dân",
        "Người bệnh cần truyền máu tại các bệnh viện",
        [
            ("Số đơn vị máu tiếp nhận", "đơn vị", 20000),
            ("Số người tham gia ngân hàng máu sống", "người", 1000),
        ],
    ),
]

# Năm 2018: Ban Thường vụ Đảng ủy Khối yêu cầu mô hình phải rõ mục tiêu, chủ thể, đối tượng vận động,
# đối tượng thụ hưởng và phương thức; đơn vị nào đăng ký chung chung thì bị trả lại để hoàn thiện.
_RAW_2018 = [
    _m(
        "CB-TGPL",
        _COL,
        "Nâng cao chất lượng trợ giúp pháp lý miễn phí cho người nghèo, đối tượng chính sách, gắn với trợ "
        "giúp pháp lý lưu động tại cơ sở",
        ["ASXH", "XDCQ"],
        "Năm 2017, Trung tâm đã trợ giúp pháp lý miễn phí cho 811 người nghèo, người có công với cách "
        "mạng, trẻ em, người khuyết tật, người không có điều kiện kinh tế; tuy nhiên số vụ việc tham gia "
        "tố tụng còn ít, người dân ở các xã xa trung tâm còn khó tiếp cận dịch vụ.",
        "Tiếp tục mô hình năm 2017 với cách làm sáng tạo hơn, tăng số vụ việc tham gia tố tụng và mở rộng "
        "trợ giúp lưu động đến các xã xa trung tâm",
        "Duy trì đường dây nóng; đặt bảng thông tin, hòm thư trợ giúp pháp lý tại trụ sở Ủy ban nhân dân "
        "cấp xã; phối hợp với cơ quan tiến hành tố tụng để được thông báo kịp thời vụ việc; tư vấn qua "
        "điện thoại, mạng xã hội theo phương châm “gần dân, sát dân, đồng hành với người dân”.",
        "Người dân, cán bộ cơ sở, cơ quan tiến hành tố tụng các cấp",
        "Người nghèo, người có công với cách mạng, trẻ em, người khuyết tật, người không có điều kiện kinh "
        "tế trên địa bàn thành phố",
        [
            ("Số người được trợ giúp pháp lý miễn phí", "người", 850),
            ("Số vụ việc trợ giúp viên, luật sư tham gia tố tụng", "vụ việc", 150),
            ("Số đợt trợ giúp pháp lý lưu động tại cơ sở", "đợt", 30),
        ],
        area=("15 quận, huyện; ưu tiên các xã xa trung tâm của các huyện Cát Hải, Vĩnh Bảo, Tiên Lãng"),
        implementers=(
            "Chi bộ và tập thể viên chức Trung tâm Trợ giúp pháp lý nhà nước thành phố: đồng chí Đào Thị "
            "Mai, Bí thư Chi bộ, Giám đốc Trung tâm chỉ đạo chung; trợ giúp viên pháp lý, luật sư cộng tác "
            "viên trực tiếp tư vấn, tham gia tố tụng; cộng tác viên trợ giúp pháp lý cấp xã tiếp nhận, "
            "chuyển yêu cầu"
        ),
        resources=(
            "Ngân sách nhà nước cấp cho hoạt động trợ giúp pháp lý; khoảng 350 ngày công của trợ giúp viên "
            "pháp lý, luật sư cộng tác viên"
        ),
        status="submitted",
        carried_over_from=(
            "Trợ giúp pháp lý miễn phí cho người nghèo, đối tượng chính sách trên địa bàn thành phố Hải Phòng"
        ),
    ),
    _m(
        "DB-CTK",
        _COL,
        "Thống kê viên đồng hành cùng công chức văn phòng - thống kê cấp xã nâng cao chất lượng số liệu",
        ["KTXH", "XDCQ"],
        "Số liệu thống kê cấp xã còn thiếu thống nhất; công chức văn phòng - thống kê kiêm nhiệm nhiều "
        "việc, chưa được hướng dẫn nghiệp vụ thường xuyên.",
        "Nâng cao chất lượng báo cáo thống kê cấp xã, bảo đảm số liệu đầy đủ, đúng hạn",
        "Phân công mỗi thống kê viên phụ trách một số xã, phường; hướng dẫn trực tiếp tại cơ sở; lập nhóm "
        "trao đổi nghiệp vụ qua mạng xã hội.",
        "Công chức văn phòng - thống kê cấp xã",
        "Ủy ban nhân dân cấp xã và người dùng tin thống kê",
        [
            ("Số xã, phường được hướng dẫn trực tiếp", "xã, phường", 60),
            ("Tỷ lệ báo cáo thống kê cấp xã gửi đúng hạn", "%", 95),
        ],
        status="draft",
    ),
    _m(
        "DB-CTK",
        _COL,
        "Ứng dụng thiết bị điện tử cầm tay trong điều tra thống kê, giảm thời gian phỏng vấn cho hộ dân",
        ["CCHC", "KTXH"],
        "Phỏng vấn bằng phiếu giấy mất nhiều thời gian của hộ dân, dễ sai sót, điều tra viên phải quay lại "
        "hộ để hỏi bổ sung.",
        "Rút ngắn thời gian phỏng vấn, giảm số lần làm phiền hộ dân, nâng cao chất lượng số liệu",
        "Tập huấn điều tra viên sử dụng phiếu điện tử trên máy tính bảng, điện thoại thông minh; kiểm tra "
        "logic ngay khi phỏng vấn; giải thích cho hộ dân về việc bảo mật thông tin.",
        "Điều tra viên, hộ dân được chọn mẫu điều tra",
        "Hộ dân tham gia điều tra, cơ quan sử dụng số liệu thống kê",
        [
            ("Tỷ lệ phiếu điều tra thu thập bằng thiết bị điện tử", "%", 80),
            ("Số điều tra viên được tập huấn", "người", 150),
        ],
        status="draft",
    ),
    _m(
        "DB-CTK",
        _COL,
        "Cán bộ, đảng viên Cục Thống kê tích cực thực hiện công tác dân vận trong năm 2018",
        ["XDD"],
        "Thực hiện chủ trương của Đảng ủy Khối về đẩy mạnh phong trào thi đua “Dân vận khéo” trong năm 2018.",
        "Cán bộ, đảng viên tích cực tham gia công tác dân vận",
        "Tuyên truyền, vận động bằng nhiều hình thức phù hợp.",
        "Quần chúng nhân dân",
        "Nhân dân",
        [("Số hoạt động dân vận được tổ chức", "hoạt động", 4)],
        implementers="Cán bộ, đảng viên Cục Thống kê",
        status="returned",
        return_comment=(
            "Đảng ủy Khối trả lại để hoàn thiện: mô hình chưa rõ mục tiêu cần đạt, chưa có chỉ tiêu đo "
            "lường được; chưa xác định chủ thể thực hiện và vai trò của từng bộ phận; đối tượng tuyên "
            "truyền, vận động và đối tượng thụ hưởng còn chung chung; phương thức tổ chức thực hiện chưa cụ "
            "thể. Đề nghị đơn vị bổ sung theo mẫu đăng ký năm 2018 và gửi lại trong thời hạn 10 ngày làm "
            "việc."
        ),
    ),
    _m(
        "DB-CTK",
        _COL,
        "Vận động doanh nghiệp cung cấp thông tin đầy đủ, đúng hạn trong điều tra doanh nghiệp năm 2018",
        ["KTXH"],
        "Năm 2017, mô hình đã góp phần nâng tỷ lệ phiếu điều tra doanh nghiệp thu được đúng hạn; tuy vậy "
        "vẫn còn doanh nghiệp nhỏ chậm cung cấp thông tin, kê khai sai sót.",
        "Tiếp tục nâng cao tỷ lệ doanh nghiệp cung cấp thông tin đầy đủ, đúng hạn",
        "Gửi thư ngỏ, hướng dẫn kê khai phiếu trực tuyến; điều tra viên đến trực tiếp doanh nghiệp chậm "
        "nộp; phối hợp với Cục Thuế, Sở Kế hoạch và Đầu tư cập nhật danh sách doanh nghiệp.",
        "Doanh nghiệp, hộ kinh doanh cá thể thuộc mẫu điều tra",
        "Các cơ quan quản lý, doanh nghiệp và người dân sử dụng số liệu thống kê",
        [
            ("Tỷ lệ doanh nghiệp cung cấp thông tin đúng hạn", "%", 97),
            ("Số doanh nghiệp được hướng dẫn kê khai trực tuyến", "doanh nghiệp", 1500),
        ],
        status="accepted",
        carried_over_from=(
            "Cán bộ Cục Thống kê vận động hộ dân, doanh nghiệp cung cấp thông tin thống kê đầy đủ, chính xác"
        ),
    ),
    _m(
        "DB-KBNN",
        _COL,
        "Mở rộng dịch vụ công trực tuyến của Kho bạc Nhà nước đến toàn bộ đơn vị sử dụng ngân sách trên "
        "địa bàn thành phố",
        ["CCHC"],
        "Sau một năm thực hiện, số đơn vị giao dịch qua dịch vụ công trực tuyến tăng mạnh; tuy nhiên vẫn "
        "còn nhiều đơn vị cấp xã, trường học chưa tham gia.",
        "Đưa toàn bộ đơn vị sử dụng ngân sách đủ điều kiện tham gia dịch vụ công trực tuyến",
        "Làm việc với phòng tài chính - kế hoạch quận, huyện để lập danh sách đơn vị chưa tham gia; hướng "
        "dẫn cài đặt chữ ký số; hỗ trợ tại chỗ trong tháng đầu giao dịch.",
        "Kế toán, thủ trưởng đơn vị sử dụng ngân sách cấp xã, trường học",
        "Đơn vị sử dụng ngân sách, chủ đầu tư trên địa bàn thành phố",
        [
            ("Tỷ lệ đơn vị sử dụng ngân sách tham gia dịch vụ công trực tuyến", "%", 100),
            ("Số đơn vị được hỗ trợ tại chỗ", "đơn vị", 400),
        ],
        status="accepted",
        carried_over_from=(
            "Cán bộ Kho bạc tận tình hướng dẫn người dân, doanh nghiệp thực hiện dịch vụ công trực tuyến"
        ),
    ),
    _m(
        "DB-KBNN",
        _IND,
        "Hướng dẫn chủ đầu tư cấp xã hoàn thiện hồ sơ thanh toán vốn các công trình xây dựng nông thôn mới",
        ["NTM", "CCHC"],
        "Nhiều ban quản lý dự án cấp xã lúng túng khi lập hồ sơ thanh toán vốn các công trình nông thôn "
        "mới, hồ sơ phải bổ sung nhiều lần.",
        "Giúp chủ đầu tư cấp xã lập hồ sơ thanh toán đúng, đủ, giải ngân kịp thời",
        "Lập danh mục hồ sơ mẫu; hướng dẫn qua điện thoại và trực tiếp khi tiếp nhận hồ sơ; tổng hợp sai "
        "sót thường gặp gửi các xã.",
        "Kế toán, ban quản lý dự án cấp xã",
        "Các xã xây dựng nông thôn mới, nhà thầu thi công công trình",
        [("Số chủ đầu tư cấp xã được hướng dẫn", "chủ đầu tư", 40)],
        person="Đồng chí Đặng Thị Kim Oanh, Kiểm soát viên Phòng Kiểm soát chi ngân sách nhà nước",
        status="draft",
    ),
    _m(
        "DB-SYT",
        _COL,
        "Trạm y tế xã, phường tận tình quản lý sức khỏe người cao tuổi, người mắc bệnh mãn tính",
        ["ASXH", "XDCQ"],
        "Người cao tuổi, người mắc bệnh tăng huyết áp, đái tháo đường ở cơ sở chưa được quản lý, theo dõi "
        "thường xuyên; nhiều người phải lên tuyến trên để nhận thuốc.",
        "Quản lý, theo dõi sức khỏe người cao tuổi, người mắc bệnh mãn tính ngay tại trạm y tế",
        "Lập hồ sơ sức khỏe điện tử; khám sàng lọc định kỳ; cấp thuốc điều trị tăng huyết áp, đái tháo "
        "đường tại trạm; nhân viên y tế thôn đến tận nhà với người không thể đi lại.",
        "Cán bộ trạm y tế, nhân viên y tế thôn, người cao tuổi và gia đình",
        "Người cao tuổi, người mắc bệnh tăng huyết áp, đái tháo đường tại các xã, phường thí điểm",
        [
            ("Số người được lập hồ sơ quản lý sức khỏe", "người", 10000),
            ("Số trạm y tế thực hiện quản lý bệnh mãn tính", "trạm", 30),
        ],
        area="30 xã, phường thí điểm thuộc các huyện An Dương, Thủy Nguyên, Kiến Thụy",
        status="accepted",
    ),
    _m(
        "DB-SYT",
        _COL,
        "Nâng cao tinh thần trách nhiệm phục vụ nhân dân của cán bộ ngành Y tế năm 2018",
        ["XDCQ"],
        "Tiếp tục thực hiện quy tắc ứng xử của cán bộ y tế.",
        "Cán bộ y tế nâng cao tinh thần trách nhiệm phục vụ người bệnh",
        "Tuyên truyền, quán triệt, kiểm tra việc thực hiện.",
        "Cán bộ, viên chức ngành Y tế",
        "Người bệnh",
        [("Tỷ lệ người bệnh hài lòng", "%", 90)],
        status="returned",
        return_comment=(
            "Nội dung trùng với mô hình năm 2017 “Cán bộ ngành Y tế Hải Phòng thay đổi phong cách, thái độ "
            "phục vụ hướng tới sự hài lòng của người bệnh” nhưng chưa nêu điểm mới; phương thức tổ chức "
            "thực hiện còn chung chung, chưa rõ chủ thể thực hiện tại từng đơn vị. Đề nghị đăng ký tiếp tục "
            "mô hình năm 2017 hoặc xây dựng lại, nêu cụ thể cách làm và chỉ tiêu."
        ),
    ),
    _m(
        "DB-BHXH",
        _COL,
        "Đối thoại với công nhân khu công nghiệp về quyền lợi khi bảo lưu thời gian đóng bảo hiểm xã hội",
        ["ASXH"],
        "Số người lao động tại các khu công nghiệp đề nghị hưởng bảo hiểm xã hội một lần tăng cao, nhiều "
        "người chưa hiểu hết thiệt thòi khi không bảo lưu thời gian đóng.",
        "Giúp người lao động hiểu rõ quyền lợi, giảm số người hưởng bảo hiểm xã hội một lần",
        "Phối hợp với công đoàn các khu công nghiệp tổ chức đối thoại vào giờ nghỉ ca; phát tờ gấp so sánh "
        "quyền lợi; tư vấn trực tiếp khi người lao động nộp hồ sơ.",
        "Công nhân lao động, cán bộ công đoàn cơ sở tại các khu công nghiệp",
        "Người lao động tham gia bảo hiểm xã hội bắt buộc",
        [
            ("Số buổi đối thoại tại doanh nghiệp", "buổi", 30),
            ("Số lượt người lao động được tư vấn trực tiếp", "lượt", 3000),
        ],
        area="Các khu công nghiệp Nomura, Đình Vũ, Tràng Duệ, VSIP Hải Phòng",
        status="submitted",
    ),
    _m(
        "DB-BHXH",
        _IND,
        "Hướng dẫn nhà trường, học sinh, sinh viên tham gia bảo hiểm y tế đầy đủ, đúng quy định",
        ["ASXH"],
        "Tỷ lệ học sinh, sinh viên tham gia bảo hiểm y tế ở một số trường chưa đạt yêu cầu; nhiều phụ "
        "huynh chưa hiểu quyền lợi của con em.",
        "Góp phần đưa tỷ lệ học sinh, sinh viên tham gia bảo hiểm y tế đạt mức bao phủ toàn bộ",
        "Làm việc với ban giám hiệu các trường; tham gia họp phụ huynh đầu năm học để giải thích quyền "
        "lợi; hướng dẫn cán bộ y tế trường học lập danh sách.",
        "Phụ huynh, học sinh, sinh viên, cán bộ y tế trường học",
        "Học sinh, sinh viên trên địa bàn thành phố",
        [
            ("Số trường được hướng dẫn trực tiếp", "trường", 40),
            ("Tỷ lệ học sinh, sinh viên tham gia bảo hiểm y tế", "%", 100),
        ],
        person="Đồng chí Lê Thị Hồng Vân, Chuyên viên Phòng Khai thác và Thu nợ",
        status="draft",
    ),
    _m(
        "DB-SLDTBXH",
        _COL,
        "Ngày thứ Bảy tình nguyện gắn với hỗ trợ sinh kế, giúp hộ nghèo, cận nghèo thoát nghèo bền vững",
        ["ASXH", "NTM"],
        "Năm 2017, mô hình đã tổ chức các ngày thứ Bảy tình nguyện, trao quà và sửa chữa nhà cho hộ nghèo; "
        "tuy nhiên hỗ trợ chủ yếu bằng hiện vật, chưa giúp hộ nghèo có sinh kế ổn định.",
        "Chuyển từ hỗ trợ hiện vật sang hỗ trợ sinh kế, giúp hộ nghèo, cận nghèo thoát nghèo bền vững",
        "Mỗi phòng, đơn vị nhận giúp đỡ một hộ; hỗ trợ con giống, vốn, học nghề; giới thiệu việc làm cho "
        "lao động trong hộ; theo dõi, đánh giá kết quả hằng quý.",
        "Cán bộ, đảng viên của Sở, doanh nghiệp, nhà hảo tâm; hộ nghèo, hộ cận nghèo",
        "Hộ nghèo, hộ cận nghèo, gia đình người có công tại các huyện Thủy Nguyên, Kiến Thụy, Vĩnh Bảo",
        [
            ("Số hộ được hỗ trợ sinh kế", "hộ", 20),
            ("Số lao động được giới thiệu việc làm", "người", 50),
            ("Số hộ thoát nghèo, thoát cận nghèo trong năm", "hộ", 10),
        ],
        area="Các huyện Thủy Nguyên, Kiến Thụy, Vĩnh Bảo",
        status="accepted",
        carried_over_from=("Ngày thứ Bảy tình nguyện vì người nghèo, gia đình chính sách"),
    ),
    _m(
        "DB-VPUB",
        _COL,
        "Văn phòng Ủy ban nhân dân thành phố thực hiện tốt công tác dân vận chính quyền năm 2018",
        ["XDCQ"],
        "Thực hiện kế hoạch công tác dân vận chính quyền năm 2018 của thành phố.",
        "Cán bộ, công chức Văn phòng thực hiện tốt công tác dân vận",
        "Lồng ghép trong thực hiện nhiệm vụ chuyên môn.",
        "Nhân dân",
        "Nhân dân thành phố",
        [("Tỷ lệ cán bộ, công chức tham gia", "%", 100)],
        status="returned",
        return_comment=(
            "Chưa xác định rõ chủ thể thực hiện và vai trò của từng phòng, bộ phận; đối tượng tuyên "
            "truyền, vận động và đối tượng thụ hưởng chưa cụ thể; phương thức tổ chức thực hiện mới dừng ở "
            "“lồng ghép trong nhiệm vụ chuyên môn”. Đề nghị Đảng ủy Văn phòng hoàn thiện theo hướng dẫn "
            "của Đảng ủy Khối và gửi lại."
        ),
    ),
    _m(
        "CB-TD",
        _COL,
        "Thanh niên khởi nghiệp: đồng hành cùng đoàn viên nông thôn phát triển kinh tế trang trại, gia trại",
        ["XDDT", "NTM"],
        "Nhiều thanh niên nông thôn muốn lập nghiệp tại quê hương nhưng thiếu vốn, thiếu kiến thức quản lý.",
        "Hỗ trợ đoàn viên nông thôn tiếp cận vốn, kiến thức để khởi nghiệp",
        "Kết nối nguồn vốn vay ưu đãi qua tổ tiết kiệm và vay vốn do Đoàn quản lý; tổ chức lớp tập huấn "
        "khởi nghiệp; thành lập câu lạc bộ thanh niên làm kinh tế giỏi.",
        "Đoàn viên, thanh niên nông thôn",
        "Thanh niên nông thôn các huyện ngoại thành",
        [
            ("Số thanh niên được hỗ trợ vay vốn", "người", 100),
            ("Số lớp tập huấn khởi nghiệp", "lớp", 6),
        ],
        area="Các huyện ngoại thành",
        status="draft",
    ),
]

# --- Bổ sung các trường còn lại của biểu mẫu đăng ký theo một quy tắc cố định (không ngẫu nhiên) ---

_ORG_NAMES = {code: name for code, name, _ in UNITS} | {code: name for code, name, _ in CELLS}
_PARENTS = {code: parent for code, _, parent in CELLS}

_FIELD_OUTPUTS = {
    "XDD": (
        "cán bộ, đảng viên nêu cao tinh thần trách nhiệm, gương mẫu trong công tác và ở nơi cư trú",
        "không có đảng viên vi phạm kỷ luật; tổ chức đảng hoàn thành tốt nhiệm vụ trở lên",
    ),
    "XDCQ": (
        "người dân tin tưởng, hài lòng hơn với thái độ phục vụ của cán bộ, công chức",
        "giảm đơn thư, phản ánh bức xúc của người dân; quan hệ giữa chính quyền với nhân dân gắn bó hơn",
    ),
    "XDDT": (
        "đoàn viên, hội viên tích cực tham gia; vai trò của tổ chức đoàn thể được nâng lên",
        "thu hút thêm đoàn viên, hội viên; hoạt động đoàn thể gắn với lợi ích thiết thực của người dân",
    ),
    "KTXH": (
        "góp phần thúc đẩy sản xuất, kinh doanh, cải thiện môi trường đầu tư của thành phố",
        "người dân, doanh nghiệp được hưởng lợi thiết thực, đồng thuận với chủ trương của thành phố",
    ),
    "CCHC": (
        "thủ tục được giải quyết nhanh, đúng hẹn; người dân, doanh nghiệp giảm thời gian, chi phí đi lại",
        "mức độ hài lòng của người dân, doanh nghiệp đối với dịch vụ hành chính công được nâng lên",
    ),
    "ASXH": (
        "đối tượng thụ hưởng được hỗ trợ kịp thời, thiết thực, ổn định cuộc sống",
        "lan tỏa tinh thần tương thân, tương ái trong cán bộ, đảng viên và nhân dân",
    ),
    "NTM": (
        "góp phần giúp các xã hoàn thành tiêu chí nông thôn mới, nâng cao thu nhập cho người dân",
        "nhân dân đồng thuận, tích cực tham gia xây dựng nông thôn mới",
    ),
    "QCDC": (
        "quy chế dân chủ ở cơ sở được thực hiện nghiêm túc, công khai, minh bạch",
        "cán bộ, công chức được tham gia ý kiến, phát huy quyền làm chủ trong cơ quan",
    ),
    "CQVH": (
        "cơ quan giữ vững danh hiệu cơ quan đạt chuẩn văn hóa",
        "văn hóa công sở được thực hiện nghiêm túc; hình ảnh cán bộ, công chức văn minh, lịch sự",
    ),
}

_SUSTAIN_COLLECTIVE = (
    "Mô hình gắn với nhiệm vụ chuyên môn thường xuyên, chi phí thấp, có thể duy trì lâu dài và nhân rộng "
    "ra các đơn vị cùng ngành",
    "Được đưa vào nghị quyết hằng năm của cấp ủy và quy chế làm việc của cơ quan; có khả năng nhân rộng "
    "tại các cơ quan, đơn vị trong Đảng bộ Khối",
    "Có sự đồng thuận của cán bộ, đảng viên và người dân; cách làm đơn giản, dễ áp dụng ở các đơn vị có "
    "chức năng tương tự",
    "Định kỳ sơ kết 6 tháng, tổng kết năm để rút kinh nghiệm, điều chỉnh; có thể mở rộng sang các phòng, "
    "đơn vị trực thuộc",
    "Huy động được sự tham gia của các đoàn thể và nguồn lực xã hội hóa ổn định; dễ nhân rộng tại các chi "
    "bộ, đoàn thể trong Đảng bộ Khối",
)

_SUSTAIN_INDIVIDUAL = (
    "Cá nhân cam kết duy trì thường xuyên; kinh nghiệm được chia sẻ trong sinh hoạt chi bộ để cán bộ, đảng "
    "viên khác học tập, làm theo",
    "Gắn với vị trí việc làm của cá nhân nên duy trì được lâu dài; có thể nhân rộng cho cán bộ làm nhiệm "
    "vụ tương tự ở các đơn vị khác",
)


_DONATION_WORDS = ("quà", "học bổng", "ủng hộ", "hảo tâm", "tặng", "giúp nhau", "ngày lương")


def _number(n):
    return f"{n:,}".replace(",", ".")


def _target_phrase(indicator, capitalize=False):
    name, uom, target = indicator
    value = f"{_number(target)}%" if uom == "%" else f"{_number(target)} {uom}"
    if not capitalize:
        name = name[0].lower() + name[1:]
    return f"{name} đạt {value}"


def _agency(code):
    name = _ORG_NAMES[code]
    for prefix in ("Đảng bộ ", "Chi bộ cơ quan ", "Chi bộ "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def _leaders(code):
    """Cấp ủy của tổ chức đảng: (đầu câu, giữa câu)."""
    if _ORG_NAMES[code].startswith("Đảng bộ"):
        return "Đảng ủy", "Đảng ủy"
    return "Chi ủy", "chi ủy"


def _implementers(i, kind, code, person):
    agency = _agency(code)
    lead, lead_mid = _leaders(code)
    if kind == _IND:
        if i % 2 == 0:
            return (
                f"{person}: trực tiếp xây dựng kế hoạch và thực hiện mô hình; {lead_mid} phân công, theo "
                f"dõi, giúp đỡ và định kỳ đánh giá kết quả; lãnh đạo {agency} tạo điều kiện về thời gian, "
                "phương tiện"
            )
        return (
            f"{person}: chủ thể trực tiếp thực hiện, chịu trách nhiệm về kết quả của mô hình; đồng nghiệp "
            f"trong phòng phối hợp khi cần; {lead_mid} giám sát, biểu dương kịp thời"
        )
    templates = (
        f"{lead} lãnh đạo, chỉ đạo; lãnh đạo {agency} xây dựng kế hoạch, phân công nhiệm vụ; cán bộ, đảng "
        "viên, công chức, viên chức trực tiếp thực hiện; công đoàn, đoàn thanh niên phối hợp tuyên truyền, "
        "vận động",
        f"Tập thể cán bộ, đảng viên {agency}: {lead_mid} ban hành nghị quyết chuyên đề; thủ trưởng đơn vị "
        "tổ chức thực hiện; các phòng, bộ phận thực hiện theo chức năng, nhiệm vụ được giao",
        f"{lead} và lãnh đạo {agency} chỉ đạo chung; tổ công tác gồm đảng viên, đoàn viên thanh niên trực "
        "tiếp triển khai; công đoàn cơ sở vận động đoàn viên đóng góp ngày công",
        f"Cán bộ, công chức, viên chức {agency}, trong đó đảng viên giữ vai trò nòng cốt, gương mẫu đi đầu; "
        f"{lead_mid} kiểm tra, giám sát, định kỳ sơ kết, đánh giá kết quả",
    )
    return templates[i % len(templates)]


def _resources(i, kind, item):
    money = 5 * (2 + (i * 7) % 9)
    days = 10 * (3 + (i * 13) % 25)
    # Mô hình có vận động đóng góp, tặng quà, học bổng... thì nguồn lực là đóng góp tự nguyện.
    text = " ".join([item["method"], item["target_groups"]] + [x[0] for x in item["indicators"]]).lower()
    social = any(word in text for word in _DONATION_WORDS)
    if kind == _IND:
        if social:
            return (
                f"Cá nhân tự đóng góp và vận động khoảng {money} triệu đồng; cơ quan tạo điều kiện về thời "
                "gian, phương tiện"
            )
        if i % 2 == 0:
            return "Thời gian ngoài giờ hành chính của cá nhân; không sử dụng ngân sách nhà nước"
        return "Lồng ghép trong nhiệm vụ chuyên môn được giao; sử dụng trang thiết bị sẵn có của cơ quan"
    if social:
        if i % 2 == 0:
            return (
                f"Kinh phí cơ quan hỗ trợ {money} triệu đồng; vận động cán bộ, đảng viên, doanh nghiệp, nhà "
                f"hảo tâm đóng góp; khoảng {days} ngày công tình nguyện"
            )
        return (
            "Quỹ công đoàn, quỹ xã hội của cơ quan và đóng góp tự nguyện của cán bộ, đoàn viên khoảng "
            f"{money} triệu đồng; {days} ngày công"
        )
    if i % 2 == 0:
        return (
            f"Kinh phí từ nguồn chi thường xuyên của cơ quan khoảng {money} triệu đồng/năm; khoảng {days} "
            "ngày công của cán bộ, đảng viên"
        )
    return (
        "Lồng ghép trong kinh phí thực hiện nhiệm vụ chuyên môn, không phát sinh kinh phí riêng; khoảng "
        f"{days} ngày công"
    )


def _default_area(i, code):
    base = _PARENTS.get(code, code)
    if i % 3 == 2:
        return "Địa bàn thành phố Hải Phòng"
    return f"Trụ sở {_agency(base)}; các quận, huyện trên địa bàn thành phố Hải Phòng"


def _finalize(raw, year):
    result = []
    for i, item in enumerate(raw):
        item = dict(item)
        code, kind, fields, indicators = item["unit"], item["kind"], item["fields"], item["indicators"]
        targets = "; ".join(_target_phrase(x) for x in indicators)
        entry = {
            "unit": code,
            "kind": kind,
            "title": item["title"],
            "fields": fields,
            "situation": item["situation"],
            "goals": f"{item['goal']}. Chỉ tiêu năm {year}: {targets}.",
            "method": item["method"],
            "area": item.get("area") or _default_area(i, code),
            "target_groups": item["target_groups"],
            "beneficiaries": item["beneficiaries"],
            "implementers": item.get("implementers") or _implementers(i, kind, code, item.get("person", "")),
            "resources": item.get("resources") or _resources(i, kind, item),
            "expected_outputs": (
                f"{_target_phrase(indicators[0], capitalize=True)}; {_FIELD_OUTPUTS[fields[0]][i % 2]}"
            ),
            "sustainability": (
                _SUSTAIN_INDIVIDUAL[i % len(_SUSTAIN_INDIVIDUAL)]
                if kind == _IND
                else _SUSTAIN_COLLECTIVE[i % len(_SUSTAIN_COLLECTIVE)]
            ),
            "indicators": indicators,
        }
        for key in ("status", "return_comment", "carried_over_from"):
            if key in item:
                entry[key] = item[key]
        result.append(entry)
    return result


INITIATIVES_2017 = _finalize(_RAW_2017, 2017)
INITIATIVES_2018 = _finalize(_RAW_2018, 2018)

del _RAW_2017, _RAW_2018


if __name__ == "__main__":
    import re
    import unicodedata
    from collections import Counter

    def _strings(obj):
        if isinstance(obj, str):
            yield obj
        elif isinstance(obj, dict):
            for key, value in obj.items():
                yield from _strings(key)
                yield from _strings(value)
        elif isinstance(obj, list | tuple):
            for value in obj:
                yield from _strings(value)

    code_re = re.compile(r"^[A-Z0-9]+(-[A-Z0-9]+)+$")
    field_codes = {code for code, _ in FIELDS}
    unit_codes = {code for code, _, _ in UNITS}
    cell_codes = {code for code, _, _ in CELLS}
    all_codes = [BLOC[0], PARTNER[0]] + [c for c, _, _ in UNITS + CELLS] + list(field_codes)
    base_of = {code: code for code in unit_codes} | {code: parent for code, _, parent in CELLS}
    unit_kind = {code: kind for code, _, kind in UNITS}
    keys = {
        "unit",
        "kind",
        "title",
        "fields",
        "situation",
        "goals",
        "method",
        "area",
        "target_groups",
        "beneficiaries",
        "implementers",
        "resources",
        "expected_outputs",
        "sustainability",
        "indicators",
    }

    # Đơn vị
    assert len(FIELDS) == 9 and len(field_codes) == 9
    assert len(UNITS) == 65, len(UNITS)
    assert all(kind in ("base_committee", "base_cell") for _, _, kind in UNITS)
    prefixes = {"base_committee": "Đảng bộ ", "base_cell": "Chi bộ "}
    assert all(name.startswith(prefixes[kind]) for _, name, kind in UNITS)
    assert len(all_codes) == len(set(all_codes)), [c for c, n in Counter(all_codes).items() if n > 1]
    assert all(code_re.match(c) for c in all_codes if c not in field_codes), "mã đơn vị không hợp lệ"
    assert all(c.isascii() and c.isupper() for c in all_codes)
    assert all(unit_kind.get(parent) == "base_committee" for _, _, parent in CELLS)
    assert ("CB-TGPL", "Chi bộ Trung tâm Trợ giúp pháp lý nhà nước thành phố", "DB-STP") in CELLS
    assert ("DB-CTK", "Đảng bộ Cục Thống kê", "base_committee") in UNITS
    assert 18 <= len(CELLS) <= 24, len(CELLS)

    def _check_initiative(item, year):
        extra = {"status", "return_comment", "carried_over_from"} if year == 2018 else set()
        assert keys <= set(item) <= keys | extra, (item["title"], set(item) ^ keys)
        assert item["unit"] in unit_codes | cell_codes, item["unit"]
        assert item["kind"] in (_COL, _IND)
        assert 40 <= len(item["title"]) <= 160, (len(item["title"]), item["title"])
        assert 1 <= len(item["fields"]) <= 2 and set(item["fields"]) <= field_codes, item["fields"]
        assert len(set(item["fields"])) == len(item["fields"])
        for key in keys - {"fields", "indicators"}:
            value = item[key]
            assert isinstance(value, str) and value.strip() == value and value, (key, item["title"])
            assert "  " not in value and ".." not in value, (key, value)
        assert 1 <= len(item["indicators"]) <= 3
        for name, uom, target in item["indicators"]:
            assert isinstance(name, str) and name and isinstance(uom, str) and uom
            assert isinstance(target, int) and target > 0
        if item["kind"] == _IND:
            assert item["implementers"].startswith("Đồng chí "), item["title"]
        assert str(year) in item["goals"]

    # Năm 2017
    for item in INITIATIVES_2017:
        _check_initiative(item, 2017)
    kinds = Counter(item["kind"] for item in INITIATIVES_2017)
    titles = [item["title"] for item in INITIATIVES_2017]
    per_base = Counter(base_of[item["unit"]] for item in INITIATIVES_2017)
    cell_owned = [item for item in INITIATIVES_2017 if item["unit"] in cell_codes]
    assert len(INITIATIVES_2017) == 110, len(INITIATIVES_2017)
    assert kinds[_COL] == 74 and kinds[_IND] == 36, kinds
    assert len(titles) == len(set(titles)), [t for t, n in Counter(titles).items() if n > 1]
    assert len(per_base) == 42, len(per_base)
    assert max(per_base.values()) <= 5 and min(per_base.values()) >= 1
    assert sum(1 for n in per_base.values() if n <= 3) > len(per_base) // 2
    assert cell_owned, "phải có mô hình của chi bộ trực thuộc"
    legal_aid = [x for x in INITIATIVES_2017 if x["unit"] == "CB-TGPL" and x["kind"] == _COL]
    assert len(legal_aid) == 1
    assert legal_aid[0]["title"] == (
        "Trợ giúp pháp lý miễn phí cho người nghèo, đối tượng chính sách trên địa bàn thành phố Hải Phòng"
    )
    beneficiaries = legal_aid[0]["beneficiaries"].lower()
    for word in ("người nghèo", "người có công với cách mạng", "trẻ em", "người khuyết tật"):
        assert word in beneficiaries, word
    assert "người không có điều kiện kinh tế" in beneficiaries
    assert ("Số người được trợ giúp pháp lý miễn phí", "người", 800) in legal_aid[0]["indicators"]
    assert any(item["unit"] == "DB-CTK" for item in INITIATIVES_2017)

    # Năm 2018
    titles_2017_by_unit = {(item["unit"], item["title"]) for item in INITIATIVES_2017}
    titles_2018 = [item["title"] for item in INITIATIVES_2018]
    for item in INITIATIVES_2018:
        _check_initiative(item, 2018)
        assert item["status"] in ("draft", "submitted", "returned", "accepted"), item["status"]
        assert ("return_comment" in item) == (item["status"] == "returned"), item["title"]
        if "carried_over_from" in item:
            assert (item["unit"], item["carried_over_from"]) in titles_2017_by_unit, item["carried_over_from"]
    statuses = Counter(item["status"] for item in INITIATIVES_2018)
    drafts_units = {item["unit"] for item in INITIATIVES_2018 if item["status"] == "draft"}
    units_2018 = {base_of[item["unit"]] for item in INITIATIVES_2018}
    ctk = Counter(item["status"] for item in INITIATIVES_2018 if item["unit"] == "DB-CTK")
    tgpl = [item for item in INITIATIVES_2018 if item["unit"] == "CB-TGPL"]
    assert 12 <= len(INITIATIVES_2018) <= 16, len(INITIATIVES_2018)
    assert len(titles_2018) == len(set(titles_2018)) and not set(titles_2018) & set(titles)
    assert 7 <= len(units_2018) <= 9, units_2018
    assert statuses["draft"] >= 4 and len(drafts_units) >= 3, (statuses, drafts_units)
    assert ctk["draft"] >= 2 and ctk["returned"] >= 1, ctk
    assert len(tgpl) == 1 and tgpl[0]["status"] == "submitted"
    assert tgpl[0]["carried_over_from"] == legal_aid[0]["title"]

    # Unicode NFC
    data = [BLOC, PARTNER, FIELDS, UNITS, CELLS, INITIATIVES_2017, INITIATIVES_2018]
    strings = list(_strings(data))
    not_nfc = [s for s in strings if not unicodedata.is_normalized("NFC", s)]
    assert not not_nfc, not_nfc[:3]

    print(f"Đơn vị cơ sở: {len(UNITS)}; chi bộ trực thuộc: {len(CELLS)}; lĩnh vực: {len(FIELDS)}")
    print(f"Mã duy nhất: {len(all_codes)}/{len(set(all_codes))}")
    print(
        f"2017: {len(INITIATIVES_2017)} mô hình, {kinds[_COL]} tập thể, {kinds[_IND]} cá nhân; "
        f"{len(per_base)}/{len(UNITS)} cấp ủy cơ sở đăng ký; {len(cell_owned)} mô hình của chi bộ trực "
        f"thuộc; tên duy nhất: {len(set(titles))}"
    )
    print(f"   phân bố số mô hình/đơn vị: {sorted(Counter(per_base.values()).items())}")
    print(
        f"2018: {len(INITIATIVES_2018)} mô hình tại {len(units_2018)} đơn vị; trạng thái: {dict(statuses)}; "
        f"tiếp tục từ 2017: {sum('carried_over_from' in x for x in INITIATIVES_2018)}"
    )
    print(f"NFC: {len(strings)} chuỗi, tất cả đã chuẩn hóa NFC")
    print("OK")
