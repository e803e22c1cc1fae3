"""What search engines and messaging apps read: JSON-LD and Open Graph data.

Each article page carries one JSON-LD block, a ``@graph`` with its
``NewsArticle`` and, when it reports one, its ``Event``. The builders return
plain dicts; the template serialises them with Jinja's ``tojson``, which
escapes ``<``, ``>``, ``&`` and ``'`` so no value can end the ``<script>``.
Every text value is plain text: typogrify's markup is stripped from the
title and summary; the event fields are plain text as the editor wrote them.
"""

from jinja2 import pass_context
from pelican import signals

from warta import events
from warta.events import has_event
from warta.multilingual import absolute_url, plain, site_file_url
from warta.photos import lead_image

SCHEMA = "https://schema.org/"
ATTENDANCE = {
    "online": SCHEMA + "OnlineEventAttendanceMode",
    "offline": SCHEMA + "OfflineEventAttendanceMode",
    "mixed": SCHEMA + "MixedEventAttendanceMode",
}
# Event_status as the editor writes it -> schema.org's EventStatusType.
EVENT_STATUS = {
    "scheduled": "EventScheduled",
    "cancelled": "EventCancelled",
    "postponed": "EventPostponed",
}
# The lead photo in the three ratios Google asks of Article and Event images.
IMAGE_RATIOS = ("16x9", "4x3", "1x1")


def iso(moment):
    """ISO 8601: a date stays a date; a time carries its offset (+07:00)."""
    return moment.isoformat()


def publisher(library, logo_url):
    return {
        "@type": "Library",
        "name": library["name"],
        "address": library.get("address"),
        "logo": {"@type": "ImageObject", "url": logo_url},
    }


def news_article(article, *, url, image, publisher):
    data = {
        "@type": "NewsArticle",
        "@id": url + "#article",
        "headline": plain(article.title),
        "description": plain(getattr(article, "summary", "")).strip(),
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": iso(article.date),
        "dateModified": iso(getattr(article, "modified", None) or article.date),
        "inLanguage": article.lang,
        "publisher": publisher,
        "about": [{"@type": "Thing", "name": p.name} for p in getattr(article, "principles", [])],
        "keywords": [t.name for t in getattr(article, "tags", [])],
        "articleSection": article.category.name if getattr(article, "category", None) else None,
    }
    if getattr(article, "author", None):
        data["author"] = {"@type": "Person", "name": article.author.name}
    if image:
        data["image"] = image
    return _without_empty(data)


def event(article, *, url, image, publisher, library_url=None, country=None):
    """The schema.org Event an article reports, with what Google's event results ask
    for: a ``location`` for each way to attend (a ``Place`` with its
    ``PostalAddress``, a ``VirtualLocation`` with its ``url``, or both), the
    matching ``eventAttendanceMode``, ``eventStatus``, ``endDate``, ``organizer``
    with its ``url``, ``image`` and ``description``.

    A private meeting link is never written: the online location's ``url`` is then
    the article, which says how to take part. ``library_url`` is the library's
    site (the organizer's URL when the library organises), ``country`` the ISO code
    addresses are in.
    """
    place = _place(article, country) if events.has_place(article) else None
    locations = [place] if place else []
    if events.is_online(article):
        virtual = {"@type": "VirtualLocation", "url": getattr(article, "event_url", None) or url}
        if events.place_name(article) and not events.has_place(article):
            virtual["name"] = events.place_name(article)
        locations.append(virtual)
    status = getattr(article, "event_status", None)
    data = {
        "@type": "Event",
        "@id": url + "#event",
        "name": article.event,
        "description": plain(getattr(article, "summary", "")).strip(),
        "url": url,
        "startDate": iso(article.event_start),
        "endDate": events.schema_end(article.event_start, getattr(article, "event_end", None)),
        "eventStatus": SCHEMA + EVENT_STATUS.get(status, "EventScheduled"),
        "eventAttendanceMode": ATTENDANCE.get(events.attendance(article)),
        "location": locations[0] if len(locations) == 1 else locations,
        "inLanguage": article.lang,
        "image": image,
        "attendee": [{"@type": "Person", "name": n} for n in getattr(article, "participants", [])],
        "subjectOf": {"@id": url + "#article"},
        "organizer": _organizer(article, publisher, library_url),
    }
    return _without_empty(data)


def _place(article, country):
    """The Place people go to: its name as written and its street address; with no
    address, the name is all there is to find it by (a place's name, never a link)."""
    name, address = events.place_name(article), getattr(article, "event_address", None)
    if not (name or address):
        return None
    postal = {"@type": "PostalAddress", "streetAddress": address or name}
    if country:
        postal["addressCountry"] = country
    return _without_empty({"@type": "Place", "name": name or address, "address": postal})


def _organizer(article, publisher, library_url):
    """Who organises: as written, with its ``Event_organizer_url``; the library (and
    its site) when it is named, or when no organiser is."""
    name = getattr(article, "event_organizer", None)
    link = getattr(article, "event_organizer_url", None)
    if not name or events.same_name(name, publisher.get("name", "")):
        return _without_empty({**publisher, "url": link or library_url})
    return _without_empty({"@type": "Organization", "name": name, "url": link})


def _without_empty(data):
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


@pass_context
def article_structured_data(context, article):
    """The JSON-LD of an article page, as a dict for ``|tojson``."""
    url = absolute_url(context, article.url)
    image = images(context, article)
    org = publisher(
        context["WARTA_LIBRARY"], site_file_url(context, context["WARTA_LIBRARY"]["logo"])
    )
    graph = [news_article(article, url=url, image=image, publisher=org)]
    if has_event(article):
        home = absolute_url(context, "")
        graph.append(
            event(
                article,
                url=url,
                image=image,
                publisher=org,
                library_url=home if events.is_absolute(home) else None,
                country=context.get("WARTA_COUNTRY"),
            )
        )
    return {"@context": "https://schema.org", "@graph": graph}


def images(context, article):
    """The article's lead photo in 16:9, 4:3 and 1:1, else the site's share picture."""
    crops = [lead_image(context, article, ratio) for ratio in IMAGE_RATIOS]
    if crops[0]:
        return [crop["url"] for crop in crops]
    return [site_file_url(context, context["WARTA_SHARE_IMAGE"])]


def add_template_helpers(generator):
    generator.env.globals.update(article_structured_data=article_structured_data)


def register():
    # On `generator_init`: every generator's Jinja env exists by then.
    signals.generator_init.connect(add_template_helpers)
