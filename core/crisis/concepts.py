"""Concepts: what a clause is about, whatever words it uses.

Each concept is a list of short phrases in a small notation, read over stems
(words.py), so one entry covers every inflection:

    want/wish/hope ** die      "want", "wishes", "hoping"..., up to 3 words, "die"/"died"/"dying"
    go_on                      "_" joins words inside one alternative
    *  one optional word   **  up to three   ***  up to six   $  end of the clause

A text is split into clauses (at . ! ? ; and "but"). A clause is urgent when
its concepts combine (COMBINATIONS): a wish (DESIRE) joined with death
(DEATH), or a wish that is negated joined with living (LIFE: "I don't want
to wake up"); a method with a question, a plan or a time; a close person with
a threat; thoughts of harming someone; self-harm words with oneself. A
negation ("not", "never", "no") up to three words before a concept turns it
round, so "I don't want to die" is ok and "I don't want to be alive" is
urgent. BENIGN phrases (idioms, accidents, other people's deaths, games,
cooking) are blanked before any concept is read.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .words import stem

# Categories, as moderators read them next to what matched.
SUICIDE = "suicide"
WISH_TO_DIE = "wish_to_die"
METHOD = "method"
FAREWELL = "farewell"
SELF_HARM = "self_harm"
HARM_FROM_OTHERS = "harm_from_others"
HARM_TO_OTHERS = "harm_to_others"
HARM_TO_CHILD = "harm_to_child"
WARNING_SIGNS = "warning_signs"
EDITOR = "editor"

CATEGORY_LABELS = {
    SUICIDE: _("Suicide"),
    WISH_TO_DIE: _("Not wanting to live"),
    METHOD: _("Method, plan or means"),
    FAREWELL: _("Goodbyes or giving things away"),
    SELF_HARM: _("Self-harm"),
    HARM_FROM_OTHERS: _("Threat or violence from someone close"),
    HARM_TO_OTHERS: _("Risk of harming someone"),
    HARM_TO_CHILD: _("Risk to a child"),
    WARNING_SIGNS: _("Several warning signs"),
    EDITOR: _("Editors' lexicon"),
}

_NEGATORS = frozenset({"not", "never", "no", "nobody", "nothing", "without", "stop"})

_GAPS = {"*": r"(?:\S+ )?", "**": r"(?:\S+ ){0,3}", "***": r"(?:\S+ ){0,6}"}


def compile_phrase(phrase):
    """One phrase of the notation above as a regex over a clause's stems."""
    pieces = []
    for token in phrase.split():
        if token in _GAPS:
            pieces.append(_GAPS[token])
        elif token == "$":  # noqa: S105 - the notation's end of clause, not a secret
            pieces.append(r"(?=(?:,|and|so|because|then) |$)")
        elif token.startswith("!"):
            alternatives = [" ".join(stem(word) for word in alt.split("_")) for alt in token[1:].split("/")]
            pieces.append("(?!(?:" + "|".join(re.escape(alt) for alt in alternatives) + ") )")
        else:
            alternatives = [" ".join(stem(word) for word in alt.split("_")) for alt in token.split("/")]
            alternatives.sort(key=len, reverse=True)
            pieces.append("(?:" + "|".join(re.escape(alt) for alt in alternatives) + ") ")
    # Clauses are matched with a space at each end, so every word ends in one.
    return r"(?<!\S)" + "".join(pieces)


def compile_concept(phrases):
    """Phrases of the notation, or raw regexes over stems marked "re:"."""
    patterns = [phrase[3:] if phrase.startswith("re:") else compile_phrase(phrase) for phrase in phrases]
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns))


# Lists reused inside concepts.
SELF_WORDS = "i/me/my/myself/mine/kms"
CLOSE = (
    "husband/wife/boyfriend/girlfriend/bf/gf/hubby/partner/fiance/fiancee/ex/dad/father/stepdad/stepfather/mum/mom/"
    "mother/stepmum/stepmom/stepmother/brother/uncle/spouse/he/she"
)
FAMILY = (
    "baby/babies/child/children/kid/kids/son/daughter/newborn/toddler/infant/mum/mom/mother/dad/father/"
    "wife/husband/partner/sister/brother/boyfriend/girlfriend/nan/gran/grandmother/grandfather/flatmate/"
    "roommate/neighbour/neighbor/boss/teacher/classmate/someone/somebody/people/stranger/ex/stepdad/stepmum/"
    "stepmom/stepfather/stepmother/man/woman/guy/bully/bullies/boy/girl/little_one/colleague/coworker"
)
CHILD = "baby/babies/child/children/kid/kids/son/sons/daughter/daughters/newborn/toddler/infant/twins"
BODY = "arm/arms/wrist/wrists/leg/legs/thigh/thighs/skin/stomach/belly/hip/hips/body/vein/veins/chest/face/ankle"
HARM_VERB = "cut/burn/scratch/carve/slice/hurt/harm/punch/hit/bang/bash/scald/starve/bleed/stab/pinch/bite"
VIOLENCE = (
    "kill/murder/stab/shoot/strangle/choke/drown/smother/suffocate/poison/hurt/harm/beat/hit/slit/burn/"
    "shake/throw/push/attack/torture/batter/punch/kick/slap"
)

