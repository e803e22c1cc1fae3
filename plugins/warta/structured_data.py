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

from warta.events import has_event
from warta.library import DAY_NAMES, library_facts, opening_hours, read_library
from warta.multilingual import absolute_url, plain, section_url, site_file_url, site_root
from warta.photos import lead_image, site_images

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


def postal_address(address):
    if not address.lines():
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
        graph.append(event(article, url=url, image=image, publisher=by_library))
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
        library_facts=library_facts,
        opening_hours=opening_hours,
    )


def register():
    # On `generator_init`: every generator's Jinja env exists by then.
    signals.generator_init.connect(add_template_helpers)
