"""Precomputed counts of a campaign's initiatives for every node of the party tree, so that a dashboard reads a
few dozen rows instead of counting a million initiatives. They are derived data: `insights.tally` keeps them
equal to a fresh count after every change (tests/insights/test_tally.py checks it for every kind of change), and
`manage.py rebuild_tallies` computes them again from scratch."""

from django.db import models

from danvan.campaigns.models import Campaign
from danvan.orgs.models import Organization


# The rows are derived and rewritten by the hundred thousand (a campaign's rebuild): their references carry no
# database constraint, whose row-by-row checks at commit cost more than the counting itself; the application
# still deletes them with what they refer to (on_delete), and the tests compare them with a fresh count.
class TallyBase(models.Model):
    # Indexed with the node or the parent first in every table's indexes.
    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="+", db_constraint=False, db_index=False
    )
    # The node whose whole subtree (its own initiatives and its descendants') the row counts.
    node = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+", db_constraint=False)
    # The node's parent, so that "the rows of the units one level down" is one indexed lookup.
    parent = models.ForeignKey(Organization, null=True, on_delete=models.CASCADE, related_name="+", db_constraint=False)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.campaign_id}/{self.node_id}"


class Tally(TallyBase):
    """How many initiatives of the node's subtree share one combination of the facts the statistics read."""

    status = models.CharField(max_length=20)
    kind = models.CharField(max_length=20)
    result = models.CharField(max_length=20, blank=True)
    surveyed = models.BooleanField()  # a survey team's score is submitted
    self_assessed = models.BooleanField()  # the unit's own assessment is submitted
    commended = models.BooleanField()  # named in a commendation decision of the campaign
    replicated = models.BooleanField()  # at least one copy that is not withdrawn
    n = models.PositiveIntegerField()
    copies = models.PositiveIntegerField()  # copies of these initiatives that are not withdrawn

    class Meta:
        indexes = [
            models.Index(fields=["campaign", "node"], name="insights_tally_node"),
            models.Index(fields=["campaign", "parent"], name="insights_tally_parent"),
        ]


class FieldTally(TallyBase):
    """How many initiatives of the node's subtree belong to a field, by kind and status."""

    field = models.ForeignKey("campaigns.Field", on_delete=models.CASCADE, related_name="+", db_constraint=False)
    kind = models.CharField(max_length=20)
    status = models.CharField(max_length=20)
    n = models.PositiveIntegerField()

    class Meta:
        indexes = [
            models.Index(fields=["campaign", "node"], name="insights_fieldtally_node"),
            models.Index(fields=["campaign", "parent"], name="insights_fieldtally_parent"),
        ]


class UnitTally(TallyBase):
    """How many base organisations of the node's subtree have registered, been surveyed, assessed themselves."""

    registered = models.PositiveIntegerField()
    surveyed = models.PositiveIntegerField()
    self_assessed = models.PositiveIntegerField()

    class Meta:
        indexes = [
            models.Index(fields=["campaign", "node"], name="insights_unittally_node"),
            models.Index(fields=["campaign", "parent"], name="insights_unittally_parent"),
        ]


class ReportTally(TallyBase):
    """How many accepted initiatives of the node's subtree have sent their report for a period, and how many of
    them sent it by the period's deadline."""

    period = models.ForeignKey(
        "campaigns.ReportingPeriod", on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    submitted = models.PositiveIntegerField()
    on_time = models.PositiveIntegerField()

    class Meta:
        indexes = [
            models.Index(fields=["campaign", "node"], name="insights_reporttally_node"),
            models.Index(fields=["campaign", "parent"], name="insights_reporttally_parent"),
        ]


class IndicatorTally(TallyBase):
    """The indicator totals of the node's subtree, per unit of measure (rates cannot be added up and are left out):
    the accepted initiatives' targets, how many initiatives have one, and the actuals of their reports that are
    no longer drafts — the dashboard's `insights.checking.indicator_totals`."""

    unit_of_measure = models.CharField(max_length=50)
    target = models.DecimalField(max_digits=24, decimal_places=2)
    initiatives = models.PositiveIntegerField()
    actual = models.DecimalField(max_digits=24, decimal_places=2)

    class Meta:
        indexes = [
            models.Index(fields=["campaign", "node"], name="insights_indicatortally_node"),
            models.Index(fields=["campaign", "parent"], name="insights_indicatortally_parent"),
        ]


class FlagTally(TallyBase):
    """How many accepted initiatives of the node's subtree share what the dashboard's quality flags read
    (`recognition.flags.flag_condition`): whether they have an indicator, whether they show evidence (in a sent
    report, an attachment or a scoring's photo), and the reporting periods whose report they have sent. Which periods
    are due changes with the date, not with the data: the reader counts the flagged ones with today's."""

    measured = models.BooleanField()
    shown = models.BooleanField()
    sent = models.CharField(max_length=400)  # the periods' ids, in increasing order, comma-separated
    n = models.PositiveIntegerField()

    class Meta:
        indexes = [
            models.Index(fields=["campaign", "node"], name="insights_flagtally_node"),
            models.Index(fields=["campaign", "parent"], name="insights_flagtally_parent"),
        ]


def sent_periods(text: str) -> set[int]:
    """The periods of a `FlagTally.sent`."""
    return {int(p) for p in text.split(",") if p}