CONCEPTS = {
    "self": [SELF_WORDS],
    # Naming it outright, for oneself or for someone the writer fears for.
    "suicide": [
        "suicide/suicidal/suicidally/kms/kys/ctb/unalive/unaliving/selfdelete/selfdeleting/toaster_bath",
        "kill/hang/shoot/drown/poison/gas/electrocute/suffocate/strangle/off/unalive myself",
        "end/take/finish my * life",
        "end/finish it all",
        "end it/everything/thing tonight/now/today/soon/this_weekend/for_good/forever/permanently",
        "try/tried/attempt to end it",
        "before/when/after/once i end it",
        "slit my wrist/wrists/throat",
        "i ** overdose/od",
        "took/take an overdose",
        "want/going_to/plan/threaten/talk_about/say *** kill/end/hang/hurt "
        "himself/herself/themselves/his_life/her_life",
    ],
    "desire": [
        "want/wish/hope/pray/ready/decide/intend/tempt/crave/prefer/deserve/long_for/long_to/wait_to/waiting_for",
        "rather",
        "going_to/about_to/plan_to/need_to/would_like/would_love/can_not_wait/urge/urges/feel_like",
        "think_about/thinking_of/dream/fantasise/fantasize/fantasy/obsess/imagine/picture/count_down",
        "try/trying to",
        "keep tell me to",
        "better/easier/kinder/best if/to",
        "better off",
        "wonder what it would feel like",
        "only way out be",
        "could just",
        "relief/relieve/peace/peaceful/look_forward",
        "not * scared/afraid of",
        "not be so/that bad if",
        "not mind if",
        "be nice if",
        "easy to",
        "only thing that get me through",
        "comfort/comforting",
        "make it/everything/this/the_pain",
    ],
    "death": [
        "die/dead/death/dying",
        "end everything/it/thing $",
        "be gone $",
        "be gone forever/for_good/soon/permanently",
        "off gone/dead",
        "not be/exist here/around/alive",
        "not exist/be $",
        "of not exist/be/wak_up",
        "stop exist/live/breath/be",
        "cease to exist",
        "never/not wake up",
        "not have to wake/come up/back",
        "never/not come back",
        "stay asleep",
        "sleep/asleep forever/and_never/and_not",
        "rest forever",
        "disappear/vanish/fade * forever/for_good/permanently/from_this_world",
        "it/everything/life/thing * to end/stop/be_over",
        "it/everything/life/thing * all * end/stop/over",
        "pain * stop/end forever/permanently/for_good",
        "pain would stop if",
        "stop/end * for_good/forever/permanently",
        "it ** over $",
        "be over soon",
        "not have to deal_with/face any_of_this/anything/it_anymore/life/everything",
        "plane/flight * crash/go_down",
        "something terminal",
        "goodbye to this world/life",
        "it over with",
        "just stop $",
        "get hit/run_over/kill by",
        "car/bus/train/lorry/truck/someone *** hit/kill/run_over me",
        "never exist/born",
        "never *** born",
        "let go $",
        "ready to go $",
        "free of *** for_good/forever/permanently",
        "join him/her/them",
        "leave this world/life/earth",
        "be free of",
        "my own funeral/death",
        "my funeral",
        "finish the job",
        "would/will * take me",
        "heart * stop",
        "die in my sleep",
        "go black",
        "way to die",
    ],
    "life": [
        "live/alive/exist",
        "wake up $",
        "wake up again/anymore/tomorrow/in_the_morning/each_day/every_day",
        "be here/around anymore/any_longer/much_longer",
        "be here $",
        "be in this world",
        "go/carry on $",
        "go/carry on anymore/like_this/with_life/much_longer",
        "keep go/live $",
        "keep go/live anymore/any_longer/like_this",
        "do this anymore",
        "see tomorrow",
        "get up anymore",
    ],
    # A closed future: the writer expects not to be alive.
    "future_gone": [
        "not be/going_to_be here/around/alive *** "
        "much_longer/for_long/next/by/after/tomorrow/soon/for_my/to_see/anymore",
        "not going_to be here/around/alive",
        "not think i will be_here/be_around/be_alive/see/make/live/last",
        "i be * already gone/dead",
        "last thing/message/post/time i will ever",
        "not see myself make/making/be/see",
        "by this time tomorrow",
        "i will be gone *** tomorrow/soon/by/next",
        "not going_to make it to/past/until",
        "not hear from me again",
        "last message i will ever",
        "not *** be a problem/bother for/to anyone/anybody *** longer/soon",
        "not see a/any future where/with_me/for_me",
        "can not see/picture/imagine a/any future where/with_me/for_me",
        "tonight be the night",
        "be over for me",
        "last night/day/time i will have to",
        "see myself * dead/gone",
        "not plan/expect on/to be around/here/alive",
        "nobody/no_one need to worry about me",
        "not see myself get/getting/grow older/old",
        "not be alive/here/around to",
        "why i could not stay alive/live/go_on/keep_go/stay",
    ],
    # Seeing no reason to live: urgent alone.
    "hopeless": [
        "no/any/without reason/point/purpose/will ** "
        "live/go_on/keep_go/carry_on/stay/exist/wake/get_up/be_alive/be_here/life",
        "no/any/without reason/point * left",
        "not see the/any point/reason *** live/alive/go_on/carry_on/keep_go/wak_up/try/exist/anything/life/anymore",
        "nothing * to live for",
        "nothing left for me",
        "nothing keep me here/alive/go",
        "no/nothing * worth stay/live",
        "lost * will to live/go_on",
        "not worth live/it_anymore/save/keep_alive/be_alive",
        "tired/sick/done/exhaust/weary/fed_up with/of life/living/live/exist/be_alive/be_here/breath/wak_up",
        "so done $",
        "done with life/everything/it_all/all_of_it",
        "given/give up on life/living/everything/be_alive",
        "can not go_on/carry_on/keep_go/live_like_this/do_this_anymore/do_life/keep_do_this $",
        "can not go_on/carry_on/keep_go/do_this/live/keep_live anymore/any_longer/like_this",
        "not think i can keep/go_on/carry_on",
        "why *** keep live/go_on/bother/carry_on/wak_up",
        "too tired to keep go/fight/live",
        "want out of life/this_life/exist/it_all/everything",
        "want out for_good/forever",
        "what be * the point of/in live/be_alive/anything/life/wak_up/go_on/try",
        "no hope left",
        "not care if i live or die",
        "live or die $",
        "lost all hope",
        "hate be alive/here",
        "be alive hurt/be_too_much/be_unbearable/be_agony",
    ],
    # Despair that ordinary text also has: urgent with another sign.
    "despair": [
        "hopeless/pointless/meaningless/worthless",
        "no hope",
        "no/any/a way out/escape/other_way",
        "no future",
        "not see/picture/imagine * future",
        "can not take/do/handle/cope_with/bear this/it/any anymore/any_longer",
        "can not cope $",
        "want out $",
        "what be * the point/use",
        "give up $",
        "nothing will change",
        "tired/sick of fight/try/everything",
        "hate myself/my_life/be_me",
        "can not live like this",
        "nobody/no_one care/cares/love_me/want_me",
        "i be * done $",
    ],
    "burden": [
        "i be/feel *** burden",
        "nothing but a burden",
        "tired of be * burden/weight/problem",
        "weight on everyone/everybody/their/my_family",
        "move on *** if i *** disappear/die/gone/dead",
        "waste of space/oxygen/air/life",
        "better/happier/easier/lighter/free *** without me",
        "better off without their/our/my mum/mom/dad/mother/father/parent",
        "with me gone",
        "better/happier/easier/lighter ** if i *** gone/dead/die/disappear/exist/born/here/around/vanish/kil/alive",
        "favour/favor by/if * die/gone/disappear/not/kil",
        "nobody/no_one *** miss me",
        "nobody/no_one/anyone *** care/notice/miss/mourn *** if/when i *** "
        "die/dead/gone/disappear/vanish/not_around/kil",
        "if/when i be gone/dead *** nobody/no_one *** care/notice/miss",
        "nobody/no_one *** come to my funeral",
        "if i die/disappear/vanish/kil *** would/will anyone *** care/notice/miss",
        "would/will anyone *** care/notice/miss *** if/when i die/dead/gone/disappear/vanish",
        "everyone would be relieve",
        "would stop/end if i be dead/gone",
    ],
    "intent": [
        "want/going_to/about_to/plan/ready/decide/intend/tempt/gonna/tonight/urge/urges/feel_like",
        "think_about/think_of/keep_think/thought_about/fantasise/fantasize",
        "tell me to",
        "mind keep",
        "keep go back to",
    ],
    "means": [
        "pill/pills/tablet/tablets/meds/medication/medicine/painkiller/paracetamol/tylenol/acetaminophen",
        "ibuprofen/aspirin/insulin/antidepressant/antihistamine/sertraline/codeine/opioid/oxy/sleeping_pill",
        "lethal_dose/overdose/dose/doses",
        "rope/noose/ligature/belt_round",
        "helium/carbon_monoxide/exhaust_fume/exhaust_pipe/hosepipe/charcoal/bleach/antifreeze/poison",
        "gun/shotgun/rifle/bullet/firearm",
        "razor/blade/knife",
        "jump off/from/in_front/into/out",
        "jump $",
        "high/tall * building",
        "bridge/roof/rooftop/balcony/ledge/cliff/car_park/tower/storey/floor_building",
        "fourth/fifth/sixth/seventh/eighth/tenth/top floor",
        "train/trains/platform/track/tracks/railway",
        "into/in_front_of traffic",
        "throw myself",
        "medicine_cabinet/medicine_cupboard",
        "all of them/it $",
        "all my pill/tablet/meds",
        "hang/hanging",
        "car engine",
        "garage",
        "drown/the_sea/river",
        "drive/crash *** into a/the wall/tree/lorry/river/sea/bridge",
        "crash my car",
        "bleed out",
        "way to go/die/do_it/kill_myself/end_it",
    ],
    "query": [
        "how much/many/long/high/far",
        "enough",
        "lethal/painless/quickest/fastest/surest/easiest",
        "would/does/do/will it hurt",
        "it hurt to",
        "what * happen if/when",
        "can you die/survive/overdose/od",
        "best/easiest/quickest/painless way",
        "look up/into",
        "googl/search/research",
        "mix",
        "stockpile/stash/hoard/collect",
        "save up",
        "take/tak/swallow all/everything/a_bunch/a_load/a_lot/a_handful/the_whole/a_whole/a_box/a_packet/a_bottle",
        "swallow",
        "edge",
        "stand/sit/stood on/at/in",
        "engine run",
        "hold my weight",
        "count out",
        "line them up",
        "next to me/beside_me",
        "instant/quick $",
        "drive/walk/go to the/a",
        "peaceful",
        "test whether/if/that",
        "beam",
        "wait for one/it/a_train",
        "chicken/bottle/back out",
        "go to ** with",
        "be on the bridge/roof/ledge/edge/balcony/platform/cliff",
        "buy/bought/get/have/got/keep/hid/hide a/the * rope/gun/blade/pill/pills/tablet/tablets",
        "in front of me",
        "on purpose",
    ],
    "plan": [
        "have/make/got/with a plan $",
        "plan and * date/mean",
        "the mean to do it",
        "set/pick/choose/chose/picked a/the date/day",
        "a date pick/set/chosen",
        "a date $",
        "everything ready for",
        "made my peace",
        "note/letter for ** to find",
        "suicide/goodbye/final/last note/letter",
        "writ * note $",
        "when everyone be asleep",
        "how/where/when i *** do it",
        "how to do it",
        "plan *** do it",
    ],
    "time": [
        "tonight/tomorrow/weekend/friday/saturday/sunday/monday/tuesday/wednesday/thursday/soon/today/now",
    ],
    "farewell": [
        "goodbye/farewell message/messages/letter/letters/note/notes/video/post",
        "goodbye forever",
        "my * goodbye/goodbyes",
        "if you be read this",
        "sorry it have to be like this",
        "sorry for everything",
        "under my pillow",
        "before i go $",
        "life insurance",
        "payout",
        "not your/her/his/their fault",
        "goodbye everyone/all/to_everyone/to_my_friend/to_all",
        "tell/told *** goodbye/goodbyes",
        "without them/anyone know",
        "it be goodbye",
        "not be need/use it/them/this/that",
        "not need it/them/this/that/any anymore",
        "give/gave away all/everything/my_stuff/my_thing/my_belonging",
        "give *** my thing/stuff/belonging/saving/savings *** away/to",
        "give/gave/leav *** to my * nephew/niece/sister/brother/friend *** not/before_i_go",
        "rehome/rehoming",
        "cat/dog/pet/kids/children * go to my",
        "why i do it",
        "new home for my",
        "look after my * when i",
        "my will and",
        "my password",
        "for the last time",
        "the last time",
        "when i be gone/dead/not_here",
        "once/after i be gone/dead",
        "thank you for everything",
        "delet * my account",
        "last post",
    ],
    "self_harm": [
        "selfharm/selfharming/selfinjur/selfinjury/self_mutilat",
        "sh urge/urges/relapse/again",
        "blade/razor in my hand",
        f"{HARM_VERB} myself",
        f"{HARM_VERB} * my * {BODY}",
        f"{HARM_VERB} on/into my {BODY}",
        "razor/blade/blades/knife/sharpener *** my/against/into * skin/arm/wrist/thigh/leg",
        "relapse/relapsed",
        "blade/blades/razor/razors",
        "make new one/ones/cuts/scars",
        "her/his/their cuts/scars",
        "cut/harm/hurt/burn herself/himself/themselves",
        f"{HARM_VERB} *** into/on my {BODY}",
        "i be cut/burn/harm $",
        "feel in control",
        "cut * deep/deeper",
        "close it up",
        "clean for/of",
        "month/week/year/day clean",
        "not cut/harm/burn in * year/month/week/day/while",
        "do/did it again",
        "fresh/new/deep cuts/scars/wounds",
        "hide my scars/cuts/arms",
        "scar/scars",
        "until it/i/my * bleed",
        "make myself bleed/sick/suffer",
        "urge/urges/need/crave to cut/burn/harm/bleed/hurt",
        "cut/burn/harm again",
        "start/stop cut/burn $",
        "head against the/a wall",
        "bang/hit my head",
        "deserve to hurt/suffer/bleed/be_punish/feel_pain",
        "deserve the pain",
        "punish myself",
        "pull my hair",
        "pick my skin",
        "stop take my *** on purpose",
        "for my arm/arms/wrist/wrists/thigh/thighs/leg/legs/skin",
    ],
    "close": [CLOSE, "my ex", "step *", "parent/parents"],
    "threat": [
        f"threaten *** {VIOLENCE}",
        "threaten *** take the kids/children",
        "threaten me/us with",
        f"{CLOSE} *** {VIOLENCE} me/us",
        f"{VIOLENCE} me/us",
        f"{VIOLENCE} the/my/our kids/children/baby",
        f"{VIOLENCE} *** with me in it",
        f"{VIOLENCE} my/our throat/neck/face",
        "hand/hands/belt * round/around/on my neck/throat",
        "knife/gun to/at my/me",
        "knife/gun to/at * head/throat",
        "use it on me",
        "i be dead if i go_to/tell/leav/call/report",
        "make sure i never",
        "if i leav/tell/report/call *** will/would/going_to",
    ],
    # Danger said outright: no one need be named.
    "danger": [
        "pin me",
        "lock me in/up",
        "not let me leave",
        "not * safe at/in home/with",
        "scared/afraid/terrified to go home",
        "fear/afraid/scared/terrified for my life/safety",
        "i be next",
        "finish me",
        "come into my room",
        "rape/raped/rapes me",
        "force/forced me",
        "hand/hands/belt * round/around/on my neck/throat",
        "knife/gun to/at my/me",
        "use it on me",
        "regret it if i",
        "follow/stalk * me",
        "restraining/non_molestation/protective order",
        "push/throw * down the stairs",
        "too scared/afraid/terrified to leave",
        "take/took my phone",
        "can not call anyone/anybody/for_help",
        "if he/she can not have me",
        "show up at my flat/house/work/home/door",
        "hid/put * tracker",
        "tracker in/on my",
        "know where i live/sleep/work",
        "he/she be come $",
    ],
    "harm_thought": [
        "thought/thoughts/urge/urges/image/images/picture/fantasy/fantasies/intrusive",
        "afraid/scared/terrified/worry/fear *** i might/will/could/would/be_going_to",
        "want/plan/go/think_about/tempt/ready/decid to",
        "keep think/picture/imagine",
        "imagine/fantasise/fantasize",
        "i could * kill/hurt",
        "terrif/terrify/scare/frighten",
    ],
    "harm_other": [
        f"{VIOLENCE} *** my/the/our/a/her/his * {FAMILY}",
        f"{VIOLENCE} {FAMILY}",
        "make them pay/suffer",
        "pay with their life/lives",
        "kill them all",
        "shoot up the/a/my/his/her/their",
        "set *** on fire",
        "make him/her/them pay/suffer",
        "burn *** down",
        "with him/her/them in it",
        f"use it on my/the * {FAMILY}",
    ],
    # Harm to him, her or them: with a plan or a strong verb.
    "harm_pronoun": [f"{VIOLENCE} him/her/them", "how i would/could * him/her/them"],
    "weapon": ["bat/knife/gun/crowbar/hammer/machete/axe"],
    "waiting": ["wait for him/her/them", "outside his/her/their house/flat/work", "carry * around", "just in case"],
    # Harm to a child, or what one might do to someone, said outright.
    "child_harm": [
        "i *** shake/shook/smother/hit/hurt/choke/drop/throw/slap my/the * baby/newborn/infant/child/toddler",
        "what i might/could/will/would do to myself/my/the/him/her/them/someone",
        "pillow over * face",
        "urge/urges/thought/thoughts to/of drop/shake/smother/hurt/drown/throw her/him",
        "i could snap",
    ],
    "child": [CHILD],
    # An everyday use of a means: a dose as prescribed, a rope for climbing.
    "final": ["for_good/forever/permanently/once_and_for_all"],
    # Everyday things that end or that one is away for: "I want it all to be
    # over" about exams, "not around next week" on holiday.
    "everyday": [
        "holiday/holidays/abroad/trip/travel/travelling/off_work/business_trip/festival/camp",
        "exam/exams/season/semester/term/shift/commute/meeting/project/deadline/essay/revision/week_at_work",
    ],
    "safe_use": [
        "safe/safely/prescrib/my_gp/my_doctor/pharmacist",
        "should/can i take",
        "a/per/each day",
        "for my * back/pain/cold/headache/migraine/flu/period",
        "start/stop work/working",
        "kick in",
        "wear off",
        "miss a dose",
        "side effect/effects",
        "climbing/tent/washing_line/harness/swing",
    ],
    # Other people: the clause may be about someone else's death or wish.
    "other_death": [
        "my/his/her/our friend/dad/mum/mom/father/mother/brother/sister/uncle/aunt/cousin/grandad/grandma/"
        "gran/nan/grandfather/grandmother/dog/cat/rabbit/pet/hamster/wife/husband/son/daughter/partner ** "
        "die/dead/death/funeral/suicide/overdose/kill_himself/kill_herself/took_his/took_her",
        "die/death/kill/suicide of/by my/his/her/a",
        "late wife/husband/father/mother",
    ],
}

