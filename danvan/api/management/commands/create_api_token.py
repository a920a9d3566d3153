from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from danvan.api.services import api_token_create


class Command(BaseCommand):
    help = "Tạo mã truy cập API cho một người dùng; in mã ở cuối dòng (chỉ hiện một lần)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="Dòng lệnh")

    def handle(self, *args, username, name, **options):
        User = get_user_model()
        try:
            user = User.objects.get(username=username)
        except User.DoesNotExist:
            raise CommandError(f"Không có người dùng “{username}”.") from None
        _token, raw = api_token_create(user=user, name=name, by=None)
        self.stdout.write(f"Mã truy cập API của {username}: {raw}")
