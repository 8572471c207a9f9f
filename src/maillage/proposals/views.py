"""Pages of the call for proposals: thin views that read through selectors, write through services, and take
their rights from `selectors.access` and the organiser role."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from maillage.accounts.permissions import organiser_required
from maillage.common.http import client_ip, ip_network
from maillage.common.tabular import write_csv
from maillage.common.throttle import throttle_allow
from maillage.directory.models import Person
from maillage.programme.forms import SpeakerProfileForm
from maillage.programme.models import Edition

from . import presenters, selectors, services
from .forms import (
    CallForm,
    CospeakerForm,
    DecisionForm,
    ExtensionForm,
    InviteForm,
    ProposalForm,
    ProspectForm,
    QuestionForm,
    ReviewerForm,
    ReviewForm,
    SessionTypeForm,
)
from .models import Call, Proposal, ProposalSpeaker, Prospect


def _call(slug: str) -> Call:
    try:
        return selectors.call_get(slug)
    except Call.DoesNotExist:
        raise Http404 from None


def _proposal(call: Call, pk: int) -> Proposal:
    try:
        return Proposal.objects.select_related("call__edition", "session_type", "track", "activity").get(
            call=call, pk=pk
        )
    except Proposal.DoesNotExist:
        raise Http404 from None


def _form_errors(form, error: ValidationError) -> None:
    """A service's refusal shown on the form, which keeps what was typed."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            for message in errors:
                form.add_error(name if name in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def _deny(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied


# The call, for everyone


def call_list(request):
    return render(request, "proposals/call_list.html", {"calls": selectors.calls_listed()})


def call_detail(request, edition):
    call = _call(edition)
    now = timezone.now()
    context = {
        "call": call,
        "edition": call.edition,
        "session_types": list(call.session_types.all()),
        "tracks": list(call.edition.tracks.all()),
        "is_open": call.is_open(now),
        "may_submit": selectors.may_submit(call, request.user, now=now),
        "deadline": selectors.deadline_for(call, request.user),
        "not_yet": now < call.opens,
        "mine": [p for p in selectors.proposals_of(request.user) if p.call_id == call.pk],
        "reviewer": selectors.reviewer_of(call, request.user),
        "organiser": request.user.is_authenticated and request.user.is_organiser,
    }
    return render(request, "proposals/call_detail.html", context)


@login_required
def my_proposals(request):
    return render(
        request, "proposals/my_proposals.html", {"proposals": list(selectors.proposals_of(request.user))}
    )


@login_required
def submit(request, edition):
    call = _call(edition)
    if not selectors.may_submit(call, request.user):
        messages.error(request, _("The call for proposals is closed."))
        return redirect(call)
    form = ProposalForm(request.POST or None, request.FILES or None, call=call)
    if request.method == "POST" and form.is_valid():
        try:
            proposal = services.proposal_submit(
                call=call, user=request.user, **form.values(), **form.files_given()
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Your proposal is submitted. You can change it until the deadline."))
            return redirect(proposal)
    return render(
        request,
        "proposals/proposal_form.html",
        {
            "call": call,
            "edition": call.edition,
            "form": form,
            "deadline": selectors.deadline_for(call, request.user),
        },
    )


def proposal_detail(request, edition, pk):
    call = _call(edition)
    proposal = _proposal(call, pk)
    access = selectors.access(proposal, request.user)
    if not access.any:
        return _deny(request)
    if access.reviewer and not (access.speaker or access.organiser):
        return redirect("proposals:review", call.edition.slug, proposal.pk)
    context = {
        "call": call,
        "edition": call.edition,
        "proposal": proposal,
        "access": access,
        "speakers": selectors.speakers_of(proposal),
        "answers": presenters.answers(proposal),
        "may_edit": selectors.may_edit(proposal, request.user),
        "deadline": selectors.deadline_for(call, request.user),
        "cospeaker_form": CospeakerForm(initial={"language": proposal.language}),
    }
    if access.organiser:
        proposal_scored = selectors.with_scores(Proposal.objects.filter(pk=proposal.pk)).get()
        context["scores"] = selectors.scores_of(proposal_scored)
        context["reviews"] = selectors.reviews_visible(proposal, request.user)
    return render(request, "proposals/proposal_detail.html", context)


@login_required
def proposal_edit(request, edition, pk):
    call = _call(edition)
    proposal = _proposal(call, pk)
    if not selectors.is_speaker(proposal, request.user):
        raise PermissionDenied
    if not selectors.may_edit(proposal, request.user):
        messages.error(request, _("This proposal can no longer be changed."))
        return redirect(proposal)
    form = ProposalForm(request.POST or None, request.FILES or None, call=call, instance=proposal)
    if request.method == "POST" and form.is_valid():
        try:
            services.proposal_update(
                proposal=proposal, user=request.user, **form.values(), **form.files_given()
            )
        except ValidationError as error:
            proposal.refresh_from_db()
            _form_errors(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect(proposal)
    return render(
        request,
        "proposals/proposal_form.html",
        {
            "call": call,
            "edition": call.edition,
            "form": form,
            "proposal": proposal,
            "deadline": selectors.deadline_for(call, request.user),
        },
    )


@require_POST
@login_required
def proposal_withdraw(request, edition, pk):
    proposal = _proposal(_call(edition), pk)
    try:
        services.proposal_withdraw(proposal=proposal, user=request.user)
    except ValidationError as error:
        if not selectors.is_speaker(proposal, request.user):
            raise PermissionDenied from None
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Your proposal is withdrawn."))
    return redirect(proposal)


@require_POST
@login_required
def cospeaker_invite(request, edition, pk):
    call = _call(edition)
    proposal = _proposal(call, pk)
    if not selectors.is_speaker(proposal, request.user):
        raise PermissionDenied
    form = CospeakerForm(request.POST)
    if form.is_valid():
        try:
            services.cospeaker_invite(proposal=proposal, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Invitation sent."))
            return redirect(proposal)
    context = {
        "call": call,
        "edition": call.edition,
        "proposal": proposal,
        "access": selectors.access(proposal, request.user),
        "speakers": selectors.speakers_of(proposal),
        "answers": presenters.answers(proposal),
        "may_edit": selectors.may_edit(proposal, request.user),
        "deadline": selectors.deadline_for(call, request.user),
        "cospeaker_form": form,
    }
    return render(request, "proposals/proposal_detail.html", context, status=400)


def cospeaker_accept(request, token):
    speaker = ProposalSpeaker.objects.select_related("proposal__call__edition").filter(token=token).first()
    if speaker is None:
        raise Http404
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if request.method == "POST":
        try:
            services.cospeaker_accept(token=token, user=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("You are now a speaker of this proposal."))
            return redirect(speaker.proposal)
    return render(
        request, "proposals/cospeaker_accept.html", {"speaker": speaker, "proposal": speaker.proposal}
    )


@login_required
def proposal_confirm(request, edition, pk):
    call = _call(edition)
    proposal = _proposal(call, pk)
    if not selectors.is_speaker(proposal, request.user):
        raise PermissionDenied
    if proposal.state != Proposal.State.ACCEPTED:
        messages.error(request, _("Only an accepted proposal can be confirmed."))
        return redirect(proposal)
    form = SpeakerProfileForm(request.POST or None, edition=call.edition)
    if request.method == "POST" and form.is_valid():
        try:
            services.proposal_confirm(
                proposal=proposal,
                user=request.user,
                unavailable=form.intervals(),
                bio_fr=form.cleaned_data["bio_fr"],
                bio_en=form.cleaned_data["bio_en"],
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Thank you: your session is confirmed. The programme will follow."))
            return redirect(proposal)
    return render(
        request,
        "proposals/confirm.html",
        {"call": call, "edition": call.edition, "proposal": proposal, "form": form},
    )


def proposal_file(request, edition, pk, kind):
    proposal = _proposal(_call(edition), pk)
    access = selectors.access(proposal, request.user)
    if not access.any:
        return _deny(request)
    if kind not in ("slides", "picture"):
        raise Http404
    file = getattr(proposal, kind)
    if not file:
        raise Http404
    try:
        handle = file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, as_attachment=kind == "slides", filename=file.name.rsplit("/", 1)[-1])
    response["X-Content-Type-Options"] = "nosniff"
    return response


# The public preview


# A visitor's stars (proposal ids), in their session until they log in; a bound keeps the session small.
VISITOR_STARS = "proposals.visitor_stars"
VISITOR_STARS_MAX = 300


def preview(request, edition):
    """Accepted proposals to star. Visitors' stars wait in their session; once they are logged in (the log-in
    link brings them back here), those stars become their own and count."""
    call = _call(edition)
    if not call.preview_open and not (request.user.is_authenticated and request.user.is_organiser):
        raise Http404
    visitor_stars = request.session.pop(VISITOR_STARS, None) if request.user.is_authenticated else None
    if visitor_stars:
        claimed = services.stars_claim(user=request.user, proposal_ids=visitor_stars)
        if claimed:
            messages.success(
                request,
                ngettext(
                    "The session you starred before logging in is now counted.",
                    "The %(count)d sessions you starred before logging in are now counted.",
                    claimed,
                )
                % {"count": claimed},
            )
    proposals = list(selectors.preview(call) if call.preview_open else selectors.preview_for_organisers(call))
    return render(
        request,
        "proposals/preview.html",
        {"call": call, "edition": call.edition, "proposals": proposals, "starred": _starred(request, call)},
    )


def _starred(request, call: Call) -> set[int]:
    if request.user.is_authenticated:
        return selectors.starred_ids(request.user, call)
    return set(request.session.get(VISITOR_STARS, []))


def _visitor_session_allowed(request) -> bool:
    """Visitors' stars are kept in a session each: at most MAILLAGE_VISITOR_SESSIONS_PER_HOUR new ones per
    network address (a venue's Wi-Fi puts a whole audience behind one, hence a generous default)."""
    subscriber = ip_network(client_ip(request), v4=32, v6=64) or "unknown"
    return throttle_allow(
        f"visitor-star:{subscriber}",
        limit=settings.MAILLAGE_VISITOR_SESSIONS_PER_HOUR,
        seconds=3600,
    )


def _star_box(request, call: Call, proposal: Proposal, *, refused: str = ""):
    proposal.star_count = proposal.stars.count()
    context = {"edition": call.edition, "p": proposal, "starred": _starred(request, call), "refused": refused}
    return render(request, "proposals/_star.html", context)


@require_POST
def star(request, edition, pk):
    """Star a session of the preview (or take the star back): a member's counts at once; a visitor's is
    kept in their session and counts once they log in."""
    call = _call(edition)
    proposal = _proposal(call, pk)
    if not selectors.in_preview(proposal):
        raise Http404
    starred = request.POST.get("star") == "1"
    if request.user.is_authenticated:
        services.star_set(user=request.user, proposal=proposal, starred=starred)
    elif not request.session.exists(request.session.session_key) and not _visitor_session_allowed(request):
        # A client that drops its cookie, or sends a made-up one, would open a stored session with every
        # star: past the limit it gets no new one.
        refused = _(
            "Too many visitors from your network have starred without logging in in the last hour. Log in to star."
        )
        if request.htmx:
            return _star_box(request, call, proposal, refused=refused)
        messages.error(request, refused)
    else:
        kept = [i for i in request.session.get(VISITOR_STARS, []) if i != proposal.pk]
        request.session[VISITOR_STARS] = ([*kept, proposal.pk] if starred else kept)[-VISITOR_STARS_MAX:]
    if request.htmx:
        return _star_box(request, call, proposal)
    return redirect(f"{reverse('proposals:preview', args=[call.edition.slug])}#proposal-{proposal.pk}")


# Reviewers


@login_required
def review_list(request, edition):
    call = _call(edition)
    reviewer = selectors.reviewer_of(call, request.user)
    if reviewer is None:
        raise PermissionDenied
    proposals = list(selectors.proposals_to_review(call, request.user))
    return render(
        request,
        "proposals/review_list.html",
        {
            "call": call,
            "edition": call.edition,
            "reviewer": reviewer,
            "proposals": proposals,
            "done": sum(1 for p in proposals if p.reviewed),
        },
    )


@login_required
def review(request, edition, pk):
    call = _call(edition)
    proposal = _proposal(call, pk)
    if not selectors.may_review(proposal, request.user):
        raise PermissionDenied
    mine = proposal.reviews.filter(reviewer=request.user).first()
    initial = {"score": mine.score, "comment": mine.comment} if mine else {}
    form = ReviewForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.review_save(proposal=proposal, reviewer=request.user, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Review saved."))
            following = selectors.proposals_to_review(call, request.user).filter(reviewed=False).first()
            if following and request.POST.get("next") == "1":
                return redirect("proposals:review", call.edition.slug, following.pk)
            return redirect("proposals:review", call.edition.slug, proposal.pk)
    context = {
        "call": call,
        "edition": call.edition,
        "proposal": proposal,
        "form": form,
        "anonymous": call.anonymous_review,
        "speakers": [] if call.anonymous_review else selectors.speakers_of(proposal),
        "answers": presenters.answers(proposal),
        "others": [
            r for r in selectors.reviews_visible(proposal, request.user) if r.reviewer_id != request.user.pk
        ],
        "mine": mine,
    }
    return render(request, "proposals/review.html", context)


# Organisers


def _edition_for_organisers(slug: str) -> Edition:
    return get_object_or_404(Edition, slug=slug)


@organiser_required
def call_edit(request, edition):
    edition = _edition_for_organisers(edition)
    call = Call.objects.filter(edition=edition).first()
    form = CallForm(request.POST or None, edition=edition, call=call)
    if request.method == "POST" and form.is_valid():
        try:
            if call is None:
                call = services.call_create(edition=edition, **form.values())
            else:
                services.call_update(call=call, **form.values())
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("proposals:manage", edition.slug)
    return render(request, "proposals/call_form.html", {"edition": edition, "call": call, "form": form})


@organiser_required
def manage(request, edition):
    return _manage_page(request, _call(edition))


def _manage_page(request, call: Call, *, status: int = 200, **forms):
    """The organisers' page of a call; a small form refused is shown again with what was typed."""
    filters = selectors.ListFilters(
        track=request.GET.get("track", ""),
        state=request.GET.get("state", ""),
        sort=request.GET.get("sort", "score"),
    )
    page = Paginator(selectors.proposals_for_organisers(call, filters), 100).get_page(request.GET.get("page"))
    context = {
        "call": call,
        "edition": call.edition,
        "filters": filters,
        "page": page,
        "rows": presenters.proposal_rows(page.object_list),
        "tracks": list(call.edition.tracks.all()),
        "states": Proposal.State.choices,
        "counts": presenters.state_counts(call),
        "decision_form": DecisionForm(call=call),
        "session_types": list(call.session_types.all()),
        "questions": list(call.questions.all()),
        "session_type_form": SessionTypeForm(),
        "question_form": QuestionForm(),
        "extension_form": ExtensionForm(edition=call.edition),
        "extensions": list(call.extensions.select_related("user").order_by("until")),
        **forms,
    }
    return render(request, "proposals/manage.html", context, status=status)


@require_POST
@organiser_required
def decide(request, edition):
    call = _call(edition)
    form = DecisionForm(request.POST, call=call)
    if form.is_valid():
        changed = services.proposals_decide(
            call=call,
            proposal_ids=form.cleaned_data["proposals"],
            state=form.cleaned_data["decision"],
            notify=form.cleaned_data["notify"],
        )
        messages.success(request, _("%(count)s proposals changed.") % {"count": changed})
    else:
        messages.error(request, _("Tick at least one proposal and choose a decision."))
    return redirect("proposals:manage", edition)


def _small_form(request, call: Call, form, name: str, action, success: str):
    if form.is_valid():
        try:
            action(form)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, success)
            return redirect("proposals:manage", call.edition.slug)
    return _manage_page(request, call, status=400, **{name: form})


@require_POST
@organiser_required
def session_type_add(request, edition):
    call = _call(edition)
    return _small_form(
        request,
        call,
        SessionTypeForm(request.POST),
        "session_type_form",
        lambda f: services.session_type_add(call=call, **f.cleaned_data),
        _("Session type added."),
    )


@require_POST
@organiser_required
def question_add(request, edition):
    call = _call(edition)
    return _small_form(
        request,
        call,
        QuestionForm(request.POST),
        "question_form",
        lambda f: services.question_add(call=call, **f.cleaned_data),
        _("Question added."),
    )


@require_POST
@organiser_required
def extension_add(request, edition):
    call = _call(edition)
    return _small_form(
        request,
        call,
        ExtensionForm(request.POST, edition=call.edition),
        "extension_form",
        lambda f: services.extension_grant(call=call, user=f.user, until=f.until_aware(), by=request.user),
        _("Deadline extended."),
    )


@organiser_required
def dashboard(request, edition):
    call = _call(edition)
    return render(
        request,
        "proposals/dashboard.html",
        {"call": call, "edition": call.edition, "board": selectors.dashboard(call)},
    )


@organiser_required
def reviewers(request, edition):
    call = _call(edition)
    form = ReviewerForm(request.POST or None, edition=call.edition)
    if request.method == "POST" and form.is_valid():
        try:
            services.reviewer_set(call=call, user=form.user, tracks=form.cleaned_data["tracks"])
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Reviewer saved."))
            return redirect("proposals:reviewers", edition)
    listed = list(call.reviewers.select_related("user").prefetch_related("tracks").order_by("user__name"))
    return render(
        request,
        "proposals/reviewers.html",
        {"call": call, "edition": call.edition, "form": form, "reviewers": listed},
    )


@organiser_required
def scouting(request, edition):
    call = _call(edition)
    form = ProspectForm(request.POST or None, initial={"language": "fr"})
    if request.method == "POST" and form.is_valid():
        try:
            person = Person.objects.filter(email=form.cleaned_data["email"].strip().lower()).first()
            services.prospect_add(call=call, added_by=request.user, person=person, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Added to the list."))
            return redirect("proposals:scouting", edition)
    return render(
        request,
        "proposals/scouting.html",
        {
            "call": call,
            "edition": call.edition,
            "form": form,
            "rows": selectors.prospects_with_answers(call),
            "invite_form": InviteForm(),
        },
    )


@require_POST
@organiser_required
def prospect_invite(request, edition, pk):
    call = _call(edition)
    prospect = get_object_or_404(Prospect, call=call, pk=pk)
    form = InviteForm(request.POST)
    message = form.cleaned_data["message"] if form.is_valid() else ""
    services.prospect_invite(prospect=prospect, by=request.user, message=message)
    messages.success(request, _("Invitation sent to %(name)s.") % {"name": prospect.name})
    return redirect("proposals:scouting", edition)


@organiser_required
def proposals_csv(request, edition):
    call = _call(edition)
    header, rows = presenters.proposals_table(call)
    return _csv(write_csv(header, rows), f"{call.edition.slug}-proposals.csv")


@organiser_required
def reviews_csv(request, edition):
    call = _call(edition)
    header, rows = presenters.reviews_table(call)
    return _csv(write_csv(header, rows), f"{call.edition.slug}-reviews.csv")


def _csv(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
