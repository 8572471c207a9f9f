"""A realistic demo programme: the "Semaine numérique de Québec", five days across Québec City venues.

Every date comes from today: the week starts on the Monday about four months ahead (Québec's day), so the
demo is true whatever day it is loaded. Speakers are people of the directory when the directory demo is
loaded (guests otherwise). Everything goes through the services; loading again the same year changes nothing
(the edition of that year is created once, in one transaction).
"""

import datetime as dt
import random
import zoneinfo
from dataclasses import dataclass

from django.db import transaction

from maillage.accounts.models import User
from maillage.directory.demo import DEMO_MEMBER
from maillage.directory.models import Person

from . import services
from .models import Activity, Audience, Edition, Event, Language, Room

QUEBEC = zoneinfo.ZoneInfo("America/Toronto")  # Québec City's clock
WEEK_AHEAD = dt.timedelta(days=120)  # the week starts on the first Monday from then on


def demo_first_day(today: dt.date) -> dt.date:
    """The Monday opening the demo week: 120 to 126 days (about four months) after `today`."""
    day = today + WEEK_AHEAD
    return day + dt.timedelta(days=-day.weekday() % 7)


def demo_edition_slug(year: int) -> str:
    return f"semaine-numerique-quebec-{year}"


EVENTS = {
    "web": ("Conférence Web à Québec", Event.Kind.CONFERENCE, Audience.PROFESSIONALS),
    "festival": ("Festival numérique grand public", Event.Kind.FESTIVAL, Audience.PUBLIC),
    "b2b": ("Journée d'affaires France–Québec", Event.Kind.B2B_DAY, Audience.PROFESSIONALS),
    "ateliers": ("Ateliers et visites", Event.Kind.WORKSHOPS, Audience.BOTH),
}

# key, name, address, rooms (name, capacity, accessible)
VENUES = [
    (
        "congres",
        "Centre des congrès de Québec",
        "1000, boulevard René-Lévesque Est",
        [
            ("Salle 2000", 1500, True),
            ("Salle 301", 220, True),
            ("Salle 302", 120, True),
            ("Salle 303", 60, True),
        ],
    ),
    ("diamant", "Le Diamant", "966, rue Saint-Jean", [("Grande salle", 600, True), ("Studio", 120, True)]),
    (
        "gabrielle-roy",
        "Bibliothèque Gabrielle-Roy",
        "350, rue Saint-Joseph Est",
        [("Auditorium", 150, True), ("Laboratoire créatif", 30, False)],
    ),
    ("musee", "Musée de la civilisation", "85, rue Dalhousie", [("Amphithéâtre", 250, True)]),
    (
        "ulaval",
        "Université Laval, pavillon Desjardins",
        "2325, rue de l'Université",
        [("Atrium", 300, True), ("Salle 2320", 80, True)],
    ),
]

TRAVEL = {
    ("congres", "diamant"): 10,
    ("congres", "gabrielle-roy"): 15,
    ("congres", "musee"): 15,
    ("congres", "ulaval"): 25,
    ("diamant", "gabrielle-roy"): 15,
    ("diamant", "musee"): 15,
    ("diamant", "ulaval"): 25,
    ("gabrielle-roy", "musee"): 15,
    ("gabrielle-roy", "ulaval"): 25,
    ("musee", "ulaval"): 30,
}

TRACKS = [
    ("ia-donnees", "IA et données", "AI and data", "#6d28d9"),
    ("cybersecurite", "Cybersécurité", "Cybersecurity", "#b91c1c"),
    ("commerce", "Commerce et marketing numérique", "E-commerce and digital marketing", "#0f766e"),
    ("creativite", "Jeu vidéo et créativité", "Video games and creativity", "#c2410c"),
    ("ville", "Ville intelligente", "Smart city", "#1d4ed8"),
    ("inclusion", "Inclusion numérique", "Digital inclusion", "#15803d"),
]

GUESTS = ["Ada Martel", "Karim Benali", "Sophie Wauters", "Thomas Riou", "Élodie Gagnon", "Marc-André Roy"]

