"""The archive: every article of a language by year and month.

A library that has written for ten years has a thousand articles: one page
listing them all would weigh hundreds of kilobytes on a phone. So each language
has an overview (``/arsip/``, ``/en/archive/``: every year, newest first, with
its number of articles and its months) and a page per year (``/arsip/2020/``:
that year's articles by month, newest first, each with its day and title). The
section word is ``WARTA_LANGUAGES[lang]["sections"]["archive"]``.

A year page exists in a language only when that language has an article in that
year, so its ``hreflang`` alternates name only those languages
(``warta_archive_years``, read while each site still holds every language's
articles, as ``taxonomy`` reads ``warta_tag_langs``).

Pelican's own ``ARCHIVES``/``YEAR_ARCHIVE`` pages are not used: their URLs are
one setting for every language, their template gets a flat date list to group
in Jinja, and they carry no record of what they show for the preview's quick
rebuild (``warta.incremental``); this generator writes its pages the way the
agenda is written.
"""

import functools
from datetime import date, datetime
from itertools import groupby

from babel.dates import format_date, format_skeleton
from jinja2 import pass_context
from pelican import signals
from pelican.generators import Generator

from warta.multilingual import date_locale, section_path, write_page


def newest_first(articles):
    """Articles by date, newest first (the source path breaks ties: the same order
    in every build)."""
    return sorted(articles, key=lambda a: (a.date, a.source_path), reverse=True)


def by_year_and_month(articles):
    """[(year, [(month, [articles])])]: years, months and articles newest first, in
    the library's time (an article's ``date`` is in ``TIMEZONE``)."""
    return [
        (year, [(month, list(group)) for month, group in groupby(of_year, lambda a: a.date.month)])
        for year, of_year in groupby(newest_first(articles), lambda a: a.date.year)
    ]


def note_years(generator):
    """Which years have articles in which language: the year pages' alternates.
    Read while this site still holds every language's published articles
    (i18n_subsites removes the others right after ``article_generator_pretaxonomy``)."""
    years = {lang: set() for lang in generator.settings["WARTA_LANGUAGES"]}
    for article in generator.articles + generator.translations:
        years.setdefault(article.lang, set()).add(article.date.year)
    generator.context["warta_archive_years"] = {
        lang: tuple(sorted(found)) for lang, found in years.items()
    }


def archive_years(context):
    """((lang, (years...)), ...) of every language: what a year page's alternates
    and the sitemap depend on (hashable, for ``warta.incremental``)."""
    return tuple(sorted(context.get("warta_archive_years", {}).items()))


class ArchiveGenerator(Generator):
    """The archive overview of this language and a page for each of its years."""

    def generate_context(self):
        self.years = by_year_and_month(self.context["articles"])

    def generate_output(self, writer):
        settings = self.settings
        lang = settings["DEFAULT_LANG"]
        every = tuple(a for _, months in self.years for _, group in months for a in group)
        write_page(
            self,
            writer,
            "archive",
            section_path(settings, lang, "archive"),
            archive_years=self.years,
            archive_year=None,
            warta_shows=(every,),
        )
        years = tuple(year for year, _ in self.years)
        for year, months in self.years:
            write_page(
                self,
                writer,
                "archive",
                section_path(settings, lang, "archive", str(year)),
                archive_years=self.years,
                archive_year=year,
                archive_months=months,
                warta_shows=(tuple(a for _, group in months for a in group),),
                # The year links, and the languages the page's alternates name.
                warta_depends=(years, archive_years(self.context)),
            )


@pass_context
def month_name(context, month, year=None):
    """'Juli' / 'July', or with ``year`` 'Juli 2020' / 'July 2020', in the page's language."""
    locale = date_locale(context)
    if year is None:
        return format_date(date(2000, month, 1), "LLLL", locale=locale)  # stand-alone
    return format_skeleton("yMMMM", date(year, month, 1), locale=locale)


@pass_context
def day_and_month(context, value):
    """'30 Juli' / '30 July': an article's day on a page whose heading names the year."""
    if isinstance(value, datetime):
        value = value.date()
    return _day_and_month(value, date_locale(context))


@functools.lru_cache(maxsize=4096)
def _day_and_month(day, locale):
    return format_skeleton("dMMMM", day, locale=locale)


def archive_count(months):
    """How many articles [(month, [articles])] holds: a year's number on the overview."""
    return sum(len(articles) for _, articles in months)


def add_template_helpers(generator):
    generator.env.filters.update(
        month_name=month_name, day_and_month=day_and_month, archive_count=archive_count
    )


def get_generators(pelican):
    return ArchiveGenerator


def register():
    # On `article_generator_pretaxonomy`: before i18n_subsites (later in PLUGINS)
    # removes the other languages' articles.
    signals.article_generator_pretaxonomy.connect(note_years)
    signals.generator_init.connect(add_template_helpers)
    signals.get_generators.connect(get_generators)
