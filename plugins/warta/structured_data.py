"""What search engines and messaging apps read: JSON-LD and Open Graph data.

Each article page carries one JSON-LD block, a ``@graph`` with its
``NewsArticle`` and, when it reports one, its ``Event``. The builders return
plain dicts; the template serialises them with Jinja's ``tojson``, which
escapes ``<``, ``>``, ``&`` and ``'`` so no value can end the ``<script>``.
Every text value is plain text: typogrify's markup is stripped from the
title and summary; the event fields are plain text as the editor wrote them.
"""

import re

from jinja2 import pass_context
from pelican import signals

from warta.events import has_event
from warta.multilingual import absolute_url, plain, site_file_url

SCHEMA = "https://schema.org/"
ATTENDANCE = {
    "online": SCHEMA + "OnlineEventAttendanceMode",
    "offline": SCHEMA + "OfflineEventAttendanceMode",
    "mixed": SCHEMA + "MixedEventAttendanceMode",
}
FIRST_IMAGE = re.compile(r"<img\b[^>]*?\bsrc=[\"']([^\"']+)[\"']", re.IGNORECASE)


def iso(moment):
    """ISO 8601: a date stays a date; a time carries its offset (+07:00)."""
    return moment.isoformat()


def image_of(article):
    """The first image in the article's body, if any (as written by Pelican)."""
    match = FIRST_IMAGE.search(article.content or "")
    return match.group(1) if match else None


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
    image = share_image(context, article)
    org = publisher(
        context["WARTA_LIBRARY"], site_file_url(context, context["WARTA_LIBRARY"]["logo"])
    )
    graph = [news_article(article, url=url, image=image, publisher=org)]
    if has_event(article):
        graph.append(event(article, url=url, image=image, publisher=org))
    return {"@context": "https://schema.org", "@graph": graph}


@pass_context
def share_image(context, article=None):
    """The picture a shared link shows: the article's first image, else the site's."""
    found = image_of(article) if article is not None else None
    if found:
        return absolute_url(context, found)
    return site_file_url(context, context["WARTA_SHARE_IMAGE"])


def add_template_helpers(generator):
    generator.env.globals.update(
        article_structured_data=article_structured_data, share_image=share_image
    )


def register():
    # On `generator_init`: every generator's Jinja env exists by then.
    signals.generator_init.connect(add_template_helpers)
