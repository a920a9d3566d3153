from django.core.management.base import BaseCommand

from danvan.demo import loader


class Command(BaseCommand):
    help = "In các tài khoản mẫu và cách đăng nhập."

    def handle(self, *args, **options):
        self.stdout.write(loader.login_help())
