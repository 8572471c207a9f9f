"""Recommendations of a B2B session: for each participant, the people worth meeting and why.

The engine ranks everyone against everyone in one pass (seconds for a forum of thousands), so the whole session
is ranked by a background task when profiles change and stored one row per participant (`RecommendationList`),
with a fingerprint of the profiles it comes from: pages read one row. The reasons are stored as the engine's
codes and parameters (slugs, role and country codes, region names, quoted phrases) and worded only when a page
shows them, in the reader's language (`reason_text`): one ranking serves every language.

Services (`recommendations_refresh*`) and selectors of recommendations only; the rest of the app's reads are in
`selectors`, which this module builds on.
"""

import dataclasses
import hashlib

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Max
from django.utils.translation import gettext as _

from maillage.common.jobs import job_enqueue
from maillage.directory.models import COUNTRIES, Corridor, Organisation, Sector

from . import engines, selectors
from .models import B2BSession, LookingFor, MeetingRequest, Participant, RecommendationList

RECOMMENDATIONS = 10
# a session this small is ranked on the spot when a page finds its ranking out of date
RECOMMEND_NOW_MAX = 300

# Our organisation kinds in the recommender's words.
ENGINE_KINDS = {
    Organisation.Kind.COMPANY: "sme",
    Organisation.Kind.INCUBATOR: "incubator",
    Organisation.Kind.COOPERATIVE: "association",
    Organisation.Kind.CLUSTER: "association",
    Organisation.Kind.PUBLIC_BODY: "public",
    Organisation.Kind.INVESTOR: "investor",
    Organisation.Kind.UNIVERSITY: "research",
    Organisation.Kind.MEDIA: "",
    Organisation.Kind.EVENT_ORGANISER: "association",
}


# Services


def recommendations_refresh_later(*, session: B2BSession, once_within: int = 0) -> None:
    """Rank the session again in the background once the current transaction commits (profiles changed).
    With ``once_within`` (seconds), pages asking again meanwhile do not queue it again."""
    if once_within and not cache.add(f"matchmaking:recommendations-queued:{session.pk}", True, once_within):
        return
    job_enqueue("maillage.matchmaking.tasks.recommendations_refresh_task", session.pk)


def recommendations_refresh(*, session: B2BSession) -> bool:
    """Rank the session's participants and store each one's list, unless the stored lists already come from
    the profiles as they are. The engine runs outside any transaction; the lists are replaced in one.
    Returns whether it ranked."""
    fingerprint = profiles_fingerprint(session)
    if recommendations_current(session, fingerprint=fingerprint):
        return False
    ranked = session_recommendations(session)
    rows = [
        RecommendationList(
            session=session,
            participant_id=int(pid),
            fingerprint=fingerprint,
            ranking=[[int(r.id), r.score, r.reasons] for r in recs],
        )
        for pid, recs in ranked.items()
    ]
    with transaction.atomic():
        # two refreshes at once: the second one waits on the session's row, then replaces the first one's rows
        B2BSession.objects.select_for_update().get(pk=session.pk)
        RecommendationList.objects.filter(session=session).delete()
        existing = set(Participant.objects.filter(session=session).values_list("pk", flat=True))
        RecommendationList.objects.bulk_create(
            [row for row in rows if row.participant_id in existing], batch_size=500
        )
    return True


# Selectors


def _profile(participant: Participant) -> dict:
    organisation = participant.organisation
    sectors = [label for s in participant.sectors.all() for label in (s.name_fr, s.name_en)]
    offers, needs = participant.offers[:4900], participant.needs[:4900]
    if not (offers or needs or sectors):
        offers = organisation.name if organisation else participant.name
    return {
        "id": str(participant.pk),
        "organisation": (organisation.name if organisation else "")[:200],
        "kind": ENGINE_KINDS.get(organisation.kind, "") if organisation else "",
        "country": organisation.country if organisation else "",
        "region": (organisation.region.name if organisation and organisation.region else "")[:200],
        "sectors": sectors,
        "offers": offers,
        "needs": needs,
        "languages": [code for code in participant.languages if len(code) == 2] or ["fr"],
        "looking_for": list(participant.looking_for),
    }


def recommendation_profiles(session: B2BSession) -> dict:
    """The session's participants in the recommender's input shape (with the network's corridors)."""
    corridors = [
        [c.region_a.name, c.region_b.name] for c in Corridor.objects.select_related("region_a", "region_b")
    ]
    return {"profiles": [_profile(p) for p in selectors.participants_of(session)], "corridors": corridors}