T, P, W, V, B, N, PUB = (
    Activity.Kind.TALK,
    Activity.Kind.PANEL,
    Activity.Kind.WORKSHOP,
    Activity.Kind.VISIT,
    Activity.Kind.B2B,
    Activity.Kind.NETWORKING,
    Activity.Kind.PUBLIC,
)
FR, EN, BI = Language.FR, Language.EN, Language.BILINGUAL
PRO, PUBLIC, BOTH = Audience.PROFESSIONALS, Audience.PUBLIC, Audience.BOTH

# event, day (0-4), room (venue key, room name), start "HH:MM" or "" (next free time in the room from 09:00),
# minutes, kind, track, language, audience, speakers, French title, English title
ACTIVITIES = [
    (
        "web",
        0,
        ("congres", "Salle 2000"),
        "09:00",
        45,
        T,
        "",
        BI,
        PRO,
        1,
        "Ouverture : l'économie numérique de Québec en {year}",
        "Opening: Québec City's digital economy in {year}",
    ),
    (
        "web",
        0,
        ("congres", "Salle 301"),
        "",
        45,
        T,
        "ia-donnees",
        FR,
        PRO,
        1,
        "L'IA générative dans les PME : retours d'expérience",
        "Generative AI in SMEs: lessons learned",
    ),
    (
        "web",
        0,
        ("congres", "Salle 301"),
        "",
        60,
        P,
        "ia-donnees",
        BI,
        PRO,
        3,
        "Gouvernance des données : Québec et l'Europe face au RGPD et à la Loi 25",
        "Data governance: Québec and Europe, GDPR and Law 25",
    ),
    (
        "web",
        0,
        ("congres", "Salle 302"),
        "",
        45,
        T,
        "cybersecurite",
        FR,
        PRO,
        1,
        "Rançongiciels : se préparer avant l'attaque",
        "Ransomware: prepare before the attack",
    ),
    (
        "web",
        0,
        ("congres", "Salle 302"),
        "",
        45,
        T,
        "commerce",
        FR,
        PRO,
        1,
        "Vendre en France depuis Québec : logistique et paiements",
        "Selling in France from Québec: logistics and payments",
    ),
    (
        "web",
        0,
        ("congres", "Salle 303"),
        "",
        90,
        W,
        "ia-donnees",
        EN,
        PRO,
        1,
        "Hands-on: building a retrieval-augmented assistant",
        "Hands-on: building a retrieval-augmented assistant",
    ),
    (
        "web",
        0,
        ("congres", "Salle 2000"),
        "16:30",
        90,
        N,
        "",
        BI,
        PRO,
        0,
        "Cocktail de réseautage de la conférence",
        "Conference networking reception",
    ),
    (
        "web",
        1,
        ("congres", "Salle 2000"),
        "09:00",
        45,
        T,
        "ville",
        FR,
        BOTH,
        1,
        "La ville intelligente au service des citoyens",
        "A smart city that serves its citizens",
    ),
    (
        "web",
        1,
        ("congres", "Salle 301"),
        "",
        45,
        T,
        "cybersecurite",
        EN,
        PRO,
        1,
        "Zero trust for teams of ten",
        "Zero trust for teams of ten",
    ),
    (
        "web",
        1,
        ("congres", "Salle 301"),
        "",
        60,
        P,
        "commerce",
        FR,
        PRO,
        3,
        "Commerce en ligne : les marketplaces européennes",
        "E-commerce: European marketplaces",
    ),
    (
        "web",
        1,
        ("congres", "Salle 302"),
        "",
        45,
        T,
        "creativite",
        FR,
        PRO,
        1,
        "Financer un jeu vidéo indépendant",
        "Funding an independent video game",
    ),
    (
        "web",
        1,
        ("congres", "Salle 302"),
        "",
        45,
        T,
        "ia-donnees",
        FR,
        PRO,
        2,
        "Vision par ordinateur en agriculture",
        "Computer vision in agriculture",
    ),
    (
        "web",
        1,
        ("congres", "Salle 303"),
        "",
        90,
        W,
        "cybersecurite",
        FR,
        PRO,
        1,
        "Atelier : tester la sécurité de son site web",
        "Workshop: testing your website's security",
    ),
    (
        "web",
        1,
        ("congres", "Salle 301"),
        "15:00",
        45,
        T,
        "inclusion",
        BI,
        BOTH,
        1,
        "Accessibilité numérique : ce qui change en {year}",
        "Digital accessibility: what changes in {year}",
    ),
    (
        "web",
        2,
        ("congres", "Salle 2000"),
        "09:00",
        45,
        T,
        "ia-donnees",
        EN,
        PRO,
        1,
        "Keynote: AI regulation on both sides of the Atlantic",
        "Keynote: AI regulation on both sides of the Atlantic",
    ),
    (
        "web",
        2,
        ("congres", "Salle 301"),
        "",
        45,
        T,
        "ville",
        FR,
        PRO,
        1,
        "Jumeaux numériques pour les infrastructures municipales",
        "Digital twins for municipal infrastructure",
    ),
    (
        "web",
        2,
        ("congres", "Salle 301"),
        "",
        60,
        P,
        "creativite",
        BI,
        PRO,
        3,
        "Coproductions franco-québécoises en création numérique",
        "French–Québec coproductions in digital creation",
    ),
    (
        "web",
        2,
        ("congres", "Salle 302"),
        "",
        45,
        T,
        "commerce",
        FR,
        PRO,
        1,
        "Référencement et IA : la fin des moteurs de recherche ?",
        "SEO and AI: the end of search engines?",
    ),
    (
        "web",
        2,
        ("congres", "Salle 302"),
        "",
        45,
        T,
        "inclusion",
        FR,
        PRO,
        1,
        "Former les aînés au numérique",
        "Teaching digital skills to seniors",
    ),
    (
        "web",
        2,
        ("congres", "Salle 2000"),
        "15:30",
        45,
        T,
        "",
        BI,
        PRO,
        2,
        "Clôture de la conférence",
        "Closing of the conference",
    ),
    (
        "b2b",
        3,
        ("ulaval", "Atrium"),
        "09:00",
        30,
        T,
        "",
        BI,
        PRO,
        1,
        "Accueil de la délégation française",
        "Welcome to the French delegation",
    ),
    (
        "b2b",
        3,
        ("ulaval", "Atrium"),
        "",
        180,
        B,
        "",
        BI,
        PRO,
        0,
        "Rendez-vous d'affaires préorganisés (matin)",
        "Pre-arranged business meetings (morning)",
    ),
    (
        "b2b",
        3,
        ("ulaval", "Salle 2320"),
        "09:30",
        60,
        P,
        "commerce",
        FR,
        PRO,
        3,
        "S'implanter au Québec : témoignages d'entreprises bordelaises",
        "Setting up in Québec: companies from Bordeaux",
    ),
    (
        "b2b",
        3,
        ("ulaval", "Salle 2320"),
        "",
        60,
        T,
        "ia-donnees",
        FR,
        PRO,
        1,
        "Programmes de financement de la recherche appliquée",
        "Funding programmes for applied research",
    ),
    (
        "b2b",
        3,
        ("ulaval", "Atrium"),
        "14:00",
        180,
        B,
        "",
        BI,
        PRO,
        0,
        "Rendez-vous d'affaires préorganisés (après-midi)",
        "Pre-arranged business meetings (afternoon)",
    ),
    (
        "b2b",
        3,
        ("ulaval", "Salle 2320"),
        "14:00",
        45,
        T,
        "cybersecurite",
        FR,
        PRO,
        1,
        "Cybersécurité et marchés publics",
        "Cybersecurity and public procurement",
    ),
    (
        "ateliers",
        1,
        ("gabrielle-roy", "Laboratoire créatif"),
        "10:00",
        120,
        W,
        "creativite",
        FR,
        PUBLIC,
        1,
        "Initiation à l'impression 3D",
        "Introduction to 3D printing",
    ),
    (
        "ateliers",
        1,
        ("gabrielle-roy", "Auditorium"),
        "13:30",
        60,
        T,
        "inclusion",
        FR,
        PUBLIC,
        1,
        "Protéger sa vie privée en ligne",
        "Protecting your privacy online",
    ),
    (
        "ateliers",
        2,
        ("gabrielle-roy", "Laboratoire créatif"),
        "10:00",
        120,
        W,
        "creativite",
        FR,
        PUBLIC,
        1,
        "Créer son premier jeu vidéo",
        "Make your first video game",
    ),
    (
        "ateliers",
        2,
        ("musee", "Amphithéâtre"),
        "14:00",
        90,
        V,
        "ville",
        BI,
        BOTH,
        1,
        "Visite : la ville de Québec en données ouvertes",
        "Tour: Québec City in open data",
    ),
    (
        "ateliers",
        3,
        ("gabrielle-roy", "Auditorium"),
        "10:00",
        90,
        W,
        "inclusion",
        FR,
        PUBLIC,
        1,
        "Atelier : démarches en ligne pour tous",
        "Workshop: online services for everyone",
    ),
    (
        "ateliers",
        3,
        ("musee", "Amphithéâtre"),
        "13:30",
        90,
        V,
        "creativite",
        FR,
        BOTH,
        1,
        "Visite des studios de jeu vidéo du quartier Saint-Roch",
        "Tour of the Saint-Roch video game studios",
    ),
    (
        "ateliers",
        4,
        ("gabrielle-roy", "Laboratoire créatif"),
        "10:00",
        120,
        W,
        "ia-donnees",
        FR,
        PUBLIC,
        1,
        "Comprendre l'IA en jouant",
        "Understanding AI through play",
    ),
    (
        "festival",
        2,
        ("diamant", "Grande salle"),
        "19:30",
        90,
        PUB,
        "creativite",
        FR,
        PUBLIC,
        2,
        "Spectacle immersif : lumières numériques",
        "Immersive show: digital lights",
    ),
    (
        "festival",
        3,
        ("diamant", "Studio"),
        "18:00",
        60,
        PUB,
        "ia-donnees",
        FR,
        PUBLIC,
        1,
        "Soirée découverte : l'IA expliquée à tous",
        "Discovery evening: AI explained to everyone",
    ),
    (
        "festival",
        3,
        ("diamant", "Grande salle"),
        "20:00",
        120,
        PUB,
        "creativite",
        BI,
        PUBLIC,
        0,
        "Tournoi de jeux vidéo indépendants",
        "Independent video game tournament",
    ),
    (
        "festival",
        4,
        ("musee", "Amphithéâtre"),
        "10:00",
        180,
        PUB,
        "ville",
        FR,
        PUBLIC,
        0,
        "Parcours famille : la ville de demain",
        "Family trail: the city of tomorrow",
    ),
    (
        "festival",
        4,
        ("diamant", "Studio"),
        "14:00",
        60,
        T,
        "inclusion",
        FR,
        PUBLIC,
        2,
        "Le numérique responsable au quotidien",
        "Responsible digital habits every day",
    ),
    (
        "festival",
        4,
        ("diamant", "Grande salle"),
        "19:00",
        120,
        PUB,
        "",
        BI,
        BOTH,
        0,
        "Grande soirée de clôture de la Semaine numérique",
        "Closing night of the digital week",
    ),
    (
        "festival",
        4,
        ("diamant", "Studio"),
        "16:00",
        90,
        N,
        "",
        BI,
        BOTH,
        0,
        "5 à 7 des communautés numériques",
        "Digital communities happy hour",
    ),
]

