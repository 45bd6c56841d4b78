"""Sub-event classification: the codebook's rules from (action, weapon, target, story) to an
ACLED sub-event type.

Codebook definitions behind the rules (ACLED codebook, "Event types and sub-event types"):
Battles are violent interactions between two organised armed groups (armed clash; territory
taken with fighting); Explosions/Remote violence is one-sided violence by remote means (air or
drone strikes; shelling, artillery, missiles; remote explosives, landmines, IEDs; grenades;
suicide bombs; chemical weapons); Violence against civilians is violence by an armed group
against unarmed non-combatants (attack, abduction, sexual violence); Strategic developments
are non-violent but significant (agreements, arrests, disrupted weapons use such as
interceptions, non-violent transfers of territory, looting, bases established, other)."""
from __future__ import annotations

from . import syntax
from .actors import CIVILIAN_RE, FORCE_RE, REBEL_RE, normalize_actor
from .codebook import ARMED_NAMES, SUB_EVENT_TYPES, VIOLENT_FAMILY, WEAPON_SUB_EVENT
from .frame import Frame
from .lexicon import (
    AIR_ARM_RE,
    AIR_DEFENCE_RE,
    CIVILIAN_THING_RE,
    CROWD_RE,
    DESTROY_STEM,
    DROP_STEMS,
    EXCESSIVE_RE,
    INTERVENTION_RE,
    MILITARY_THING_RE,
    MOB_RE,
    NO_FIGHT_RE,
    PLACED_BLAST,
    RIOTING_RE,
    UNARMED_EXCEPTIONS_RE,
    UNARMED_ROLE_RE,
    UNKNOWN_MEANS_RE,
)


def sub_event(frame: Frame) -> str | None:
    """ACLED sub-event type for a frame (codebook rules; see module docstring)."""
    action, cls = frame.action, frame.weapon_class
    fixed = FIXED_SUB_EVENT.get(action)
    if fixed:
        return fixed
    if action in ("capture", "regain"):
        return _territory(frame)
    if action in ("protest", "riot"):
        return _demonstration(frame)
    if action == "intercept":
        return "Shelling/artillery/missile attack" if frame.target_class == "manned" else "Disrupted weapons use"
    if frame.observed:
        return _observed(frame)
    if action in ("attack", "shoot", "kill", "injure") and _unorganised_doer(frame):
        return "Mob violence"  # residents throwing stones at a tank do not shell it
    if action in TWO_SIDED_ACTIONS and frame.exchange:
        return "Armed clash"
    if cls in (None, "shelling", "ied") and _from_the_air(frame):
        return "Air/drone strike"
    if cls in WEAPON_SUB_EVENT:
        return WEAPON_SUB_EVENT[cls]
    return _by_action(frame)


def _from_the_air(frame: Frame) -> bool:
    """Fire by an air arm, or munitions dropped ('dropped cluster bombs') - codebook: an air
    or drone strike is an attack from the air, whatever the munition."""
    actor = frame.actor or ""
    if AIR_ARM_RE.search(actor) and not AIR_DEFENCE_RE.search(actor):
        return True
    return frame.trigger.lower_.startswith(DROP_STEMS) and frame.weapon_class is not None


#: Actions of fire that become a clash when the other side fires back in the same story.
TWO_SIDED_ACTIONS = frozenset({"fire", "shoot", "explode", "shell", "attack", "strike"})


def _by_action(frame: Frame) -> str:
    """Sub-event when no remote weapon decides it."""
    action, cls = frame.action, frame.weapon_class
    if action in ("fire", "shoot") and (cls == "small_arms" or _civilian_target(frame) or _unknown_means(frame)):
        return _violence(frame)
    if frame.trigger.lower_.startswith(DESTROY_STEM) and cls is None:
        return _violence(frame)
    if action == "shell":
        return "Shelling/artillery/missile attack"
    if action == "strike":
        return "Air/drone strike" if cls == "air" else "Shelling/artillery/missile attack"
    if action == "explode" and frame.trigger.pos_ == "VERB" and frame.trigger.lower_[:3] in PLACED_BLAST:
        return "Remote explosive/landmine/IED"
    if action in ("explode", "fire"):
        return "Shelling/artillery/missile attack"
    return _violence(frame)


def _unknown_means(frame: Frame) -> bool:
    """'fired unspecified weapons at the positions': the report says the means is unknown, so
    the codebook's condition for remote violence (remote means used) is not met, and fire
    between armed groups is a clash (`_violence` decides by the target)."""
    return frame.weapon_class is None and bool(UNKNOWN_MEANS_RE.search(frame.sent.text))