# Idioms and contexts blanked before concepts are read: the words in them
# mean something else. Read over stems, like the concepts.
BENIGN = [
    # "killing me", "dying to", "dead tired", "to die for".
    "be/it/this/that/they/feet/back/head kill me",
    "kill it/time/the_mood/the_vibe/the_engine/weed/germ/bacteria/mould/spider/fly/mice/slug",
    "kill *** interview/exam/presentation/performance/show/game",
    "kill me if/when/for i/she/he/you/my/we !leave/left/tell/told/call/report/go_to_the_police/break_up/try/ever",
    "kill me when/if/for she/he/they/you see/find/hear/spoil/miss/come/dye/get/forget",
    "kill me for !leav/tell/report/call",
    "nearly/almost/practically/literally kill myself",
    "die/dead of/for embarrass/laugh/laughter/boredom/shame/curiosity/thirst/hunger",
    "die/dying to see/know/try/meet/go/hear/get/have/tell/watch",
    "die/dead laugh",
    "nearly/almost die/kill laugh",
    "to die for",
    "bore/scare/worry/frighten/tire/sick to death",
    "death warm up",
    "dead tired/set/end/on/serious/easy/last/heat/wrong/right/beat/quiet/excite/good/proud/happy",
    "deadline/deadlines/deadlock/deadlift",
    "over my dead body",
    "be the death of me/us",
    "phone/battery/laptop/car/plant/plants/houseplant/tomato/flower/charger/torch/tablet/engine/tree/lawn "
    "*** die/dead/dying",
    "so/too boring/embarrass/cringe/awkward/mortify *** want/could * die",
    "boring *** want * die",
    "the hero/villain/character/king/queen die",
    "in the/that/this film/movie/book/novel/game/show/series/play/episode",
    "rather die than",
    "feel/felt like i be going_to/about_to die",
    "think/thought i be going_to/about_to die",
    "panic attack/attacks",
    # Cutting and ending things, not oneself.
    "cut back/down/out/off/up/ties/corner/cost/class/carb/sugar/coffee/alcohol/the/some/his/her/our/their",
    "cut my hair/fringe/nail/nails/dog/cat/lawn/grass/hedge/finger_while/losses",
    "end of the road/day/week/month/year/line/tunnel/era/world/term/meeting/call/film/book/story/season",
    "end thing/it with",
    "not the end of the world",
    "relationship/marriage/friendship/concert/film/game/meeting/party/term/season/show *** end/over",
    "summer/winter/holiday/term/week/weekend/exam/exams be over",
    "over the moon",
    # Accidents.
    "hurt/cut/burn/injur/bruis/scratch myself at/while/during/playing/lifting/run/cook/shav/chop/trip/on_a/on_the",
    "hurt/cut/burn/injur/bruis/scratch my *** at/while/during/playing/lifting/run/cook/shav/chop/on_a/on_the",
    "at the gym",
    "by accident/accidentally",
    "hurt * feeling",
    "burn my tongue/toast/dinner/finger",
    "fall/fell/slip/trip *** hurt",
    # Other people's words, and games.
    "hit me that/how",
    "shot me a",
    "hang out/in_there/up/the_washing/on",
    "hurt him/her/them the way he/she/they hurt me",
    "the way he/she/they hurt me",
    "bit of a burden",
    "drown in",
    "feel/felt like i be die/dying",
    "make me feel like",
    "end in death",
    "beat me at/in",
    # Safe uses of a means.
    "pill/pills/tablet/tablets/meds *** every night/day/morning",
    "stop take my pill/pills/tablet/tablets/meds/medication !on",
    "over the bridge/river",
    "jump rope",
    # Someone else's death and grief.
    "die/died/lost *** by/to/from suicide/overdose",
    "suicide prevention/awareness/loss/hotline/helpline/line/rate/rates/bomber/squad",
    "not suicidal",
    "do not want to die alone/young/before/without",
    # A burden for a while, goodbyes at a party, sleep that is wished for.
    "not want to be a burden",
    "burden on/to nobody/no_one",
    "burden since/after/when/while/ask/asking",
    "without me constantly/complain/nag/moan/snore/talk/interrupt/hover/fuss/watch/check/shout/argu",
    "goodbye dinner/party/drink/drinks/present/card/hug/lunch",
    "say goodbye at/before",
    "sleep in",
    "sleep forever on",
    "sleep for a week",
    "the last time i/we",
    "done with this/my semester/term/exam/exams/project/job/shift/week",
    "ready for a break/holiday/bed/weekend",
]