# Not placed yet, for the optimiser and the organiser's grid.
UNPLACED = [
    ("web", 45, T, "ia-donnees", FR, PRO, "Données synthétiques et vie privée", "Synthetic data and privacy"),
    (
        "web",
        60,
        P,
        "ville",
        BI,
        PRO,
        "Mobilité durable et données en temps réel",
        "Sustainable mobility and real-time data",
    ),
    (
        "ateliers",
        90,
        W,
        "commerce",
        FR,
        PRO,
        "Atelier : lancer sa boutique en ligne",
        "Workshop: launching an online shop",
    ),
    (
        "festival",
        60,
        PUB,
        "creativite",
        FR,
        PUBLIC,
        "Contes numériques pour enfants",
        "Digital tales for children",
    ),
]


@dataclass(frozen=True)
class ProgrammeDemoResult:
    edition: Edition
    created: bool
    activities: int


@transaction.atomic
def programme_demo_load(*, seed: int = 2027, today: dt.date | None = None) -> ProgrammeDemoResult:
    """The demo week about four months after `today` (default: today in Québec), created once.

    A demo database loaded long ago keeps its old week, now past, and gains the new one beside it.
    """
    today = today or dt.datetime.now(QUEBEC).date()
    first_day = demo_first_day(today)
    year = first_day.year
    slug = demo_edition_slug(year)
    existing = Edition.objects.filter(slug__in=[slug, f"{slug}-{first_day:%m}"], end_date__gte=today).first()
    if existing is not None:
        return ProgrammeDemoResult(existing, False, Activity.objects.filter(event__edition=existing).count())
    if Edition.objects.filter(slug=slug).exists():  # this year's week, already past
        slug = f"{slug}-{first_day:%m}"
    rng = random.Random(seed)
    edition = services.edition_create(
        name=f"Semaine numérique de Québec {year}",
        slug=slug,
        timezone="America/Toronto",
        start_date=first_day,
        end_date=first_day + dt.timedelta(days=4),
        published=True,
        today=today,
    )
    events = {
        key: services.event_create(edition=edition, name=name, kind=kind, audience=audience)
        for key, (name, kind, audience) in EVENTS.items()
    }
    venues, rooms = {}, {}
    for key, name, address, room_rows in VENUES:
        venues[key] = services.venue_create(
            edition=edition, name=name, slug=key, address=address, city="Québec"
        )
        for room_name, capacity, accessible in room_rows:
            rooms[key, room_name] = services.room_create(
                venue=venues[key], name=room_name, capacity=capacity, accessible=accessible
            )
    for (a, b), minutes in TRAVEL.items():
        services.venue_travel_set(origin=venues[a], destination=venues[b], minutes=minutes)
    services.room_unavailability_add(
        room=rooms["musee", "Amphithéâtre"],
        start=_at(edition, 0, "08:00"),
        end=_at(edition, 1, "18:00"),
        reason="Exposition en montage",
    )
    tracks = {
        slug: services.track_create(edition=edition, slug=slug, name_fr=fr, name_en=en, colour=colour)
        for slug, fr, en, colour in TRACKS
    }
    speakers = _speakers(edition, rng)
    next_free: dict[tuple[int, Room], dt.datetime] = {}
    # Speaker pk: where ("" for nowhere) and when they are fixed, or unavailable (the first one, see _speakers).
    busy: dict[int, list[tuple[str, dt.datetime, dt.datetime]]] = {
        speakers[0].pk: [("", _at(edition, 4, "08:00"), _at(edition, 4, "23:00"))]
    }
    for row in ACTIVITIES:
        event, day, room_key, start, minutes, kind, track, language, audience, count, title_fr, title_en = row
        room = rooms[room_key]
        when = _at(edition, day, start) if start else next_free.get((day, room), _at(edition, day, "09:00"))
        if start:  # fixed there
            chosen = _free_speakers(
                rng, speakers, count, busy, room_key[0], when, when + dt.timedelta(minutes=minutes)
            )
        else:
            chosen = rng.sample(speakers, count)
        title_fr, title_en = title_fr.format(year=year), title_en.format(year=year)
        activity = services.activity_create(
            event=events[event],
            title_fr=title_fr,
            title_en=title_en,
            description_fr=f"{title_fr}. Une activité de la Semaine numérique de Québec.",
            description_en=f"{title_en}. An activity of the Québec City digital week.",
            kind=kind,
            duration=minutes,
            language=language,
            audience=audience,
            track=tracks.get(track),
            expected_attendance=min(room.capacity, rng.randrange(20, 400)),
            registration_required=kind in (Activity.Kind.WORKSHOP, Activity.Kind.VISIT, Activity.Kind.B2B),
            capacity=room.capacity if kind in (Activity.Kind.WORKSHOP, Activity.Kind.VISIT) else None,
            status=Activity.Status.PUBLISHED,
            speakers=chosen,
        )
        services.activity_place(activity=activity, room=room, start=when, fixed=bool(start))
        next_free[day, room] = when + dt.timedelta(minutes=minutes + 15)
    for event, minutes, kind, track, language, audience, title_fr, title_en in UNPLACED:
        services.activity_create(
            event=events[event],
            title_fr=title_fr,
            title_en=title_en,
            kind=kind,
            duration=minutes,
            language=language,
            audience=audience,
            track=tracks[track],
            expected_attendance=rng.randrange(20, 150),
            speakers=rng.sample(speakers, 1),
        )
    _member_favourites(edition)
    _attendee_favourites(edition, rng)
    return ProgrammeDemoResult(edition, True, len(ACTIVITIES) + len(UNPLACED))


