"""Daily reminders about progress reports, for cron:

0 7 * * * cd /srv/danvan && .venv/bin/python manage.py send_report_reminders
"""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from danvan.progress.services import send_report_reminders


class Command(BaseCommand):
    help = "Nhắc các đơn vị gửi báo cáo định kỳ: 7 và 1 ngày trước hạn, 1 và 7 ngày sau hạn nếu chưa gửi."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="Ngày coi là hôm nay, dạng YYYY-MM-DD (để chạy bù).")

    def handle(self, *args, **options):
        today = None
        if options["today"]:
            try:
                today = date.fromisoformat(options["today"])
            except ValueError as exc:
                raise CommandError("--today phải có dạng YYYY-MM-DD, ví dụ 2017-07-03.") from exc
        sent = send_report_reminders(today=today)
        self.stdout.write(f"Đã gửi {sent} thư nhắc báo cáo.")