@dataclass(frozen=True)
class Hit:
    """A concept found in a clause: where (characters of the clause, and
    tokens of the whole text), its stems, and whether a negation precedes."""

    concept: str
    start: int
    end: int
    words: str
    negated: bool
    first_token: int
    last_token: int


_COMPILED = {name: compile_concept(phrases) for name, phrases in CONCEPTS.items()}
_BENIGN = compile_concept(BENIGN)
_BOUNDARIES = frozenset(".!?;")


def _negated(concept, before):
    """A negation up to three words before a concept; for suicide named
    outright only the word right before ("never kill myself", but not "can't
    stop thinking about killing myself")."""
    words = before.split()
    if concept == "suicide":
        return words[-1:] in (["not"], ["never"])
    return any(word in _NEGATORS for word in words[-3:])


def _blank(found):
    return "~ " * len(found.group(0).split())


def read(stem_tokens):
    """The clauses of a text (its stems, one per token) with their concept
    hits: a list of (clause, hits). Idioms are blanked word for word first,
    so token positions still point at the member's words."""
    blanked = _BENIGN.sub(_blank, " " + " ".join(stem_tokens) + " ").split()
    clauses, start = [], 0
    for index, token in enumerate([*blanked, "."]):
        if token in _BOUNDARIES:
            if any(word not in {"~", ","} for word in blanked[start:index]):
                clauses.append((start, " " + " ".join(blanked[start:index]) + " "))
            start = index + 1
    read_clauses = []
    for offset, clause in clauses:
        hits = []
        for name, compiled in _COMPILED.items():
            for found in compiled.finditer(clause):
                before = clause[: found.start()]
                first = offset + before.count(" ") - 1
                last = offset + clause[: found.end()].count(" ") - 1
                hits.append(Hit(name, found.start(), found.end(), found.group(0), _negated(name, before), first, last))
        hits.sort(key=lambda hit: hit.start)
        read_clauses.append((clause, hits))
    return read_clauses


