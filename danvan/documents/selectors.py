"""What the year's-end documents list, read through danvan.insights: the exemplary initiatives of a campaign with
the person or collective each honours, and the honours a unit has received."""

from dataclasses import dataclass
from decimal import Decimal

from danvan.campaigns.models import Campaign
from danvan.initiatives.models import Initiative
from danvan.insights.review import ReviewBoard, ReviewRow, honours_of, review_board
from danvan.orgs.models import Organization
from danvan.recognition.models import CommendationEntry


@dataclass
class Proposed:
    """One exemplary initiative proposed for commendation, with who receives it."""

    row: ReviewRow  # its line of the review board: scores, rank
    honouree: str  # the collective or person, as the bloc's own decision named them (else the unit)
    honouree_kind: str  # CommendationEntry.Honouree: "collective" / "individual"

    @property
    def initiative(self) -> Initiative:
        return self.row.initiative

    @property
    def score(self) -> Decimal | None:
        """The team's score, or the self-assessment's where no team visited: the score the review ranked on."""
        return self.row.raw


def exemplary_initiatives(campaign: Campaign, user, *, board: ReviewBoard | None = None) -> list[Proposed]:
    """The campaign's exemplary initiatives the user may see, in the review board's order (best first)."""
    board = board or review_board(campaign, user)
    rows = [r for r in board.rows if r.initiative.result == Initiative.Result.EXEMPLARY]
    named: dict[int, CommendationEntry] = {}
    for entry in CommendationEntry.objects.filter(
        commendation__campaign=campaign, initiative__in=[r.initiative.pk for r in rows]
    ).order_by("-commendation__issued_on", "position"):
        named.setdefault(entry.initiative_id, entry)
    out = []
    for r in rows:
        named_entry = named.get(r.initiative.pk)
        if named_entry is not None:
            out.append(Proposed(r, named_entry.honouree, named_entry.honouree_kind))
        else:
            out.append(Proposed(r, r.initiative.unit.name, r.initiative.kind))
    return out


def collective_honours(unit: Organization) -> list[CommendationEntry]:
    """The commendations the unit received as a collective (one line per decision), newest first."""
    seen: set[int] = set()
    out = []
    for entry in honours_of(unit=unit).filter(honouree_kind=CommendationEntry.Honouree.COLLECTIVE):
        if entry.commendation_id not in seen:
            seen.add(entry.commendation_id)
            out.append(entry)
    return out
