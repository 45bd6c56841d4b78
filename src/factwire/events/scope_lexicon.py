"""Words that mark a text as reporting what ACLED codes (data for `scope`).

ACLED's codebook ("ACLED Codebook", 2019/2023: "Event types") puts in scope political violence
(battles, explosions/remote violence, violence against civilians), demonstrations (protests,
riots) and strategic developments by political and armed actors. Its events are defined by who
acts and what is used or suffered, not by the action word alone: "attack", "strike", "fight",
"clash", "launch", "shoot", "deal" are ordinary English in sport, business, science and
reviews. So the cues below are the *arguments* of ACLED events - armed and political actors
(codebook: "Actor types": state forces, rebels, militias, identity militias, rioters,
protesters, civilians as victims), the means of violence (weapons), harm to people, and the
few action words that have no everyday use outside conflict (shelled, abducted, evacuated
civilians ...). The ambiguous trigger words themselves are deliberately absent.
"""
from __future__ import annotations

import re

from factwire import casefree

#: Armed and political actors (codebook actor types 1-6 and 8).
ACTOR_CUES = (
    r"troops?|soldiers?|servicem[ae]n|forces|military|army|armies|militar\w+|militants?|rebels?|"
    r"insurgents?|separatists?|militias?|militiamen|jihadists?|terrorists?|gunm[ae]n|"
    r"police|policem[ae]n|security forces|protesters?|protestors?|demonstrators?|rioters?|"
    r"paramilitar\w+|occupiers|invaders|insurgency|guerrillas?|combatants?|activists?|infantry|"
    r"national guards?|air ?force|security service|battalions?|brigades?|regiments?|saboteurs?|marines|"
    r"paratroopers|navy|naval|special forces|commandos?|snipers?|assailants?|attackers|perpetrators|"
    r"mobs?|lynch\w*|vigilantes?|members of (?:the )?(?:\w+ ){0,3}part(?:y|ies)"
)
#: The means of violence (codebook: "Explosions/Remote violence", weapons of battles/attacks).
WEAPON_CUES = (
    r"missiles?|artillery|rockets?|mortars?|shelling|shelled|airstrikes?|air strikes?|air raids?|"
    r"drones?|uavs?|bombs?|bombing|bombings|bombed|explosives?|ieds?|grenades?|rifles?|guns?|gunfire|"
    r"gunshots?|ammunition|weapons?|warplanes?|warships?|landmines?|mines|car bomb|suicide bomber|"
    r"small[- ]arms|machine ?guns?|projectiles?|air defen[cs]es?|anti-aircraft|"
    r"tanks|armou?red|explosions?|blasts?|bursts? of fire|bl[eo]wn? up"
)
#: Harm to people and the war setting (codebook: fatalities; violence against civilians).
HARM_CUES = (
    r"killed|killing|wounded|wounding|casualties|civilians?|hostages?|abduct\w*|kidnapp?\w*|"
    r"tortur\w*|massacre\w*|evacuat\w*|refugees?|ceasefire|truce|invasion|invaded|occupied|"
    r"frontline|front line|battlefield|war crimes?|wartime|warfare|displaced|detained|"
    r"beaten|assaulted|(?:took|taken|taking|regained|seized|established) control"
)
#: Demonstrations (codebook: "Protests", "Riots"): the gathering, not its cause.
PROTEST_CUES = (r"protests?|protested|demonstrations?|demonstrated|rally|rallies|rallied|riots?|rioting|sit-ins?|"
                r"marches|marched|pickets?|picketed|picketing|vigils?|blockades?|blockaded|commemorat\w+|"
                r"(?:held|staged|holding) an? (?:\w+ )?march|"
                r"gathered (?:\S+ ){0,12}?(?:demanding|in support|against|calling for|to \w+)")

SCOPE_CUE_RE = re.compile(r"\b(?:" + "|".join((ACTOR_CUES, WEAPON_CUES, HARM_CUES, PROTEST_CUES)) + r")\b", re.I)

#: Words that are also military or conflict terms are left out ('a company of infantry', 'an
#: explosive device', 'terrorist cells', 'a bomb disposal team', 'armoured personnel carriers').
#: Things and bodies that are not ACLED actors, targets or places (codebook "Actor types": state
#: forces, rebels, militias, rioters, protesters, civilians, external forces; property only as
#: the object of destruction). When the grammatical actor or target of a trigger is one of
#: these, the action word is sport ("the Rangers attacked"), business ("struck a deal with
#: Globex"), science ("launch the probe") or culture ("critics attacked the film").
SPORT_WORDS = (r"games?|matches|season|players?|coach(?:es)?|league|goals?|strikers?|quarterbacks?|keepers?|"
               r"goalkeepers?|referees?|tournaments?|championships?|playoffs?|innings?|touchdowns?|"
               r"defen[cs]emen|rangers|lakers|clubs?|squads?|champions?|basket|winner")
BUSINESS_WORDS = (r"companies|firms?|corp|inc|shares|stocks?|investors?|revenues?|earnings|profits?|prices?|"
                  r"tariffs?|sales|customers?|brands?|startups?|ipo|mergers?|acquisitions?|subscribers?|"
                  r"shareholders?|retailers?|economy|economies|trade war|trade deal|airlines?|dow|nasdaq|"
                  r"index|indices|bonds?|oil prices?|deals? (?:on|for) (?:the |a |an )?\w+s\b")
SCIENCE_WORDS = (r"nasa|spacecraft|probes?|telescopes?|planets?|moons?|comets?|asteroids?|galax(?:y|ies)|orbit|"
                 r"engines?|astronauts?|receptors?|bacteria|virus(?:es)?|molecules?|genes?|software|apps?|"
                 r"iphones?|laptops?|consoles?|smartphones?")
CULTURE_WORDS = (r"films?|movies?|albums?|songs?|singers?|actors?|actress(?:es)?|episodes?|novels?|"
                 r"books?|reviews?|critics?|characters?|bosses|gamers?|players?|villains?|"
                 r"twist|ending|scenes?|stars?")
OFF_DOMAIN_RE = re.compile(r"\b(?:" + "|".join((SPORT_WORDS, BUSINESS_WORDS, SCIENCE_WORDS, CULTURE_WORDS)) + r")\b",
                           re.I)

#: The same patterns without re.I, for lower-cased text (factwire/casefree.py: same matches, the
#: scan ~3-4x faster, 2.2 -> 0.6 ms an article); None if a list ever gains a letter that rules it out.
SCOPE_CUE_LOWER_RE = casefree.twin(SCOPE_CUE_RE)
OFF_DOMAIN_LOWER_RE = casefree.twin(OFF_DOMAIN_RE)