def _civilian_target(frame: Frame) -> bool:
    """Fire aimed at civilians, or at a civilian vehicle or home with civilians hurt ('fired
    on a car ..., one civilian died')."""
    target = frame.target or ""
    if CIVILIAN_RE.search(target):
        return True
    return bool(CIVILIAN_THING_RE.search(target) and CIVILIAN_RE.search(frame.sent.text))


def _observed(frame: Frame) -> str:
    """A monitor's count of explosions, projectiles or shots: fire both ways or small-arms
    fire is a clash between the armed sides; otherwise remote fire (codebook: shelling when
    the weapon is unknown or heavy)."""
    if frame.exchange or frame.weapon_class == "small_arms":
        return "Armed clash"
    return WEAPON_SUB_EVENT.get(frame.weapon_class, "Shelling/artillery/missile attack")


FIXED_SUB_EVENT = {
    "clash": "Armed clash",
    "withdraw": "Non-violent transfer of territory", "abduct": "Abduction/forced disappearance",
    "rape": "Sexual violence", "arrest": "Arrests", "loot": "Looting/property destruction",
    "agree": "Agreement", "supply": "Other", "manufacture": "Other", "displace": "Other",
    "establish": "Headquarters or base established",
    "move": "Change to group/activity",
}


def _violence(frame: Frame) -> str:
    """attack/shoot/kill without a remote weapon: on civilians -> Attack, on armed -> clash
    (codebook: violence against civilians targets the unarmed; armed on armed is a battle)."""
    if _unorganised_doer(frame):
        return "Mob violence"
    target = normalize_actor(frame.target, None) or ""
    if target.startswith(ARMED_NAMES):
        return "Armed clash"
    if target.startswith("Civilians") or _civilian_target(frame) or _unarmed_target(frame):
        return "Attack"
    actor = frame.actor or ""
    armed_actor = FORCE_RE.search(actor) or REBEL_RE.search(actor)
    if armed_actor and not CIVILIAN_RE.search(REBEL_RE.sub(" ", frame.sent.text)):
        return "Armed clash"  # forces attacking with no civilian in sight fight other forces
    return "Attack"


def _unarmed_target(frame: Frame) -> bool:
    """A target named by an unarmed role or a civilian craft ('shot dead a professor',
    'opened fire on an ambulance', 'attacked the merchant ship'), or a person by name, with
    no armed word in it (codebook: violence against civilians targets the unarmed)."""
    target, tok = frame.target or "", frame.target_tok
    if not target or FORCE_RE.search(target) or REBEL_RE.search(target) or MILITARY_THING_RE.search(target):
        return False
    return bool(UNARMED_ROLE_RE.search(target)) or (tok is not None and tok.ent_type_ == "PERSON")


def _unorganised_doer(frame: Frame) -> bool:
    """Violence done by residents or a crowd, not by an armed group (codebook: mob violence
    is violence by rioters - an unorganised group - outside a demonstration)."""
    actor = frame.actor or ""
    if not actor:
        subj = syntax.argument(frame.trigger, syntax.SUBJECT_DEPS)
        actor = " ".join(x.text for x in subj.subtree) if subj is not None else ""
    armed = FORCE_RE.search(actor) or REBEL_RE.search(actor) or UNARMED_EXCEPTIONS_RE.search(actor)
    return bool(CROWD_RE.search(actor)) and not armed


def _territory(frame: Frame) -> str:
    """Taken with fighting -> Battles (government regains / non-state or foreign actor
    overtakes); without -> Non-violent transfer of territory."""
    text = frame.story
    if NO_FIGHT_RE.search(text):
        return "Non-violent transfer of territory"
    return "Government regains territory" if frame.action == "regain" else "Non-state actor overtakes territory"


def _demonstration(frame: Frame) -> str:
    """Codebook: riots when demonstrators are violent; protests by the force used on them."""
    text = frame.story
    if frame.action == "riot":
        return "Mob violence" if MOB_RE.search(text) else "Violent demonstration"
    if RIOTING_RE.search(text):
        return "Violent demonstration"
    if frame.fatalities or EXCESSIVE_RE.search(text):
        return "Excessive force against protesters"
    if INTERVENTION_RE.search(text):
        return "Protest with intervention"
    return "Peaceful protest"


def violent(frame: Frame) -> bool:
    """Is the frame's sub-event one of the codebook's violent event types?"""
    return SUB_EVENT_TYPES.get(sub_event(frame) or "") in VIOLENT_FAMILY