def _minutes_between(a: str, b: str) -> dt.timedelta:
    if a == b or "" in (a, b):
        return dt.timedelta(0)
    return dt.timedelta(minutes=TRAVEL.get((a, b)) or TRAVEL[b, a])


def _free_speakers(rng, speakers, count, busy, venue: str, start, end) -> list:
    """`count` speakers drawn at random for a fixed activity, none fixed elsewhere at that time nor too far
    to come (the optimiser refuses a speaker fixed in two places, which happens with the six guest speakers
    when the directory demo is not loaded). Draws again only on a clash, so the demo's draws stay the same
    as long as there is none."""

    def free(speaker) -> bool:
        for other, s, e in busy.get(speaker.pk, []):
            way = _minutes_between(venue, other)
            if not (e + way <= start or end + way <= s):
                return False
        return True

    for _attempt in range(100):
        chosen = rng.sample(speakers, count)
        if all(free(speaker) for speaker in chosen):
            break
    for speaker in chosen:
        busy.setdefault(speaker.pk, []).append((venue, start, end))
    return chosen


def _at(edition: Edition, day: int, hhmm: str) -> dt.datetime:
    hour, minute = map(int, hhmm.split(":"))
    return dt.datetime.combine(
        edition.start_date + dt.timedelta(days=day), dt.time(hour, minute), edition.tzinfo
    )


