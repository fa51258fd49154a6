"""The word lists of the figures stage, read from data when the pipeline first needs them.

Which verbs, adjectives and nouns tell harm, of which category; whom a victim word names; the words that mark a
tally, a revision, a subset or a hypothetical. They live in data (data/casualties.toml, context.toml,
vocabulary.toml) and are read once, when the pipeline is built or first reads a text, never when sitrep is
imported; several other stages (grouping, actors, dates, events) share them through `vocab()`.
"""
from __future__ import annotations

from functools import cache

from sitrep import lexicon

CATEGORY_ORDER = ("killed", "injured", "displaced", "abducted", "arrested", "missing")


class Vocabulary:
    """The word lists the figures stage reads (data/casualties.toml, context.toml, vocabulary.toml), built once
    when the pipeline first reads a text (`vocab()`), not when the module is imported."""

    def __init__(self) -> None:
        cas, ctx = lexicon.load("casualties"), lexicon.load("context")

        def index(kind: str) -> dict[str, str]:
            out: dict[str, str] = {}
            for cat in CATEGORY_ORDER:
                for w in cas[cat].get(kind, []):
                    out.setdefault(w, cat)
            return out

        one = cas["one_victim"]
        self.VERBS = index("verbs")
        self.INTRANSITIVE = index("intransitive")
        self.ADJECTIVES = index("adjectives")
        self.NOUNS = index("nouns")
        self.OF_NOUNS = index("of_nouns")
        self.PHRASES = {tuple(p.split()): cat for cat in CATEGORY_ORDER for p in cas[cat].get("phrases", [])}
        self.SUBJECT_PHRASES = {tuple(p.split()): cat for cat in CATEGORY_ORDER
                                for p in cas[cat].get("subject_phrases", [])}
        # The words a phrase of either table starts with: a verb not among them heads no phrase (most verbs).
        self.PHRASE_FIRSTS = frozenset(ph[0] for ph in (*self.PHRASES, *self.SUBJECT_PHRASES))
        # Verb -> words that, in its clause, make it no casualty verb ("evacuated to hospital").
        self.NOT_WITH = {verb: set(words) for cat in CATEGORY_ORDER
                         for verb, words in cas[cat].get("not_with", {}).items()}
        self.DISPLACE_NEEDS = set(cas["displaced"]["needs"])
        self.STATUS_ACTS = set(cas["displaced"]["status_acts"])
        self.VICTIM_WORDS = {w: kind for kind in ("civilians", "security_forces", "militants")
                             for w in cas["victims"][kind]}
        self.MIXED = [tuple(p.split()) for p in cas["victims"]["mixed"]]
        self.PEOPLE_NOUNS = set(cas["people"]["nouns"])
        self.NOT_PEOPLE = set(cas["not_people"]["nouns"])
        self.HOUSEHOLDS = set(cas["not_people"]["households"])
        self.COLLECTIVE = set(cas["not_people"]["collective"])
        self.COMPANIONS = set(cas["people"]["companions"])
        self.ZERO_NOUNS = set(cas["people"]["zero"])
        self.ONE_VICTIM_CATEGORIES = set(one["categories"])
        self.NOT_PERSON_ENTITIES = set(one["not_entities"])
        self.SINGULAR_DETS = set(one["determiners"])
        self.COMPANION_PREPS = set(one["companion_preps"])
        self.NO_ONE_VICTIM = set(one["not_categories"])
        self.VICTIM_OF_NOUNS = set(one["of_nouns"])
        self.BODY_NOUNS = set(one["body_nouns"])
        self.OUTCOME_NOUNS = set(one["outcome_nouns"])
        self.OUTCOME_VERBS = set(one["outcome_verbs"])
        self.BODY_FOUND_VERBS = set(one["body_found_verbs"])
        self.ONE_OWNERS = set(one["one_owners"])
        self.MOTIVE_PREPS = set(one["motive_preps"])
        self.MOTIVE_GOVERNORS = set(cas["motive"]["governors"])
        self.ALLEGATION_GOVERNORS = set(cas["motive"]["describing"])
        self.CAUSE_PREPS = set(cas["motive"]["cause_preps"])
        self.AGGREGATE = lexicon.Phrases(ctx["aggregate"]["phrases"])
        self.BOUNDED_AFTER = set(ctx["aggregate"]["bounded_after"])
        self.BOUNDED_BEFORE = set(ctx["aggregate"]["bounded_before"])
        self.MANY_INCIDENTS = set(ctx["aggregate"]["many_incidents"])
        self.TOLD_APART = set(ctx["aggregate"]["told_apart"])
        self.COMPARATIVES = set(ctx["aggregate"]["comparatives"])
        self.AGGREGATE_SUBJECTS = set(ctx["aggregate"]["subjects"])
        self.NAME_ENTITIES = set(ctx["aggregate"]["not_in_names"])
        order = cas["subject_order"]
        self.ORDER_OPENERS = set(order["openers"])
        self.ORDER_GAPPED = set(order["gapped"])
        self.ORDER_PHRASE = set(order["phrase"])
        self.ORDER_AUX = set(order["auxiliaries"])
        self.ORDER_PASSIVE = set(order["passive"])
        self.ORDER_WINDOW = int(order["window"])
        self.MODALS = set(ctx["hypothetical"]["modals"])
        self.HYPOTHETICAL_GOVERNORS = set(ctx["hypothetical"]["governors"])
        self.TOLD_AS_FACT = set(ctx["hypothetical"]["factual_marks"])
        self.SUPERSEDED = set(ctx["superseded"]["phrases"])
        self.REVISION = lexicon.Phrases(ctx["superseded"]["revision"])
        self.SUBSET_PREPS = set(ctx["subset"]["preps"])
        self.PARTITIVE = set(ctx["subset"]["partitive"])
        self.UNCOUNTED_GROUPS = set(ctx["subset"]["group_pronouns"])
        self.ATTACK_NOUNS = lexicon.attack_nouns()
        self.TOLL_NOUNS = set(ctx["toll"]["nouns"])
        self.TOLL_OF_NOUNS = set(ctx["toll"]["of_nouns"])
        self.TOLL_UPDATE = set(ctx["toll"]["update"])
        self.TOLL_PREPS = set(ctx["toll"]["preps"])
        self.TOTAL_WORDS = set(ctx["toll"]["total_words"])
        self.COPULAR_TOLL_SUBJECTS = set(ctx["toll"]["copular_subjects"])
        self.RAISING = set(ctx["raising"]["verbs"])
        self.ADDITIVE_COUNTED = set(ctx["additive"]["counted"])
        self.COMBINED = set(ctx["combined"]["categories"])
        self.ADDITIVE_BEFORE: dict[str, int] = ctx["additive"]["before"]
        self.ADDITIVE_ADVERBS = set(ctx["additive"]["adverbs"])
        self.OTHER_COUNTED = set(ctx["additive"]["other_counted"])
        self.OTHER_BEFORE: dict[str, int] = ctx["additive"]["other_before"]


@cache
def vocab() -> Vocabulary:
    """The figures stage's word lists, read once when first needed."""
    return Vocabulary()


def harm_lemmas(categories: set[str]) -> frozenset[str]:
    """The verbs and nouns that tell harm of these categories ("murder", "die", "killing" for killed)."""
    cas = lexicon.load("casualties")
    return frozenset(w for cat in categories for kind in ("verbs", "intransitive", "of_nouns")
                     for w in cas[cat].get(kind, []))
