import os

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from danvan.demo import national
from danvan.orgs.models import Organization


class Command(BaseCommand):
    help = (
        "Sinh bộ dữ liệu toàn quốc để đo tải: Trung ương → 34 tỉnh, thành → đảng ủy khối, xã, phường → tổ chức "
        "cơ sở → chi bộ; 10 đợt phát động; N mô hình với chỉ tiêu, báo cáo, chấm điểm, bình xét, khen thưởng, "
        "nhân rộng. Trên PostgreSQL dữ liệu được nạp bằng COPY."
    )

    def add_arguments(self, parser):
        parser.add_argument("--initiatives", type=int, default=20_000, help="Số mô hình (mặc định 20000).")
        parser.add_argument(
            "--seed", type=int, default=2025, help="Hạt giống ngẫu nhiên; cùng hạt giống, cùng dữ liệu."
        )
        parser.add_argument(
            "--years", type=int, default=10, help="Số đợt phát động hằng năm, đến năm nay (mặc định 10)."
        )
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Xoá toàn bộ dữ liệu của cơ sở dữ liệu (manage.py flush) trước khi sinh.",
        )

    def handle(self, *args, initiatives: int, seed: int, years: int, reset: bool, **options):
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
        result = national.generate(initiatives=initiatives, seed=seed, years=years, say=self.stdout.write)
        self.stdout.write(self.style.SUCCESS(f"Xong trong {result.seconds:.1f} giây."))
        self.stdout.write(f"  {'tổng số dòng':<42} {sum(result.counts.values()):>11,}")
        leaders = result.province_leaders
        self.stdout.write(
            f"Tài khoản: {result.admin} (quản trị toàn quốc), {national.NATIONAL_LEADER} (lãnh đạo toàn quốc), "
            f"lanhdao.p01 … lanhdao.p{len(leaders):02d} (lãnh đạo tỉnh, thành), khaosat.pNN, canbo.<mã đơn vị>."
        )
        for username, committee, pk in leaders[:3]:
            self.stdout.write(f"  {username:<14} {committee} (id {pk})")
        if result.password:
            self.stdout.write(f"Mật khẩu chung (chế độ demo): {result.password}")
        elif not os.environ.get("DANVAN_DEMO"):
            self.stdout.write(
                "Các tài khoản chưa có mật khẩu dùng được (đặt DANVAN_DEMO=1 khi sinh để có mật khẩu mẫu)."
            )