def _speakers(edition: Edition, rng: random.Random) -> list:
    people = list(Person.objects.filter(is_listed=True).select_related("organisation").order_by("pk")[:400])
    chosen = rng.sample(people, min(30, len(people)))
    speakers = []
    for person in chosen:
        where = f", {person.organisation.name}" if person.organisation else ""
        speakers.append(
            services.speaker_create(
                edition=edition,
                person=person,
                bio_fr=f"{person.role or 'Intervenant·e'}{where}.",
                bio_en=f"{person.role or 'Speaker'}{where}.",
            )
        )
    for name in GUESTS:
        speakers.append(
            services.speaker_create(
                edition=edition, guest_name=name, bio_fr="Invité·e de la Semaine numérique."
            )
        )
    first = speakers[0]
    services.speaker_update_profile(
        speaker=first,
        bio_fr=first.bio_fr,
        bio_en=first.bio_en,
        unavailable=[(_at(edition, 4, "08:00"), _at(edition, 4, "23:00"))],
    )
    return speakers


ATTENDEES = 200


def _attendee_favourites(edition: Edition, rng: random.Random) -> None:
    """Festival-goers with an account who starred what they came for, mostly in one or two tracks: what the
    optimiser works from (the people who starred two activities should be able to attend both)."""
    activities = list(Activity.objects.filter(event__edition=edition).select_related("track").order_by("pk"))
    by_track: dict[int | None, list[Activity]] = {}
    for activity in activities:
        by_track.setdefault(activity.track_id, []).append(activity)
    tracks = [key for key in by_track if key is not None]
    for n in range(ATTENDEES):
        user, created = User.objects.get_or_create(
            email=f"festivalier{n + 1}@demo.maillage.org", defaults={"name": f"Festivalier {n + 1}"}
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        liked = rng.sample(tracks, min(len(tracks), rng.choice([1, 1, 2])))
        pool = [a for key in liked for a in by_track[key]]
        chosen = set(rng.sample(pool, min(len(pool), rng.randint(3, 7))))
        chosen |= set(rng.sample(activities, rng.randint(0, 2)))  # and something else that looked good
        for activity in chosen:
            services.favourite_star(user=user, activity=activity)


def _member_favourites(edition: Edition) -> None:
    """The demo member starred a few activities, two of which overlap (their agenda shows the clash)."""
    user = User.objects.filter(email=DEMO_MEMBER).first()
    if user is None:
        return
    day1 = Activity.objects.filter(event__edition=edition, start__isnull=False).order_by("start", "pk")
    for activity in [*day1[:3], *day1.filter(kind=Activity.Kind.PUBLIC)[:2]]:
        services.favourite_star(user=user, activity=activity)
