"""The event coder's English word lists and patterns, as data: each constant names the
codebook rule it serves (ACLED codebook, "Definitions of ACLED event and sub-event types";
general English or general military English, never words taken from evaluation rows).

Used by `gate` (which triggers are events), `frame` and `parties` (who did what to whom),
`classify` (sub-event rules), `naming` and `casualties` (fatalities)."""
from __future__ import annotations

import re

# --- Trigger gates (gate.py): which trigger words stand for an event of their own ---

#: Trigger forms that make an event only with a weapon named near them ('hit by missiles'
#: yes, 'hit a record' no; codebook: remote violence needs its remote means).
NEEDS_WEAPON_FORMS = frozenset({"go", "goes", "going", "went", "gone", "destroy", "destroys", "destroyed",
                                "destroying", "raid", "raids", "raided", "raiding", "drop", "dropped",
                                "dropping", "hit", "hits", "hitting", "target", "targeted", "targets",
                                "targeting", "block", "blocked", "blocks", "repel", "repelled",
                                "neutralized", "neutralised"})
#: Verbs of throwing: an attack only with a weapon or projectile thrown ('threw a grenade').
THROW_FORMS = frozenset({"throw", "throws", "threw", "thrown", "throwing", "hurl", "hurled", "hurling"})
#: Things thrown as weapons by crowds (general English).
PROJECTILE_RE = re.compile(r"\b(molotov|petrol bombs?|firebombs?|stones|rocks|bricks|bottles)\b", re.I)
#: Particles that make a phrasal trigger; a form listed here is an event only with them.
PHRASAL = {"gain": ("control",), "gained": ("control",), "gaining": ("control",),
           "take": ("over", "control"), "took": ("over", "control"), "taken": ("over", "control"),
           "taking": ("over", "control"), "set": ("up",), "pull": ("out", "back"),
           "pulled": ("out", "back"), "blow": ("up",), "blew": ("up",), "blown": ("up",),
           "go": ("off",), "goes": ("off",), "going": ("off",), "went": ("off",), "gone": ("off",),
           "break": ("through",), "breaks": ("through",), "broke": ("through",),
           "breaking": ("through",), "broken": ("through",)}
#: 'shot down' is an interception, not a shooting (codebook: disrupted weapons use).
SHOT_DOWN = "down"
#: 'fire' as a noun is a shooting only when opened ('opened fire') or observed by a monitor.
FIRE_NOUNS = frozenset({"fire", "fires"})
#: The verb of 'opened fire' (see FIRE_NOUNS).
OPEN_VERBS = frozenset({"opened", "open", "opening"})
#: 'exchange': of prisoners an agreement (codebook), of fire a clash, of anything else neither.
EXCHANGE_STEM = "exchang"
#: 'fire' (and 'fired', 'fires'): fire named is its own means ('exchange of fire', 'fired at').
FIRE_WORD = "fire"
#: People or remains handed over in an exchange (general English).
CAPTIVES_RE = re.compile(r"\b(prisoners?|pows?|captives?|hostages?|detainees?|bodies|remains)\b", re.I)
#: 'cars were burned' with no doer is a fire, not property destroyed by an actor (codebook).
BURN_STEM = "burn"
#: 'destroyed a column / two drones': violence (or an interception) even with no weapon named.
DESTROY_STEM = "destroy"
#: 'dealing with' is handling, not a deal (codebook: agreement).
DEAL_STEM = "deal"
#: 'took hostages' is an abduction, 'holding hostages' a state (codebook: abduction).
HOSTAGE_STEM = "hostage"
#: Harm by hand ('beat', 'tortured'): an attack only when a person is hurt (codebook: attack).
BEATING_STEMS = ("beat", "tortur")
#: 'established control in X' is a capture, not a base (codebook: territory taken).
CONTROL_WORD = "control"
#: 'entered X' takes territory only when armed forces enter (codebook: territory taken).
ENTER_STEM = "enter"
#: 'gathered' is a protest only with protesters or a cause (codebook: demonstration).
GATHER_STEM = "gather"
#: The 'to' of a purpose clause ('did it to protest the policy'): no demonstration.
PURPOSE_MARKER = "to"
#: Fire aimed at something ('fired at the positions') is an attack with no weapon named.
FIRED_AT_PREPS = frozenset({"at", "on", "upon"})
#: 'such attacks', 'building such bombs': a kind of thing, not an incident.
KIND_WORD = "such"
#: A relative pronoun as subject ('who', 'that') names no perpetrator of a killing.
RELATIVE_PRONOUNS = frozenset({"who", "that"})
#: Arrests ACLED codes are political (codebook: arrests of politically significant people).
POLITICAL_RE = re.compile(r"\b(protesters?|activists?|journalists?|opposition|politicians?|"
                          r"mayor|officials?|deputy|leaders?|members? of|saboteurs?|sabotage|"
                          r"collaborat\w*|spies|spy|espionage|treason|agents?|servicem[ae]n|"
                          r"soldiers|prisoners? of war)\b", re.I)
