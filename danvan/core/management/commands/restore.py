"""`python manage.py restore ARCHIVE [--force | --check]`: the site's rows and uploaded files back from a backup."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from danvan.core.backup import BackupError, backup_check, backup_restore


class Command(BaseCommand):
    help = (
        "Khôi phục dữ liệu và tệp tải lên từ một bản sao lưu (manage.py backup), tất cả hoặc không gì cả. Chỉ khôi "
        "phục vào trang còn trống, trừ khi có --force. Bản sao lưu được kiểm tra với danh mục (số dòng, SHA-256) "
        "trước khi thay đổi bất cứ gì."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Tệp .zip do manage.py backup tạo.")
        group = parser.add_mutually_exclusive_group()
        group.add_argument(
            "--force",
            action="store_true",
            help="Xoá TOÀN BỘ dữ liệu và tệp tải lên hiện có rồi thay bằng bản sao lưu.",
        )
        group.add_argument(
            "--check",
            action="store_true",
            help="Chỉ kiểm tra bản sao lưu (đọc hết, so với danh mục và với cơ sở dữ liệu này), không thay đổi gì.",
        )

    def handle(self, *args, archive: str, force: bool = False, check: bool = False, **options):
        try:
            if check:
                backup_check(archive=Path(archive), say=self.stdout.write)
            else:
                backup_restore(archive=Path(archive), force=force, say=self.stdout.write)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
