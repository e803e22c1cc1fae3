"""The event an article reports: its fields read into dates and a list of people.

Editors write ``Event_start: 2020-07-27`` or ``2020-07-27 09:00`` (Asia/Jakarta
time) and ``Participants: Dra. Hj. Nurhayati, M.Pd.; Sunarsih`` (semicolons,
since names carry commas). Pelican keeps unknown metadata as strings; this
module turns them into values templates and feeds can use.
"""

import logging
from datetime import date, datetime
from zoneinfo import ZoneInfo

from pelican import signals

log = logging.getLogger(__name__)


def parse_when(text, timezone):
    """``2020-07-27`` -> date; ``2020-07-27 09:00`` -> aware datetime; else ValueError."""
    text = text.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    moment = datetime.strptime(text, "%Y-%m-%d %H:%M")
    return moment.replace(tzinfo=ZoneInfo(timezone))


def parse_participants(text):
    """'A, M.Pd.; B;  C ' -> ['A, M.Pd.', 'B', 'C'] (empty entries dropped)."""
    return [name.strip() for name in text.split(";") if name.strip()]


def read_event(content):
    """Turn the event fields of an article into dates and a list of names."""
    metadata = content.metadata
    timezone = content.settings["TIMEZONE"]
    for key in ("event_start", "event_end"):
        if isinstance(metadata.get(key), str):
            try:
                value = parse_when(metadata[key], timezone)
            except ValueError:
                log.warning(
                    "warta.events: %s: %s %r is not a date (YYYY-MM-DD or YYYY-MM-DD HH:MM)",
                    content.relative_source_path,
                    key.capitalize(),
                    metadata[key],
                )
                continue
            metadata[key] = value
            setattr(content, key, value)
    if isinstance(metadata.get("participants"), str):
        content.participants = metadata["participants"] = parse_participants(
            metadata["participants"]
        )


def register():
    # On `content_object_init`: every article and page, as soon as it is built
    # from its metadata, whichever generator reads it.
    signals.content_object_init.connect(read_event)
