"""Every stored file (attachment, evidence, survey photo, showcase photo) is served the same way: a document as a
download, an image in the browser, never sniffed into another type nor run as a page; removing one deletes the
file only once the change is committed."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

from danvan.demo.checking import pdf, png
from danvan.initiatives.services import attachment_add, attachment_remove

pytestmark = pytest.mark.django_db


def test_documents_download_and_images_show_inline(world, login):
    doc = attachment_add(
        initiative=world.draft_a, by=world.officer_a, upload=SimpleUploadedFile("ke-hoach.pdf", pdf("Kế hoạch"))
    )
    photo = attachment_add(
        initiative=world.draft_a, by=world.officer_a, upload=SimpleUploadedFile("anh.png", png((165, 14, 21)))
    )
    client = login(world.officer_a)
    for stored, disposition in ((doc, "attachment"), (photo, "inline")):
        response = client.get(reverse("initiatives:attachment", args=[stored.pk]))
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith(disposition)
        assert response["Content-Type"] == stored.content_type
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in response["Content-Security-Policy"]
    assert login(world.officer_b).get(reverse("initiatives:attachment", args=[doc.pk])).status_code == 404


def test_a_removed_file_goes_only_when_the_removal_commits(world, django_capture_on_commit_callbacks):
    doc = attachment_add(
        initiative=world.draft_a, by=world.officer_a, upload=SimpleUploadedFile("bien-ban.pdf", pdf("Biên bản"))
    )
    storage, path = doc.file.storage, doc.file.name
    with django_capture_on_commit_callbacks(execute=True):
        attachment_remove(attachment=doc, by=world.officer_a)
    assert not storage.exists(path)

    kept = attachment_add(
        initiative=world.draft_a, by=world.officer_a, upload=SimpleUploadedFile("giu-lai.pdf", pdf("Giữ lại"))
    )
    with pytest.raises(RuntimeError), transaction.atomic():
        attachment_remove(attachment=kept, by=world.officer_a)
        raise RuntimeError("the request failed after the removal")
    assert storage.exists(kept.file.name)
