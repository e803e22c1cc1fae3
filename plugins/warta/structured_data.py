"""What search engines and messaging apps read: JSON-LD and Open Graph data.

A page carries at most one JSON-LD block, a ``@graph``:

- the home page of each language: the ``WebSite`` (with a ``SearchAction``
  that leads to the search page) and the ``Library`` with its address, phone,
  opening hours and logo (``warta.library``, from ``WARTA_LIBRARY``);
- an article: its ``NewsArticle``, its ``Event`` when it reports one, the
  ``Library`` that publishes it, and its ``BreadcrumbList``;
- a category or tag page: its ``BreadcrumbList``, the trail its breadcrumb shows.

Nodes name each other by ``@id``: the library is ``<main site root>#library``
in both languages, so every article's ``publisher`` is the same library the
home pages describe. The builders return plain dicts; the template serialises
them with Jinja's ``tojson``, which escapes ``<``, ``>``, ``&`` and ``'`` so no
value can end the ``<script>``. Every text value is plain text: typogrify's
markup is stripped from the title and summary; the event fields are plain text
as the editor wrote them.
"""

from jinja2 import pass_context
from pelican import signals

from warta import events
from warta.events import has_event
from warta.library import DAY_NAMES, read_library
from warta.multilingual import absolute_url, plain, section_url, site_file_url, site_root
from warta.photos import lead_image, site_images

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


def postal_address(address):
    if not address.one_line():
        return None
    return _without_empty(
        {
            "@type": "PostalAddress",
            "streetAddress": address.street,
            "addressLocality": address.locality,
            "addressRegion": address.region,
            "postalCode": address.postal_code,
            "addressCountry": address.country,
        }
    )


def opening_hours_specification(hours):
    """One line of opening hours ('Mo-Fr 08:00-16:00') as schema.org wants it."""
    return {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": [SCHEMA + DAY_NAMES[day] for day in hours.days],
        "opens": hours.opens.strftime("%H:%M"),
        "closes": hours.closes.strftime("%H:%M"),
    }


def library_node(library, *, home_url, logo_url, full=True):
    """The library as a schema.org ``Library``. ``full`` for the home page; an article
    names what a publisher needs and the address Google asks of any local business
    (its ``@id`` joins it to the full one)."""
    data = {
        "@type": "Library",
        "@id": home_url + "#library",
        "name": library.name,
        "url": home_url,
        "logo": {"@type": "ImageObject", "url": logo_url} if logo_url else None,
        "address": postal_address(library.address),
    }
    if full:
        latitude, longitude = library.geo or (None, None)
        data.update(
            {
                "image": logo_url or None,
                "telephone": library.phone,
                "email": library.email,
                "openingHoursSpecification": [
                    opening_hours_specification(hours) for hours in library.hours
                ],
                "geo": {"@type": "GeoCoordinates", "latitude": latitude, "longitude": longitude}
                if library.geo
                else None,
                "hasMap": library.map,
            }
        )
    return _without_empty(data)


def website(*, url, name, description, lang, search_url, publisher):
    """The site in one language, and how to search it: its search page reads ``?q=``."""
    return _without_empty(
        {
            "@type": "WebSite",
            "@id": url + "#website",
            "url": url,
            "name": name,
            "description": description,
            "inLanguage": lang,
            "publisher": publisher,
            "potentialAction": {
                "@type": "SearchAction",
                "target": {
                    "@type": "EntryPoint",
                    "urlTemplate": search_url + "?q={search_term_string}",
                },
                # schema.org's "-input" annotation of the action's `query` (Google's form).
                "query-input": "required name=search_term_string",
            },
        }
    )


def breadcrumb_list(crumbs):
    """[(name, URL)] from the home page to this page (the last) as a ``BreadcrumbList``."""
    return {
        "@type": "BreadcrumbList",
        "@id": crumbs[-1][1] + "#breadcrumb",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": plain(name), "item": url}
            for position, (name, url) in enumerate(crumbs, 1)
        ],
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