def profiles_fingerprint(session: B2BSession) -> str:
    """Changes whenever a participant registers, leaves or changes their profile."""
    figures = Participant.objects.filter(session=session).aggregate(
        n=Count("pk"), last=Max("updated"), organisations=Max("organisation__updated")
    )
    text = f"{session.pk}:{figures['n']}:{figures['last']}:{figures['organisations']}"
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def recommendations_current(session: B2BSession, *, fingerprint: str | None = None) -> bool:
    """Whether the stored recommendations come from the profiles as they are now."""
    fingerprint = fingerprint or profiles_fingerprint(session)
    return RecommendationList.objects.filter(session=session, fingerprint=fingerprint).exists()


def session_recommendations(session: B2BSession) -> dict[str, list[engines.Recommended]]:
    """Run the recommender on the session's profiles (seconds for thousands: background work)."""
    profiles = recommendation_profiles(session)
    if len(profiles["profiles"]) < 2:
        return {}
    return engines.recommendations(profiles, count=RECOMMENDATIONS)


def recommended_ranking(participant: Participant) -> list:
    """The stored ranking for `participant` (``[[pk, score, [{code, params}]], …]``, maybe out of date), or
    []."""
    row = RecommendationList.objects.filter(participant=participant).values_list("ranking", flat=True).first()
    return row or []


@dataclasses.dataclass
class PersonWorthMeeting:
    participant: Participant
    score: float
    reasons: list[str]
    request: MeetingRequest | None = None  # ours to them, or theirs to us


def recommendations_for(participant: Participant) -> list[PersonWorthMeeting]:
    """The stored recommendations of `participant`, their reasons in the active language (see
    `recommendations_refresh`)."""
    ranked = recommended_ranking(participant)
    shown = selectors.participants_shown_to(participant).filter(pk__in=[r[0] for r in ranked])
    others = {p.pk: p for p in shown}
    requests = selectors.requests_between(participant)
    words = _Wording(reason for _pk, _score, reasons in ranked for reason in reasons)
    return [
        PersonWorthMeeting(others[pk], score, words.texts(reasons), requests.get(pk))
        for pk, score, reasons in ranked
        if pk in others
    ]


def recommended_reasons(participant: Participant) -> dict[int, list[str]]:
    """Each participant the recommender ranked for `participant` → why, in the active language (agendas)."""
    ranked = recommended_ranking(participant)
    words = _Wording(reason for _pk, _score, reasons in ranked for reason in reasons)
    return {pk: words.texts(reasons) for pk, _score, reasons in ranked}


# Wording: the engine's reason codes in the reader's language


def reason_text(code: str, params: dict, *, sectors: dict[str, str] | None = None) -> str:
    """One reason of the engine (codes of ``engine/recommend/reasons.py``) as a sentence in the active
    language; ``sectors``: slug → name, when the caller has read them already."""
    values = dict(params)
    if code == "same_sector":
        slug = values.get("sector", "")
        if sectors is None:
            sectors = {s.slug: s.name for s in Sector.objects.filter(slug=slug)}
        values["sector"] = sectors.get(slug, slug)
    if "role" in values:
        values["role"] = (
            LookingFor(values["role"]).label if values["role"] in LookingFor.values else values["role"]
        )
    if "country" in values:
        values["country"] = dict(COUNTRIES).get(values["country"], values["country"])
    template = _templates().get(code)
    if template is None:  # a code newer than this app: say nothing wrong
        return ""
    try:
        return template % values
    except (KeyError, TypeError):
        return ""


def _templates() -> dict[str, str]:
    # read at each call: gettext answers in the language active now
    return {
        "need_offer": _("your need “%(need)s” matches their offer “%(offer)s”"),
        "offer_need": _("their need “%(need)s” matches your offer “%(offer)s”"),
        "need_offer_close": _("your need “%(need)s” is close in meaning to their offer “%(offer)s”"),
        "offer_need_close": _("their need “%(need)s” is close in meaning to your offer “%(offer)s”"),
        "same_sector": _("same sector: %(sector)s"),
        "looking_for": _("they are the kind of partner you are looking for: %(role)s"),
        "looked_for": _("you are the kind of partner they are looking for: %(role)s"),
        "corridor": _("their region is in the %(own_region)s–%(region)s corridor"),
        "cross_border": _("international partner: %(country)s"),
        "no_shared_language": _("no language in common"),
        "few_in_common": _("little in common: suggested to complete your list"),
    }


class _Wording:
    """Words many stored reasons at once: the sectors they name are read in one query."""

    def __init__(self, reasons) -> None:
        slugs = {r["params"].get("sector", "") for r in reasons if r.get("code") == "same_sector"}
        self.sectors = {s.slug: s.name for s in Sector.objects.filter(slug__in=slugs)} if slugs else {}

    def texts(self, reasons: list[dict]) -> list[str]:
        texts = (reason_text(r["code"], r.get("params", {}), sectors=self.sectors) for r in reasons)
        return [text for text in texts if text]
