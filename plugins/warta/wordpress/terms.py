"""WordPress categories and tags on our site, decided once per term: a principle (a term
naming one, in any case, either language, with or without "asas"), one of our categories
(through WARTA_WORDPRESS_CATEGORIES, or by its name), or a tag. Articles, links in bodies
and redirects all ask the same ``TermMap``, so they cannot disagree."""

import re
from dataclasses import dataclass
from urllib.parse import unquote

from warta.facts import categories, match_term, principles, slug_of, term_key
from warta.multilingual import section_path
from warta.wordpress.body import plain


def principle_of(name, terms):
    """The principle a WordPress term names, in any case, either language, with or without
    "asas" / "principle"."""
    bare = re.sub(r"^\s*(asas|prinsip|principle(\s+of)?)[\s_-]+", "", name, flags=re.I)
    return match_term(bare, terms) or match_term(name, terms)


@dataclass(frozen=True)
class Mapped:
    """What a WordPress term is here. ``kind``: "principle" (``term`` a facts.Term),
    "category" (``slug`` ours, or None: WARTA_WORDPRESS_CATEGORIES says the post has no
    category of its own), or "tag" (``name`` the tag; ``unmapped`` for a WordPress
    category nothing maps, which the report lists)."""

    kind: str
    name: str
    slug: str = None
    term: object = None
    unmapped: bool = False


class TermMap:
    """Every term of one export, mapped with the site's settings."""

    def __init__(self, export, settings):
        self.settings = settings
        self.principles = principles(settings)
        self.categories = categories(settings)
        self.default_category = settings.get("DEFAULT_CATEGORY")
        self.table = {
            term_key(key): value
            for key, value in settings.get("WARTA_WORDPRESS_CATEGORIES", {}).items()
        }
        self.terms = export.terms
        self.by_id = {
            str(term["id"]): nicename
            for (taxonomy, nicename), term in export.terms.items()
            if taxonomy == "category"
        }
        self.cache = {}

    def name(self, domain, nicename, name=None):
        """The term's name as readers saw it: the export's, else the post's, else its slug."""
        term = self.terms.get((domain, nicename))
        words = term["name"] if term else name
        return plain(words or "") or unquote(nicename)

    def __call__(self, domain, nicename, name=None):
        """The Mapped of WordPress term ``nicename`` in ``domain`` ("category" or "post_tag")."""
        key = (domain, nicename)
        if key not in self.cache:
            self.cache[key] = self.decide(domain, nicename, self.name(domain, nicename, name))
        return self.cache[key]

    def decide(self, domain, nicename, name):
        principle = principle_of(name, self.principles) or principle_of(
            unquote(nicename), self.principles
        )
        if principle:
            return Mapped("principle", name, slug=principle.slug, term=principle)
        if domain == "category":
            for key in (term_key(name), term_key(unquote(nicename))):
                if key in self.table:
                    return Mapped("category", name, slug=self.table[key])
                ours = match_term(key, self.categories)
                if ours:
                    return Mapped("category", name, slug=ours.slug)
            return Mapped("tag", name.replace(",", " ").strip(), unmapped=True)
        return Mapped("tag", name.replace(",", " ").strip())

    def link(self, domain, nicename):
        """``{category}slug`` or ``{tag}name`` for a WordPress archive, resolved by the
        build in the language of the linking article (or old address). None for a term
        the export lacks."""
        if (domain, nicename) not in self.terms:
            return None
        return self.target(self(domain, nicename))

    def slug(self, mapped):
        """The site's slug of ``mapped``: its category's, its principle's (the same in
        every language), or its tag name's."""
        if mapped.kind == "category":
            return mapped.slug or self.default_category
        return mapped.slug if mapped.kind == "principle" else slug_of(mapped.name)

    def target(self, mapped):
        return ("{category}" if mapped.kind == "category" else "{tag}") + self.slug(mapped)

    def feed(self, mapped):
        """The path (from the language's root) of the feed of ``mapped``, from the feed
        settings; None when the site writes no such feed."""
        setting = "CATEGORY_FEED_ATOM" if mapped.kind == "category" else "TAG_FEED_ATOM"
        pattern = self.settings.get(setting)
        return pattern.format(slug=self.slug(mapped)) if pattern else None

    def page(self, mapped, lang):
        """The path (from the language's root) of the archive page of ``mapped``."""
        if mapped.kind == "category":
            return section_path(self.settings, lang, "category", self.slug(mapped))
        return self.settings["TAG_URL"].format(slug=self.slug(mapped))

    def category_by_id(self, term_id):
        return self.by_id.get(str(term_id))


def check_table(settings):
    """[(key, value)] of WARTA_WORDPRESS_CATEGORIES whose value is not one of WARTA_CATEGORIES."""
    ours = settings.get("WARTA_CATEGORIES", {})
    return [
        (key, value)
        for key, value in settings.get("WARTA_WORDPRESS_CATEGORIES", {}).items()
        if value is not None and value not in ours
    ]
