"""The Atom feed of published exemplary initiatives, for news sites and readers that follow the movement."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import linebreaks
from django.utils.translation import gettext_lazy as _

from danvan.showcase.models import ShowcaseEntry
from danvan.showcase.selectors import published_entries

FEED_SIZE = 50


class ShowcaseFeed(Feed):
    feed_type = Atom1Feed
    title = _("Mô hình “Dân vận khéo” tiêu biểu")
    subtitle = _("Các mô hình “Dân vận khéo” tiêu biểu được Đảng ủy Khối công khai.")

    def link(self) -> str:
        return reverse("showcase:list")

    def items(self):
        return published_entries().prefetch_related("initiative__fields").order_by("-published_at", "-id")[:FEED_SIZE]

    def item_title(self, item: ShowcaseEntry) -> str:
        return item.headline

    def item_link(self, item: ShowcaseEntry) -> str:
        return reverse("showcase:detail", args=[item.pk])

    def item_description(self, item: ShowcaseEntry) -> str:
        # Atom's summary is read as HTML: the plain text is escaped first, then its paragraphs kept.
        return linebreaks(item.summary, autoescape=True)

    def item_pubdate(self, item: ShowcaseEntry):
        return item.published_at

    def item_updateddate(self, item: ShowcaseEntry):
        return item.updated_at

    def item_author_name(self, item: ShowcaseEntry) -> str:
        return item.initiative.unit.name

    def item_categories(self, item: ShowcaseEntry) -> list[str]:
        return [f.name for f in item.initiative.fields.all()]
