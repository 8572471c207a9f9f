"""Who may see and who may change what, for every URL of the project, in one registry keyed by URL name.

This is the declared policy the permission matrix (tests/security/) holds the views to: the views enforce
it (decorators, selectors), this file says what they must enforce, so a reader, an auditor or a partner can
read the whole of it on one page. A URL added without a policy here fails the test suite.

Audiences are relations to the object the URL names, not account types:

- ``anyone``: visitors included; ``account``: anyone logged in.
- ``self``: the person the object belongs to (their profile, their request, their meeting, their proposal).
- ``participant``: registered in this B2B session; ``delegate``: in this mission's delegation;
  ``speaker``: speaking in this edition, or a speaker of this proposal; ``reviewer``: reviewing this call.
- ``partner``: a person a mission's partner organisation was given access to its figures.
- ``token``: whoever holds the secret address (calendar feeds, invitations, password reset links).
- ``organiser``: the network's staff, superusers included.

``see``: who gets the page (GET); ``change``: who may change something through it (POST);
``private``: who, besides the person themselves and organisers, may be shown other people's private fields
(e-mail, phone, request messages, notes, outcomes, needs) there.
"""

from dataclasses import dataclass

ANYONE = "anyone"
ACCOUNT = "account"
SELF = "self"
PARTICIPANT = "participant"
DELEGATE = "delegate"
SPEAKER = "speaker"
REVIEWER = "reviewer"
PARTNER = "partner"
TOKEN = "token"  # noqa: S105 (an audience, not a secret)
ORGANISER = "organiser"
AUDIENCES = frozenset(
    {ANYONE, ACCOUNT, SELF, PARTICIPANT, DELEGATE, SPEAKER, REVIEWER, PARTNER, TOKEN, ORGANISER}
)


@dataclass(frozen=True)
class Policy:
    see: frozenset[str]
    change: frozenset[str]
    private: frozenset[str] = frozenset()
    why: str = ""

    def __post_init__(self) -> None:
        unknown = (self.see | self.change | self.private) - AUDIENCES
        if unknown:
            raise ValueError(f"Unknown audiences: {sorted(unknown)}")


def _p(see: str = "", change: str = "", private: str = "", why: str = "") -> Policy:
    def audiences(text: str) -> frozenset[str]:
        return frozenset(text.split())

    return Policy(audiences(see), audiences(change), audiences(private), why)


PUBLIC = _p("anyone")  # a page everyone reads and nobody changes through
STAFF = _p("organiser", "organiser")  # organisers' pages and actions
STAFF_PAGE = _p("organiser")  # organisers read (lists, exports, reports), nothing changes through it
STAFF_ACTION = _p("", "organiser")  # POST only
ACCOUNT_PAGE = _p("account", "account")  # a logged-in person's own page (their own data only)