#: Words of a place taken (codebook: territory changes hands, not people or things).
PLACE_WORDS_RE = re.compile(r"\b(city|town|village|settlement|airport|base|plant|region|oblast|"
                            r"district|island|bridge|port|control|outskirts|territory|area|"
                            r"positions?|station|building|headquarters)\b", re.I)
#: Words for land in general ('retaking territory'): taking them names no place.
BARE_LAND = frozenset({"territory", "territories", "ground", "land", "lands"})
#: Words of fighting: a movement told with fighting is that battle, not a troop movement.
FIGHT_RE = re.compile(r"\b(fight|fighting|fought|battles?|clash|clashes|clashed|combat|storm|"
                      r"stormed|heavy fire)\b", re.I)
#: Territory changing hands with no fight (codebook: non-violent transfer of territory),
#: or a clash the text does not assert ('no information on whether fighting took place').
NO_FIGHT_RE = re.compile(r"\b(no information|whether|without (?:a |any )?(?:fight|resistance|battle)|"
                         r"peaceful(?:ly)?|no fighting|handed over|"
                         r"after (?:the )?\w+ (?:forces )?(?:withdrew|left|retreated))", re.I)
#: Verbs of a trend, not an incident ("intensified its airstrikes"). "Continued/resumed
#: shelling X on <day>" is that day's shelling, so those verbs are not here.
TREND_VERBS = frozenset({"intensified", "intensify", "increase", "increased", "escalated",
                         "stepped", "ramp", "reliance", "condemned", "condemn"})
#: Nouns of duration before "of": "months of shelling" is a history, not an incident.
DURATION_NOUNS = frozenset({"months", "years", "weeks", "days", "decades", "history"})
#: Military kit that is not a weapon class of its own (general military English).
MILITARY_THING_RE = re.compile(r"\b(armou?red|convoy|military (?:equipment|vehicles?|hardware)|"
                               r"ammunition depot|fuel depot)\b", re.I)
#: Prepositions of movement: their proper-noun object is a place ('moving towards Vasylkiv').
DIRECTION_PREPS = frozenset({"to", "towards", "toward", "into", "from", "through", "in", "near"})
#: Verbs of taking someone ('took hostages', 'taken hostage').
TAKE_VERBS = frozenset({"take", "took", "taken", "taking", "takes", "seized", "grabbed"})
#: A protest's demand (general English).
DEMAND_RE = re.compile(r"\b(demand\w*|against|in support of|to support|in solidarity|calling for|"
                       r"called for|to express|to condemn|to commemorate|to honou?r|to mourn|"
                       r"in memory of|to show (?:their )?(?:unity|support|solidarity)|slogans?|banners?)\b", re.I)
#: Verbs of assembling (general English): 'gathered to protest' is a demonstration.
GATHER_VERBS = frozenset({"gathered", "gather", "assembled", "rallied", "marched", "came",
                          "took", "went", "held", "staged", "organised", "organized"})
#: Weapons that fly to their target: destroyed in the air, they are intercepted.
IN_FLIGHT_RE = re.compile(r"\b(drones?|uavs?|missiles?|rockets?|unmanned)\b", re.I)
#: Words of a base or post (codebook: headquarters or base established).
BASE_WORDS_RE = re.compile(r"\b(base|bases|headquarters|camps?|checkpoints?|outposts?|command posts?|"
                           r"garrisons?|barracks)\b", re.I)
#: Verbs of stopping an enemy ('repelled the assault', 'the group was neutralized').
REPEL_STEMS = ("repel", "repuls", "neutrali")
#: Words for an armed push (general military English).
ASSAULT_RE = re.compile(r"\b(attacks?|assaults?|offensives?|advances?|attempts?|landing|breakthrough|"
                        r"saboteurs?|sabotage|groups?)\b", re.I)