def event(article, *, url, image, publisher, library=None):
    """The schema.org Event an article reports, with what Google's event results ask
    for: a ``location`` for each way to attend (a ``Place`` with its
    ``PostalAddress``, a ``VirtualLocation`` with its ``url``, or both), the
    matching ``eventAttendanceMode``, ``eventStatus``, ``endDate``, ``organizer``
    with its ``url``, ``image`` and ``description``.

    None when the article says neither where nor how to attend: Google refuses an
    Event without a ``location``. A private meeting link is never written: the
    online location's ``url`` is then the article, which says how to take part.
    ``publisher`` is the library's node (the organizer when the library organises,
    named by its ``@id``), ``library`` the ``warta.library.Library`` (its country is
    the addresses', its address the place's when the event is at the library).
    """
    place = _place(article, library) if events.has_place(article) else None
    locations = [place] if place else []
    if events.is_online(article):
        virtual = {"@type": "VirtualLocation", "url": getattr(article, "event_url", None) or url}
        if events.place_name(article) and not events.has_place(article):
            virtual["name"] = events.place_name(article)
        locations.append(virtual)
    if not locations:  # Google refuses an Event with no location: better none than one it rejects
        return None
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
        "organizer": _organizer(article, publisher),
    }
    return _without_empty(data)


def _place(article, library):
    """The Place people go to: its name as written and its street address (the
    library's whole address when it is the library); with no address, the name is
    all there is to find it by (a place's name, never a link)."""
    name, address = events.place_name(article), getattr(article, "event_address", None)
    if not (name or address):
        return None
    if library and getattr(article, "event_at_library", False):
        postal = postal_address(library.address)
    else:
        postal = {"@type": "PostalAddress", "streetAddress": address or name}
        if library and library.address.country:
            postal["addressCountry"] = library.address.country
    return _without_empty({"@type": "Place", "name": name or address, "address": postal})


def _organizer(article, publisher):
    """Who organises: as written, with its ``Event_organizer_url``; the library (its
    node in the same graph, which has its site) when it is named, or when no
    organiser is."""
    name = getattr(article, "event_organizer", None)
    link = getattr(article, "event_organizer_url", None)
    if not name or events.same_name(name, publisher.get("name", "")):
        return {"@id": publisher["@id"]}
    return _without_empty({"@type": "Organization", "name": name, "url": link})


def _without_empty(data):
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def _graph(*nodes):
    return {"@context": "https://schema.org", "@graph": [node for node in nodes if node]}


def _library(context, full=False):
    library = read_library(context)
    home = site_root(context)  # the main language's: one library, one @id
    published = library.logo in site_images(context)  # the file is there: photos publishes it
    logo = site_file_url(context, library.logo) if published else ""
    return library_node(library, home_url=home, logo_url=logo, full=full)


@pass_context
def article_structured_data(context, article, crumbs=()):
    """The JSON-LD of an article page, as a dict for ``|tojson``. ``crumbs`` is the
    trail of its breadcrumb, [(name, URL)] from the home page to the article."""
    url = absolute_url(context, article.url)
    image = images(context, article)
    org = _library(context)
    by_library = {"@id": org["@id"]}
    data = news_article(article, url=url, image=image, publisher=by_library)
    if getattr(article, "author", None) and article.author.name == org["name"]:
        data["author"] = by_library  # written by the library itself: its name and address
    graph = [data]
    if has_event(article):
        # (None when the article says neither where nor how to attend)
        graph.append(
            event(article, url=url, image=image, publisher=org, library=read_library(context))
        )
    trail = breadcrumb_list(crumbs) if crumbs else None
    return _graph(*graph, org, trail)


@pass_context
def home_structured_data(context):
    """The home page's JSON-LD: this language's ``WebSite`` and the full ``Library``."""
    org = _library(context, full=True)
    site = website(
        url=absolute_url(context, ""),
        name=context["SITENAME"],
        description=context.get("SITESUBTITLE"),
        lang=context["DEFAULT_LANG"],
        search_url=section_url(context, "search"),
        publisher={"@id": org["@id"]},
    )
    return _graph(site, org)


@pass_context
def breadcrumb_structured_data(context, crumbs):
    """A listing's JSON-LD: the trail its breadcrumb shows, this page last."""
    return _graph(breadcrumb_list(crumbs))


def images(context, article):
    """The article's lead photo in 16:9, 4:3 and 1:1, else the site's share picture."""
    crops = [lead_image(context, article, ratio) for ratio in IMAGE_RATIOS]
    if crops[0]:
        return [crop["url"] for crop in crops]
    return [site_file_url(context, context["WARTA_SHARE_IMAGE"])]


def add_template_helpers(generator):
    generator.env.globals.update(
        article_structured_data=article_structured_data,
        home_structured_data=home_structured_data,
        breadcrumb_structured_data=breadcrumb_structured_data,
    )


def register():
    # On `generator_init`: every generator's Jinja env exists by then.
    signals.generator_init.connect(add_template_helpers)
