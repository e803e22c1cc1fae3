"""WordPress categories and tags on our site: the principle a term names."""

import re

from warta.facts import match_term

def principle_of(name, terms):
    """The principle a WordPress term names, in any case, either language, with or without
    "asas" / "principle"."""
    bare = re.sub(r"^\s*(asas|prinsip|principle(\s+of)?)[\s_-]+", "", name, flags=re.I)
    return match_term(bare, terms) or match_term(name, terms)


def fold(name):
    return " ".join(name.replace("-", " ").replace("_", " ").casefold().split())