#: Stores of arms (general military English).
ARMS_STORE_RE = re.compile(r"\b(cache|stockpile|arsenal|ammunition|explosives?|weapons?|arms)\b", re.I)
#: 'there was an armed clash': a noun asserted to have happened (as explicit as a verb).
EXISTENTIAL_THERE = "there"


# --- Frame reading (frame.py, syntax.py, parties.py): who did what to whom, with what ---

#: Prepositions of a fired weapon's target ('fired at the positions', 'landed in the city').
TARGET_PREPS = frozenset({"at", "on", "against", "upon", "into", "in", "near"})
#: Prepositions of what an attack is aimed at ('launched an attack on the convoy').
AIM_PREPS = frozenset({"at", "on", "against", "upon"})
#: A noun trigger's target ('the attack on X', 'strikes against X', 'the shelling of X').
NOUN_TARGET_PREPS = frozenset({"on", "against", "of", "at"})
#: 'clashes with Ukrainian forces': a clash's other side (codebook: armed clash).
CLASH_PREPS = frozenset({"with"})
#: The genitive 'of' ('the attack of the Russian forces', 'one of the shells', 'months of shelling').
OF_PREPS = frozenset({"of"})
#: The 'by' of a doer ('an airstrike by the Russian forces', 'a strike by drones').
BY_PREPS = frozenset({"by"})
#: 'between X and Y': the two sides of a clash (codebook: a battle is between two armed groups).
BETWEEN_PREPS = frozenset({"between"})
#: A supply's recipient ('shipped drones to Russia'); its target in ACLED's actor2.
RECIPIENT_PREPS = frozenset({"to"})
#: The device of an explosion ('exploded on a mine', 'was detonated by a drone').
DEVICE_PREPS = frozenset({"on", "by"})
#: 'exploded on a Russian anti-tank mine': the mine's country names who laid it.
MINE_PREPS = frozenset({"on", "onto", "over"})
#: Prepositions naming the force of its members ('soldiers with the 72nd Brigade', 'fighters from Azov').
MEMBER_PREPS = frozenset({"of", "with", "from"})
#: Prepositions of an owner after OWNING_WORDS ('belonging to', 'owned by').
OWNER_PREPS = frozenset({"to", "by"})
#: 'a column belonging to the Russian forces': the object of belonging owns the thing.
OWNING_WORDS = frozenset({"belonging", "belonged", "owned"})
#: Pronouns: no actor or target text of their own (resolved, or left null).
PRONOUNS = frozenset({"it", "they", "its", "their", "them", "he", "she", "his", "her"})
#: Pronouns that stand for a state or group (resolved to the last country/organisation).
GROUP_PRONOUNS = frozenset({"it", "they", "its", "their", "them"})
#: Nouns for members of an unnamed force: their 'with'/'from' phrase names the force
#: ('soldiers with the Ukrainian 72nd Mechanized Brigade', 'fighters from the Azov battalion').
MEMBER_NOUNS = frozenset({"soldiers", "soldier", "troops", "fighters", "servicemen", "serviceman",
                          "members", "member", "units", "unit", "officers", "men"})
#: Head nouns of a thing that cannot act by itself: a weapon's part, a vehicle group, a blast
#: (general English); the doer is its owner or whoever is said to have used it.
THING_HEADS = frozenset({"column", "columns", "convoy", "convoys", "vehicle", "vehicles",
                         "explosion", "explosions", "blast", "fragments", "fragment", "debris",
                         "wreckage", "shrapnel", "one", "some", "part", "remains"})
#: A definite thing ('the shells', 'these drones') refers back to the attack told before.
BACK_POINTING_WORDS = frozenset({"the", "this", "these", "those", "another"})
#: Parts and remains of a weapon ('One of the shells', 'fragments'): no doer of their own.
PART_WORDS = frozenset({"one", "some", "part", "fragments", "debris"})
#: 'the attack of their positions': positions are the target's place, not the doer.
POSITION_NOUNS = frozenset({"positions", "position"})
#: Event nouns whose 'of' names the doer when it is an armed force ('the attack of the Russian
#: forces', 'the offensive of the Russian army'), not the place ('the shelling of Kharkiv').
DOER_OF_NOUNS = frozenset({"attack", "attacks", "offensive", "assault", "advance", "advancement",
                           "onslaught", "incursion", "invasion"})