def _turned(clause, first, second):
    """Whether a negation between two hits turns the meaning round ("want to
    not wake up"), counting the first hit's own negation."""
    low, high = (first, second) if first.start <= second.start else (second, first)
    between = clause[low.end : high.start].split()
    return first.negated != any(word in _NEGATORS for word in between)


def _wish(clause, by_name):
    """A wish to die or not to live in one clause, as the hits that say it."""
    for desire in by_name.get("desire", []):
        for death in by_name.get("death", []):
            if (death.start >= desire.start or not death.negated) and not _turned(clause, desire, death):
                return desire, death
        for life in by_name.get("life", []):
            if life.start > desire.start and _turned(clause, desire, life):
                return desire, life
    return None


# Concepts whose negation does not make them safe ("I can't stop hurting
# myself", "I haven't cut in a year but...").
_NEGATION_BLIND = frozenset(
    {"self_harm", "means", "threat", "danger", "farewell", "future_gone", "harm_other", "plan", "despair"}
)


def _first(by_name, name):
    for hit in by_name.get(name, []):
        if name in _NEGATION_BLIND or not hit.negated:
            return hit
    return None


_STRONG_VIOLENCE = frozenset(map(stem, ["kill", "murder", "stab", "shoot", "strangle", "choke", "shake", "smother"]))
# Means that are an act ("jump off", "all of them"), not only a thing: with a
# wish or a time they are a plan; a thing (pills, a train) needs a question.
_ACTS = frozenset(
    map(stem, ["jump", "throw", "hang", "drown", "crash", "drive", "walk", "step", "bleed", "all", "take", "swallow"])
) | {"front", "overdos", stem("rope"), stem("noose")}
# Self-harm words that ordinary text also has: they count with a second sign.
_WEAK_SELF_HARM = frozenset({"scar", "relaps", "do", "clean", "month", "week", "year", "day", "blad", "razor"})
_SIGNS = frozenset({"despair", "desire", "death", "burden", "self_harm", "means", "farewell", "plan", "hopeless"})


