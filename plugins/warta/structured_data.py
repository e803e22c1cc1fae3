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

from warta.events import has_event
from warta.multilingual import absolute_url, plain, site_file_url
from warta.photos import lead_image

SCHEMA = "https://schema.org/"
ATTENDANCE = {
    "online": SCHEMA + "OnlineEventAttendanceMode",
    "offline": SCHEMA + "OfflineEventAttendanceMode",
    "mixed": SCHEMA + "MixedEventAttendanceMode",
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


def event(article, *, url, image, publisher):
    attendance = getattr(article, "event_attendance", None)
    where = getattr(article, "event_location", "") or ""
    locations = []
    if attendance in ("offline", "mixed") and where:
        locations.append({"@type": "Place", "name": where, "address": where})
    if attendance in ("online", "mixed"):
        virtual = {"@type": "VirtualLocation"}
        if where.startswith(("https://", "http://")):
            virtual["url"] = where
        elif where and attendance == "online":
            virtual["name"] = where
        locations.append(virtual)
    if not attendance and where:
        locations.append({"@type": "Place", "name": where, "address": where})
    end = getattr(article, "event_end", None)
    data = {
        "@type": "Event",
        "@id": url + "#event",
        "name": article.event,
        "description": plain(getattr(article, "summary", "")).strip(),
        "url": url,
        "startDate": iso(article.event_start),
        "endDate": iso(end) if end else None,
        "eventStatus": SCHEMA + "EventScheduled",
        "eventAttendanceMode": ATTENDANCE.get(attendance),
        "location": locations[0] if len(locations) == 1 else locations,
        "inLanguage": article.lang,
        "image": image,
        "attendee": [{"@type": "Person", "name": n} for n in getattr(article, "participants", [])],
        "subjectOf": {"@id": url + "#article"},
    }
    organizer = getattr(article, "event_organizer", None)
    data["organizer"] = {"@type": "Organization", "name": organizer} if organizer else publisher
    return _without_empty(data)


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
        graph.append(event(article, url=url, image=image, publisher=org))
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