#: Generic words for what is fired, not whom it is fired at ('fired unspecified weapons at').
GENERIC_MEANS = frozenset({"weapon", "weapons", "arms", "ammunition", "munitions", "rounds",
                           "salvo", "salvos", "volley", "volleys", "systems", "shots", "fire"})
#: Nouns of an operation, not a party ('launched an offensive operation against X').
OPERATION_NOUNS = frozenset({"operation", "operations", "offensive", "offensives", "attack",
                             "attacks", "assault", "strike", "strikes", "fire", "raid", "raids"})
#: Verbs that project what they take as object ('fired mortars', 'launched missiles',
#: 'dropped bombs'): that object is the means, not the target (prefixes of the forms).
PROJECT_VERBS = ("fir", "launch", "drop", "us", "deploy", "lob", "throw", "threw", "shot",
                 "shoot", "conduct", "carr")
#: Verbs that name what an attack was aimed at ('launched mortars targeting Russian forces').
AIMING_VERBS = frozenset({"targeting", "targetting", "aiming", "aimed", "hitting", "striking"})
#: Quantifiers before a weapon noun are no part of its name ('more drones').
NOT_WEAPON_WORDS = frozenset({"more", "other", "several"})
#: A trailing possessive ("Russia's") is no part of an actor's name.
POSSESSIVE_RE = re.compile(r"['\u2019]s$")


# --- Sub-event classification (classify.py) ---

#: Fire both ways is a clash (codebook: armed clash = two armed groups fight): fire in both
#: directions, an exchange, or the other side answering ('responded with fire', 'returned
#: fire', 'repelled the attack') - general English for a two-sided fight.
EXCHANGE_RE = re.compile(r"\b(both directions|exchang\w* (?:of )?fire|firefights?|small arms|"
                         r"respon\w* with (?:\w+ )?fire|returned (?:the )?fire|fired back|"
                         r"repel\w* (?:the |an |their |its )?(?:\w+ )?(?:attacks?|assaults?|offensive|advance))\b",
                         re.I)
#: Force used on a demonstration (codebook): not likely to cause serious injury - an
#: intervention (dispersal, arrests, tear gas, warning shots, stun grenades); lethal or
#: injuring force - excessive force (fire aimed at the crowd, people killed or wounded).
INTERVENTION_RE = re.compile(r"\b(dispers\w*|detain\w*|arrest\w*|tear gas|batons?|warning shots?|"
                             r"stun grenades?|smoke grenades?|rubber bullets?|water cannons?|pepper spray|"
                             r"beat\w*|into the air|step back|pushed|shoved)\b", re.I)
#: Lethal or injuring force on a demonstration (codebook: excessive force against protesters).
EXCESSIVE_RE = re.compile(r"\b(opened fire (?:at|on)(?! the air)|fired (?:at|on|into) (?:the )?(?:protesters|"
                          r"protestors|demonstrators|crowd|people|rally)|shot (?:at |dead )?(?:protesters|"
                          r"demonstrators)|killed|killing|wounded|wounding|injured|injuring|"
                          r"live (?:fire|ammunition))\b",
                          re.I)
#: Demonstrators' own violence (codebook: violent demonstration).
RIOTING_RE = re.compile(r"\b(rioters?|molotov|threw (?:stones|rocks|bricks|bottles|eggs|paint)|"
                        r"set (?:fire to|on fire)|smashed|vandali[sz]ed)\b", re.I)
#: A mob or lynching among rioters (codebook: mob violence, not a violent demonstration).
MOB_RE = re.compile(r"\b(mob|lynch)", re.I)
#: An air arm as the doer ('Russian air forces fired ...'; general military English).
AIR_ARM_RE = re.compile(r"\b(air ?forces?|aviation|aircraft|warplanes?|jets?|helicopters?|bombers?)\b", re.I)
#: Air defence is no air arm: its fire is no air strike (codebook: air/drone strike).
AIR_DEFENCE_RE = re.compile(r"\bair defen[cs]e", re.I)
#: Verbs of releasing from above: dropped munitions come from aircraft or drones.
DROP_STEMS = ("drop",)
#: Verbs of a placed charge ('blew up the bridge', 'detonated a device'): the codebook's
#: remote explosive, not fire from afar.
PLACED_BLAST = ("ble", "blo", "det")
#: Weapons said to be unknown ('fired unspecified weapons'): general English.
UNKNOWN_MEANS_RE = re.compile(r"\b(?:unspecified|unknown|unidentified|undisclosed) (?:weapons?|arms|means)\b", re.I)
#: Civilian vehicles and buildings (general English).
CIVILIAN_THING_RE = re.compile(r"\b(cars?|bus|buses|minibus|vehicles?|house|houses|homes?|"
                               r"apartments?|shops?|market|church|column of civilians|dormitory|"
                               r"residential|kindergarten|hospital|school|maternity)\b", re.I)
