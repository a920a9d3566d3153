from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from danvan.demo import loader


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu Hải Phòng 2017 (65 đơn vị, 110 mô hình) và các tài khoản mẫu."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Chỉ nạp khi cơ sở dữ liệu chưa có dữ liệu mẫu (dùng cho make run).",
        )

    def handle(self, *args, if_empty=False, **options):
        if settings.PRODUCTION:
            raise CommandError("Không nạp dữ liệu mẫu trên môi trường thật (DANVAN_PRODUCTION=1).")
        if loader.is_loaded():
            if if_empty:
                self.stdout.write("Dữ liệu mẫu đã có sẵn, không nạp lại.")
                return
            raise CommandError("Dữ liệu mẫu đã được nạp. Xoá cơ sở dữ liệu (var/danvan.sqlite3) để nạp lại.")
        self.stdout.write("Đang nạp dữ liệu mẫu Hải Phòng 2017…")
        loader.load(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Đã nạp xong dữ liệu mẫu."))
