"""`python manage.py backup [--output FILE_OR_FOLDER]`: every table's rows and every uploaded file in one archive.

A nightly crontab line: `30 1 * * * cd /srv/danvan && .venv/bin/python manage.py backup --output /srv/backups/`
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from danvan.core.backup import BackupError, backup_create, default_destination


class Command(BaseCommand):
    help = (
        "Sao lưu toàn bộ dữ liệu (mọi bảng) và các tệp tải lên vào một tệp .zip có danh mục kiểm tra (số dòng, "
        "mã SHA-256). Mặc định ghi vào var/backups/danvan-<ngày>-<giờ>.zip."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            "-o",
            help="Tệp .zip cần ghi (chưa tồn tại), hoặc một thư mục để ghi vào đó với tên theo ngày giờ.",
        )

    def handle(self, *args, output: str | None = None, **options):
        if output and Path(output).is_dir():
            destination = default_destination(folder=Path(output))
        elif output:
            destination = Path(output)
        else:
            destination = default_destination()
        try:
            backup_create(destination=destination, say=self.stdout.write)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