#: People by an unarmed role, and civilian craft (general English).
UNARMED_ROLE_RE = re.compile(
    r"\b(activists?|professors?|head of|directors?|managers?|priests?|drivers?|couple|pensioners?|"
    r"doctors?|nurses?|teachers?|volunteers?|employees?|officials?|mayors?|journalists?|reporters?|"
    r"photographers?|residents?|civilians?|man|woman|men|women|boys?|girls?|child(?:ren)?|family|"
    r"merchant|cargo|civilian|ambulances?|ferry|tanker|farmers?|workers?)\b", re.I)
#: An unorganised crowd (general English).
CROWD_RE = re.compile(r"\b(mob|crowd|residents|locals|villagers|inhabitants|passers-by|bystanders)\b", re.I)
#: Crowds of armed men are armed groups, not mobs.
UNARMED_EXCEPTIONS_RE = re.compile(r"\b(gunm[ae]n|militants?|fighters|armed)\b", re.I)


# --- Actor naming (naming.py) ---

#: 'the missile' told before: its owner is the side that fired it earlier (codebook: actor2).
TOLD_BEFORE_DETS = frozenset({"the", "this", "that"})
#: Officials are civilians when harmed, their government when they act (agree, supply, plan).
OFFICIALS_RE = re.compile(r"\bofficials?\b", re.I)


# --- Fatalities (casualties.py) ---

#: Words of death (codebook: fatalities are deaths only, not injuries).
DEATH_WORDS = frozenset({"kill", "killed", "killing", "kills", "dead", "died", "die", "dies",
                         "death", "deaths", "dying", "lives", "fatalities", "bodies", "slain",
                         "executed", "murdered", "massacred"})
#: Words of harm to people: death or injury (codebook: a target harmed names its victims).
HARM_WORDS = DEATH_WORDS | frozenset({"wounded", "wounding", "wound", "wounds", "injured",
                                      "injuring", "injure", "injures", "injuries", "hurt"})
#: Number words a victim count may be written in ('two civilians').
NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
#: Quantity items that measure time or calibre, not things or people.
NON_COUNT_ITEMS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years",
                             "hour", "hours", "minute", "minutes", "mm", "km", "kilometers",
                             "kilometres", "miles", "percent", "%", "times", "nations"})
#: Units of a quantity fact that measure time or age, never a number of victims.
TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "second"})
#: ACLED's conventional values for vague counts (ACLED FAQ "How does ACLED code fatalities?":
#: 10 for "tens", 12 for "dozens", 100 for "hundreds", and so on). 'Several', 'a few' and
#: 'many' get no number: the public texts we could check give none for them.
VAGUE_COUNTS = {"tens": 10, "dozen": 12, "dozens": 12, "hundreds": 100, "thousands": 1000}
#: Singular nouns that name one person (a count of 1 when no number is given).
PERSON_NOUN_RE = re.compile(
    r"(civilian|resident|person|man|woman|child|boy|girl|villager|local|journalist|mayor|priest|"
    r"volunteer|student|farmer|worker|teacher|doctor|nurse|patient|passenger|pedestrian|citizen|"
    r"hostage|refugee|pensioner|activist|driver|employee|official|head|deputy|director|professor|"
    r"businessman|minor|kid|wife|husband|mother|father|son|daughter|victim|soldier|serviceman|"
    r"servicewoman|officer|commander|general|colonel|pilot|fighter|rebel|militant|policeman|"
    r"guard|sniper|member|leader|firefighter|rescuer|employee|operator|photographer|cameraman|actor)",
    re.I)
