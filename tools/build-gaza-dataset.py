#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Build the bundled dataset data/datasets/gaza-august-2024/gaza-august-2024.dateline.json.

The events, places and narratives are written below as Python data.  Every
excerpt is given only by its quoted text (`exact`); this script finds it in
the article, computes its Unicode code-point offsets (`start`/`end`), adds
`prefix`/`suffix` where the quote occurs more than once, numbers the claims'
excerpt indices, checks the whole dataset and writes it as pretty-printed
JSON (UTF-8, 2-space indent, [lon, lat] pairs kept on one line).

Re-running it reproduces the committed JSON byte for byte.

    tools/build-gaza-dataset.py            write the dataset
    tools/build-gaza-dataset.py --check    exit 1 if the committed file differs
    tools/build-gaza-dataset.py --report   also list article sentences no excerpt cites

Coordinates: towns from GeoNames (cities500, CC BY 4.0); the Egypt-Gaza
border from docs/DESIGN.md section 6; the outlines of the Gaza Strip, of
Israel and of the part of southern Israel near Gaza were simplified
(Douglas-Peucker, then rounded) from the OpenStreetMap-derived
@geo-maps/countries-coastline-1m 0.6.0 (ODbL, (c) OpenStreetMap
contributors) and are kept here as literals, so building needs no download.
The Netzarim corridor line and the Mustafa Hafez school point are
approximations; see their places' precision_m.
"""

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATASET_DIR = ROOT / "data" / "datasets" / "gaza-august-2024"
OUTPUT = DATASET_DIR / "gaza-august-2024.dateline.json"

# Characters of context kept before/after a quote that occurs more than once.
CONTEXT = 32


# --- small constructors --------------------------------------------------------

def X(source, exact, *claims, nth=None):
    """An excerpt: `exact` must occur in the article of `source`.

    Where it occurs more than once, `nth` (0-based) says which occurrence."""
    return {"source": source, "exact": exact, "claims": list(claims), "nth": nth}


def C(topic, value, qualifier=None, unit=None):
    """A claim stated by the excerpt it is written in."""
    claim = {"topic": topic, "value": value}
    if qualifier is not None:
        claim["qualifier"] = qualifier
    if unit is not None:
        claim["unit"] = unit
    return claim


def point(lon, lat):
    return {"type": "Point", "coordinates": [lon, lat]}


def line(*positions):
    return {"type": "LineString", "coordinates": [list(p) for p in positions]}


def polygon(ring):
    return {"type": "Polygon", "coordinates": [[list(p) for p in ring]]}


# --- geometry literals (see the module docstring for their origin) ---------------

GAZA_RING = [
    [34.491, 31.5951], [34.4393, 31.5309], [34.4318, 31.528], [34.4316, 31.5236],
    [34.4278, 31.5256], [34.4309, 31.5292], [34.4287, 31.5278], [34.4274, 31.5259],
    [34.4293, 31.5222], [34.4136, 31.5032], [34.3359, 31.4237], [34.3065, 31.3987],
    [34.3021, 31.4004], [34.3043, 31.398], [34.2644, 31.3613], [34.2184, 31.324],
    [34.2355, 31.2966], [34.2401, 31.2958], [34.2675, 31.2201], [34.2919, 31.2412],
    [34.3162, 31.2517], [34.3258, 31.258], [34.3364, 31.2684], [34.3422, 31.2783],
    [34.3665, 31.2905], [34.3733, 31.3062], [34.3651, 31.3644], [34.3672, 31.3696],
    [34.3718, 31.3702], [34.374, 31.3788], [34.3803, 31.3896], [34.4042, 31.4116],
    [34.4075, 31.4116], [34.4164, 31.4197], [34.4236, 31.4234], [34.4371, 31.4403],
    [34.447, 31.4451], [34.4647, 31.4611], [34.4779, 31.4762], [34.5127, 31.5007],
    [34.5247, 31.5029], [34.5468, 31.513], [34.5542, 31.5187], [34.5538, 31.5212],
    [34.5582, 31.5251], [34.5584, 31.5276], [34.5654, 31.5332], [34.5667, 31.5415],
    [34.491, 31.5951],
]

NORTH_RING = [
    [34.491, 31.5951], [34.4393, 31.5309], [34.4318, 31.528], [34.4316, 31.5236],
    [34.4278, 31.5256], [34.4309, 31.5292], [34.4287, 31.5278], [34.4274, 31.5259],
    [34.4293, 31.5222], [34.4136, 31.5032], [34.3792, 31.468], [34.4572, 31.455],
    [34.4779, 31.4762], [34.4865, 31.4809], [34.5085, 31.4983], [34.5247, 31.5029],
    [34.5468, 31.513], [34.5542, 31.5187], [34.5538, 31.5212], [34.5582, 31.5251],
    [34.5584, 31.5276], [34.5654, 31.5332], [34.5667, 31.5415], [34.491, 31.5951],
]

SOUTH_RING = [
    [34.2675, 31.2201], [34.2926, 31.15], [34.45, 31.15], [34.62, 31.22],
    [34.69, 31.32], [34.68, 31.5], [34.62, 31.6], [34.54, 31.65],
    [34.5332, 31.65], [34.5212, 31.6396], [34.5233, 31.6368], [34.5174, 31.637],
    [34.5199, 31.6406], [34.5169, 31.6371], [34.5194, 31.6334], [34.491, 31.5951],
    [34.5667, 31.5415], [34.5654, 31.5332], [34.5584, 31.5276], [34.5542, 31.5187],
    [34.5468, 31.513], [34.5247, 31.5029], [34.5127, 31.5007], [34.4779, 31.4762],
    [34.447, 31.4451], [34.4371, 31.4403], [34.4236, 31.4234], [34.4075, 31.4116],
    [34.4042, 31.4116], [34.3803, 31.3896], [34.3718, 31.3702], [34.3672, 31.3696],
    [34.3651, 31.3644], [34.3733, 31.3062], [34.3665, 31.2905], [34.3422, 31.2783],
    [34.3364, 31.2684], [34.3258, 31.258], [34.2919, 31.2412], [34.2675, 31.2201],
]

ISRAEL_RING = [
    [34.267, 31.22], [34.403, 30.858], [34.496, 30.681], [34.519, 30.603],
    [34.516, 30.534], [34.554, 30.498], [34.536, 30.431], [34.543, 30.413],
    [34.614, 30.368], [34.844, 29.779], [34.858, 29.686], [34.88, 29.649],
    [34.866, 29.598], [34.885, 29.527], [34.903, 29.491], [34.959, 29.554],
    [34.977, 29.542], [34.978, 29.577], [35.02, 29.656], [35.012, 29.697],
    [35.03, 29.772], [35.085, 29.886], [35.075, 29.95], [35.099, 29.991],
    [35.116, 29.995], [35.101, 30.012], [35.131, 30.062], [35.146, 30.063],
    [35.162, 30.122], [35.145, 30.163], [35.146, 30.282], [35.192, 30.346],
    [35.166, 30.401], [35.162, 30.441], [35.193, 30.499], [35.204, 30.582],
    [35.222, 30.619], [35.264, 30.66], [35.282, 30.71], [35.294, 30.712],
    [35.296, 30.762], [35.314, 30.77], [35.322, 30.797], [35.337, 30.799],
    [35.331, 30.861], [35.354, 30.908], [35.416, 30.951], [35.426, 31.045],
    [35.456, 31.128], [35.399, 31.253], [35.461, 31.372], [35.477, 31.484],
    [35.475, 31.497], [35.395, 31.492], [35.23, 31.374], [35.134, 31.355],
    [35.008, 31.358], [34.926, 31.342], [34.89, 31.371], [34.884, 31.404],
    [34.943, 31.503], [34.947, 31.582], [34.996, 31.645], [35.085, 31.691],
    [35.134, 31.734], [35.239, 31.71], [35.263, 31.749], [35.252, 31.77],
    [35.265, 31.826], [35.251, 31.83], [35.251, 31.844], [35.23, 31.843],
    [35.22, 31.883], [35.204, 31.873], [35.216, 31.821], [35.184, 31.826],
    [35.188, 31.809], [35.107, 31.824], [35.069, 31.857], [35.022, 31.83],
    [34.978, 31.833], [34.996, 31.853], [35.033, 31.858], [35.039, 31.907],
    [35.031, 31.923], [35.003, 31.935], [35.009, 31.944], [34.988, 31.968],
    [35.005, 32.022], [34.983, 32.09], [34.993, 32.106], [34.99, 32.142],
    [34.957, 32.19], [35.02, 32.234], [35.031, 32.266], [35.009, 32.281],
    [35.016, 32.338], [35.041, 32.347], [35.051, 32.364], [35.04, 32.381],
    [35.066, 32.45], [35.225, 32.552], [35.252, 32.523], [35.289, 32.511],
    [35.356, 32.519], [35.403, 32.501], [35.42, 32.459], [35.411, 32.436],
    [35.432, 32.408], [35.476, 32.411], [35.555, 32.389], [35.546, 32.401],
    [35.561, 32.411], [35.552, 32.422], [35.562, 32.424], [35.556, 32.431],
    [35.574, 32.459], [35.562, 32.463], [35.565, 32.481], [35.58, 32.487],
    [35.553, 32.515], [35.567, 32.525], [35.561, 32.545], [35.569, 32.539],
    [35.577, 32.553], [35.578, 32.597], [35.567, 32.597], [35.561, 32.646],
    [35.605, 32.652], [35.597, 32.668], [35.61, 32.678], [35.665, 32.681],
    [35.676, 32.706], [35.748, 32.733], [35.838, 32.828], [35.851, 32.89],
    [35.895, 32.945], [35.871, 32.981], [35.85, 33.102], [35.817, 33.113],
    [35.844, 33.168], [35.838, 33.193], [35.817, 33.203], [35.815, 33.245],
    [35.777, 33.277], [35.813, 33.317], [35.773, 33.336], [35.737, 33.32],
    [35.734, 33.327], [35.696, 33.295], [35.622, 33.273], [35.624, 33.242],
    [35.567, 33.29], [35.537, 33.231], [35.542, 33.195], [35.527, 33.119],
    [35.503, 33.113], [35.504, 33.089], [35.446, 33.091], [35.431, 33.065],
    [35.382, 33.062], [35.38, 33.048], [35.326, 33.077], [35.317, 33.105],
    [35.238, 33.092], [35.212, 33.1], [35.189, 33.084], [35.105, 33.094],
    [35.065, 32.92], [35.081, 32.909], [35.065, 32.855], [35.043, 32.824],
    [35.023, 32.818], [35.036, 32.814], [35.031, 32.804], [34.991, 32.826],
    [35.016, 32.827], [35.0, 32.834], [34.955, 32.826], [34.944, 32.717],
    [34.927, 32.698], [34.896, 32.511], [34.817, 32.221], [34.76, 32.062],
    [34.708, 31.943], [34.65, 31.832], [34.64, 31.817], [34.607, 31.757],
    [34.491, 31.595], [34.565, 31.533], [34.478, 31.476], [34.38, 31.39],
    [34.365, 31.364], [34.367, 31.291], [34.267, 31.22],
]


# The Netzarim corridor, approximated as a straight line from the Israeli border
# (34.4572, 31.4550) to the sea (34.3792, 31.4680), just south of Gaza City.
NETZARIM_LINE = [[34.4572, 31.455], [34.3792, 31.468]]

# The Egypt-Gaza border, from the sea past Rafah to Kerem Shalom (DESIGN.md §6).
PHILADELPHI_LINE = [[34.2184, 31.3236], [34.2355, 31.2964], [34.2675, 31.2201]]


# --- the dataset ---------------------------------------------------------------

TITLE = "Gaza cease-fire diplomacy, August 2024"

DESCRIPTION = (
    "Five short news reports on the Gaza cease-fire diplomacy of "
    "18–20 August 2024: US Secretary of State Antony Blinken’s ninth trip to the "
    "region, the disputed terms of the proposed deal, and the strikes and the "
    "recovery of six hostages’ bodies reported alongside. The articles carry no "
    "titles, dates or outlets: the source titles and short names are "
    "descriptive, and each "
    "publication date was inferred from the events the article reports (see "
    "published_basis). Event dates come from the articles’ own expressions "
    "(“on Tuesday”, “last week”, “this week”) read against those publication "
    "dates, or from a few well-established facts, as each event’s when_basis "
    "says; vague expressions are kept vague (?, ~, intervals). Statements are "
    "mapped where they were made when the articles say so, otherwise to the "
    "place they concern, as each summary says. Outlines of the Gaza Strip and "
    "Israel are simplified from OpenStreetMap data (© OpenStreetMap "
    "contributors, ODbL); town coordinates are from GeoNames (CC BY 4.0)."
)

SOURCES = [
    {
        "id": "a000",
        "short": "“Far apart”, 20 Aug",
        "file": "articles/000_f390b9095673a8dc.txt",
        "title": "Blinken in Egypt and Qatar as the sides remain far apart",
        "published": "2024-08-20",
        "published_basis": (
            "Reports Tuesday’s strike on the Mustafa Hafez school (“an Israeli air "
            "strike on Tuesday”) and the recovery of six hostages’ bodies announced "
            "that day, with Blinken “visiting Egypt and Qatar”, which he did on "
            "Tuesday 20 August 2024."
        ),
    },
    {
        "id": "a001",
        "short": "Cairo report, 20 Aug",
        "file": "articles/001_1df6439198d76cc7.txt",
        "title": "Blinken meets mediators in Egypt and Qatar; six hostages’ bodies recovered",
        "published": "2024-08-20",
        "published_basis": (
            "Datelined CAIRO; Blinken meets mediators in Egypt and Qatar “on "
            "Tuesday”, after his talks with Netanyahu “on Monday”, and the military "
            "“announced Tuesday” the recovery of six hostages’ bodies: Tuesday "
            "20 August 2024."
        ),
    },
    {
        "id": "a002",
        "short": "“Sticking points”, 18–19 Aug",
        "file": "articles/002_705b3e768ddc58b2.txt",
        "title": "Blinken in Israel as talks head for Cairo: the sticking points",
        "published": "2024-08-19?",
        "published_basis": (
            "Blinken “is in Israel” (he was there on 18–19 August 2024) and the "
            "talks are “set to resume this week in Cairo” after “a two-day meeting "
            "in Doha last week” (15–16 August). It reports none of his meetings of "
            "19 August, so it may date from 18 August: uncertain."
        ),
    },
    {
        "id": "a003",
        "short": "“Illusion”, 19 Aug",
        "file": "articles/003_c27e9c75dfb60855.txt",
        "title": "Blinken and Netanyahu meet for three hours; Hamas calls progress an “illusion”",
        "published": "2024-08-19?",
        "published_basis": (
            "Reports Blinken’s three-hour meeting with Netanyahu and, “earlier”, "
            "his meeting with Herzog (both Monday 19 August 2024), but not his "
            "visits to Egypt and Qatar on Tuesday 20 August: written on 19 August, "
            "or overnight into the 20th."
        ),
    },
    {
        "id": "a004",
        "short": "Herzog talks, 19 Aug",
        "file": "articles/004_fffc45ff05542f1c.txt",
        "title": "Blinken urges seizing the opportunity after meeting Herzog in Tel Aviv",
        "published": "2024-08-19",
        "published_basis": (
            "Reports Blinken’s talks with President Herzog in Tel Aviv (Monday "
            "19 August 2024) as held, but his meeting with Netanyahu and Gallant, "
            "held later that day, as still “scheduled” “before traveling to Egypt”: "
            "written on 19 August."
        ),
    },
]

PLACES = [
    {
        "id": "mustafa-hafez-school",
        "name": "Mustafa Hafez school, Rimal, Gaza City",
        "note": (
            "The articles say only “Gaza City”: the Rimal neighbourhood is from "
            "outside the articles, and the point is approximate."
        ),
        "names": {"ar": "مدرسة مصطفى حافظ", "he": "בית הספר מוסטפא חאפז"},
        "geometry": point(34.445, 31.5225),
        "precision_m": 1000,
        "kind": "building",
    },
    {
        "id": "deir-al-balah-area",
        "name": "Central Gaza (around Deir al-Balah)",
        "names": {"ar": "وسط قطاع غزة", "he": "מרכז רצועת עזה"},
        "geometry": point(34.3493, 31.4183),
        "precision_m": 8000,
        "kind": "region",
    },
    {
        "id": "khan-younis-area",
        "name": "Khan Younis area, southern Gaza",
        "names": {"ar": "خان يونس", "he": "חאן יונס"},
        "geometry": point(34.3063, 31.3402),
        "precision_m": 10000,
        "kind": "region",
    },
    {
        "id": "gaza-strip",
        "name": "Gaza Strip",
        "names": {"ar": "قطاع غزة", "he": "רצועת עזה"},
        "geometry": polygon(GAZA_RING),
        "precision_m": 200,
        "kind": "region",
    },
    {
        "id": "northern-gaza",
        "name": "Northern Gaza Strip (north of the Netzarim corridor)",
        "names": {"ar": "شمال قطاع غزة", "he": "צפון רצועת עזה"},
        "geometry": polygon(NORTH_RING),
        "precision_m": 2000,
        "kind": "region",
    },
    {
        "id": "philadelphi-corridor",
        "name": "Philadelphi corridor (Egypt–Gaza border)",
        "names": {"ar": "محور فيلادلفيا", "he": "ציר פילדלפי"},
        "geometry": line(*PHILADELPHI_LINE),
        "precision_m": 500,
        "kind": "corridor",
    },
    {
        "id": "netzarim-corridor",
        "name": "Netzarim corridor (approximate)",
        "names": {"ar": "محور نتساريم", "he": "ציר נצרים"},
        "geometry": line(*NETZARIM_LINE),
        "precision_m": 2000,
        "kind": "corridor",
    },
    {
        "id": "southern-israel",
        "name": "Southern Israel near Gaza",
        "names": {"ar": "جنوب إسرائيل", "he": "דרום ישראל"},
        "geometry": polygon(SOUTH_RING),
        "precision_m": 2000,
        "kind": "region",
    },
    {
        "id": "nir-oz",
        "name": "Kibbutz Nir Oz",
        "names": {"ar": "نير عوز", "he": "ניר עוז"},
        "geometry": point(34.4011, 31.3097),
        "precision_m": 1000,
        "kind": "kibbutz",
    },
    {
        "id": "israel",
        "name": "Israel",
        "note": (
            "A boundary choice: the outline, simplified from OpenStreetMap data, "
            "includes the Golan Heights and East Jerusalem, whose status is disputed. "
            "The articles do not draw any boundary."
        ),
        "names": {"ar": "إسرائيل", "he": "ישראל"},
        "geometry": polygon(ISRAEL_RING),
        "precision_m": 1000,
        "kind": "country",
    },
    {
        "id": "tel-aviv",
        "name": "Tel Aviv",
        "names": {"ar": "تل أبيب", "he": "תל אביב"},
        "geometry": point(34.7806, 32.0809),
        "precision_m": 5000,
        "kind": "city",
    },
    {
        "id": "jerusalem",
        "name": "Jerusalem",
        "names": {"ar": "القدس", "he": "ירושלים"},
        "geometry": point(35.2163, 31.769),
        "precision_m": 5000,
        "kind": "city",
    },
    {
        "id": "cairo",
        "name": "Cairo",
        "names": {"ar": "القاهرة", "he": "קהיר"},
        "geometry": point(31.2497, 30.0626),
        "precision_m": 10000,
        "kind": "city",
    },
    {
        "id": "el-alamein",
        "name": "El Alamein",
        "names": {"ar": "العلمين", "he": "אל-עלמיין"},
        "geometry": point(28.955, 30.8301),
        "precision_m": 25000,
        "kind": "city",
    },
    {
        "id": "doha",
        "name": "Doha",
        "names": {"ar": "الدوحة", "he": "דוחה"},
        "geometry": point(51.531, 25.2855),
        "precision_m": 10000,
        "kind": "city",
    },
    {
        "id": "tehran",
        "name": "Tehran",
        "names": {"ar": "طهران", "he": "טהרן"},
        "geometry": point(51.4215, 35.6944),
        "precision_m": 10000,
        "kind": "city",
    },
    {
        "id": "beirut",
        "name": "Beirut",
        "names": {"ar": "بيروت", "he": "ביירות"},
        "geometry": point(35.5016, 33.8933),
        "precision_m": 5000,
        "kind": "city",
    },
]


# The claim topics, each with a label a person reads ("Killed at the school"),
# written from the articles. `total` names the topic that gives the whole a
# fraction is of ("a third" of the hostages remaining), so that a fraction and
# a count on one topic can be compared.
TOPICS = {
    "abu-zeid-detention-length": {"label": "Alaa Abu Zeid’s time in detention"},
    "blinken-netanyahu-meeting-length": {"label": "Length of the Blinken–Netanyahu meeting"},
    "blinken-qatar-meeting-day": {"label": "When Blinken met the Qatari side"},
    "blinken-trip-number": {"label": "Blinken’s trips to the region since the war began"},
    "ceasefire-plan-phases": {"label": "Phases of the cease-fire plan"},
    "central-gaza-strike-children-killed": {"label": "Children killed in the central Gaza strike"},
    "central-gaza-strike-mothers-killed": {"label": "Mothers killed in the central Gaza strike"},
    "disputed-corridors": {"label": "Corridors Israel refuses to abandon"},
    "doha-talks-length": {"label": "Length of the Doha talks"},
    "first-phase-ceasefire-length": {"label": "Cease-fire in the plan’s first phase"},
    "first-phase-hostages": {"label": "Hostages released first under the plan"},
    "gaza-deaths": {"label": "Killed in Gaza since 7 October"},
    "gaza-residents": {"label": "Residents of Gaza"},
    "hostage-age-alexander-dancyg": {"label": "Age of Alexander Dancyg"},
    "hostage-age-avraham-munder": {"label": "Age of Avraham Munder"},
    "hostage-age-chaim-perry": {"label": "Age of Chaim Perry"},
    "hostage-age-nadav-popplewell": {"label": "Age of Nadav Popplewell"},
    "hostage-age-yagev-buchshtav": {"label": "Age of Yagev Buchshtav"},
    "hostage-age-yoram-metzger": {"label": "Age of Yoram Metzger"},
    "hostage-bodies-recovered": {"label": "Hostages’ bodies recovered"},
    "hostages-remaining": {"label": "Hostages still held"},
    "hostages-remaining-dead": {"label": "Hostages still held who are dead",
                                "total": "hostages-remaining"},
    "israel-stays-in-corridors": {"label": "Will Israel stay in the corridors?"},
    "netanyahu-office-on-meeting": {"label": "Netanyahu’s office on the meeting with Blinken"},
    "nir-oz-residents-taken": {"label": "Nir Oz residents taken captive"},
    "november-truce-hostages-released": {"label": "Hostages released in the November truce"},
    "november-truce-length": {"label": "Length of the November truce"},
    "oct7-hostages-taken": {"label": "Taken hostage on 7 October"},
    "oct7-killed": {"label": "Killed on 7 October"},
    "recovered-hostages-previously-declared-dead": {"label": "Recovered hostages already known to be dead"},
    "recovered-hostages-with-freed-relatives": {"label": "Recovered hostages whose relatives were freed in November"},
    "school-strike-killed": {"label": "Killed at the school"},
    "school-strike-sheltering": {"label": "Sheltering at the school when it was hit"},
    "talks-progress": {"label": "Progress in the talks"},
    "war-duration": {"label": "Length of the war"},
}

# Conventions used in `when` below:
#   a single day            the day the articles give or imply;
#   DAY?                    the day is inferred and may be off (the text does not say);
#   DAY~                    undated, reported as recent or current on about that day;
#   START/END               something that lasted, or a span the text only narrows
#                           down to ("last week", "this week"); when_basis says which;
#   ../END                  happened at an unknown time before END.
REPORTED = "2024-08-18/2024-08-20"
REPORTED_BASIS = (
    "The position as the articles of 18–20 August 2024 report it; when it was "
    "first taken is not reported, so the span covers only the reporting."
)

EVENTS = [
    # --- Tuesday 20 August: strikes in Gaza ------------------------------------
    {
        "id": "school-strike-gaza-city",
        "title": "Israeli strike on the Mustafa Hafez school shelter, Gaza City",
        "category": "strike",
        "when": "2024-08-20",
        "when_basis": "“on Tuesday” in [a000] and [a001], both written on Tuesday 20 August 2024.",
        "place": "mustafa-hafez-school",
        "summary": (
            "An Israeli air strike hit the Mustafa Hafez school, a school turned shelter "
            "in Gaza City, killing at least 12 people according to [a000] and at least 10 "
            "according to [a001]. The Palestinian Civil Defence, which [a001] says operates "
            "under the Hamas-run government, reported around 700 people sheltering there "
            "when it was hit. The Israeli military called it a precise strike on a Hamas "
            "command centre and said the strikes targeted militants who had set up "
            "command centres inside schools; [a000] reports widespread outrage and "
            "criticism. The articles say only “Gaza City”: the Rimal neighbourhood of "
            "western Gaza City is from outside the articles, and the school’s position "
            "in it is approximate."
        ),
        "excerpts": [
            X("a000", "In other developments, an Israeli air strike on Tuesday killed at least 12 people at a school-turned-shelter in Gaza City, in what the military said was a precise strike on a Hamas command centre.",
              C("school-strike-killed", 12, "at least", "people")),
            X("a001", "An Israeli airstrike on Tuesday killed at least 10 people at a school-turned-shelter in Gaza City, which the military claimed was a precise strike on a Hamas command center.",
              C("school-strike-killed", 10, "at least", "people")),
            X("a001", "The Palestinian Civil Defense, operating under the Hamas-run government, reported that around 700 people were sheltering at the Mustafa Hafez school in Gaza City when it was hit.",
              C("school-strike-sheltering", 700, "around", "people")),
            X("a000", "The Palestinian Civil Defence said it was still searching for survivors after the strike on the Mustafa Hafez school in Gaza City."),
            X("a000", "The Israeli military said the strikes targeted Hamas militants who had set up command centres inside schools and were planning and launching attacks."),
            X("a000", "The strikes have caused widespread outrage and criticism, with many calling for an immediate ceasefire and end to the violence."),
        ],
    },
    {
        "id": "school-survivor-search",
        "title": "Civil Defence searches for survivors at the Mustafa Hafez school",
        "category": "humanitarian",
        "when": "2024-08-20",
        "when_basis": "Reported as still going on in [a000] and [a001], written on Tuesday 20 August 2024, the day of the strike.",
        "place": "mustafa-hafez-school",
        "summary": (
            "After the strike, the Palestinian Civil Defence said it was still searching "
            "for survivors at the Mustafa Hafez school in Gaza City ([a000]); [a001] says they "
            "continue to search."
        ),
        "excerpts": [
            X("a000", "The Palestinian Civil Defence said it was still searching for survivors after the strike on the Mustafa Hafez school in Gaza City."),
            X("a001", "The Palestinian Civil Defense, operating under the Hamas-run government, reported that around 700 people were sheltering at the Mustafa Hafez school in Gaza City when it was hit."),
            X("a001", "They continue to search for survivors."),
        ],
    },
    {
        "id": "central-gaza-strike",
        "title": "Strike in central Gaza kills a mother and her five children",
        "category": "strike",
        "when": "2024-08-20?",
        "when_basis": (
            "Not dated: [a000] and [a001] (Tuesday 20 August 2024) report it as “another "
            "strike” next to Tuesday’s school strike, so probably the same day."
        ),
        "place": "deir-al-balah-area",
        "summary": (
            "Another strike, in central Gaza, killed a mother and her five children "
            "([a000, a001]), according to the Al-Aqsa Martyrs Hospital ([a001]). The hospital "
            "said the father, Alaa Abu Zeid, a schoolteacher, has been in Israeli "
            "detention for the past nine months. The articles say only “central Gaza”: "
            "the place is mapped around Deir al-Balah, where the Al-Aqsa Martyrs Hospital "
            "is, with a margin of 8 km."
        ),
        "excerpts": [
            X("a000", "Another strike killed a mother and her five children in central Gaza.",
              C("central-gaza-strike-children-killed", 5, unit="children"),
              C("central-gaza-strike-mothers-killed", 1, unit="mother")),
            X("a001", "Another strike in central Gaza killed a mother and her five children.",
              C("central-gaza-strike-children-killed", 5, unit="children"),
              C("central-gaza-strike-mothers-killed", 1, unit="mother")),
            X("a001", "In central Gaza, an airstrike killed five children and their mother, according to the Al-Aqsa Martyrs Hospital.",
              C("central-gaza-strike-children-killed", 5, unit="children"),
              C("central-gaza-strike-mothers-killed", 1, unit="mother")),
            X("a001", "The hospital reported that the father, Alaa Abu Zeid, a schoolteacher, has been in Israeli detention for the past nine months."),
        ],
    },
    {
        "id": "alaa-abu-zeid-detention",
        "title": "Alaa Abu Zeid in Israeli detention",
        "category": "humanitarian",
        "when": "2023-11~/2024-08-20",
        "when_basis": (
            "“for the past nine months” in [a001] (20 August 2024): since about November "
            "2023, and still at the time of the report."
        ),
        "place": "israel",
        "summary": (
            "The father of the family killed in central Gaza, Alaa Abu Zeid, a "
            "schoolteacher, has been in Israeli detention for the past nine months, the "
            "Al-Aqsa Martyrs Hospital reported ([a001]). Where he is held is not reported; "
            "the event is mapped to Israel as a whole."
        ),
        "excerpts": [
            X("a001", "The hospital reported that the father, Alaa Abu Zeid, a schoolteacher, has been in Israeli detention for the past nine months.",
              C("abu-zeid-detention-length", 9, unit="months")),
        ],
    },

    # --- the talks -------------------------------------------------------------
    {
        "id": "doha-talks",
        "title": "Two-day cease-fire talks in Doha",
        "category": "diplomacy",
        "when": "2024-08-15/2024-08-16",
        "when_basis": (
            "“a two-day meeting in Doha last week” in [a002] and “talks resumed in Doha "
            "last week” in [a003], both written on 18–19 August 2024; the talks were held "
            "on 15–16 August 2024."
        ),
        "place": "doha",
        "summary": (
            "The negotiations, facilitated by Egypt, Qatar and the United States, met for "
            "two days in Doha, focused on bridging the gap between Israeli and Hamas "
            "proposals ([a002]). Optimism about a deal emerged after these talks ([a003]); "
            "[a004] speaks of recent progress in negotiations between Egypt, Qatar and the "
            "U.S. on a proposed deal."
        ),
        "excerpts": [
            X("a002", "The intense negotiations, facilitated by Egypt, Qatar, and the United States, are set to resume this week in Cairo, following a two-day meeting in Doha last week focused on bridging the gap between Israeli and Hamas proposals.",
              C("doha-talks-length", 2, unit="days")),
            X("a003", "Optimism about a deal emerged after talks resumed in Doha last week."),
            X("a004", "Recent progress in negotiations between Egypt, Qatar, and the U.S. has been reported, with a proposed deal involving Israel halting military operations in Gaza and releasing Palestinian prisoners in exchange for the return of hostages by Hamas."),
        ],
    },
    {
        "id": "bridging-proposal",
        "title": "The US proposal to bridge the gaps",
        "category": "diplomacy",
        "when": "2024-08-15/2024-08-16",
        "when_basis": (
            "Not dated: [a002] says last week’s Doha meeting (15–16 August 2024) was "
            "focused on bridging the gap, and [a004] (19 August) that the U.S. “has "
            "presented proposals aimed at bridging the remaining gaps”; dated with the "
            "Doha talks."
        ),
        "place": "doha",
        "summary": (
            "The United States presented proposals aimed at bridging the remaining gaps "
            "between the Israeli and Hamas positions ([a004]); the current negotiations are "
            "based on a modified US proposal ([a003]). Blinken said on 19 August that "
            "Netanyahu had accepted it ([a000, a001])."
        ),
        "excerpts": [
            X("a004", "Despite some disagreements over specific terms, the U.S. has presented proposals aimed at bridging the remaining gaps between the Israeli and Hamas stances."),
            X("a003", "The current negotiations are based on a modified US proposal aimed at bridging gaps between Israel and Hamas."),
            X("a002", "The intense negotiations, facilitated by Egypt, Qatar, and the United States, are set to resume this week in Cairo, following a two-day meeting in Doha last week focused on bridging the gap between Israeli and Hamas proposals."),
            X("a000", "Blinken met with Israeli Prime Minister Benjamin Netanyahu and said he had accepted a US proposal to bridge gaps between the two sides, but Netanyahu’s office did not comment on the meeting."),
            X("a001", "Blinken’s meetings in Egypt and Qatar follow his talks with Netanyahu in Israel on Monday, where he said the prime minister had accepted a U.S. proposal to bridge gaps between Israel and Hamas."),
        ],
    },
    {
        "id": "cairo-talks",
        "title": "Talks set to resume in Cairo",
        "category": "diplomacy",
        "when": "2024-08-19/2024-08-25",
        "when_basis": (
            "“set to resume this week in Cairo” in [a002] and “further meetings in Cairo "
            "this week” in [a004], written on 18–19 August 2024: the week of Monday "
            "19 August. The articles report the talks only as planned, so the span is "
            "that week, not the length of the talks."
        ),
        "place": "cairo",
        "summary": (
            "The negotiations facilitated by Egypt, Qatar and the United States were set "
            "to resume this week in Cairo ([a002]); [a004] says efforts to solidify a "
            "cease-fire were to continue with further meetings in Cairo, and that "
            "Blinken’s visit to Tel Aviv came just ahead of the upcoming discussions in "
            "Egypt. The articles report the talks as planned, not as held."
        ),
        "excerpts": [
            X("a002", "The intense negotiations, facilitated by Egypt, Qatar, and the United States, are set to resume this week in Cairo, following a two-day meeting in Doha last week focused on bridging the gap between Israeli and Hamas proposals."),
            X("a004", "Efforts to solidify a cease-fire are set to continue with further meetings in Cairo this week."),
            X("a004", "Blinken’s visit to Tel Aviv took place just ahead of upcoming discussions in Egypt, amid concerns that the conflict could escalate into a wider regional war following recent events in Lebanon."),
        ],
    },
    {
        "id": "israeli-delegation-egypt-talks",
        "title": "Israeli delegation in talks with Egyptian officials",
        "category": "diplomacy",
        "when": "2024-08-19~",
        "when_basis": (
            "Reported in [a004] (19 August 2024) as under way, with no significant "
            "breakthrough “yet”; not dated."
        ),
        "place": "cairo",
        "summary": (
            "Efforts to broker a truce included discussions between an Israeli delegation "
            "and Egyptian officials, without significant breakthroughs so far; the focus "
            "remained on key security issues along the Gaza-Egypt border and within Gaza "
            "([a004]). Where the discussions took place is not reported; they are mapped to "
            "Cairo, where the talks were to resume."
        ),
        "excerpts": [
            X("a004", "Efforts to broker a truce also include discussions between an Israeli delegation and Egyptian officials, though significant breakthroughs have not yet been achieved."),
            X("a004", "The focus remains on key security issues along the Gaza-Egypt border and within Gaza itself."),
        ],
    },

    # --- Blinken's trip ----------------------------------------------------------
    {
        "id": "blinken-ninth-trip",
        "title": "Blinken’s ninth trip to the region",
        "category": "diplomacy",
        "when": "2024-08-18?/2024-08-20",
        "when_basis": (
            "[a002] has him “in Israel” (written 18–19 August 2024); [a001] has him meeting "
            "Netanyahu in Israel “on Monday” (19 August) and mediators in Egypt and Qatar "
            "“on Tuesday” (20 August). The start on 18 August is uncertain; the end is "
            "the last day the articles report."
        ),
        "places": ["tel-aviv", "jerusalem", "el-alamein", "doha"],
        "summary": (
            "US Secretary of State Antony Blinken’s ninth trip to the region since the "
            "conflict began ([a003, a004]), a last-ditch effort to secure a ceasefire in "
            "Gaza and a hostage release deal ([a002]), took him to Israel and then to Egypt "
            "and Qatar ([a001])."
        ),
        "excerpts": [
            X("a003", "Blinken’s ninth trip to the region aims to secure a ceasefire deal between Israel and Hamas.",
              C("blinken-trip-number", 9, unit="trip (ordinal)")),
            X("a004", "Blinken’s recent diplomatic mission to the Middle East, his ninth since the conflict began, coincides with renewed optimism from mediators, including the United States, regarding a potential deal.",
              C("blinken-trip-number", 9, unit="trip (ordinal)")),
            X("a002", "U.S. Secretary of State Antony Blinken is in Israel, engaged in a last-ditch effort to secure a ceasefire in Gaza and a hostage release deal."),
            X("a001", "Blinken’s latest mission in the region comes amid heightened tensions following Israel’s recovery of the bodies of six hostages taken during Hamas’ Oct. 7 attack, and recent targeted killings of militant leaders that have raised fears of a wider regional conflict."),
            X("a001", "As Blinken continues his diplomatic mission, the international community watches closely for signs of progress towards a cease-fire that could bring relief to the besieged Gaza Strip and secure the release of remaining hostages."),
        ],
    },
    {
        "id": "blinken-herzog",
        "title": "Blinken meets President Herzog in Tel Aviv",
        "category": "diplomacy",
        "when": "2024-08-19",
        "when_basis": (
            "[a003] puts it “earlier” than the meeting with Netanyahu, which [a001] places "
            "“on Monday” (19 August 2024); [a004], written that Monday, reports the talks "
            "as held."
        ),
        "place": "tel-aviv",
        "summary": (
            "In Tel Aviv, Blinken met Israeli President Isaac Herzog, emphasizing the "
            "urgency of securing a ceasefire and hostage release deal ([a003]) and the need "
            "to prevent escalations and provocations, indirectly referencing Iran ([a004]). "
            "Herzog thanked the Biden administration for its support ([a004])."
        ),
        "excerpts": [
            X("a003", "Earlier, Blinken met with Israeli President Isaac Herzog, emphasizing the urgency of securing a ceasefire and hostage release deal."),
            X("a004", "During talks with Israeli President Isaac Herzog, Blinken highlighted the need to prevent escalations and provocations, indirectly referencing Iran."),
            X("a004", "Blinken’s visit to Tel Aviv took place just ahead of upcoming discussions in Egypt, amid concerns that the conflict could escalate into a wider regional war following recent events in Lebanon."),
            X("a004", "Herzog expressed gratitude for the support of the Biden administration and condemned the recent wave of attacks against Israelis."),
        ],
    },
    {
        "id": "blinken-last-opportunity",
        "title": "Blinken: “probably the best, maybe the last opportunity”",
        "category": "statement",
        "when": "2024-08-19",
        "when_basis": (
            "Said at the time of his meeting with Herzog ([a003, a004]), on Monday "
            "19 August 2024."
        ),
        "place": "tel-aviv",
        "summary": (
            "Blinken called the moment “probably the best, maybe the last opportunity” "
            "for a deal ([a003]). He stressed seizing the current opportunity to bring the "
            "hostages home, establish a cease-fire and pave the way for lasting peace and "
            "security, urged all parties to refrain from actions that could derail the "
            "negotiations, and spoke of the urgency of a cease-fire after 10 months of "
            "intense fighting in Gaza ([a004])."
        ),
        "excerpts": [
            X("a003", "“This is probably the best, maybe the last opportunity,” Blinken said."),
            X("a004", "Blinken stressed the importance of seizing the current opportunity to bring the hostages home, establish a cease-fire, and pave the way for lasting peace and security."),
            X("a004", "He also urged all parties to refrain from actions that could derail the negotiation process."),
            X("a004", "U.S. Secretary of State Antony Blinken emphasized the urgency of reaching a Gaza cease-fire agreement in order to secure the release of hostages held by Hamas and alleviate the suffering of Palestinians following 10 months of intense fighting in Gaza."),
        ],
    },
    {
        "id": "herzog-gratitude",
        "title": "Herzog thanks the Biden administration",
        "category": "statement",
        "when": "2024-08-19",
        "when_basis": "During his talks with Blinken ([a004]), on Monday 19 August 2024.",
        "place": "tel-aviv",
        "summary": (
            "Herzog expressed gratitude for the support of the Biden administration and "
            "condemned the recent wave of attacks against Israelis ([a004])."
        ),
        "excerpts": [
            X("a004", "Herzog expressed gratitude for the support of the Biden administration and condemned the recent wave of attacks against Israelis."),
        ],
    },
    {
        "id": "attacks-on-israelis",
        "title": "A “recent wave of attacks” against Israelis",
        "category": "attack",
        "when": "2024-08~",
        "when_basis": "“recent” in [a004] (19 August 2024); not dated.",
        "place": "israel",
        "summary": (
            "Herzog condemned a recent wave of attacks against Israelis ([a004]). The "
            "article gives no dates, places or details; the event is mapped to Israel as "
            "a whole."
        ),
        "excerpts": [
            X("a004", "Herzog expressed gratitude for the support of the Biden administration and condemned the recent wave of attacks against Israelis."),
        ],
    },
    {
        "id": "blinken-netanyahu",
        "title": "Blinken and Netanyahu meet for three hours in Jerusalem",
        "category": "diplomacy",
        "when": "2024-08-19",
        "when_basis": (
            "“his talks with Netanyahu in Israel on Monday” in [a001] (written Tuesday "
            "20 August 2024): Monday 19 August; [a004], written that Monday, still has the "
            "meeting “scheduled”."
        ),
        "place": "jerusalem",
        "summary": (
            "Blinken met Israeli Prime Minister Benjamin Netanyahu for three hours and "
            "described the meeting as “positive” and conducted in “good spirit” ([a003]). "
            "He said Netanyahu had accepted a US proposal to bridge gaps between Israel "
            "and Hamas ([a000, a001]); [a000] says Netanyahu’s office did not comment on the "
            "meeting. The articles say “in Israel”; Jerusalem is from outside the articles."
        ),
        "excerpts": [
            X("a003", "US Secretary of State Antony Blinken met with Israeli Prime Minister Benjamin Netanyahu for three hours, describing the meeting as “positive” and conducted in “good spirit.”",
              C("blinken-netanyahu-meeting-length", 3, unit="hours")),
            X("a000", "Blinken met with Israeli Prime Minister Benjamin Netanyahu and said he had accepted a US proposal to bridge gaps between the two sides, but Netanyahu’s office did not comment on the meeting."),
            X("a001", "Blinken’s meetings in Egypt and Qatar follow his talks with Netanyahu in Israel on Monday, where he said the prime minister had accepted a U.S. proposal to bridge gaps between Israel and Hamas."),
            X("a004", "Blinken is scheduled to meet with Israeli Prime Minister Benjamin Netanyahu and Defense Minister Yoav Gallant before traveling to Egypt."),
        ],
    },
    {
        "id": "blinken-says-netanyahu-accepted",
        "title": "Blinken: Netanyahu has accepted the US proposal",
        "category": "statement",
        "when": "2024-08-19",
        "when_basis": (
            "“in Israel on Monday, where he said” in [a001] (written Tuesday 20 August "
            "2024): Monday 19 August."
        ),
        "place": "israel",
        "summary": (
            "After their talks, Blinken said the prime minister had accepted a U.S. "
            "proposal to bridge gaps between Israel and Hamas, and called on Hamas to do "
            "the same ([a001]); [a000] reports the same. The articles say only that he said "
            "it in Israel."
        ),
        "excerpts": [
            X("a001", "Blinken’s meetings in Egypt and Qatar follow his talks with Netanyahu in Israel on Monday, where he said the prime minister had accepted a U.S. proposal to bridge gaps between Israel and Hamas."),
            X("a001", "The secretary called on Hamas to do the same."),
            X("a000", "Blinken met with Israeli Prime Minister Benjamin Netanyahu and said he had accepted a US proposal to bridge gaps between the two sides, but Netanyahu’s office did not comment on the meeting."),
        ],
    },
    {
        "id": "netanyahu-office-statement",
        "title": "Netanyahu’s office: Israel is committed to the latest American proposal",
        "category": "statement",
        "when": "2024-08-19?",
        "when_basis": (
            "Reported in [a003] (19 August 2024) after its account of the meeting with "
            "Blinken; the day is not given."
        ),
        "place": "jerusalem",
        "summary": (
            "Netanyahu’s office stated that Israel is committed to the latest American "
            "proposal, considering Israel’s security needs ([a003]). [a000], by contrast, "
            "says Netanyahu’s office did not comment on the meeting with Blinken. Where "
            "the statement was issued is not reported; it is mapped to Jerusalem, where "
            "the meeting was held."
        ),
        "excerpts": [
            X("a003", "Netanyahu’s office stated that Israel is committed to the latest American proposal, considering Israel’s security needs.",
              C("netanyahu-office-on-meeting", "Israel is committed to the latest American proposal")),
            X("a000", "Blinken met with Israeli Prime Minister Benjamin Netanyahu and said he had accepted a US proposal to bridge gaps between the two sides, but Netanyahu’s office did not comment on the meeting.",
              C("netanyahu-office-on-meeting", "did not comment")),
        ],
    },
    {
        "id": "blinken-gallant",
        "title": "Blinken scheduled to meet Defense Minister Gallant",
        "category": "diplomacy",
        "when": "2024-08-19?",
        "when_basis": (
            "“scheduled” in [a004] (19 August 2024), before Blinken travels to Egypt "
            "(20 August); no article reports the meeting as held."
        ),
        "place": "israel",
        "summary": (
            "Blinken was scheduled to meet Israeli Defense Minister Yoav Gallant, "
            "together with Prime Minister Netanyahu, before traveling to Egypt ([a004]). "
            "The articles do not report the meeting itself or where it was to be held; "
            "it is mapped to Israel as a whole."
        ),
        "excerpts": [
            X("a004", "Blinken is scheduled to meet with Israeli Prime Minister Benjamin Netanyahu and Defense Minister Yoav Gallant before traveling to Egypt."),
        ],
    },
    {
        "id": "blinken-egypt",
        "title": "Blinken meets mediators in Egypt",
        "category": "diplomacy",
        "when": "2024-08-20",
        "when_basis": (
            "“on Tuesday” in [a001], datelined Cairo and written on Tuesday 20 August "
            "2024; [a000], written the same day, has him “visiting Egypt” and meeting "
            "Egyptian officials."
        ),
        "place": "el-alamein",
        "summary": (
            "Blinken continued his diplomatic push for a Gaza cease-fire in Egypt, "
            "meeting mediators ([a001]) and Egyptian officials ([a000]), as both Hamas and "
            "Israel signaled persistent challenges to an agreement. The articles say only "
            "“Egypt”; El Alamein is from outside the articles."
        ),
        "excerpts": [
            X("a001", "U.S. Secretary of State Antony Blinken continued his diplomatic push for a Gaza cease-fire on Tuesday, meeting with mediators in Egypt and Qatar, as both Hamas and Israel signaled persistent challenges to reaching an agreement."),
            X("a000", "US Secretary of State Antony Blinken is visiting Egypt and Qatar to mediate a ceasefire deal between Israel and Hamas, but the two sides remain far apart on key issues."),
            X("a000", "Despite the challenges, Blinken is pushing forward with efforts to secure a deal, meeting with Egyptian officials and set to meet with Qatari leaders later this week."),
            X("a001", "Blinken’s meetings in Egypt and Qatar follow his talks with Netanyahu in Israel on Monday, where he said the prime minister had accepted a U.S. proposal to bridge gaps between Israel and Hamas."),
            X("a004", "Blinken is scheduled to meet with Israeli Prime Minister Benjamin Netanyahu and Defense Minister Yoav Gallant before traveling to Egypt."),
        ],
    },
    {
        "id": "blinken-qatar",
        "title": "Blinken meets mediators in Qatar",
        "category": "diplomacy",
        "when": "2024-08-20",
        "when_basis": (
            "[a001] (Tuesday 20 August 2024) has him meeting mediators in Egypt and Qatar "
            "“on Tuesday”; [a000], written the same day, has him “set to meet with Qatari "
            "leaders later this week”, so when it was written the meeting was still ahead."
        ),
        "place": "doha",
        "summary": (
            "From Egypt Blinken went on to Qatar: [a001] reports meetings with mediators in "
            "Egypt and Qatar on Tuesday, while [a000] has him visiting Egypt and Qatar and "
            "set to meet Qatari leaders later this week. The articles say only “Qatar”; "
            "Doha is from outside the articles."
        ),
        "excerpts": [
            X("a001", "U.S. Secretary of State Antony Blinken continued his diplomatic push for a Gaza cease-fire on Tuesday, meeting with mediators in Egypt and Qatar, as both Hamas and Israel signaled persistent challenges to reaching an agreement.",
              C("blinken-qatar-meeting-day", "on Tuesday")),
            X("a000", "US Secretary of State Antony Blinken is visiting Egypt and Qatar to mediate a ceasefire deal between Israel and Hamas, but the two sides remain far apart on key issues."),
            X("a000", "Despite the challenges, Blinken is pushing forward with efforts to secure a deal, meeting with Egyptian officials and set to meet with Qatari leaders later this week.",
              C("blinken-qatar-meeting-day", "later this week")),
            X("a001", "Blinken’s meetings in Egypt and Qatar follow his talks with Netanyahu in Israel on Monday, where he said the prime minister had accepted a U.S. proposal to bridge gaps between Israel and Hamas."),
        ],
    },

    # --- Netanyahu and the families; the US reply --------------------------------
    {
        "id": "netanyahu-meets-families",
        "title": "Netanyahu meets bereaved families and hostages’ relatives",
        "category": "statement",
        "when": "2024-08-19/2024-08-20",
        "when_basis": (
            "Not dated: [a000] and [a001] (20 August 2024) report it with “Meanwhile”, and "
            "none of the articles of 19 August mentions it, which argues for the 20th; "
            "it may still have been on the 19th, so the span is both days."
        ),
        "place": "israel",
        "summary": (
            "Netanyahu met groups of families of fallen soldiers and of hostages in Gaza, "
            "telling them that Israel will not abandon the corridors ([a000]); [a001] reports "
            "what he told relatives of hostages. Where the meeting took place is not "
            "reported; it is mapped to Israel as a whole."
        ),
        "excerpts": [
            X("a000", "Meanwhile, Netanyahu met with groups of families of fallen soldiers and hostages in Gaza, telling them that Israel will not abandon the corridors."),
            X("a001", "Meanwhile, Israeli Prime Minister Benjamin Netanyahu told relatives of hostages that a key objective is to “preserve our strategic security assets in the face of great pressures from home and abroad.”"),
        ],
    },
    {
        "id": "netanyahu-strategic-assets",
        "title": "Netanyahu: “preserve our strategic security assets”",
        "category": "statement",
        "when": "2024-08-19/2024-08-20",
        "when_basis": (
            "Said at his meeting with the families, which is not dated: reported on "
            "20 August 2024 ([a000, a001]) and in none of the articles of 19 August, which "
            "argues for the 20th; it may have been the 19th, so the span is both days."
        ),
        "place": "israel",
        "summary": (
            "Netanyahu told relatives of hostages that a key objective is to “preserve "
            "our strategic security assets in the face of great pressures from home and "
            "abroad”, specifically mentioning the “capture” of the Philadelphi corridor, "
            "a move opposed by both Hamas and Egypt ([a001]); [a000] reports him telling the "
            "families that Israel will not abandon the corridors. Mapped, like the "
            "meeting, to Israel as a whole."
        ),
        "excerpts": [
            X("a001", "Meanwhile, Israeli Prime Minister Benjamin Netanyahu told relatives of hostages that a key objective is to “preserve our strategic security assets in the face of great pressures from home and abroad.”"),
            X("a001", "Netanyahu specifically mentioned the “capture” of a narrow buffer zone along the Gaza-Egypt border, known as the Philadelphi corridor, a move opposed by both Hamas and Egypt."),
            X("a000", "Meanwhile, Netanyahu met with groups of families of fallen soldiers and hostages in Gaza, telling them that Israel will not abandon the corridors."),
        ],
    },
    {
        "id": "us-official-totally-untrue",
        "title": "US official: claim that Israel would never leave the corridors “totally untrue”",
        "category": "statement",
        "when": "2024-08-20?",
        "when_basis": (
            "Reported in [a000] (20 August 2024) in answer to what Netanyahu told the "
            "families (19 or 20 August); not dated."
        ),
        "places": ["philadelphi-corridor", "netzarim-corridor"],
        "place_role": "concerns",
        "summary": (
            "A senior US official rejected as “totally untrue” Netanyahu’s alleged "
            "comments that Israel would never leave the corridors ([a000]). Where the "
            "official spoke is not reported; the event is mapped to the two corridors it "
            "concerns. The articles name only one corridor, Philadelphi: the second is "
            "identified here as the Netzarim corridor from outside knowledge, not from "
            "the articles."
        ),
        "excerpts": [
            X("a000", "A senior US official rejected Netanyahu’s alleged comments that Israel would never leave the corridors as “totally untrue”."),
        ],
    },

    # --- hostages ----------------------------------------------------------------
    {
        "id": "hostage-bodies-recovered",
        "title": "Bodies of six hostages recovered in southern Gaza",
        "category": "hostages",
        "when": "2024-08-19/2024-08-20",
        "when_basis": (
            "“an overnight operation” that the military “announced Tuesday”, in [a001] "
            "(Tuesday 20 August 2024): the night of 19 to 20 August."
        ),
        "place": "khan-younis-area",
        "summary": (
            "In an overnight operation in southern Gaza, the Israeli military recovered "
            "the bodies of six hostages taken in Hamas’s October 7 attack, and announced "
            "it on Tuesday ([a000, a001]). They were identified as Chaim Perry, 80; Yoram "
            "Metzger, 80; Avraham Munder, 79; Alexander Dancyg, 76; Nadav Popplewell, 51; "
            "and Yagev Buchshtav, 35. Israeli authorities had already determined that "
            "five of them were dead; four had family members who were abducted and freed "
            "during the November cease-fire ([a001]). Both articles call the recovery a "
            "blow to Hamas. The articles say “southern Gaza”; the Khan Younis area is "
            "from outside the articles."
        ),
        "excerpts": [
            X("a001", "The Israeli military announced Tuesday it had recovered the bodies of six hostages in an overnight operation in southern Gaza.",
              C("hostage-bodies-recovered", 6, unit="hostages")),
            X("a000", "The talks come as Israel’s military said it recovered the bodies of six hostages taken in Hamas’s October 7 attack, which sparked the current conflict.",
              C("hostage-bodies-recovered", 6, unit="hostages")),
            X("a001", "Blinken’s latest mission in the region comes amid heightened tensions following Israel’s recovery of the bodies of six hostages taken during Hamas’ Oct. 7 attack, and recent targeted killings of militant leaders that have raised fears of a wider regional conflict.",
              C("hostage-bodies-recovered", 6, unit="hostages")),
            X("a001", "The recovered remains were identified as Chaim Perry, 80; Yoram Metzger, 80; Avraham Munder, 79; Alexander Dancyg, 76; Nadav Popplewell, 51; and Yagev Buchshtav, 35.",
              C("hostage-age-chaim-perry", 80, unit="years"),
              C("hostage-age-yoram-metzger", 80, unit="years"),
              C("hostage-age-avraham-munder", 79, unit="years"),
              C("hostage-age-alexander-dancyg", 76, unit="years"),
              C("hostage-age-nadav-popplewell", 51, unit="years"),
              C("hostage-age-yagev-buchshtav", 35, unit="years")),
            X("a001", "Israeli authorities had previously determined that the other five were deceased.",
              C("recovered-hostages-previously-declared-dead", 5, unit="hostages")),
            X("a001", "Four of the deceased had family members who were abducted but freed during a November cease-fire.",
              C("recovered-hostages-with-freed-relatives", 4, unit="hostages")),
            X("a000", "The recovery is a blow to Hamas, which hopes to exchange hostages for Palestinian prisoners and a lasting ceasefire."),
            X("a001", "The recovery operation, while a blow to Hamas’ negotiating position, is likely to increase pressure on Netanyahu’s government to reach a deal for the remaining hostages believed to be alive."),
            X("a000", "The recovery of the bodies is a significant development, but it remains unclear whether it will be enough to bring the two sides closer to a deal."),
        ],
    },
    {
        "id": "netanyahu-praises-recovery",
        "title": "Netanyahu: “our hearts ache for the terrible loss”",
        "category": "statement",
        "when": "2024-08-20?",
        "when_basis": (
            "Reported in [a001] (20 August 2024) after the recovery announced that "
            "Tuesday; not dated."
        ),
        "place": "khan-younis-area",
        "place_role": "concerns",
        "summary": (
            "Netanyahu praised the recovery effort, saying “our hearts ache for the "
            "terrible loss”, and vowed to make every effort to bring all hostages home, "
            "dead or alive ([a001]). Where he said it is not reported; the event is mapped "
            "to the recovery it concerns."
        ),
        "excerpts": [
            X("a001", "Netanyahu praised the recovery effort, expressing that “our hearts ache for the terrible loss,” and vowed to make every effort to bring all hostages home, dead or alive."),
        ],
    },
    {
        "id": "munder-death-confirmed",
        "title": "Kibbutz Nir Oz confirms Avraham Munder’s death",
        "category": "statement",
        "when": "2024-08-20?",
        "when_basis": "Reported in [a001] (20 August 2024), after the recovery; not dated.",
        "place": "nir-oz",
        "summary": (
            "Kibbutz Nir Oz confirmed the death of Avraham Munder, one of approximately "
            "80 of its residents taken captive, saying he died “after enduring months of "
            "physical and mental torture” ([a001])."
        ),
        "excerpts": [
            X("a001", "Kibbutz Nir Oz, where Munder was among approximately 80 residents taken captive, confirmed his death, stating he died “after enduring months of physical and mental torture.”"),
        ],
    },
    {
        "id": "munder-death-in-captivity",
        "title": "Avraham Munder dies in captivity",
        "category": "hostages",
        "when": "2023-12~/2024-08-19",
        "when_basis": (
            "Not dated: he died “after enduring months” of torture ([a001]), so not before "
            "about December 2023, two months after he was taken on 7 October 2023, and "
            "before his body was recovered in the night of 19–20 August 2024."
        ),
        "place": "gaza-strip",
        "summary": (
            "Avraham Munder, 79, taken captive from Kibbutz Nir Oz, died “after enduring "
            "months of physical and mental torture”, according to the kibbutz ([a001]). "
            "Where and when he died is not reported; his body was among the six recovered "
            "in southern Gaza."
        ),
        "excerpts": [
            X("a001", "Kibbutz Nir Oz, where Munder was among approximately 80 residents taken captive, confirmed his death, stating he died “after enduring months of physical and mental torture.”"),
            X("a001", "The recovered remains were identified as Chaim Perry, 80; Yoram Metzger, 80; Avraham Munder, 79; Alexander Dancyg, 76; Nadav Popplewell, 51; and Yagev Buchshtav, 35."),
        ],
    },
    {
        "id": "hostages-remaining",
        "title": "Hostages still held in Gaza",
        "category": "hostages",
        "when": REPORTED,
        "when_basis": "The figures as the articles of 18–20 August 2024 state them.",
        "place": "gaza-strip",
        "summary": (
            "Hamas is believed to still hold around 110 hostages ([a000, a001]); [a002] says "
            "115 remain and [a003] that Israel counts 111. Israel estimates that around a "
            "third of them are dead ([a000, a001]); [a002] says at least a third have been "
            "declared dead in absentia, and [a003] that 39 are presumed dead. The recovery "
            "of six bodies is likely to increase pressure for a deal for those believed "
            "to be alive ([a001])."
        ),
        "excerpts": [
            X("a000", "Hamas is still believed to be holding around 110 hostages, while Israel estimates that around a third are dead.",
              C("hostages-remaining", 110, "around", "hostages"),
              C("hostages-remaining-dead", "a third", "around", "of the remaining hostages")),
            X("a001", "Hamas is believed to still be holding around 110 hostages captured in the Oct. 7 attack.",
              C("hostages-remaining", 110, "around", "hostages")),
            X("a001", "Israeli authorities estimate about a third of them are dead.",
              C("hostages-remaining-dead", "a third", "about", "of the remaining hostages")),
            X("a002", "A total of 115 hostages remain, including men, women, and children, at least a third of whom have been declared dead in absentia by Israeli authorities.",
              C("hostages-remaining", 115, unit="hostages"),
              C("hostages-remaining-dead", "a third", "at least", "of the remaining hostages")),
            X("a003", "Israel claims 111 hostages remain, with 39 presumed dead.",
              C("hostages-remaining", 111, unit="hostages"),
              C("hostages-remaining-dead", 39, unit="presumed dead")),
            X("a001", "The recovery operation, while a blow to Hamas’ negotiating position, is likely to increase pressure on Netanyahu’s government to reach a deal for the remaining hostages believed to be alive."),
        ],
    },

    # --- October 2023 and since ---------------------------------------------------
    {
        "id": "oct7-attack",
        "title": "Hamas’s October 7 attack on southern Israel",
        "category": "attack",
        "when": "2023-10-07",
        "when_basis": (
            "“October 7” in [a000] and [a003], “Oct. 7” in [a001]; the year from [a004] (“the "
            "conflict, which began in early October”) and its “10 months of intense "
            "fighting” before August 2024: 7 October 2023."
        ),
        "place": "southern-israel",
        "summary": (
            "Hamas militants burst through Israel’s defenses, killing approximately "
            "1,200 people, mostly civilians, and taking around 250 people hostage ([a001]), "
            "in an unprecedented attack on southern Israel ([a003]) that sparked the "
            "current conflict ([a000])."
        ),
        "excerpts": [
            X("a001", "The militant group burst through Israel’s defenses on that day, killing approximately 1,200 people, mostly civilians, and taking around 250 people hostage.",
              C("oct7-killed", 1200, "approximately", "people"),
              C("oct7-hostages-taken", 250, "around", "people")),
            X("a003", "The Israeli military launched a campaign in Gaza to destroy Hamas in response to an unprecedented attack on southern Israel on October 7."),
            X("a000", "The talks come as Israel’s military said it recovered the bodies of six hostages taken in Hamas’s October 7 attack, which sparked the current conflict."),
            X("a001", "Blinken’s latest mission in the region comes amid heightened tensions following Israel’s recovery of the bodies of six hostages taken during Hamas’ Oct. 7 attack, and recent targeted killings of militant leaders that have raised fears of a wider regional conflict."),
            X("a001", "Hamas is believed to still be holding around 110 hostages captured in the Oct. 7 attack."),
            X("a004", "The conflict, which began in early October, has resulted in significant casualties and substantial damage in Gaza."),
        ],
    },
    {
        "id": "nir-oz-abductions",
        "title": "About 80 residents of Kibbutz Nir Oz taken captive",
        "category": "hostages",
        "when": "2023-10-07",
        "when_basis": (
            "Taken captive in the October 7 attack: [a001] says the recovered hostages, "
            "Munder among them, were taken during “Hamas’ Oct. 7 attack”."
        ),
        "place": "nir-oz",
        "summary": (
            "Approximately 80 residents of Kibbutz Nir Oz were taken captive, among them "
            "Avraham Munder, one of the six hostages whose bodies were recovered ([a001])."
        ),
        "excerpts": [
            X("a001", "Kibbutz Nir Oz, where Munder was among approximately 80 residents taken captive, confirmed his death, stating he died “after enduring months of physical and mental torture.”",
              C("nir-oz-residents-taken", 80, "approximately", "people")),
            X("a001", "Blinken’s latest mission in the region comes amid heightened tensions following Israel’s recovery of the bodies of six hostages taken during Hamas’ Oct. 7 attack, and recent targeted killings of militant leaders that have raised fears of a wider regional conflict."),
        ],
    },
    {
        "id": "november-truce",
        "title": "November cease-fire and hostage release",
        "category": "truce",
        "when": "2023-11-24/2023-12-01",
        "when_basis": (
            "“a November cease-fire” ([a001]) and “a ceasefire deal in November” that "
            "lasted a week ([a003]); the truce ran from 24 November to 1 December 2023."
        ),
        "place": "gaza-strip",
        "summary": (
            "A ceasefire deal in November saw Hamas release 105 hostages in exchange for "
            "a week-long ceasefire and the freeing of Palestinian prisoners ([a003]). "
            "Family members of four of the six hostages recovered in August had been "
            "abducted and freed during this cease-fire ([a001])."
        ),
        "excerpts": [
            X("a003", "A ceasefire deal in November saw Hamas release 105 hostages in exchange for a week-long ceasefire and the freeing of Palestinian prisoners.",
              C("november-truce-hostages-released", 105, unit="hostages"),
              C("november-truce-length", 1, unit="weeks")),
            X("a001", "Four of the deceased had family members who were abducted but freed during a November cease-fire."),
        ],
    },
    {
        "id": "gaza-war-toll",
        "title": "Israel’s offensive in Gaza and its death toll",
        "category": "military",
        "when": "2023-10-07/2024-08-20",
        "when_basis": (
            "From the October 7 attack, to which the campaign responded ([a003]), to the "
            "articles of 20 August 2024; [a004] speaks of “10 months of intense fighting”."
        ),
        "place": "gaza-strip",
        "summary": (
            "In response to the October 7 attack, the Israeli military launched a "
            "campaign in Gaza to destroy Hamas ([a003]). According to Gaza’s Health "
            "Ministry, which does not differentiate between civilians and militants, "
            "over 40,000 Palestinians have been killed ([a001]); [a003] gives the same "
            "figure, over 40,000 killed in Gaza, without saying whose count it is. [a004] "
            "speaks of 10 months of intense fighting, significant casualties and "
            "substantial damage in Gaza."
        ),
        "excerpts": [
            X("a001", "Israel’s retaliatory offensive has resulted in over 40,000 Palestinian deaths, according to Gaza’s Health Ministry, which does not differentiate between civilians and militants.",
              C("gaza-deaths", 40000, "over", "people")),
            X("a003", "Over 40,000 people have been killed in Gaza since then.",
              C("gaza-deaths", 40000, "over", "people")),
            X("a003", "The Israeli military launched a campaign in Gaza to destroy Hamas in response to an unprecedented attack on southern Israel on October 7."),
            X("a004", "U.S. Secretary of State Antony Blinken emphasized the urgency of reaching a Gaza cease-fire agreement in order to secure the release of hostages held by Hamas and alleviate the suffering of Palestinians following 10 months of intense fighting in Gaza.",
              C("war-duration", 10, unit="months")),
            X("a004", "The conflict, which began in early October, has resulted in significant casualties and substantial damage in Gaza."),
        ],
    },
    {
        "id": "gaza-displacement",
        "title": "Destruction and displacement in Gaza",
        "category": "humanitarian",
        "when": "2023-10-07/2024-08-20",
        "when_basis": (
            "Over the course of the war, from 7 October 2023 to the articles of "
            "20 August 2024 (“often multiple times”, [a001])."
        ),
        "place": "gaza-strip",
        "summary": (
            "The campaign has caused widespread destruction and displaced the majority "
            "of Gaza’s 2.3 million residents, often multiple times ([a001]). [a000] calls the "
            "humanitarian situation dire, with forced displacements of civilians; [a002] "
            "speaks of Palestinians forced to flee south, [a001] of the besieged Gaza Strip."
        ),
        "excerpts": [
            X("a001", "The campaign has caused widespread destruction and displaced the majority of Gaza’s 2.3 million residents, often multiple times.",
              C("gaza-residents", 2300000, unit="people")),
            X("a000", "The humanitarian situation in Gaza remains dire, with widespread destruction and forced displacements of civilians."),
            X("a002", "Hamas, however, demands free movement for Palestinians who were forced to flee south and want to return home without restrictions."),
            X("a001", "As Blinken continues his diplomatic mission, the international community watches closely for signs of progress towards a cease-fire that could bring relief to the besieged Gaza Strip and secure the release of remaining hostages."),
        ],
    },

    # --- Iran and Lebanon -----------------------------------------------------------
    {
        "id": "tehran-killing",
        "title": "Targeted killing of a militant leader in Iran",
        "category": "killing",
        "when": "2024-07-31",
        "when_basis": (
            "The articles say only “recent”; the killing in Iran was in Tehran on "
            "31 July 2024."
        ),
        "place": "tehran",
        "summary": (
            "[a001] reports recent targeted killings of militant leaders of Hamas and "
            "Hezbollah in Iran and Lebanon, both blamed on Israel; [a000] says the US is "
            "under pressure to secure a deal to prevent a wider regional war after the "
            "killings. The articles do not name those killed or say where in Iran; Tehran "
            "and the date are from outside the articles."
        ),
        "excerpts": [
            X("a001", "The diplomatic efforts have taken on increased urgency following recent targeted killings of militant leaders of Hamas and Hezbollah in Iran and Lebanon, both blamed on Israel, and subsequent vows of retaliation."),
            X("a000", "The US is under pressure to secure a ceasefire deal to prevent a wider regional war, following the targeted killings of militant leaders in Iran and Lebanon."),
            X("a001", "Blinken’s latest mission in the region comes amid heightened tensions following Israel’s recovery of the bodies of six hostages taken during Hamas’ Oct. 7 attack, and recent targeted killings of militant leaders that have raised fears of a wider regional conflict."),
        ],
    },
    {
        "id": "beirut-killing",
        "title": "Targeted killing of a militant leader in Lebanon",
        "category": "killing",
        "when": "2024-07-30",
        "when_basis": (
            "The articles say only “recent”; the killing in Lebanon was in Beirut on "
            "30 July 2024."
        ),
        "place": "beirut",
        "summary": (
            "[a001] reports recent targeted killings of militant leaders of Hamas and "
            "Hezbollah in Iran and Lebanon, both blamed on Israel; [a000] says the US is "
            "under pressure to secure a deal to prevent a wider regional war after the "
            "killings. The articles do not name those killed or say where in Lebanon; "
            "Beirut and the date are from outside the articles."
        ),
        "excerpts": [
            X("a001", "The diplomatic efforts have taken on increased urgency following recent targeted killings of militant leaders of Hamas and Hezbollah in Iran and Lebanon, both blamed on Israel, and subsequent vows of retaliation."),
            X("a000", "The US is under pressure to secure a ceasefire deal to prevent a wider regional war, following the targeted killings of militant leaders in Iran and Lebanon."),
            X("a001", "Blinken’s latest mission in the region comes amid heightened tensions following Israel’s recovery of the bodies of six hostages taken during Hamas’ Oct. 7 attack, and recent targeted killings of militant leaders that have raised fears of a wider regional conflict."),
        ],
    },
    {
        "id": "regional-war-fears",
        "title": "Vows of retaliation and fears of a wider regional war",
        "category": "statement",
        "when": "2024-07-30/2024-08-20",
        "when_basis": (
            "After the killings of 30–31 July 2024 (“subsequent vows of retaliation”, "
            "[a001]) and up to the articles of 18–20 August 2024."
        ),
        "places": ["tehran", "beirut"],
        "summary": (
            "The killings in Iran and Lebanon were followed by vows of retaliation and "
            "have raised fears of a wider regional conflict, adding urgency to the "
            "diplomacy ([a001, a000]). [a004] mentions concerns that the conflict could "
            "escalate into a wider regional war following recent events in Lebanon, and "
            "Blinken’s call to prevent escalations and provocations, indirectly "
            "referencing Iran. Who vowed retaliation, and where, is not reported; the "
            "event is mapped to the two capitals."
        ),
        "excerpts": [
            X("a001", "The diplomatic efforts have taken on increased urgency following recent targeted killings of militant leaders of Hamas and Hezbollah in Iran and Lebanon, both blamed on Israel, and subsequent vows of retaliation."),
            X("a001", "Blinken’s latest mission in the region comes amid heightened tensions following Israel’s recovery of the bodies of six hostages taken during Hamas’ Oct. 7 attack, and recent targeted killings of militant leaders that have raised fears of a wider regional conflict."),
            X("a000", "The US is under pressure to secure a ceasefire deal to prevent a wider regional war, following the targeted killings of militant leaders in Iran and Lebanon."),
            X("a004", "Blinken’s visit to Tel Aviv took place just ahead of upcoming discussions in Egypt, amid concerns that the conflict could escalate into a wider regional war following recent events in Lebanon."),
            X("a004", "During talks with Israeli President Isaac Herzog, Blinken highlighted the need to prevent escalations and provocations, indirectly referencing Iran."),
        ],
    },

    # --- the disputed terms --------------------------------------------------------
    {
        "id": "philadelphi-corridor-dispute",
        "title": "Dispute over the Philadelphi corridor",
        "category": "diplomacy",
        "when": REPORTED,
        "when_basis": REPORTED_BASIS,
        "place": "philadelphi-corridor",
        "summary": (
            "The Philadelphi corridor, a narrow strip of land along Gaza’s southern "
            "border with Egypt, is one of the most contentious issues ([a002]). Israel "
            "wants to keep control of it, saying this is essential to prevent the "
            "smuggling of weapons into Gaza; the Israeli government believes only "
            "Israeli troops can effectively monitor the border, while some defense "
            "officials advocate remote monitoring and targeted raids. Hamas demands a "
            "complete Israeli withdrawal, for the free movement of goods and people "
            "([a002]), and Hamas and Egypt oppose Israel’s “capture” of the corridor "
            "([a001]). The proposed deal includes a reduced Israeli presence along it; "
            "Israeli sources suggest alternative procedures could compensate for a "
            "withdrawal ([a003]). Hamas accuses Israel of new security demands along the "
            "Gaza-Egypt border ([a004])."
        ),
        "excerpts": [
            X("a002", "One of the most contentious issues revolves around the Gaza-Egypt border, specifically the Philadelphi Corridor, a narrow strip of land along the southern border."),
            X("a002", "Hamas demands a complete Israeli withdrawal from this area, which it sees as crucial for the free movement of goods and people."),
            X("a002", "Israel, however, wants to maintain control of the corridor, claiming it is essential to prevent the smuggling of weapons into Gaza."),
            X("a002", "The Israeli government believes that the presence of Israeli troops is the only way to effectively monitor the border, while some defense officials advocate for remote monitoring and targeted raids."),
            X("a003", "The proposed deal includes a reduced Israeli presence along the Philadelphi Corridor, a narrow strip of land along Gaza’s southern border.",
              C("israel-stays-in-corridors", "a reduced Israeli presence")),
            X("a003", "However, Israeli sources suggest alternative procedures could compensate for an Israeli withdrawal."),
            X("a001", "Netanyahu specifically mentioned the “capture” of a narrow buffer zone along the Gaza-Egypt border, known as the Philadelphi corridor, a move opposed by both Hamas and Egypt."),
            X("a001", "However, significant differences remain between the two sides, including Israel’s demand for lasting control over strategic corridors in Gaza, which Hamas has rejected."),
            X("a000", "Hamas has accused the US of acquiescing to new conditions from Israel, while Israel has refused to abandon two strategic corridors in Gaza that have been an obstacle in the talks."),
            X("a004", "Hamas has accused Israel of introducing new demands related to security along the Gaza-Egypt border and within the territory."),
            X("a004", "The focus remains on key security issues along the Gaza-Egypt border and within Gaza itself."),
        ],
    },
    {
        "id": "philadelphi-capture",
        "title": "Israel’s “capture” of the Philadelphi corridor",
        "category": "military",
        "when": "../2024-08-19",
        "when_basis": (
            "Not dated in the articles: Netanyahu mentioned it to hostages’ relatives "
            "about 19 August 2024 ([a001]), so it happened at some time before."
        ),
        "place": "philadelphi-corridor",
        "summary": (
            "Netanyahu, speaking to relatives of hostages, mentioned the “capture” of a "
            "narrow buffer zone along the Gaza-Egypt border known as the Philadelphi "
            "corridor, a move opposed by both Hamas and Egypt ([a001]). The articles do "
            "not say when it was taken."
        ),
        "excerpts": [
            X("a001", "Netanyahu specifically mentioned the “capture” of a narrow buffer zone along the Gaza-Egypt border, known as the Philadelphi corridor, a move opposed by both Hamas and Egypt."),
        ],
    },
    {
        "id": "netzarim-corridor-dispute",
        "title": "Dispute over the second corridor (Netzarim)",
        "category": "diplomacy",
        "when": REPORTED,
        "when_basis": REPORTED_BASIS,
        "place": "netzarim-corridor",
        "summary": (
            "Israel has refused to abandon “two strategic corridors in Gaza” that have "
            "been an obstacle in the talks, and Netanyahu told families that Israel will "
            "not abandon the corridors; a senior US official called his alleged comments "
            "that Israel would never leave them “totally untrue” ([a000]). [a001] speaks of "
            "Israel’s demand for lasting control over strategic corridors in Gaza, which "
            "Hamas has rejected, and [a004] of new demands on security “within the "
            "territory”. The articles name only one corridor, Philadelphi: the second is "
            "identified here as the Netzarim corridor, which crosses the Strip south of "
            "Gaza City, from outside knowledge, not from the articles. Its line is "
            "approximate."
        ),
        "excerpts": [
            X("a000", "Hamas has accused the US of acquiescing to new conditions from Israel, while Israel has refused to abandon two strategic corridors in Gaza that have been an obstacle in the talks.",
              C("disputed-corridors", 2, unit="corridors")),
            X("a000", "Meanwhile, Netanyahu met with groups of families of fallen soldiers and hostages in Gaza, telling them that Israel will not abandon the corridors.",
              C("israel-stays-in-corridors", "will not abandon the corridors")),
            X("a000", "A senior US official rejected Netanyahu’s alleged comments that Israel would never leave the corridors as “totally untrue”.",
              C("israel-stays-in-corridors", "“totally untrue” that Israel would never leave")),
            X("a001", "However, significant differences remain between the two sides, including Israel’s demand for lasting control over strategic corridors in Gaza, which Hamas has rejected."),
            X("a004", "Hamas has accused Israel of introducing new demands related to security along the Gaza-Egypt border and within the territory."),
            X("a004", "The focus remains on key security issues along the Gaza-Egypt border and within Gaza itself."),
        ],
    },
    {
        "id": "return-north-dispute",
        "title": "Return of displaced Palestinians to northern Gaza",
        "category": "diplomacy",
        "when": REPORTED,
        "when_basis": REPORTED_BASIS,
        "place": "northern-gaza",
        "summary": (
            "The fate of displaced Palestinians is another major point of contention: "
            "Israel insists on screening them as they return to the northern part of "
            "Gaza, to ensure they are unarmed, while Hamas demands free movement for "
            "Palestinians who were forced to flee south and want to return home without "
            "restrictions ([a002])."
        ),
        "excerpts": [
            X("a002", "The fate of displaced Palestinians is another major point of contention."),
            X("a002", "Israel insists on screening displaced Palestinians as they return to the northern part of Gaza to ensure they are unarmed."),
            X("a002", "Hamas, however, demands free movement for Palestinians who were forced to flee south and want to return home without restrictions."),
        ],
    },
    {
        "id": "end-of-war-dispute",
        "title": "End of the war and Israeli withdrawal",
        "category": "diplomacy",
        "when": REPORTED,
        "when_basis": REPORTED_BASIS,
        "place": "gaza-strip",
        "summary": (
            "Significant obstacles remain ([a002]). The primary stumbling block is deep "
            "mistrust and conflicting visions for the future of Gaza: Hamas seeks an "
            "agreement that guarantees an end to the war and an Israeli withdrawal from "
            "the Gaza Strip, while Netanyahu has pledged a “total victory” and insists on "
            "the right to resume military action until Hamas no longer poses a threat "
            "([a002]). The withdrawal of Israeli troops from Gaza remains contested ([a003])."
        ),
        "excerpts": [
            X("a002", "Despite the flurry of diplomatic activity, significant obstacles remain, according to Israeli, Palestinian, and other sources familiar with the talks, as well as public statements by Israeli Prime Minister Benjamin Netanyahu and Hamas leaders."),
            X("a002", "The primary stumbling block is the deeply rooted mistrust and conflicting visions for the future of Gaza."),
            X("a002", "Hamas, the militant group that controls the Palestinian enclave, seeks an agreement that guarantees an end to the war and an Israeli withdrawal from the Gaza Strip."),
            X("a002", "Netanyahu, on the other hand, has pledged a “total victory” and insists on the right to resume military action until Hamas no longer poses a threat to Israel."),
            X("a003", "Key issues remain contested, including the withdrawal of Israeli troops from Gaza."),
        ],
    },
    {
        "id": "hostage-prisoner-exchange-terms",
        "title": "Hostages for prisoners: the exchange terms",
        "category": "diplomacy",
        "when": REPORTED,
        "when_basis": REPORTED_BASIS,
        "place": "gaza-strip",
        "summary": (
            "The proposed deal involves Israel halting military operations in Gaza and "
            "releasing Palestinian prisoners in exchange for the return of hostages by "
            "Hamas ([a004]), which hopes to exchange hostages for prisoners and a lasting "
            "ceasefire ([a000]). Netanyahu wants to maximize the number of living captives "
            "freed in the first stage, and Israel seeks veto power over the identities of "
            "some of the prisoners to be released ([a002])."
        ),
        "excerpts": [
            X("a004", "Recent progress in negotiations between Egypt, Qatar, and the U.S. has been reported, with a proposed deal involving Israel halting military operations in Gaza and releasing Palestinian prisoners in exchange for the return of hostages by Hamas."),
            X("a000", "The recovery is a blow to Hamas, which hopes to exchange hostages for Palestinian prisoners and a lasting ceasefire."),
            X("a002", "Netanyahu has expressed his desire to maximize the number of living captives freed in this initial stage."),
            X("a002", "Israel also seeks veto power over the identities of some of the Palestinian prisoners who would be released in exchange for the hostages."),
        ],
    },
    {
        "id": "three-phase-plan",
        "title": "The three-phase cease-fire plan",
        "category": "diplomacy",
        "when": REPORTED,
        "when_basis": (
            "The plan as the articles of 18–20 August 2024 describe it; [a003] calls it "
            "“the original agreement outlined by President Biden”, without a date."
        ),
        "place": "gaza-strip",
        "summary": (
            "The original agreement outlined by President Biden has three phases: a "
            "six-week ceasefire, withdrawal of Israeli forces and hostage exchange, "
            "followed by a permanent end to hostilities and a reconstruction plan for "
            "Gaza ([a003]). The proposed plan’s hostage release would start with 33 "
            "hostages, alive or dead, under a humanitarian category; Netanyahu wants as "
            "many living captives as possible freed in this first stage ([a002])."
        ),
        "excerpts": [
            X("a002", "The proposed ceasefire plan includes a three-phased hostage release process, starting with the release of 33 hostages, alive or dead, under a humanitarian category.",
              C("ceasefire-plan-phases", 3, unit="phases"),
              C("first-phase-hostages", 33, unit="hostages")),
            X("a003", "The original agreement outlined by President Biden includes a three-phase plan: a six-week ceasefire, withdrawal of Israeli forces, and hostage exchange, followed by a permanent end to hostilities and a reconstruction plan for Gaza.",
              C("ceasefire-plan-phases", 3, unit="phases"),
              C("first-phase-ceasefire-length", 6, unit="weeks")),
            X("a002", "Netanyahu has expressed his desire to maximize the number of living captives freed in this initial stage."),
        ],
    },

    # --- statements about the talks ------------------------------------------------
    {
        "id": "hamas-reversal-statement",
        "title": "Hamas calls the proposal a “reversal”",
        "category": "statement",
        "when": "2024-08-20?",
        "when_basis": (
            "“In a new statement” in [a001] (20 August 2024); [a000], written the same day, "
            "reports the accusation; the day is not given."
        ),
        "place": "gaza-strip",
        "place_role": "concerns",
        "summary": (
            "In a new statement, Hamas called the latest cease-fire proposal a "
            "“reversal” of previously agreed terms and accused the United States of "
            "acquiescing to “new conditions” from Israel; the State Department had not "
            "immediately responded ([a001]). [a000] reports the same accusation. Where the "
            "statement was issued is not reported; it is mapped to the Gaza Strip, which "
            "the proposal concerns."
        ),
        "excerpts": [
            X("a001", "In a new statement, Hamas called the latest cease-fire proposal a “reversal” of previously agreed terms, accusing the United States of acquiescing to what it termed “new conditions” from Israel."),
            X("a001", "The U.S. State Department has not immediately responded to these claims."),
            X("a000", "Hamas has accused the US of acquiescing to new conditions from Israel, while Israel has refused to abandon two strategic corridors in Gaza that have been an obstacle in the talks."),
        ],
    },
    {
        "id": "hamas-illusion",
        "title": "Hamas: progress is an “illusion”",
        "category": "statement",
        "when": "2024-08-16/2024-08-19",
        "when_basis": (
            "Not dated: [a003] (19 August 2024) reports it after the optimism that "
            "emerged from last week’s Doha talks (which ended on 16 August), as it does "
            "Biden’s remark, so between 16 and 19 August 2024; the span is that "
            "uncertainty, not a duration."
        ),
        "place": "gaza-strip",
        "summary": (
            "Optimism about a deal emerged after talks resumed in Doha last week, but "
            "Hamas dismissed suggestions of progress as an “illusion” ([a003]). Where it "
            "was said is not reported; it is mapped to the Gaza Strip, which the deal "
            "concerns."
        ),
        "excerpts": [
            X("a003", "However, Hamas dismisses suggestions of progress as an “illusion.”",
              C("talks-progress", "an illusion")),
            X("a003", "Optimism about a deal emerged after talks resumed in Doha last week."),
        ],
    },
    {
        "id": "hamas-dissatisfied-with-proposal",
        "title": "Hamas dissatisfied with the latest proposal",
        "category": "statement",
        "when": "2024-08-19~",
        "when_basis": "Reported in [a002, a003] and [a004] (18–19 August 2024); not dated.",
        "place": "gaza-strip",
        "place_role": "concerns",
        "summary": (
            "A senior Hamas official expressed disappointment with the mediators’ "
            "proposals, citing no progress ([a003]). Hamas has expressed dissatisfaction "
            "with the latest proposal, while Israel has indicated areas where it is "
            "unwilling to compromise ([a004]); Hamas claims Washington’s new proposals are "
            "too favorable to Israel’s position ([a002]). Where is not reported; mapped to "
            "the Gaza Strip, which the proposal concerns."
        ),
        "excerpts": [
            X("a003", "A senior Hamas official expressed disappointment with the mediators’ proposals, citing no progress.",
              C("talks-progress", "no progress")),
            X("a004", "However, Hamas has expressed dissatisfaction with the latest proposal, and Israel has indicated areas where it is unwilling to compromise."),
            X("a002", "Hamas, on the other hand, claims Washington’s new proposals are too favorable to Israel’s position."),
        ],
    },
    {
        "id": "hamas-accuses-new-demands",
        "title": "Hamas accuses Israel of new demands",
        "category": "statement",
        "when": "2024-08-19~",
        "when_basis": "Reported in [a003] and [a004] (19 August 2024); not dated.",
        "places": ["gaza-strip", "philadelphi-corridor"],
        "summary": (
            "Hamas has accused Israel of introducing new demands related to security "
            "along the Gaza-Egypt border and within the territory ([a004]), and claims "
            "Netanyahu is setting new conditions and demands to prolong the war ([a003]); "
            "the U.S. is working to address these concerns ([a004]). Where is not reported; mapped to the Gaza Strip and the border corridor the "
            "demands concern."
        ),
        "excerpts": [
            X("a004", "Hamas has accused Israel of introducing new demands related to security along the Gaza-Egypt border and within the territory."),
            X("a003", "Hamas claims Netanyahu is setting new conditions and demands to prolong the war."),
            X("a004", "The U.S. is working to address these concerns and move closer to a final agreement."),
        ],
    },
    {
        "id": "mutual-blame",
        "title": "Each side blames the other",
        "category": "statement",
        "when": "2024-08-19~",
        "when_basis": "Reported in [a002] and [a003] (18–19 August 2024) as going on; not dated.",
        "place": "gaza-strip",
        "place_role": "concerns",
        "summary": (
            "Hamas and Israel accuse each other of impeding the negotiations ([a002]), of "
            "obstinacy and of blocking a deal; despite American optimism, the Israeli "
            "leadership and Hamas remain skeptical ([a003]). Mapped to the Gaza Strip, "
            "which the deal concerns."
        ),
        "excerpts": [
            X("a002", "The blame game continues, with Hamas and Israel accusing each other of impeding the negotiations."),
            X("a003", "Despite American optimism, the Israeli leadership and Hamas remain skeptical."),
            X("a003", "Each side accuses the other of obstinacy and blocking a deal."),
        ],
    },
    {
        "id": "netanyahu-rejects-new-demands-criticism",
        "title": "Netanyahu: the new demands are vital security measures",
        "category": "statement",
        "when": "2024-08-19~",
        "when_basis": "Reported in [a002] (18–19 August 2024); not dated.",
        "place": "gaza-strip",
        "place_role": "concerns",
        "summary": (
            "Netanyahu has dismissed criticism for introducing new demands, arguing they "
            "are vital security measures in line with the original proposal ([a002]). "
            "Where is not reported; mapped to the Gaza Strip, which the demands concern."
        ),
        "excerpts": [
            X("a002", "Netanyahu has dismissed criticism for introducing new demands, arguing they are vital security measures in line with the original proposal."),
        ],
    },
    {
        "id": "netanyahu-flexibility",
        "title": "Netanyahu: flexibility within Israel’s security principles",
        "category": "statement",
        "when": "2024-08-19~",
        "when_basis": "Reported in [a003] (19 August 2024); not dated.",
        "place": "gaza-strip",
        "place_role": "concerns",
        "summary": (
            "Netanyahu emphasized the need for flexibility while upholding Israel’s "
            "security principles ([a003]). Where is not reported; mapped to the Gaza "
            "Strip, which the deal concerns."
        ),
        "excerpts": [
            X("a003", "Netanyahu emphasized the need for flexibility while upholding Israel’s security principles."),
        ],
    },
    {
        "id": "biden-closer-than-ever",
        "title": "Biden: “We are closer than we have ever been”",
        "category": "statement",
        "when": "2024-08-15/2024-08-19",
        "when_basis": (
            "Not dated: [a003] (19 August 2024) reports it with the optimism that emerged "
            "after the Doha talks (from 15 August), so between 15 and 19 August 2024; "
            "the span is that uncertainty, not a duration."
        ),
        "place": "gaza-strip",
        "place_role": "concerns",
        "summary": (
            "US President Joe Biden said, “We are closer than we have ever been” to a "
            "deal ([a003]), part of the renewed optimism of the mediators, including the "
            "United States ([a004]); [a003] notes that previous optimism has proven "
            "unfounded. Where he said it is not reported; mapped to the Gaza Strip, "
            "which the deal concerns."
        ),
        "excerpts": [
            X("a003", "US President Joe Biden said, “We are closer than we have ever been” to a deal.",
              C("talks-progress", "closer than we have ever been")),
            X("a003", "However, previous optimism has proven unfounded."),
            X("a004", "Blinken’s recent diplomatic mission to the Middle East, his ninth since the conflict began, coincides with renewed optimism from mediators, including the United States, regarding a potential deal."),
        ],
    },
]

NARRATIVES = [
    {
        "id": "four-days",
        "title": "Four days of diplomacy",
        "description": (
            "From last week’s Doha talks to Blinken’s meetings in Tel Aviv and "
            "Jerusalem on Monday 19 August 2024 and in Egypt and Qatar on Tuesday "
            "20 August, and the talks set to resume in Cairo, with the strikes and the "
            "recovery of six hostages’ bodies in their place in time."
        ),
        "steps": [
            {"event": "doha-talks",
             "caption": "Last week in Doha (15–16 August, dates from outside the articles): a two-day meeting, facilitated by Egypt, Qatar and the United States, focused on bridging the gap between Israeli and Hamas proposals."},
            {"event": "bridging-proposal",
             "caption": "The United States presents proposals aimed at bridging the remaining gaps; the negotiations are based on a modified US proposal."},
            {"event": "biden-closer-than-ever",
             "caption": "Optimism about a deal emerges after the Doha talks. President Biden: “We are closer than we have ever been.”"},
            {"event": "hamas-illusion",
             "caption": "Hamas dismisses suggestions of progress as an “illusion”."},
            {"event": "blinken-ninth-trip",
             "caption": "Blinken is in Israel on his ninth trip to the region, a last-ditch effort to secure a ceasefire and a hostage release deal."},
            {"event": "blinken-herzog",
             "caption": "Monday 19 August, Tel Aviv: Blinken meets President Isaac Herzog and stresses the urgency of a ceasefire and hostage release deal."},
            {"event": "blinken-last-opportunity",
             "caption": "“This is probably the best, maybe the last opportunity,” Blinken says."},
            {"event": "blinken-netanyahu",
             "caption": "Monday 19 August, in Israel: Blinken and Netanyahu meet for three hours, in Jerusalem according to sources outside the articles; Blinken calls the meeting “positive”, in “good spirit”."},
            {"event": "blinken-says-netanyahu-accepted",
             "caption": "Blinken says Netanyahu has accepted a US proposal to bridge gaps, and calls on Hamas to do the same."},
            {"event": "netanyahu-office-statement",
             "caption": "Netanyahu’s office: Israel is committed to the latest American proposal, considering its security needs."},
            {"event": "netanyahu-meets-families",
             "caption": "Netanyahu tells families of fallen soldiers and of hostages that Israel will not abandon the corridors."},
            {"event": "hostage-bodies-recovered",
             "caption": "Overnight into Tuesday 20 August, in southern Gaza (the Khan Younis area, from outside the articles), the military recovers the bodies of six hostages: Chaim Perry, Yoram Metzger, Avraham Munder, Alexander Dancyg, Nadav Popplewell and Yagev Buchshtav."},
            {"event": "school-strike-gaza-city",
             "caption": "Tuesday, Gaza City: a strike on the Mustafa Hafez school, where around 700 people were sheltering, kills at least 12 people ([a000]) or at least 10 ([a001])."},
            {"event": "central-gaza-strike",
             "caption": "Another strike, in central Gaza, kills a mother and her five children; the father, Alaa Abu Zeid, has been in Israeli detention for nine months."},
            {"event": "hamas-reversal-statement",
             "caption": "Hamas calls the latest proposal a “reversal” of previously agreed terms and accuses the United States of acquiescing to “new conditions” from Israel."},
            {"event": "us-official-totally-untrue",
             "caption": "A senior US official calls Netanyahu’s alleged comments that Israel would never leave the corridors “totally untrue”."},
            {"event": "blinken-egypt",
             "caption": "Tuesday 20 August, Egypt (El Alamein, from outside the articles): Blinken meets mediators and Egyptian officials."},
            {"event": "blinken-qatar",
             "caption": "Qatar (Doha, from outside the articles): Blinken meets mediators there too on Tuesday, according to [a001]; [a000] has him still set to meet Qatari leaders later this week."},
            {"event": "cairo-talks",
             "caption": "The negotiations are set to resume this week in Cairo."},
        ],
    },
    {
        "id": "disputed-terms",
        "title": "The disputed terms",
        "description": (
            "What the two sides disagree on, as the articles report it: the end of the "
            "war, the two corridors, hostages and prisoners, the phases, and the "
            "return of displaced Palestinians to the north."
        ),
        "steps": [
            {"event": "end-of-war-dispute",
             "caption": "Hamas seeks a guaranteed end to the war and an Israeli withdrawal from the Gaza Strip; Netanyahu has pledged “total victory” and insists on the right to resume military action."},
            {"event": "philadelphi-corridor-dispute",
             "caption": "The Philadelphi corridor, a narrow strip along the Gaza-Egypt border: Israel wants to keep control to prevent weapons smuggling; Hamas demands a complete Israeli withdrawal; the proposed deal includes a reduced Israeli presence."},
            {"event": "philadelphi-capture",
             "caption": "Netanyahu mentions Israel’s “capture” of the corridor, a move opposed by both Hamas and Egypt."},
            {"event": "netzarim-corridor-dispute",
             "caption": "Israel refuses to abandon “two strategic corridors in Gaza”. The articles name only Philadelphi; the second is shown here as the Netzarim corridor, an identification from outside the articles."},
            {"event": "us-official-totally-untrue",
             "caption": "A senior US official calls Netanyahu’s alleged comments that Israel would never leave the corridors “totally untrue”."},
            {"event": "hamas-accuses-new-demands",
             "caption": "Hamas accuses Israel of new demands on security along the Gaza-Egypt border and within the territory."},
            {"event": "netanyahu-rejects-new-demands-criticism",
             "caption": "Netanyahu calls the new demands vital security measures in line with the original proposal."},
            {"event": "hostage-prisoner-exchange-terms",
             "caption": "Hostages for prisoners: Israel seeks veto power over the identities of some of the Palestinian prisoners to be released."},
            {"event": "three-phase-plan",
             "caption": "Three phases: a six-week ceasefire, withdrawal of Israeli forces and hostage exchange, then a permanent end to hostilities and reconstruction; the first release would be 33 hostages, alive or dead."},
            {"event": "hostages-remaining",
             "caption": "Hostages still held: around 110 ([a000, a001]), 115 ([a002]) or 111 ([a003]), of whom around or at least a third, or 39, are believed dead."},
            {"event": "return-north-dispute",
             "caption": "Israel insists on screening displaced Palestinians returning to northern Gaza; Hamas demands free movement without restrictions."},
            {"event": "hamas-reversal-statement",
             "caption": "Hamas calls the latest proposal a “reversal” of previously agreed terms."},
        ],
    },
]


# --- building and checking -----------------------------------------------------

# The categories Dateline gives colours to (docs/dataset-format.md); this
# dataset uses only these.
CATEGORIES = {"strike", "attack", "diplomacy", "statement", "hostages", "truce",
              "killing", "military", "humanitarian"}
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
EDTF_DAY = r"\d{4}(?:-\d{2}(?:-\d{2})?)?[?~%]?"
EDTF_RE = re.compile(r"^(?:%s|%s/%s|\.\./%s|%s/\.\.)$" % ((EDTF_DAY,) * 5))
KNOWN_MEMBERS = {
    "source": {"id", "short", "file", "title", "published", "published_basis", "url"},
    "place": {"id", "name", "names", "note", "geometry", "precision_m", "kind"},
    "event": {"id", "title", "category", "when", "when_basis", "place", "places",
              "place_role", "summary", "excerpts"},
}


class DatasetError(Exception):
    pass


def fail(where, message):
    raise DatasetError("%s: %s" % (where, message))


def read_articles():
    articles = {}
    for source in SOURCES:
        path = (DATASET_DIR / source["file"]).resolve()
        if DATASET_DIR.resolve() not in path.parents:
            fail(source["id"], "file escapes the dataset folder")
        articles[source["id"]] = path.read_bytes().decode("utf-8")
    return articles


def occurrences(text, needle):
    found, i = [], text.find(needle)
    while i >= 0:
        found.append(i)
        i = text.find(needle, i + 1)
    return found


def build_excerpt(where, spec, articles):
    source, exact, nth = spec["source"], spec["exact"], spec["nth"]
    if source not in articles:
        fail(where, "unknown source %r" % source)
    if not exact or exact != exact.strip():
        fail(where, "exact must be non-empty and not start or end with spaces")
    text = articles[source]
    found = occurrences(text, exact)
    if not found:
        fail(where, "not found in %s: %r" % (source, exact))
    if len(found) > 1 and nth is None:
        fail(where, "occurs %d times in %s; say which with nth=" % (len(found), source))
    start = found[nth or 0]
    end = start + len(exact)
    excerpt = {"source": source, "exact": exact}
    if len(found) > 1:
        prefix = text[max(0, start - CONTEXT):start]
        suffix = text[end:end + CONTEXT]
        if len(occurrences(text, prefix + exact + suffix)) != 1:
            fail(where, "prefix/suffix do not single out the occurrence")
        excerpt["prefix"] = prefix
        excerpt["suffix"] = suffix
    excerpt["start"] = start
    excerpt["end"] = end
    # start/end are code-point offsets: Python str indices are code points.
    assert text[start:end] == exact
    return excerpt


def check_geometry(where, geometry):
    kind, coords = geometry["type"], geometry["coordinates"]

    def position(p):
        if len(p) != 2 or not all(isinstance(v, (int, float)) for v in p):
            fail(where, "bad position %r" % (p,))
        lon, lat = p
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            fail(where, "position out of range %r" % (p,))
        # Every place in this dataset lies between Egypt and Iran: catches [lat, lon].
        if not (25 <= lon <= 55 and 20 <= lat <= 40):
            fail(where, "position %r not in the region: [lat, lon] swapped?" % (p,))

    if kind == "Point":
        position(coords)
    elif kind == "LineString":
        if len(coords) < 2:
            fail(where, "a LineString needs at least 2 positions")
        for p in coords:
            position(p)
    elif kind == "Polygon":
        for ring in coords:
            if len(ring) < 4:
                fail(where, "a ring needs at least 4 positions")
            if ring[0] != ring[-1]:
                fail(where, "ring not closed")
            for p in ring:
                position(p)
            for i in range(len(ring) - 1):
                for j in range(i + 2, len(ring) - 1):
                    if i == 0 and j == len(ring) - 2:
                        continue
                    if segments_cross(ring[i], ring[i + 1], ring[j], ring[j + 1]):
                        fail(where, "ring crosses itself at segments %d and %d" % (i, j))
        if ring_area(coords[0]) <= 0:
            fail(where, "exterior ring must be counter-clockwise (RFC 7946)")
    else:
        fail(where, "unexpected geometry type %s" % kind)


def ring_area(ring):
    return sum(ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1]
               for i in range(len(ring) - 1)) / 2


def segments_cross(a, b, c, d):
    def orient(p, q, r):
        v = (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
        return (v > 0) - (v < 0)
    return (orient(c, d, a) * orient(c, d, b) < 0 and
            orient(a, b, c) * orient(a, b, d) < 0)


SOURCE_ORDER = ("id", "file", "title", "published", "published_basis", "url", "short")
PLACE_ORDER = ("id", "name", "names", "geometry", "precision_m", "kind", "note")


def ordered(item, order):
    assert set(item) <= set(order), set(item) - set(order)
    return {k: item[k] for k in order if k in item}


CITATION_RE = re.compile(r"\[([^\[\]]*)\]")
BARE_ID_RE = re.compile(r"(?<![\w\[-])a\d{3}(?![\w-])")


def prose():
    """Every text a person reads: where a citation may appear."""
    yield "description", DESCRIPTION
    for source in SOURCES:
        yield "sources.%s.published_basis" % source["id"], source.get("published_basis", "")
    for place in PLACES:
        yield "places.%s.note" % place["id"], place.get("note", "")
    for event in EVENTS:
        for key in ("title", "summary", "when_basis"):
            yield "events.%s.%s" % (event["id"], key), event[key]
    for narrative in NARRATIVES:
        yield "narratives.%s.description" % narrative["id"], narrative.get("description", "")
        for step in narrative["steps"]:
            yield "narratives.%s.%s.caption" % (narrative["id"], step["event"]), step.get("caption", "")


def check_prose(source_ids):
    """Citations are [a000] or [a000, a001], naming sources; no bare ids."""
    for where, text in prose():
        outside = CITATION_RE.sub("", text)
        if BARE_ID_RE.search(outside):
            fail(where, "a bare source id in prose: write it as a citation, [a000]")
        for m in CITATION_RE.finditer(text):
            for sid in m.group(1).split(","):
                if sid.strip() not in source_ids:
                    fail(where, "citation of an unknown source %r" % sid.strip())
        if re.search(r"\(\[[^\]]*\]\)", text) is None and "([" in text:
            fail(where, "unbalanced citation parentheses")


def build():
    articles = read_articles()

    def unique_ids(items, what):
        seen = set()
        for item in items:
            if not ID_RE.match(item["id"]):
                fail(item["id"], "%s id is not lower-case kebab-case" % what)
            if item["id"] in seen:
                fail(item["id"], "duplicate %s id" % what)
            seen.add(item["id"])
        return seen

    source_ids = unique_ids(SOURCES, "source")
    place_ids = unique_ids(PLACES, "place")
    event_ids = unique_ids(EVENTS, "event")
    unique_ids(NARRATIVES, "narrative")

    for source in SOURCES:
        if not EDTF_RE.match(source["published"]):
            fail(source["id"], "published is not a supported EDTF value")
        if set(source) - KNOWN_MEMBERS["source"]:
            fail(source["id"], "unknown members %s" % (set(source) - KNOWN_MEMBERS["source"]))

    for place in PLACES:
        check_geometry("places." + place["id"], place["geometry"])
        if not place["precision_m"] >= 0:
            fail(place["id"], "precision_m must be >= 0")

    events = []
    used_places, used_sources, used_topics = set(), set(), set()
    for spec in EVENTS:
        where = "events." + spec["id"]
        if set(spec) - KNOWN_MEMBERS["event"]:
            fail(where, "unknown members %s" % (set(spec) - KNOWN_MEMBERS["event"]))
        if ("place" in spec) == ("places" in spec):
            fail(where, "needs exactly one of place / places")
        refs = [spec["place"]] if "place" in spec else spec["places"]
        for ref in refs:
            if ref not in place_ids:
                fail(where, "unknown place %r" % ref)
        if len(set(refs)) != len(refs):
            fail(where, "a place is listed twice")
        used_places.update(refs)
        if not EDTF_RE.match(spec["when"]):
            fail(where, "when %r is not a supported EDTF value" % spec["when"])
        if not spec["excerpts"]:
            fail(where, "no excerpts")
        if spec["category"] not in CATEGORIES:
            fail(where, "category %r is not one of %s" % (spec["category"], sorted(CATEGORIES)))
        for key in ("title", "category", "when_basis", "summary"):
            if not spec[key].strip():
                fail(where, "empty " + key)

        event = {k: spec[k] for k in ("id", "title", "category", "when", "when_basis")}
        if "place" in spec:
            event["place"] = spec["place"]
        else:
            event["places"] = list(spec["places"])
        if "place_role" in spec:
            if spec["place_role"] not in ("at", "concerns"):
                fail(where, "place_role must be “at” or “concerns”")
            event["place_role"] = spec["place_role"]
        event["summary"] = spec["summary"]
        event["excerpts"] = []
        event["claims"] = []
        seen_quotes = set()
        for index, xspec in enumerate(spec["excerpts"]):
            xwhere = "%s.excerpts[%d]" % (where, index)
            key = (xspec["source"], xspec["exact"], xspec["nth"])
            if key in seen_quotes:
                fail(xwhere, "the same passage is cited twice")
            seen_quotes.add(key)
            event["excerpts"].append(build_excerpt(xwhere, xspec, articles))
            used_sources.add(xspec["source"])
            for claim in xspec["claims"]:
                if not isinstance(claim["value"], (int, float, str)):
                    fail(xwhere, "claim value must be a number or a string")
                if not ID_RE.match(claim["topic"]):
                    fail(xwhere, "claim topic is not kebab-case")
                if claim["topic"] not in TOPICS:
                    fail(xwhere, "claim topic %r has no label in TOPICS" % claim["topic"])
                used_topics.add(claim["topic"])
                event["claims"].append(dict(claim, excerpt=index))
        if not event["claims"]:
            del event["claims"]
        events.append(event)

    if set(TOPICS) - used_topics:
        fail("topics", "labels for topics no claim uses %s" % sorted(set(TOPICS) - used_topics))
    for topic, spec in TOPICS.items():
        if spec.get("total") is not None and spec["total"] not in TOPICS:
            fail("topics." + topic, "total names no topic")
    check_prose(source_ids)

    if place_ids - used_places:
        fail("places", "unused places %s" % sorted(place_ids - used_places))
    if source_ids - used_sources:
        fail("sources", "sources never cited %s" % sorted(source_ids - used_sources))
    for narrative in NARRATIVES:
        for step in narrative["steps"]:
            if step["event"] not in event_ids:
                fail("narratives." + narrative["id"], "unknown event %r" % step["event"])

    dataset = {
        "dateline": 1,
        "title": TITLE,
        "description": DESCRIPTION,
        "topics": TOPICS,
        # Members in the order Dateline's own writer (src/model/dl-writer.c)
        # uses, so that a dataset it saves is this file byte for byte.
        "sources": [ordered(s, SOURCE_ORDER) for s in SOURCES],
        "places": [ordered(p, PLACE_ORDER) for p in PLACES],
        "events": events,
        "narratives": NARRATIVES,
    }
    return dataset, articles


def serialize(dataset):
    text = json.dumps(dataset, ensure_ascii=False, indent=2)
    # Keep each [lon, lat] position on one line.
    text = re.sub(r"\[\s*(-?\d+(?:\.\d+)?),\s*(-?\d+(?:\.\d+)?)\s*\]", r"[\1, \2]", text)
    return text + "\n"


def report(dataset, articles):
    """List the sentences of each article that no excerpt covers."""
    covered = {sid: set() for sid in articles}
    for event in dataset["events"]:
        for x in event["excerpts"]:
            covered[x["source"]].update(range(x["start"], x["end"]))
    for sid, text in articles.items():
        # A sentence ends at . ! or ? (maybe followed by a closing quote) before a
        # space and a capital, unless the word is an abbreviation.
        start = 0
        for m in re.finditer(r"[.!?][”’]?(?=\s+[A-Z“])|$", text):
            if text[:m.start() + 1].endswith(("U.S.", "Oct.")):
                continue
            end = m.end()
            sentence = text[start:end].strip()
            if sentence and not set(range(start, end)) & covered[sid]:
                print("%s: not cited: %s" % (sid, sentence), file=sys.stderr)
            start = end


def main(argv):
    try:
        dataset, articles = build()
    except DatasetError as error:
        print("build-gaza-dataset: error: %s" % error, file=sys.stderr)
        return 1
    text = serialize(dataset)
    if "--report" in argv:
        report(dataset, articles)
        n_x = sum(len(e["excerpts"]) for e in dataset["events"])
        n_c = sum(len(e.get("claims", [])) for e in dataset["events"])
        print("%d sources, %d places, %d events, %d excerpts, %d claims, %d narratives"
              % (len(dataset["sources"]), len(dataset["places"]), len(dataset["events"]),
                 n_x, n_c, len(dataset["narratives"])), file=sys.stderr)
    if "--check" in argv:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else None
        if current != text:
            print("build-gaza-dataset: %s is out of date" % OUTPUT, file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