def _soft_ending(hit):
    """An ending that everyday things also have ("it all to be over", "not
    around next week"), as opposed to dying named outright."""
    if hit.concept == "future_gone":
        return True
    return hit.concept == "death" and bool({"over", "around", "gone", "here"} & set(hit.words.split()))


def decide(clause, hits, neighbours=()):
    """(category, hits that carried it) for an urgent clause, or None.
    `neighbours` are the hits of the clauses either side."""
    others = [hit for hit in hits if hit.concept == "other_death"]
    hits = [
        hit
        for hit in hits
        if hit.concept not in {"death", "suicide"} or not any(o.start <= hit.start < o.end for o in others)
    ]
    if any(hit.concept == "everyday" for hit in hits):
        hits = [hit for hit in hits if not _soft_ending(hit)]
    by_name = {}
    for hit in hits:
        by_name.setdefault(hit.concept, []).append(hit)
    near = {hit.concept for hit in neighbours}
    for name, category in (
        ("suicide", SUICIDE),
        ("future_gone", WISH_TO_DIE),
        ("hopeless", WISH_TO_DIE),
        ("danger", HARM_FROM_OTHERS),
    ):
        hit = _first(by_name, name)
        if hit:
            return category, [hit]
    wish = _wish(clause, by_name)
    if wish:
        return WISH_TO_DIE, list(wish)
    death, final = _first(by_name, "death"), _first(by_name, "final")
    if death and final and "self" in by_name:
        return WISH_TO_DIE, [death, final]
    burden = _first(by_name, "burden")
    if burden:
        return WISH_TO_DIE, [burden]
    despair = _first(by_name, "despair")
    if despair:
        signs = [hit for hit in list(neighbours) + hits if hit.concept in _SIGNS and hit.words != despair.words]
        if signs:
            return WARNING_SIGNS, [despair, signs[0]]
    if "safe_use" not in by_name:
        for means in by_name.get("means", []):
            for other in ("query", "plan", "intent", "time"):
                for partner in by_name.get(other, []):
                    acting = other in {"query", "plan"} or _ACTS.intersection(clause.split())
                    if partner.start != means.start and acting and not (other == "intent" and partner.negated):
                        return METHOD, [means, partner]
    plan = _first(by_name, "plan")
    if plan and ("time" in by_name or "time" in near or "self" in by_name):
        return METHOD, [plan]
    threat = _first(by_name, "threat")
    if threat and ("close" in by_name or "close" in near or "threaten" in threat.words):
        return HARM_FROM_OTHERS, [threat]
    child_harm = _first(by_name, "child_harm")
    if child_harm:
        return HARM_TO_CHILD if "child" in by_name else HARM_TO_OTHERS, [child_harm]
    harm_other = _first(by_name, "harm_other")
    thought = _first(by_name, "harm_thought")
    if harm_other and thought:
        return HARM_TO_CHILD if "child" in by_name else HARM_TO_OTHERS, [thought, harm_other]
    pronoun = _first(by_name, "harm_pronoun")
    intent = _first(by_name, "intent")
    near_intent = intent and pronoun and intent.end <= pronoun.start
    if near_intent:
        near_intent = len(clause[intent.end : pronoun.start].split()) <= 3
    if pronoun and (near_intent or (thought and pronoun.words.split()[0] in _STRONG_VIOLENCE)):
        return HARM_TO_OTHERS, [pronoun]
    weapon, waiting = _first(by_name, "weapon"), _first(by_name, "waiting")
    if weapon and waiting:
        return HARM_TO_OTHERS, [weapon, waiting]
    farewell = _first(by_name, "farewell")
    if farewell and ("self" in by_name or "self" in near or "goodby" in farewell.words):
        return FAREWELL, [farewell]
    self_harm = _first(by_name, "self_harm")
    if self_harm:
        weak = self_harm.words.split()[0] in _WEAK_SELF_HARM
        if not weak or "self_harm" in near or len(by_name["self_harm"]) > 1:
            return SELF_HARM, [self_harm]
    return None


def concept_matches(read_clauses):
    """Every kind of danger the clauses of a text (as read()) show: a list of
    (category, hits that carried it), one per category, in text order."""
    found = {}
    for index, (clause, hits) in enumerate(read_clauses):
        around = read_clauses[max(0, index - 1) : index + 2]
        neighbours = [hit for _near, near_hits in around if near_hits is not hits for hit in near_hits]
        decision = decide(clause, hits, neighbours)
        if decision is not None:
            found.setdefault(decision[0], decision)
    return list(found.values())