#: 'no deaths', 'without casualties': a count of 0 (codebook: fatalities 0 when none reported).
NEGATING_HEADS = frozenset({"no", "without"})
#: Death nouns and adjectives whose head or self is the victim ('two dead', 'deaths').
DEATH_NOUNS = frozenset({"dead", "deaths", "fatalities", "lives"})
#: 'dead' as a result ('were found dead', 'shot dead a man'): the victims are the clause's.
DEAD = "dead"
#: 'the bodies of nearly 200 soldiers': the victims are the 'of' object.
BODIES = "bodies"
#: 'left N dead': the victims are the object of 'left'.
LEAVING_VERBS = ("left",)
#: An explicit statement of the count a report carries ('Unspecified fatalities coded as 10',
#: '(unspecified fatalities coded as 10)', '[10 fatalities coded, ...]'): ACLED-style notes
#: say which number the event holds; it overrides what the story counts.
CODED_AS_RE = re.compile(r"\b(?:fatalities|casualties|deaths)\s+(?:were\s+|are\s+)?coded\s+as\s+(\d+)|"
                         r"\b(\d+)\s+fatalities\s+coded\b(?!\s+to)", re.I)
#: '8 fatalities coded here' names this event's share outright (it wins over the rest).
CODED_HERE_RE = re.compile(r"\b(\d+)\s+(?:fatalities|deaths)\s+(?:were\s+)?coded\s+(?:here|to this event)", re.I)
#: 'N fatalities split among M events': each event holds its share (rounded up: the
#: remainder goes to the first events, so most hold the larger share).
SPLIT_RE = re.compile(r"\b(\d+)\s+(?:fatalities|deaths)\s+(?:were\s+)?split\s+(?:among|between|across)\s+"
                      r"(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+events\b", re.I)
#: '(fatalities coded to Horlivka event)': the deaths belong to the event at that place only.
CODED_TO_RE = re.compile(r"\b(?:fatalities|deaths|casualties)\s+(?:were\s+|are\s+)?coded\s+to\s+(?:the\s+)?"
                         r"(.+?)\s+event\b", re.I)
#: A negative harmed party ('No one was injured', 'nobody was killed', 'no casualties'):
#: the report of an incident's outcome, zero people harmed (English negative pronouns).
NO_HARM_RE = re.compile(r"(?:no one|no-one|nobody|none|no (?:casualties|victims|injuries|deaths|fatalities|people))\b",
                        re.I)
#: Prepositions of the place where something happened ('killed in Kyiv', 'wounded near Izium').
PLACE_PREPS = frozenset({"in", "near", "at"})


# --- Kinds, classes and life stories (gate.py, session 4c) ---
#: Modifiers that make a vehicle a means of trade or travel ('An-70 cargo planes', 'passenger
#: jets'): making or selling them is business, not arms (codebook: strategic developments
#: concern arms and forces of a conflict).
CIVIL_VEHICLE_MODS = frozenset({"cargo", "passenger", "commercial", "civilian", "civil", "freight"})
#: Heads that make a noun modifier name an economic sector ('the aircraft building industry'):
#: a classifying modifier names a kind of activity, not an act (English noun modifiers).
SECTOR_NOUNS = frozenset({"industry", "industries", "sector", "sectors"})
#: Pronouns that head a class of people ('those who have fought for freedom'): a relative
#: clause on them tells what such people did or do, no incident (English free relatives).
GENERIC_HEADS = frozenset({"those", "anyone", "anybody", "everyone", "everybody", "whoever"})
#: Entity labels that anchor a clause to an incident (a time, a place, a count).
ANCHOR_ENTS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL"})
#: 'as a child fled her native land': a life stage dates an act to a person's past, a
#: biography and not news of the period (ACLED codes events as of their date).
LIFE_STAGES = frozenset({"child", "boy", "girl", "teenager", "teen", "youth", "student",
                         "baby", "infant", "toddler", "youngster"})
#: Verbs whose simple present tells an ongoing incident ('clashes continue'), not a kind.
ONGOING_VERBS = frozenset({"continue", "persist", "rage", "resume", "intensify", "escalate",
                           "go", "remain", "spread", "erupt", "hit", "kill", "leave", "rock"})
#: Verbs whose past is spelt as their present ('rebels hit the town'): a VBP tag on them
#: may be a past (English irregular verbs).
SAME_FORM_PAST = frozenset({"hit", "cut", "put", "set", "shut", "spread", "burst", "cast",
                            "beat", "hurt", "let", "quit", "split", "thrust", "shed", "bet",
                            "upset", "broadcast", "forecast", "read", "rid", "slit"})