POLICIES: dict[str, Policy] = {
    # Site
    "home": PUBLIC,
    "health": _p("anyone", why="the load balancer's check: up or down, no data"),
    "javascript-catalog": PUBLIC,
    "set_language": _p("", "anyone", why="the language choice (a cookie, and the account's language)"),
    # Accounts
    "accounts:login": _p("anyone", "anyone"),
    "accounts:logout": _p("", "account"),
    "accounts:password_reset": _p("anyone", "anyone", why="the e-mail goes to the address, never shown"),
    "accounts:password_reset_done": PUBLIC,
    "accounts:password_reset_confirm": _p(
        "anyone", "token", why="an invalid link says so; a valid one is the key"
    ),
    "accounts:password_reset_complete": PUBLIC,
    "accounts:second_factor": _p("account", "account"),
    "accounts:second_factor_setup": _p("account", "account", why="one's own second factor"),
    "accounts:security": STAFF_PAGE,
    "accounts:unlock": STAFF_ACTION,
    "accounts:second_factor_reset": STAFF_ACTION,
    # Directory
    "directory:organisation_list": PUBLIC,
    "directory:organisation_detail": PUBLIC,
    "directory:organisation_create": STAFF,
    "directory:organisation_edit": STAFF,
    "directory:corridor_list": PUBLIC,
    "directory:person_list": STAFF_PAGE,
    "directory:person_create": STAFF,
    "directory:person_detail": _p("anyone", why="a listed person's public profile; contact details for self"),
    "directory:person_edit": _p("self organiser", "self organiser"),
    "directory:person_invite": STAFF_ACTION,
    "directory:my_profile": _p("", "account", why="redirects to one's own person"),
    "directory:import": STAFF,
    "directory:export": STAFF_PAGE,
    # B2B matchmaking
    "matchmaking:session_list": PUBLIC,
    "matchmaking:session_detail": PUBLIC,
    "matchmaking:session_create": STAFF,
    "matchmaking:register": _p("account", "account", why="a member registers themselves"),
    "matchmaking:recommendations": _p("participant", "participant"),
    "matchmaking:participants": _p("participant", why="public profiles of the session, no contact details"),
    "matchmaking:request_send": _p("", "participant"),
    "matchmaking:requests": _p("participant", why="one's own requests"),
    "matchmaking:request_answer": _p("", "self", why="the recipient answers, the sender cancels"),
    "matchmaking:agenda": _p("participant", why="one's own agenda, partners' contacts once accepted"),
    "matchmaking:agenda_ical": _p("token", private="token", why="the participant's private calendar address"),
    "matchmaking:outcome_record": _p("", "self", why="one side of a meeting records their outcome"),
    "matchmaking:manage": STAFF_PAGE,
    "matchmaking:session_status": STAFF_ACTION,
    "matchmaking:organiser_register": STAFF_ACTION,
    "matchmaking:organiser_request_add": STAFF_ACTION,
    "matchmaking:organiser_request_remove": STAFF_ACTION,
    "matchmaking:run_start": STAFF_ACTION,
    "matchmaking:run_detail": STAFF_PAGE,
    "matchmaking:run_publish": STAFF_ACTION,
    "matchmaking:history_import": STAFF,
    "matchmaking:table_plan": STAFF_PAGE,
    "matchmaking:check_in": STAFF_PAGE,
    "matchmaking:check_in_counts": STAFF_PAGE,
    "matchmaking:check_in_mark": STAFF_ACTION,
    "matchmaking:freed_slots": STAFF_PAGE,
    "matchmaking:meeting_place": STAFF_ACTION,
    "matchmaking:report": STAFF_PAGE,
    "matchmaking:report_csv": STAFF_PAGE,
    # Missions
    "missions:list": PUBLIC,
    "missions:create": STAFF,
    "missions:dashboard": STAFF_PAGE,
    "missions:my_applications": _p("account", why="one's own applications"),
    "missions:detail": PUBLIC,
    "missions:story": PUBLIC,
    "missions:apply": _p("account", "account"),
    "missions:application": _p("self", "self"),
    "missions:space": _p("delegate organiser", why="the delegation's private space"),
    "missions:agenda": _p("delegate", why="one's own agenda (organisers have none)"),
    "missions:booklet": _p("delegate organiser"),
    "missions:agenda_ical": _p("token", private="token"),
    "missions:needs": _p("delegate", "delegate", why="one's own needs on the trip"),
    "missions:outcomes": _p("delegate organiser", "delegate organiser"),
    "missions:discovery_add": _p("", "delegate organiser"),
    "missions:lead_add": _p("", "delegate organiser"),
    "missions:testimonial_add": _p("", "delegate"),
    "missions:photo_add": _p("", "delegate organiser"),
    "missions:photo": _p(
        "delegate organiser", why="published photos for everyone, the others for the delegation"
    ),
    "missions:survey": _p("self", "self", why="a delegate's own follow-up survey"),
    "missions:figures": _p("partner organiser"),
    "missions:figures_csv": _p("partner organiser"),
    "missions:manage": STAFF_PAGE,
    "missions:edit": STAFF,
    "missions:status": STAFF_ACTION,
    "missions:city_add": STAFF_ACTION,
    "missions:decide": STAFF_ACTION,
    "missions:delegate_add": STAFF_ACTION,
    "missions:partner_add": STAFF_ACTION,
    "missions:partner_viewer_add": STAFF_ACTION,
    "missions:itinerary": STAFF,
    "missions:item_edit": STAFF,
    "missions:item_delete": STAFF_ACTION,
    "missions:item_check": _p("", "organiser", why="the item's flags as typed; nothing is saved"),
    "missions:item_edit_check": _p("", "organiser", why="the item's flags as typed; nothing is saved"),
    "missions:testimonial_publish": STAFF_ACTION,
    "missions:photo_publish": STAFF_ACTION,
    "missions:lead_status": STAFF_ACTION,
    # Programme
    "programme:edition_list": PUBLIC,
    "programme:agenda": PUBLIC,
    "programme:my_agenda": _p("account", why="one's own favourites"),
    "programme:activity_detail": PUBLIC,
    "programme:favourite_toggle": _p("", "account"),
    "programme:speaker_detail": PUBLIC,
    "programme:speaker_edit": _p("self organiser", "self organiser"),
    "programme:export_ical": PUBLIC,
    "programme:export_track_ical": PUBLIC,
    "programme:export_speaker_ical": PUBLIC,
    "programme:export_favourites_ical": _p("token", private="token"),
    "programme:export_selection_ical": PUBLIC,
    "programme:export_frab": PUBLIC,
    "programme:export_c3voc": PUBLIC,
    "programme:export_csv": PUBLIC,
    "programme:manage_home": STAFF,
    "programme:manage_edition_new": STAFF,
    "programme:manage_edition": STAFF,
    "programme:manage_edition_edit": STAFF,
    "programme:manage_event_new": STAFF,
    "programme:manage_event": STAFF,
    "programme:manage_venue_new": STAFF,
    "programme:manage_venue": STAFF,
    "programme:manage_venue_travel": STAFF_ACTION,
    "programme:manage_room_new": STAFF,
    "programme:manage_room": STAFF,
    "programme:manage_room_unavailable": STAFF_ACTION,
    "programme:manage_track_new": STAFF,
    "programme:manage_track": STAFF,
    "programme:manage_speaker_new": STAFF,
    "programme:manage_speaker": STAFF,
    "programme:manage_speaker_unavailable": STAFF_ACTION,
    "programme:manage_activity_new": STAFF,
    "programme:manage_activity": STAFF,
    "programme:manage_grid": STAFF,
    "programme:manage_place": STAFF_ACTION,
    "programme:manage_run_start": STAFF_ACTION,
    "programme:manage_run": STAFF_PAGE,
    "programme:manage_run_decide": STAFF_ACTION,
    # Call for proposals
    "proposals:list": PUBLIC,
    "proposals:mine": _p("account", why="one's own proposals"),
    "proposals:cospeaker_accept": _p("account", "token", why="the invitation's link, once logged in"),
    "proposals:call": PUBLIC,
    "proposals:submit": _p("account", "account"),
    "proposals:preview": _p("organiser", why="everyone once the organisers open the preview"),
    "proposals:star": _p(
        "",
        "anyone",
        why="only while the preview is open; a visitor's stars wait in their session until log-in",
    ),
    "proposals:review_list": _p("reviewer", why="the proposals of the reviewer's tracks"),
    "proposals:review": _p("reviewer", "reviewer", private="reviewer", why="notes for the committee"),
    "proposals:proposal": _p("speaker organiser"),
    "proposals:edit": _p("speaker", "speaker"),
    "proposals:withdraw": _p("", "speaker"),
    "proposals:cospeaker_invite": _p("", "speaker"),
    "proposals:confirm": _p("speaker", "speaker"),
    "proposals:file": _p("speaker reviewer organiser"),
    "proposals:call_edit": STAFF,
    "proposals:manage": STAFF,
    "proposals:decide": STAFF_ACTION,
    "proposals:session_type_add": STAFF_ACTION,
    "proposals:question_add": STAFF_ACTION,
    "proposals:extension_add": STAFF_ACTION,
    "proposals:dashboard": STAFF_PAGE,
    "proposals:reviewers": STAFF,
    "proposals:scouting": STAFF,
    "proposals:prospect_invite": STAFF_ACTION,
    "scouting_missions": STAFF_PAGE,
    "scouting_missions_add": STAFF_ACTION,
    "proposals:proposals_csv": STAFF_PAGE,
    "proposals:reviews_csv": STAFF_PAGE,
    # Personal data
    "privacy:policy": PUBLIC,
    "privacy:my_data": ACCOUNT_PAGE,
    "privacy:my_data_export": _p("account", why="one's own data only"),
    "privacy:erasure_ask": _p("", "account"),
    "privacy:erasure_withdraw": _p("", "account"),
    "privacy:erasure_list": STAFF_PAGE,
    "privacy:person_erase": STAFF,
    "privacy:audit_log": STAFF_PAGE,
}


def policy_for(url_name: str) -> Policy:
    """The declared policy of a URL name ("app:name"); KeyError for a URL nobody declared."""
    return POLICIES[url_name]
