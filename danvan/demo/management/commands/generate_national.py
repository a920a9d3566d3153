"""`python manage.py generate_national --initiatives N`: the national data set the load tests run on."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from danvan.demo import national
from danvan.orgs.models import Organization


class Command(BaseCommand):
    help = (
        "Sinh bộ dữ liệu toàn quốc để đo tải: Trung ương → 34 tỉnh, thành → đảng ủy khối, xã, phường → tổ chức "
        "cơ sở → chi bộ; các đợt phát động hằng năm; N mô hình với lĩnh vực, chỉ tiêu, báo cáo quý, chấm điểm, "
        "bình xét, khen thưởng, nhân rộng. Trên PostgreSQL dữ liệu được nạp bằng COPY."
    )

    def add_arguments(self, parser):
        parser.add_argument("--initiatives", type=int, default=20_000, help="Số mô hình (mặc định 20000).")
        parser.add_argument("--seed", type=int, default=2025, help="Hạt giống; cùng hạt giống, cùng dữ liệu.")
        parser.add_argument("--years", type=int, default=10, help="Số đợt phát động, đến năm nay (mặc định 10).")
        parser.add_argument(
            "--self-scores",
            action="store_true",
            help="Ghi cả điểm từng tiêu chí của các bản tự đánh giá (mặc định chỉ của đoàn khảo sát).",
        )
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Xoá TOÀN BỘ dữ liệu của cơ sở dữ liệu (manage.py flush) trước khi sinh.",
        )

    def handle(self, *args, initiatives: int, seed: int, years: int, self_scores: bool, reset: bool, **options):
        if settings.PRODUCTION:
            raise CommandError("Không sinh dữ liệu thử nghiệm trên môi trường thật (DANVAN_PRODUCTION=1).")
        if initiatives < 1 or not 1 <= years <= 50:
            raise CommandError("--initiatives phải dương và --years từ 1 đến 50.")
        if Organization.objects.exists():
            if not reset:
                raise CommandError(
                    "Cơ sở dữ liệu đã có dữ liệu (tổ chức đảng). Hãy dùng một cơ sở dữ liệu trống, hoặc thêm --reset "
                    "để xoá TOÀN BỘ dữ liệu hiện có rồi sinh lại."
                )
            self.stdout.write("Xoá toàn bộ dữ liệu hiện có (flush)…")
            call_command("flush", interactive=False, verbosity=0)
        self.stdout.write(f"Sinh dữ liệu toàn quốc: {initiatives:,} mô hình, {years} đợt, hạt giống {seed}…")
        try:
            result = national.generate(
                initiatives=initiatives, seed=seed, years=years, self_scores=self_scores, say=self.stdout.write
            )
        except national.LoadFailed as exc:
            raise CommandError(
                f"Nạp dữ liệu thất bại ({exc}). Cây tổ chức, tài khoản và các đợt đã được ghi: chạy lại với --reset."
            ) from exc
        self.stdout.write(self.style.SUCCESS(f"Xong trong {result.seconds:.1f} giây."))
        self.stdout.write(f"  {'tổng số dòng':<42} {sum(result.counts.values()):>11,}")
        leaders = result.province_leaders
        self.stdout.write(
            f"Tài khoản: {result.admin} (quản trị toàn quốc), {national.NATIONAL_LEADER} (lãnh đạo toàn quốc), "
            f"lanhdao.p01 … lanhdao.p{len(leaders):02d} (lãnh đạo tỉnh, thành), khaosat.pNN (trưởng đoàn khảo "
            "sát), canbo.<mã đơn vị> (cán bộ của vài đơn vị đầu mỗi tỉnh)."
        )
        self.stdout.write("Mã (code) và id của các tỉnh ủy, thành ủy:")
        for start in range(0, len(leaders), 6):
            row = leaders[start : start + 6]
            self.stdout.write("  " + ", ".join(f"{username.split('.')[1].upper()}={pk}" for username, _c, pk in row))
        if result.password:
            self.stdout.write(f"Mật khẩu chung (chế độ demo): {result.password}")
        else:
            self.stdout.write("Các tài khoản chưa có mật khẩu dùng được (sinh với DANVAN_DEMO=1 để có mật khẩu mẫu).")
