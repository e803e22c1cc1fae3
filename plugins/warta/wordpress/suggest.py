"""Event data an editor may copy into an article's header: dates, places, the online
platform and participants found in a post's text. Suggested in the report, never written
into the article (the editor decides)."""

import re
from datetime import datetime

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("januari", "january", "jan"),
            ("februari", "february", "feb"),
            ("maret", "march", "mar"),
            ("april", "apr"),
            ("mei", "may"),
            ("juni", "june", "jun"),
            ("juli", "july", "jul"),
            ("agustus", "august", "agu", "aug"),
            ("september", "sep"),
            ("oktober", "october", "okt", "oct"),
            ("november", "nov"),
            ("desember", "december", "des", "dec"),
        ],
        1,
    )
    for name in names
}
MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b"
DATE_RANGE = re.compile(
    rf"(\d{{1,2}})(?:\s+{MONTH})?(?:\s+(\d{{4}}))?\s*(?:[-\u2013\u2014]{{1,3}}|s\.?\s?d\.?|sampai(?: dengan)?|hingga|to|until)\s*(\d{{1,2}})\s+{MONTH}\s+(\d{{4}})",
    re.I,
)
WEEKDAY = (
    r"(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
)
# "tanggal 16 Agustus 2022", "pada Selasa, 16 Agustus 2022", "Waktu: Sabtu, 20 Mei 2023 pukul 08.00"
ONE_DATE = re.compile(
    r"(?:tanggal|tgl\.?|pada|on|waktu\s*:|hari\s*(?:/\s*tanggal)?\s*:)\s*"
    rf"(?:{WEEKDAY}\s*,?\s*)?"
    rf"(\d{{1,2}})\s+{MONTH}\s+(\d{{4}})"
    r"(?:\s*,?\s*(?:pukul|jam|pkl\.?|at)\s*(\d{1,2})[.:](\d{2}))?",
    re.I,
)
# The usual news style: "Kamis (9/2/2023)", a weekday and d/m/yyyy in brackets.
NUMERIC_DATE = re.compile(rf"{WEEKDAY}\s*,?\s*\((\d{{1,2}})/(\d{{1,2}})/(\d{{4}})\)", re.I)
PARTICIPANTS = re.compile(r"(?:peserta|participants)\s*[;:]\s*([^)\n]+?)(?:\)|\.\s|$)", re.I)
ONLINE = re.compile(
    r"(?:melalui|via|lewat|secara daring di|through)\s+(?:aplikasi\s+|platform\s+)?"
    r"(zoom|google meet|microsoft teams|youtube|webex|jitsi)",
    re.I,
)
# Abbreviations a place or an address goes on after ("Jl. Letjend. R. Suprapto No. 12"):
# their full stop does not end the sentence. A one-letter word is an initial.
ABBREVIATION = (
    r"\b(?:jl|jln|no|kec|kab|kel|ds|gg|prov|rt|rw|letjend?|jend|mayjend?|brigjend?|kol|dr|ir"
    r"|hj?|st|[a-z])\."
)
PLACE = re.compile(
    rf"(?:\b(?:di|bertempat di)\s+((?:Aula|Gedung|Ruang|Balai|Hotel)\s(?:(?i:{ABBREVIATION})|[^,.;()\n])+)"
    rf"|\b(?:Tempat|Lokasi)\s*:\s*((?:(?i:{ABBREVIATION})|[^.;()\n])+?)"
    r"(?=\s+(?:Waktu|Peserta|Acara)\s*:|[.;()\n]|$))"
)
# Where a place's name ends and its street address begins: "Aula ..., Jl. ...".
ADDRESS = re.compile(r",\s*(?=(?:jl|jln|jalan|no|kec|kab|kel|desa|ds|gg|rt|rw)\b)", re.I)
PLATFORMS = {
    "zoom": "Zoom",
    "google meet": "Google Meet",
    "microsoft teams": "Microsoft Teams",
    "youtube": "YouTube",
    "webex": "Webex",
    "jitsi": "Jitsi",
}


def suggest_event(words):
    """[(field, value)] an editor may copy into the header: found in the text, never
    written into the article (the editor decides)."""
    found = []
    match = DATE_RANGE.search(words)
    if match:
        day1, month1, year1, day2, month2, year2 = match.groups()
        month2, year2 = MONTHS[month2.lower()], int(year2)
        start_month = MONTHS[month1.lower()] if month1 else month2
        try:
            start = datetime(int(year1 or year2), start_month, int(day1)).date()
            end = datetime(year2, month2, int(day2)).date()
            found += [("Event_start", start.isoformat()), ("Event_end", end.isoformat())]
        except ValueError:
            pass
    elif match := NUMERIC_DATE.search(words):
        try:
            day = datetime(int(match[3]), int(match[2]), int(match[1])).date()
            found.append(("Event_start", day.isoformat()))
        except ValueError:
            pass
    else:
        match = ONE_DATE.search(words)
        if match:
            try:
                day = datetime(int(match[3]), MONTHS[match[2].lower()], int(match[1]))
                if match[4]:
                    moment = day.replace(hour=int(match[4]), minute=int(match[5]))
                    found.append(("Event_start", f"{moment:%Y-%m-%d %H:%M}"))
                else:
                    found.append(("Event_start", day.date().isoformat()))
            except ValueError:
                pass
    online = ONLINE.search(words)
    place = PLACE.search(words)
    if online:
        found += [("Event_location", PLATFORMS[online[1].lower()]), ("Event_attendance", "online")]
    elif place:
        name, address = (ADDRESS.split((place[1] or place[2]).strip(" ,"), 1) + [""])[:2]
        found.append(("Event_location", name.strip(" ,")))
        if address.strip(" ,"):
            found.append(("Event_address", address.strip(" ,")))
        found.append(("Event_attendance", "offline"))
    people = PARTICIPANTS.search(words)
    if people:
        names = [n.strip(" .") for n in re.split(r",|;|\bdan\b", people[1]) if n.strip(" .")]
        # Names ("Esnalianti, Sunarsih"), not a description ("siswa kelas III-VI, satu
        # orang per sekolah"): every item starts with a capital letter.
        if names and all(n[0].isupper() for n in names):
            found.append(("Participants", "; ".join(names)))
    return found
