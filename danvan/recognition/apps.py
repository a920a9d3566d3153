from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save, pre_delete
from django.utils.translation import gettext_lazy as _


class RecognitionConfig(AppConfig):
    name = "danvan.recognition"
    verbose_name = _("Bình xét, khen thưởng và nhân rộng")

    def ready(self) -> None:
        # The near-duplicate flag reads fingerprints kept at save time; every text, status or family change must
        # reach them, whichever service or the admin makes it (bulk writes call fingerprints.rebuild instead).
        from danvan.initiatives.models import Initiative
        from danvan.recognition import fingerprints
        from danvan.recognition.models import Replication

        post_save.connect(fingerprints.on_initiative_saved, sender=Initiative, dispatch_uid="fingerprint_saved")
        pre_delete.connect(fingerprints.on_initiative_deleting, sender=Initiative, dispatch_uid="fingerprint_deleting")
        post_save.connect(fingerprints.on_replication_changed, sender=Replication, dispatch_uid="fingerprint_copy")
        post_delete.connect(
            fingerprints.on_replication_changed, sender=Replication, dispatch_uid="fingerprint_copy_gone"
        )
