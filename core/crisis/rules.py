"""The detector's built-in lexicon: what a cry for help sounds like, and the
everyday phrases that only sound like one.

Rules are regular expressions over normalised text (see normalise.py: lower
case, contractions expanded, words and punctuation separated by one space).
Before the rules run, the idioms in MASKS are blanked out, so "this traffic
is killing me" or "cut the onion" never reach them. A strong rule alone
makes a text urgent; weak rules (warning signs that ordinary text also
has) count only when two different ones appear in the same text.

Macros in braces keep the patterns readable: {W} is any one word, {G2} up to
two words, {END} the end of a clause, {SELF} a reflexive pronoun, and so on.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

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

MACROS = {
    "W": r"[a-z']+",
    "G1": r"(?:[a-z']+ )?",
    "G2": r"(?:[a-z']+ ){0,2}",
    "G3": r"(?:[a-z']+ ){0,3}",
    "G5": r"(?:[a-z']+ ){0,5}",
    # End of a clause: punctuation, the end of the text, or a joining word.
    "END": r"(?= [.!?;:,)\"]|$| and | but | because | so | i | anymore| any longer| like this| for good| forever)",
    "SELF": r"(?:myself|himself|herself|themselves|themself|yourself|ourselves)",
    "ME_SELF": r"(?:myself|my own self)",
    "I": r"(?:i|i am|i have|i have been|i was|i will|i would|i keep|i just|i really|i do|i feel like|i think i)",
    "NOT": r"(?:not|never|no longer|not even)",
    "WANT": (
        r"(?:want|wants|wanted|wanting|wish|wished|wishes|wishing|hope|hoping|pray|praying|long|longing|"
        r"ready|going|decided|deciding|deserve|deserves|need|needs|plan|plans|planned|planning|urge|urges|"
        r"prefer|tempted|desperate|trying|tried|try|about|preparing|prepared|intend|intending|like|love)"
    ),
    "KILL": (
        r"(?:kill|kills|killed|killing|kil|murder|murdering|off|offing|top|topping|end|ending|hang|hanging|"
        r"shoot|shooting|drown|drowning|poison|poisoning|gas|gassing|stab|stabbing|electrocute|neck|necking|"
        r"suffocate|suffocating|strangle|strangling|delete|deleting|unalive|unaliving|destroy|destroying)"
    ),
    "HARM": (
        r"(?:hurt|hurts|hurting|harm|harms|harmed|harming|cut|cuts|cutting|burn|burns|burned|burnt|burning|"
        r"scratch|scratched|scratching|carve|carved|carving|punish|punished|punishing|starve|starved|starving|"
        r"hit|hitting|punch|punched|punching|injure|injured|injuring|bruise|bruising|mutilate|mutilating)"
    ),
    "BODY": r"(?:arms?|wrists?|legs?|thighs?|skin|stomach|belly|hips?|body|chest|face|ankles?|veins?)",
    "PILLS": (
        r"(?:pills?|tablets?|meds|medication|medicine|painkillers?|paracetamol|tylenol|acetaminophen|"
        r"ibuprofen|aspirin|insulin|sleeping pills|antidepressants|sertraline|codeine|opioids?|oxy\w*)"
    ),
    "CLOSE": (
        r"(?:husband|wife|boyfriend|girlfriend|partner|fiance|fiancee|ex|ex husband|ex wife|ex boyfriend|"
        r"ex girlfriend|dad|father|stepdad|stepfather|mum|mom|mother|stepmum|stepmom|stepmother|brother|"
        r"uncle|son|carer|spouse|he|she)"
    ),
    "CHILD": (
        r"(?:baby|babies|child|children|kid|kids|son|sons|daughter|daughters|newborn|toddler|infant|"
        r"little one|little ones|boy|girl|twins|stepson|stepdaughter)"
    ),
    "PERSON": (
        r"(?:(?:the|those|these|all the|all those) (?:people|person|man|woman|guy|girl|boys|girls|kids|ones|"
        r"bully|bullies|men|women)|him|her|them|someone|somebody|people|everyone|everybody|"
        r"the \w+ next door|my (?:ex |own |little |older |younger |step)?(?:husband|wife|partner|boyfriend|girlfriend|"
        r"ex|boss|manager|dad|father|mum|mom|mother|parents|brother|sister|son|daughter|neighbour|neighbor|"
        r"neighbours|roommate|flatmate|housemate|teacher|coworker|co worker|colleague|classmate|family|friend|"
        r"friends|uncle|aunt|cousin|kids|children|baby|grandmother|grandfather|nan|gran|in laws|mother in law))"
        r"(?! (?:the way|as much as|like (?:he|she|they)|back\b|emotionally|feelings|his feelings|her feelings))"
    ),
    "GOON": r"(?:go|going) on(?= [.!?;:,)]|$| anymore| any longer| like this| living| with (?:my |this )?life| much longer| and | for)",
    "INTENT": (
        r"(?:want|wants|wanted|wanting|wish|wished|wishes|wishing|hope|hoping|pray|praying|long|longing|ready|"
        r"going to|decided|deciding|deserve|deserves|plan|plans|planned|planning|urge|urges|prefer|tempted|"
        r"desperate|about to|preparing to|prepared to|intend|intending|would like|would love|need to|needs to)"
    ),
    "GLUE": (
        r"(?:(?:to|just|really|simply|finally|about|of|that|i|could|would|can|be|so|all|it|this|my life|my own life|"
        r"everything|get|go|go to sleep|fall asleep|and|then|quietly|peacefully|already|myself|being|not|never|"
        r"soon|now|tonight|someday|one day|forever) ){0,5}"
    ),
    "DEATH": (
        r"die|dying|death|be dead|being dead|dead{END}|be over{END}|over with|over{END}|gone forever|be gone|"
        r"(?:disappear\w*|vanish\w*) (?:forever|for good|for ever|from this world|and never come back)|not (?:be )?(?:here|around|alive)(?: anymore)?{END}|not exist\w*|"
        r"sleep forever|asleep forever|never wake up|not wake up|never come back|never waking up|end it|end my life|"
        r"end everything|ending it|ending it all|ending my life|ending everything|kill myself|killing myself|hang myself|drown myself|overdos\w*|stop breathing|"
        r"stop living|stop existing|leave this world|leave this life|cease to exist|be with (?:him|her|them) in heaven"
    ),
    "GONE": r"(?:gone|dead|not here|not around|not alive|no longer here|no longer around|not in the picture)",
    "THREAT_VERB": (
        r"(?:kill|hurt|harm|hit|beat|stab|shoot|strangle|choke|murder|burn|break my|break your|end me|finish me)"
    ),
}


def expand(pattern):
    for _round in range(3):
        pattern = re.sub(r"\{([A-Z_0-9]+)\}", lambda match: MACROS[match.group(1)], pattern)
    return pattern


@dataclass(frozen=True)
class Rule:
    name: str
    category: str
    pattern: str
    weak: bool = False


# Everyday phrases blanked out before the rules run. Each is an idiom or a
# context that is about something else (an accident, a story, a loss in
# the past), so the words inside it cannot make a text urgent.
MASKS = [
    # "killing me" / "kills me" as complaints: the traffic, my feet, the suspense.
    r"\b(?:is|are|was|were|been|it|this|that|they|these|those) (?:\w+ )?(?:killing|kills|killed) me\b(?! if| when i| one day| someday)",
    r"\b(?:will|would|going to|is going to|gonna|is gonna) (?:literally )?kill me (?:if|when|for) (?:i|she|he|they|you|my|we)"
    r"(?! leave| left| tell| told| call| go to the police| report| take the kids| break up)",
    r"\bkill me (?:now|already)\b",
    r"\b(?:dying|died|die) (?:to|for|of) (?:see|know|try|meet|go|hear|get|have|a|an|the|laughing|laughter|"
    r"embarrassment|shame|boredom|curiosity|fright|thirst|hunger|cup|coffee|tea|pint|holiday|break|drink)\b",
    r"\b(?:die|died|dying|dead) (?:laughing|of laughter)\b",
    r"\bnearly died (?:when|of|laughing)\b",
    r"\bto die for\b",
    r"\b(?:bored|scared|worried|frightened|tired|sick) to death\b",
    r"\bdead (?:tired|set|end|ends|on|serious|easy|last|heat|wrong|right|beat|quiet|centre|center|of winter|of night)\b",
    r"\bdead(?:line|lines|lock|lift|pan|ly serious)\b",
    r"\bover my dead body\b",
    r"\b(?:be|been|is) the death of (?:me|us)\b",
    r"\b(?:would|will) die before\b",
    r"\brather (?:die|be dead) than\b(?! (?:feel|live|go on|carry on|keep|be like this|wake up|face|spend another|be me|exist))",
    r"\b(?:would|will|could|can) (?:kill|murder) (?:for|a|an)\b",
    r"\bkill(?:ing|ed)? (?:it|time|the lights|the light|the engine|the mood|the vibe|the music|the process|weeds|"
    r"a process|the weeds|bacteria|germs|mould|mold|the spider|spiders|mice|slugs|flies|the battery)\b",
    r"\b(?:nearly|almost|practically|literally) (?:killed|kill) myself\b",
    r"\bkilled myself laughing\b|\bnearly killed myself laughing\b|\balmost killed myself laughing\b",
    r"\b(?:phone|battery|car|laptop|plant|plants|tomatoes|flowers|conversation|engine|signal|tablet|charger|torch|headphones|tracker|watch)(?:'s)? (?:\w+ ){0,2}(?:dying|died|dead|die)\b",
    r"\b(?:the )?(?:hero|villain|character|dog|king|queen|mother|father) (?:\w+ )?dies at the end\b",
    # Cutting things other than oneself.
    r"\bcut(?:ting|s)? (?:the|an|a|some|my|your|his|her|our|their|back|down|out|off|up|in|ties|corners|costs|"
    r"class|classes|school|loose|short|along|through|to the chase|it out|him off|her off|them off|me off|"
    r"me out|him out|her out|them out|carbs|sugar|coffee|alcohol)\b(?! (?:arms?|wrists?|thighs?|skin|legs?)\b)",
    # Injuries by accident.
    r"\b(?:hurt|cut|burned|burnt|injured|scratched|bruised|hit) (?:myself|my (?:\w+ )?(?:knee|back|hand|finger|thumb|"
    r"arm|leg|ankle|foot|wrist|head|shoulder|neck|toe|elbow|hip|lip|face|hands|fingers|feet|knees)) (?:at|while|when|playing|lifting|"
    r"running|during|in the|by accident|accidentally|chopping|cooking|shaving|falling|opening|slicing|on the|"
    r"on a|on an|doing|at the)\b",
    r"\b(?:fell|slipped|tripped) (?:\w+ ){0,4}(?:and )?(?:hurt|cut|injured|bruised|hit)\b",
    # Ending things that are not a life.
    r"\bend(?:s|ed|ing)? (?:of )?(?:the|a|an|our|my|this|that|their|his|her|things with|it with) "
    r"(?:day|week|month|year|road|tunnel|line|era|world|meeting|call|relationship|friendship|marriage|engagement|"
    r"film|book|series|story|term|project|argument|rope|season|email|conversation|session|shift|contract|lease)\b",
    r"\b(?:ended|ending|end|ends) (?:things|it) with (?:my|him|her|them)\b",
    r"\bnot the end of the world\b",
    # A loss in the past, someone else's: grief, not danger now.
    r"\b(?:died|death|deaths|dies|lost (?:\w+ ){0,3}to|loss to|loss of \w+ to|after|since|grief after) "
    r"(?:by |of |from |to |a |an )?(?:suicide|overdose|an overdose|suicide loss)\b",
    r"\b(?:his|her|their|uncle's|aunt's|father's|mother's|dad's|mum's|mom's|brother's|sister's|friend's|son's|daughter's) "
    r"(?:suicide|overdose)\b",
    r"\b[a-z]+'s (?:suicide|overdose)(?: attempt| attempts)?\b",
    r"\bsuicide (?:prevention|awareness|loss|hotline|helpline|line|squad|bombers?|rates?|statistics|research)\b",
    r"\b(?:he|she|they|friend|brother|sister|cousin|uncle|aunt|dad|father|mum|mom|mother|son|daughter) "
    r"(?:\w+ ){0,2}(?:killed|hanged|shot) (?:himself|herself|themselves)\b",
    r"\b(?:he|she|they|friend|brother|sister|cousin|uncle|aunt|dad|father|mum|mom|mother|son|daughter|grandad|grandfather|grandma|grandmother) "
    r"(?:\w+ ){0,2}(?:took|ended) (?:his|her|their) (?:own )?life\b",
    r"\b(?:\w+ )(?:overdosed) (?:years|months|weeks|last|a few|on heroin|and died|and passed)\b",
    r"\bwhat should i say to (?:\w+ ){1,4}(?:took|ended)\b",
    # "Not suicidal", "don't want to die alone/young/without...".
    r"\b(?:am|is|are|was|feel) not suicidal\b",
    r"\bdo not (?:want|wish) to die (?:alone|young|without|before|in|like|of|from)\b",
    r"\b(?:do not|never) want to be a burden (?:on|to) (?:my |our )?(?:children|kids|family) when\b",
    # A burden while moving house, with a broken leg...
    r"\bburden (?:when|while|since) i (?:ask|broke|need|moved|am ill|was ill)\b",
    r"\bbit of a burden\b",
    # Sleep that is wished for, not death.
    r"\bsleep (?:for|until) (?:a week|days|hours|a year|ever on|noon|lunch)\b",
    r"\bsleep forever on (?:\w+days|weekends)\b",
    # Films, books and games.
    r"\b(?:in the|in that|in this) (?:film|movie|book|novel|game|show|series|play|episode)\b",
    r"\bthe killer\b|\bkiller (?:in|at)\b|\bis a killer\b",
]

RULES = [
    # Suicide, named or in slang.
    Rule(
        "suicide",
        SUICIDE,
        r"\b(?:suicid(?:e|es|al|ally|ality|ed|ing)?\b|unaliv\w*|selfdelet\w*|kms|kys|ctb|toaster bath)\b",
    ),
    Rule("kill oneself", SUICIDE, r"\b{KILL} {SELF}\b"),
    Rule(
        "kill myself (object first)",
        SUICIDE,
        r"\b(?:take|taking|took|end|ending|ended|finish|finishing) (?:my|his|her|their|your|one's) (?:own )?li(?:fe|ves)\b",
    ),
    Rule(
        "end it all",
        SUICIDE,
        r"\b(?:end|ending|finish|finishing) (?:it|everything|things|this) (?:all|for good|forever|once and for all|tonight|now|today|permanently)\b",
    ),
    Rule(
        "easy to end it",
        SUICIDE,
        r"\b(?:easy|easier|simple|tempting|quick) to (?:just )?(?:end it|end everything|end my life|die|not wake up|let go for good|disappear for good)\b",
    ),
    Rule("end it", SUICIDE, r"\b(?:end|ending|finish) it{END}", weak=True),
    Rule(
        "going to end it", SUICIDE, r"\bi am (?:going to|about to|ready to) (?:end|finish) it{END}|\bwant to dye{END}"
    ),
    Rule(
        "make it stop for good",
        SUICIDE,
        r"\b(?:make|want|need|let) (?:it|everything|the pain|this|all of it|it all|the world) (?:all )?(?:to )?(?:stop|end|be over|go away)(?: \w+){0,2}(?: ,)? (?:for good|forever|permanently|once and for all)\b",
    ),
    Rule(
        "the pain stop forever",
        SUICIDE,
        r"\b(?:pain|suffering|it|everything|all) (?:to )?(?:stop|end) (?:for good|forever|permanently)\b",
    ),
    Rule(
        "attempt",
        SUICIDE,
        r"\b(?:attempt|attempted|attempting|tried|try|trying) (?:to )?(?:suicide|end it|end my life|kill myself|take my life|die)\b",
    ),
    Rule(
        "want out of life", SUICIDE, r"\bwant out of (?:this )?(?:life|it all|everything|existence)\b|\bwant out{END}"
    ),
    # Not wanting to live, in many words. First the general shape: a wish,
    # a hope or a thought, then (through small joining words only, so "my dad
    # dying" stays out) a word for dying, being gone or never waking.
    Rule(
        "wish for death",
        WISH_TO_DIE,
        r"\b(?:{INTENT}|keep thinking about|thinking about|think about|thought about|dream of|dream about|dreaming of|dreaming about|fantasi\w* about|obsessed with|can not stop thinking about|cannot stop thinking about|longing for|long for|craving) {GLUE}(?:{DEATH})",
    ),
    Rule(
        "a car will hit me",
        WISH_TO_DIE,
        r"\b(?:hope|hoping|wish|wishing|want|pray|praying) (?:that )?(?:a|the|some|something|someone) (?:\w+ )?(?:will|would|could|to)? ?(?:just |simply |finally )?(?:hit|kill|run over|crash into|fall on) me\b",
    ),
    Rule(
        "a favour by not being here",
        WISH_TO_DIE,
        r"\b(?:favou?r|service|kindness|relief) (?:by|if) (?:i )?(?:not being|was not|were not|dying|died|disappearing|disappeared|killing myself|leaving for good|was gone|were gone)\b",
    ),
    Rule(
        "what I might do",
        SELF_HARM,
        r"\b(?:scared|afraid|terrified|frightened|worried) (?:of )?what i (?:might|could|will|would|am going to) do to (?:myself|my (?:own )?{CHILD}|the {CHILD}|him|her|them|someone)\b",
    ),
    Rule(
        "want to die",
        WISH_TO_DIE,
        r"\b{WANT} (?:\w+ ){0,2}?(?:to )?(?:just |simply |finally |really )?(?:die|be dead|die already|not be alive|not exist|stop existing|stop living|not live|not wake up|never wake up|be gone forever|disappear forever|disappear for good|not be here anymore|not be around anymore|join (?:him|her|them) (?:in heaven|up there)?)\b",
    ),
    Rule("want to die (short)", WISH_TO_DIE, r"\b(?:want|wants|wanted|wish|ready|going|deserve|hope) (?:to )?die\b"),
    Rule(
        "wish I was dead",
        WISH_TO_DIE,
        r"\bwish(?:ing|ed|es)? (?:that )?(?:i|i was|i were|i had|i would|i could) (?:was |were |had |just |be )?(?:dead|die|never woke up|did not wake up|would never wake up|never (?:been )?born|not (?:been )?born|never existed|not exist|not alive|gone forever|not here anymore|disappear forever|not wake up|never wake up|stop existing)\b",
    ),
    Rule(
        "wish I wasn't alive",
        WISH_TO_DIE,
        r"\bwish (?:that )?i (?:was|were|am|had) not (?:alive|here|born|around|existing)\b",
    ),
    Rule(
        "rather be dead",
        WISH_TO_DIE,
        r"\b(?:rather|better)(?: off)? (?:be )?(?:dead|gone|not here|not alive|not around|not existing)\b",
    ),
    Rule(
        "hope I die",
        WISH_TO_DIE,
        r"\b(?:hope|pray|wish|praying|hoping) (?:that )?(?:i|i will|i would) (?:just )?(?:die|do not wake up|never wake up|not wake up|will not wake up|would not wake up|am not here|get hit|get killed|crash)\b",
    ),
    Rule(
        "hope I don't wake up",
        WISH_TO_DIE,
        r"\b(?:hope|hoping|pray|praying|wish|wishing|want) (?:\w+ ){0,3}?(?:that )?i (?:do not|will not|would not|never|just do not) wake up\b",
    ),
    Rule(
        "sleep and never wake up",
        WISH_TO_DIE,
        r"\bsleep (?:and|then) (?:never|not) (?:have to |need to |ever |again )?wake up\b|\bnever wake up (?:again|ever)\b|\b(?:a)?sleep forever\b|\bnot wake up (?:again|ever|at all)\b",
    ),
    Rule(
        "don't want to live",
        WISH_TO_DIE,
        r"\b(?:do not|does not|did not|no longer|not|never|no|stopped|stop) (?:\w+ )?(?:want|wanting|wish|wanna|feel like|see the point in|see a reason to|have the strength to|have any reason to) (?:to )?(?:live|living|be alive|being alive|exist|existing|wake up(?! (?:early|at|for|so|before|on|with|to)\b)|waking up|keep living|stay alive|staying alive|be here anymore|be here any longer|be on this earth|be in this world|be around anymore|go on(?= [.!?;:,]|$| anymore| any longer| like this| living| with (?:my |this )?life| much longer)|keep going{END}|carry on{END}|continue{END}|try anymore|get up anymore|be me anymore|be here{END})",
    ),
    Rule(
        "can't go on",
        WISH_TO_DIE,
        r"\b(?:can not|do not think i can|not sure i can|do not know if i can|do not know how much longer i can) (?:go on|keep going|carry on|keep living|continue|keep doing this|live like this|do life)(?= [.!?;:,]|$| anymore| any longer| like this| living| with (?:my |this )?life| much longer| and| for)",
    ),
    Rule(
        "no reason to live",
        WISH_TO_DIE,
        r"\b(?:no|not any|not a|any|without|lost (?:the|my|all)|zero) (?:\w+ )?(?:reason|reasons|point|will|desire|purpose|motivation|wish|strength) (?:left )?(?:for me )?(?:(?:to|in|of|for) )?(?:live|living|{GOON}|keep going|keeping going|carry on|carrying on|be alive|being alive|exist|existing|life|staying alive|stay alive|keep living|continue|continuing|wake up|waking up|get up|getting up|be here|being here)\b",
    ),
    Rule(
        "nothing to live for",
        WISH_TO_DIE,
        r"\bnothing (?:\w+ )?(?:left )?to live for\b|\bno reason to stay\b|\bnothing (?:to|worth) stay(?:ing)? (?:alive )?for\b",
    ),
    Rule(
        "not worth living",
        WISH_TO_DIE,
        r"\b(?:not|never|no longer|is not|isn't) worth (?:living|it anymore|being alive|staying alive|keeping alive|saving|the effort of living)\b|\bnot worth keeping alive\b|\bworthless (?:life|existence)\b",
    ),
    Rule(
        "point of living",
        WISH_TO_DIE,
        r"\b(?:point|reason|use) (?:of|in|to) (?:living|life|being alive|going on|staying alive|existing|continuing|me being here|me being alive|waking up)\b",
    ),
    Rule(
        "tired of living",
        WISH_TO_DIE,
        r"\b(?:tired|sick|done|exhausted|weary|fed up) (?:of|with) (?:living|life|being alive|existing|breathing|waking up|being here|everything and everyone|it all and want out)\b",
    ),
    Rule(
        "given up on life",
        WISH_TO_DIE,
        r"\b(?:give|gave|given|giving) up on (?:life|living|myself and life|being alive|everything|staying alive)\b|\blost (?:the|my|all) will to (?:live|go on)\b",
    ),
    Rule(
        "hate being alive",
        WISH_TO_DIE,
        r"\b(?:hate|hated|hating|tired of|sick of|cannot stand) (?:being|staying) alive\b|\bbeing alive (?:hurts|is too much|is unbearable|feels unbearable|is agony)\b",
    ),
    Rule(
        "better off without me",
        WISH_TO_DIE,
        r"\b(?:better|happier|easier|fine|lighter|freer|best) (?:\w+ ){0,3}?(?:off )?(?:without (?:their|his|her|our) (?:mum|mom|dad|mother|father|parent)\b|without me(?! (?:\w+ly )?(?:complaining|nagging|moaning|snoring|talking|interrupting|hovering|fussing|watching|checking|working|shouting|arguing|playing|around|there|in the way)\b)|with me gone|if i (?:just |simply |finally |ever )?(?:vanished|went away for good|was|were|am|was not|were not|died|left|disappeared|did not exist|had never been born|had not been born|never existed|was never born|weren't|wasn't|ended it) ?(?:gone|dead|here|around|alive)?|when i am gone|once i am gone|after i am gone)\b",
    ),
    Rule(
        "nobody would miss me",
        WISH_TO_DIE,
        r"\b(?:nobody|no one|not one person|who|would anyone|will anyone|does anyone) (?:would|will|is going to|even)? ?(?:even |really |actually )?(?:notice|care|miss me|miss|mourn|cry|come to my funeral)(?: \w+){0,3} (?:if|when|once) i (?:died|die|vanished|vanish|was not around|went away|was gone|were gone|am gone|disappeared|disappear|was dead|were dead|was not here|were not here|killed|left for good|stopped existing|did not wake up)\b|\bnobody would miss me\b",
    ),
    Rule(
        "burden",
        WISH_TO_DIE,
        r"\b(?:i am|i feel|i have become|i feel like|feel like|i have been|i will only be|i am only|i am just|feel like such|i am such|being|nothing but|just) (?:\w+ ){0,2}?(?:a )?(?:burden|waste of space|waste of oxygen|waste of air)\b(?! (?:on|to|for) (?:nobody|no one|anyone))",
    ),
    Rule("burden (weak)", WISH_TO_DIE, r"\bburden\b", weak=True),
    Rule(
        "won't be around",
        WISH_TO_DIE,
        r"\b(?:will not|am not going to|wo not|not going to|will no longer|may not|might not|probably will not) be (?:around|here|alive) (?:much longer|for much longer|for long|anymore|next|by|after|tomorrow|soon|to see|at|when|for)\b|\bi will be gone (?:soon|by|before|tomorrow|next|after)\b|\bby (?:this time )?(?:tomorrow|tonight|next week|monday|tuesday|wednesday|thursday|friday|saturday|sunday|christmas|the weekend)(?: \w+){0,2} i will (?:be gone|be dead|not be here|not be alive)\b|\bnot (?:going to|gonna) be here (?:next|by|for|much|tomorrow)\b|\bnot (?:going to|gonna|planning to) (?:make it|be alive|live|be around) (?:to|until|till|past|for) (?:my next birthday|my birthday|christmas|new year|next year|the new year)\b|\b(?:do not think|doubt|not sure) i will (?:still )?be (?:here|around|alive) (?:by|for|next|much longer|at|to see|in)\b",
    ),
    Rule(
        "disappear forever",
        WISH_TO_DIE,
        r"\b(?:disappear|vanish|fade away|go away) (?:forever|for good|permanently|and never come back)\b|\b(?:stop|stopped|cease|ceased) (?:to )?exist(?:ing)?\b|\bnot (?:to )?exist(?:ing)? anymore\b|\bnot exist{END}",
    ),
    Rule(
        "want to disappear",
        WISH_TO_DIE,
        r"\b(?:want|wanted|wish|wishing) (?:to |i could )?(?:just )?(?:disappear|vanish){END}",
        weak=True,
    ),
    Rule(
        "want to be gone",
        WISH_TO_DIE,
        r"\b(?:want|wish|wanted) (?:to be|i was|i were) (?:gone|dead|not here)\b|\bif i (?:was|were) (?:gone|dead|not here) nobody\b",
    ),
    Rule(
        "being alive hurts",
        WISH_TO_DIE,
        r"\b(?:life|living|being alive|existing) (?:has no|is without|without) (?:meaning|point|purpose)\b(?:(?: \w+){0,4} want out)",
        weak=True,
    ),
    # Methods, a plan, the means, a date.
    Rule("overdose", METHOD, r"\b(?:overdos\w*|od on|going to od|want to od)\b"),
    Rule(
        "pills all at once",
        METHOD,
        r"\b(?:take|took|taking|swallow|swallowed|swallowing|down|downed|downing|ate|eat) (?:\w+ )?(?:all|the whole|a whole|too many|a handful|a bunch|loads|every one|everything|the rest) (?:of )?(?:my |the |those |these |of my )?(?:{PILLS}|bottle|packet|pack|box|strip)\b(?! for (?:my|a|the) )",
    ),
    Rule(
        "saving pills",
        METHOD,
        r"\b(?:saving|saved|save|stockpil\w*|hoarding|hoarded|collecting|collected|stashing|stashed|counting|counted|storing|stored|keeping|kept|bought enough|got enough|have enough|gathered|gathering) (?:up )?(?:\w+ ){0,3}(?:{PILLS})\b",
    ),
    Rule(
        "everything in the cabinet",
        METHOD,
        r"\b(?:take|taking|swallow|swallowing|drink|drinking) (?:all|everything|every pill|the lot) (?:\w+ )?(?:in|from|of) (?:the|my|our) (?:\w+ )?(?:cabinet|cupboard|drawer|box|bottle|bathroom)\b",
    ),
    Rule(
        "how many pills",
        METHOD,
        r"\bhow (?:many|much) (?:of )?(?:my |the |these |those )?(?:{PILLS})(?: \w+){0,4} (?:enough|kill|killed|lethal|fatal|deadly|overdose|to die|take to)\b",
    ),
    Rule(
        "feel like dying",
        WISH_TO_DIE,
        r"\bfeel(?:ing)? like (?:dying|killing myself|ending it|ending it all|disappearing forever|not existing|not being here)(?= (?:every|all the time|most|again|lately|a lot|constantly|more and more|each)\b)",
    ),
    Rule(
        "feel like dying (weak)",
        WISH_TO_DIE,
        r"\bfeel(?:ing)? like (?:dying|killing myself|ending it|not existing)\b",
        weak=True,
    ),
    Rule(
        "if I was dead",
        WISH_TO_DIE,
        r"\b(?:stop|end|be better|be easier|be over|be fine|be happier|be solved|go away)(?: \w+){0,2} if i (?:was|were|am|just) (?:dead|gone|not here|not alive|not around)\b|\bif i (?:died|was dead|were dead)\b(?=.*\b(?:better|easier|stop|relief|care|notice|miss)\b)",
    ),
    Rule(
        "a note to find",
        FAREWELL,
        r"\b(?:notes?|letters?|messages?) (?:for|to) (?:\w+ ){1,3}(?:to find|to read after|to read when i am gone|for after)\b",
    ),
    Rule("rope (weak)", METHOD, r"\b(?:a|the|my) rope\b", weak=True),
    Rule(
        "keep thinking about it",
        WARNING_SIGNS,
        r"\b(?:keep|can not stop|cannot stop) thinking about (?:it|doing it){END}",
        weak=True,
    ),
    Rule(
        "pills saved",
        METHOD,
        r"\b(?:{PILLS}) (?:\w+ )?(?:saved|stockpiled|hidden|stashed|collected|set aside|put aside|hoarded|counted out|ready)\b",
    ),
    Rule(
        "only way out",
        WISH_TO_DIE,
        r"\b(?:except|but|other than|apart from|besides|only) (?:by )?(?:dying|death|suicide|killing myself|ending it|ending my life|to die)\b|\bonly (?:way out|option|answer|solution|escape|choice|way to stop (?:it|this|the pain))(?: \w+){0,2} (?:is |seems |would be )?(?:to )?(?:dying|death|die|suicide|killing myself|kill myself|ending it|end it|ending my life|end my life)\b",
    ),
    Rule(
        "why keep living",
        WISH_TO_DIE,
        r"\b(?:why|what for|what is the point) (?:should|would|do|must|even) (?:i )?(?:bother )?(?:keep |go on |carry on |even )?(?:living|being alive|staying alive|waking up|going on|exist|existing|live)\b",
    ),
    Rule("bleed out", METHOD, r"\b(?:bleed|bleeding|bled) (?:out|to death)\b"),
    Rule(
        "my funeral",
        WARNING_SIGNS,
        r"\b(?:imagine|imagining|picture|picturing|plan|planning|planned|think about|thinking about) my (?:own )?funeral\b",
        weak=True,
    ),
    Rule("relieved", WARNING_SIGNS, r"\b(?:feeling |feel |be |would be )?(?:relieved|relief)\b", weak=True),
    Rule(
        "nothing left for me",
        WARNING_SIGNS,
        r"\bnothing (?:left )?(?:for me|to stay for|to hold on to)(?: here)?{END}",
        weak=True,
    ),
    Rule(
        "giving my stuff away",
        FAREWELL,
        r"\b(?:giving|gave|give) (?:away )?my (?:stuff|things|belongings|possessions)(?: away)?\b",
        weak=True,
    ),
    Rule(
        "planning how",
        METHOD,
        r"\b(?:planning|planned|plan|worked out|working out|figured out|figuring out|know|knowing|decided) (?:out )?(?:exactly )?(?:how|when|where) (?:to|i will|i would|i am going to|i am gonna) do it{END}",
    ),
    Rule(
        "death would be a relief",
        WISH_TO_DIE,
        r"\b(?:death|dying|being dead|not existing|not waking up|not being here|not being alive) (?:would|will|could|might) (?:be|feel) (?:like )?(?:a |such a )?(?:relief|release|peaceful|freedom|blessing|mercy|welcome|nice|better|easier|escape)\b|\b(?:looking forward to|long for|longing for|welcome|welcoming|praying for|wishing for) (?:my )?(?:death|dying|the end)\b",
    ),
    Rule(
        "not scared of dying",
        WARNING_SIGNS,
        r"\bnot (?:scared|afraid|frightened) (?:of )?(?:dying|death|to die)\b",
        weak=True,
    ),
    Rule("looking forward to it", WARNING_SIGNS, r"\blooking forward to it\b", weak=True),
    Rule("ready to go", WARNING_SIGNS, r"\bready to go{END}|\bbefore i go{END}", weak=True),
    Rule("said what I needed to", WARNING_SIGNS, r"\bsaid (?:all )?what i (?:needed|wanted|had) to say\b", weak=True),
    Rule(
        "pills in front of me",
        METHOD,
        r"\b(?:{PILLS}|rope|knife|blade|gun) (?:are |is )?(?:in front of me|in my hand|ready|next to me|lined up|on the table in front)\b|\bgot the (?:{PILLS}|rope|gun) (?:ready|here|in front of me)\b",
    ),
    Rule(
        "lethal dose",
        METHOD,
        r"\b(?:lethal|fatal|deadly|toxic) (?:dose|amount|dosage|quantity|overdose)\b|\b(?:is|are|be) (?:lethal|fatal|deadly)\b|\bhow (?:many|much) (?:\w+ ){1,4}(?:would|does|will|to|it takes|is|are|before)(?: it)? ?(?:take|kill|killed|lethal|fatal|deadly|die|dying|enough to die|to die|to overdose|to not wake up|not wake up)\b",
    ),
    Rule(
        "ways to die",
        METHOD,
        r"\b(?:how|ways?|methods?|best way|easiest way|quickest way|fastest way|painless way|surest way|simplest way|quick way) (?:\w+ ){0,3}(?:to|of) (?:die|dying|end it|end my life|end it all|kill myself|go painlessly|not wake up|commit|overdose|hang)\b|\bpainless(?:ly)? (?:way|ways|death|method|methods|to die|die|dying|end)\b|\b(?:way|ways|how) to go (?:without pain|painlessly|peacefully for good|quietly for good)\b",
    ),
    Rule(
        "looking up methods",
        METHOD,
        r"\b(?:search|searched|searching|looked|looking|googled|googling|researched|researching|read about|reading about) (?:up )?(?:\w+ ){0,2}(?:ways|methods|how|the best way|the easiest way|the quickest way|the most painless way|painless ways) (?:to|of) (?:die|dying|end|ending|kill|killing|do it|overdose|hang|not wake up)\b",
    ),
    Rule(
        "noose or rope",
        METHOD,
        r"\b(?:noose|nooses|a rope and|bought a rope|tie a rope|tied a rope|rope around my neck|rope is ready|exit bag)\b",
    ),
    Rule(
        "wrists",
        METHOD,
        r"\b(?:slit|slash|slitting|slashing|open|cut|cutting) (?:my |his |her )?(?:wrists?|throat|veins?)\b",
    ),
    Rule(
        "jump",
        METHOD,
        r"\b(?:jump|jumping|jumped|throw myself|step|stepping|walk|walking|leap|leaping|fall|falling) (?:\w+ )?(?:off|from|in front of|under|into) (?:a |the |that |this |my |our )?(?:\w+ )?(?:bridge|building|roof|rooftop|cliff|balcony|train|trains|bus|lorry|truck|car park|multistorey|tower|window|ledge|tracks|motorway|traffic|river|sea|lake)\b",
    ),
    Rule(
        "thinking about jumping",
        METHOD,
        r"\b(?:thinking|thought|think) (?:about|of) (?:jumping|stepping off|letting go|falling)\b|\b(?:standing|sitting|stood) on (?:the|a|my) (?:bridge|edge|ledge|roof|rooftop|cliff|railing)\b",
    ),
    Rule(
        "crash on purpose",
        METHOD,
        r"\b(?:crash|crashing|drive|driving|swerve|swerving|steer|steering) (?:\w+ ){0,3}(?:into|off|on purpose)\b(?:(?: \w+){0,4})?"
        r"(?=.*\b(?:on purpose|want|thinking|thought|urge|tempted|imagine|imagining|wish|fantasi\w+)\b)|\b(?:going to|gonna|will|plan to|planning to|about to|thinking|thought|think|urge|urges|tempted|fantasi\w+|imagine|imagining|want|wanted|wish) (?:\w+ ){0,3}(?:crash|crashing|driving|drive|swerving|swerve) (?:my |the |our )?(?:car |van )?(?:into|off|on purpose)\b",
    ),
    Rule(
        "gun",
        METHOD,
        r"\b(?:gun|pistol|rifle) (?:to|against|in) my (?:head|mouth|temple)\b|\bblow my brains out\b|\bpull the trigger\b|\bput a bullet\b",
    ),
    Rule(
        "a plan",
        METHOD,
        r"\b(?:have|made|making|make|got|formed|wrote|written|worked out|figured out|planned) (?:a |the |my )?(?:\w+ )?(?:plan|plans|way) (?:to|for|of|on how to) (?:die|dying|end|ending|kill|killing|do it|suicide|going|go through with it|not wake up)\b|\b(?:a|the) plan and (?:the )?(?:means|pills|rope|date)\b|\b(?:have|got) the means\b|\bknow (?:exactly )?how i would do it\b|\bwhere i will do it\b|\bhow i would do it and when\b",
    ),
    Rule("a plan (weak)", METHOD, r"\b(?:i have|i have got|i made|i have made) a plan{END}", weak=True),
    Rule(
        "a date",
        METHOD,
        r"\b(?:set|picked|chosen|chose|decided on|have|got|made) (?:a|the) (?:date|day|time|night)(?= (?:to|for|when) (?:do it|die|end|go|leave for good)| and (?:i am|i feel) (?:at peace|calm|ready))\b|\b(?:date|day) (?:is )?picked\b|\btonight is the night\b|\b(?:it|everything) will (?:all )?be over (?:on|by|after|soon|tonight|tomorrow|this)\b",
    ),
    Rule(
        "a date (weak)",
        METHOD,
        r"\b(?:set|picked|chosen|chose|decided on|have|got) (?:a|the) (?:date|day){END}",
        weak=True,
    ),
    Rule(
        "do it tonight",
        METHOD,
        r"\b(?:going to|will|am going to) do it (?:tonight|tomorrow|this weekend|soon|on (?:my|\w+day))\b",
        weak=True,
    ),
    # Goodbyes and giving things away.
    Rule(
        "goodbye letters",
        FAREWELL,
        r"\b(?:goodbye|farewell|suicide|last) (?:letters?|notes?|messages?|videos?)\b|\b(?:wrote|writing|written|write|left) (?:\w+ )?(?:letters|notes) (?:to|for) (?:my )?(?:kids|children|family|parents|everyone|loved ones|friends|wife|husband)\b",
    ),
    Rule(
        "goodbye everyone",
        FAREWELL,
        r"\b(?:goodbye|bye|farewell) (?:to )?(?:everyone|everybody|all of you|you all|world|cruel world|forever|for good|for the last time|to this world|to the world)\b|\bthis is (?:my )?(?:goodbye|farewell)\b|\bsay(?:ing)? (?:my |our )?goodbyes? to (?:everyone|everybody|this world|the world|all of you|you all)\b|\bsaying (?:my )?goodbyes{END}|\bfinal goodbye (?:to|from) (?:everyone|all|you all)\b",
    ),
    Rule(
        "secret goodbyes",
        FAREWELL,
        r"\b(?:said|saying|say) (?:my )?goodbyes? (?:\w+ ){0,4}(?:without (?:them|anyone|her|him|my \w+) knowing|for the last time|one last time|secretly|in my head|in my own way)\b|\b(?:told|tell|telling) (?:\w+ ){0,3}goodbye (?:in my own way|for the last time|one last time|without (?:them|anyone) knowing)\b|\bsecretly (?:said|saying) goodbye\b",
    ),
    Rule(
        "last message",
        FAREWELL,
        r"\b(?:last|final) (?:message|post|words|thing i will ever)(?: \w+){0,4} (?:ever|will ever|before i go|from me)\b|\bthis is (?:the|my) (?:last|final) (?:message|post)\b|\b(?:will not|never) hear from me (?:again|anymore)\b|\bwill not see (?:me|you) again\b|\blast (?:night|day) (?:alive|on earth)\b",
    ),
    Rule(
        "sorry for everything",
        FAREWELL,
        r"\b(?:sorry for everything|forgive me for what i am about to|please forgive me|tell (?:my|them|her|him) \w* ?(?:i|that i) (?:love|loved) (?:them|her|him|you))\b",
        weak=True,
    ),
    Rule(
        "giving things away",
        FAREWELL,
        r"\b(?:giving|gave|give|given) (?:away )?(?:all )?(?:of )?my (?:\w+ )?(?:things|stuff|belongings|possessions|clothes|books|games|guitar|collection|pets?|cats?|dogs?|savings|jewellery|jewelry)\b(?:(?: \w+){0,3} away)?(?=.*\b(?:will not need|need them|not be around|not be here|anymore|closure|where i am going|last|before i go|before i am gone|when i am gone)\b)|\bgiving (?:away )?all (?:of )?my (?:things|stuff|belongings|possessions)\b",
    ),
    Rule(
        "won't need them",
        FAREWELL,
        r"\b(?:will not|would not|do not|no longer) need (?:them|it|any of (?:it|this|them)|anything|my \w+) (?:anymore|where i am going|after|soon)\b|\bsince i will not be (?:around|here)\b|\bwill not need (?:them|it){END}",
        weak=True,
    ),
    Rule(
        "leaving my things to",
        FAREWELL,
        r"\b(?:leaving|left|leave) (?:all )?my (?:\w+ )?(?:dog|cat|pets?|things|stuff|belongings|possessions|savings|money|books|guitar|car) (?:to|with) (?:my |a |the )?\w+",
        weak=True,
    ),
    Rule(
        "my will",
        FAREWELL,
        r"\b(?:made|wrote|written|updated|sorted|finished|signed) (?:out )?my will\b|\baffairs in order\b|\bwho will (?:look after|take care of|feed|have) my (?:\w+ )?when i am gone\b",
        weak=True,
    ),
    Rule(
        "when I'm gone", FAREWELL, r"\b(?:when|once|after) i am (?:gone|dead|not here|no longer here){END}", weak=True
    ),
    # Self-harm in its usual words.
    Rule("self-harm", SELF_HARM, r"\b(?:selfharm\w*|selfinjur\w*|self mutilat\w*|sh relapse)\b"),
    Rule("hurt myself", SELF_HARM, r"\b{HARM} {ME_SELF}\b"),
    Rule(
        "hurt my body",
        SELF_HARM,
        r"\b(?:cut|cuts|cutting|burn|burns|burned|burnt|burning|scratch|scratched|scratching|carve|carved|carving|slice|sliced|slicing) (?:\w+ )?(?:on |into )?my (?:own )?{BODY}\b",
    ),
    Rule(
        "cutting again",
        SELF_HARM,
        r"\b(?:cutting|cut|burning|harming|hurting myself) again\b|\b(?:started|start|stop|stopped|quit|been|keep|kept|back to|relapsed into|urge to|urges to|want to|tempted to|going to) (?:\w+ )?(?:cutting|cut|burning){END}|\b(?:urge|urges|need|craving|cravings) to (?:cut|burn|hurt|harm|bleed|scratch)\b",
    ),
    Rule(
        "cuts and scars",
        SELF_HARM,
        r"\b(?:hide|hiding|hid|cover|covering|fresh|new|deep|my own) (?:my |the )?(?:cuts|self harm|self harm scars|wounds|burns)\b|\b(?:razor|razors|blade|blades|sharpener) (?:on|to|against|into|across) my (?:skin|{BODY})\b|\bmake (?:myself|me) bleed\b|\buntil (?:it|i|my \w+) bleeds?\b",
    ),
    Rule("scars", SELF_HARM, r"\bscars\b", weak=True),
    Rule("relapsed", SELF_HARM, r"\brelapsed\b", weak=True),
    Rule(
        "deserve pain",
        SELF_HARM,
        r"\b(?:deserve|deserved|deserves) (?:to (?:hurt|suffer|be hurt|be punished|feel pain|bleed|be in pain)|the pain|pain|to be in this pain)\b",
    ),
    Rule(
        "head against wall",
        SELF_HARM,
        r"\b(?:hit|hitting|bang|banging|bash|bashing|punch|punching) my (?:head|fists?) (?:against|on|into) (?:the |a )?(?:wall|walls|floor|desk|door)\b|\bpunch (?:the )?walls? until\b",
    ),
    Rule(
        "make myself sick",
        SELF_HARM,
        r"\bmake (?:myself|me) (?:throw up|vomit|sick|suffer)\b|\bstarv(?:e|ing|ed) (?:myself|as punishment)\b",
    ),
    # Danger from someone close: threats and violence.
    Rule(
        "threatens to kill",
        HARM_FROM_OTHERS,
        r"\b(?:threaten|threatens|threatened|threatening) (?:\w+ ){0,2}(?:to |that (?:he|she|they) (?:would|will|is going to) )?(?:(?:come|come round|come over|come back|find me) and )?(?:kill|hurt|harm|hit|beat|stab|shoot|strangle|choke|murder|burn|take the kids|take my kids|disappear with)\b",
    ),
    Rule(
        "said he would kill me",
        HARM_FROM_OTHERS,
        r"\b(?:said|says|say|told me|tells me|swore|swears|promised|promises|keeps saying|kept saying|warned me|texted|messaged) (?:that )?(?:he|she|they|my \w+) (?:would|will|is going to|was going to|is gonna|was gonna|could|might)? ?(?:\w+ ){0,3}?(?:{THREAT_VERB}) (?:me|us|my|the kids|the children|the baby|our|himself|herself)\b",
    ),
    Rule(
        "if I leave he will kill me",
        HARM_FROM_OTHERS,
        r"\bif i (?:ever )?(?:leave|left|tell|told|call|called|go to the police|report|take the kids|break up|try to leave|divorce)\b(?: \w+){0,3} (?:he|she|they|my \w+) (?:will|would|is going to|is gonna) (?:\w+ )?(?:{THREAT_VERB}) (?:me|us|the kids|my|the children)\b",
    ),
    Rule(
        "hands round my neck",
        HARM_FROM_OTHERS,
        r"\b(?:hands?|arm|belt|rope|cord) (?:round|around|on|against|over) my (?:neck|throat|mouth)\b|\b(?:held|holds|pointed|points) a (?:knife|gun|blade) (?:to|at) (?:me|my)\b|\bpinned me (?:down|against)\b",
    ),
    Rule(
        "kill me if I leave",
        HARM_FROM_OTHERS,
        r"\b(?:{THREAT_VERB}|find|come after|hunt|use (?:it|that|the \w+|a \w+) on) (?:me|us|the kids|my kids|the children) (?:\w+ )?(?:if|when|the moment) i (?:ever )?(?:leave|left|tell|told|call|called|go to the police|report|take the kids|break up|try to leave|divorce|speak to)\b",
    ),
    Rule(
        "hits me",
        HARM_FROM_OTHERS,
        r"\b{CLOSE} (?:\w+ ){0,2}(?:hits|hit|beats|beat|punches|punched|kicks|kicked|chokes|choked|strangles|strangled|slaps|slapped|pushed|shoves|shoved|burns|burned|throws things at|threw things at|drags|dragged|grabs me by|grabbed me by|pinned|pins|raped|rapes|forces|forced) (?:me|my (?:mum|mom|mother|sister|brother))\b(?! with (?:a pillow|the news|a ball|snowballs))",
    ),
    Rule(
        "afraid he will kill me",
        HARM_FROM_OTHERS,
        r"\b(?:afraid|scared|terrified|frightened|fear|worried|fearing) (?:that )?(?:he|she|they|my \w+|my ex \w+) (?:will|would|might|is going to|could|may) (?:\w+ )?(?:kill|hurt|hit|beat|harm|strangle|choke|stab|shoot) (?:me|us|the kids|my|the children)\b|\b(?:fear|scared|afraid|terrified|frightened) for my (?:life|safety|kids' safety|children's safety)\b",
    ),
    Rule(
        "not safe at home",
        HARM_FROM_OTHERS,
        r"\b(?:do not|not|never) (?:feel )?safe (?:at home|in my home|in my own home|with him|with her|around him|around her|with my \w+|around my \w+|to go home)\b|\bscared to go home\b|\blocks me (?:in|up)\b|\bwill not let me leave\b|\bchoked me\b|\bstrangled me\b",
    ),
    # A risk to someone else.
    Rule(
        "harm to a child",
        HARM_TO_CHILD,
        r"\b(?:thoughts?|urges?|images?|pictures?|fantasies|fantasi\w*|think|thinking|thought|intrusive|want|wanted|feel like|scared i will|scared i might|afraid i will|afraid i might|worried i will|worried i might|fear i will|fear i might|going to|could|keep picturing|imagine|imagining|picturing) (?:\w+ ){0,4}(?:hurt|hurting|harm|harming|kill|killing|drown|drowning|smother|smothering|shake|shaking|suffocate|suffocating|stab|stabbing|throw|throwing|strangle|strangling|hit|hitting|poison|poisoning) (?:my |the |our |a |her |his )?(?:own |little |baby |newborn |young |eldest |youngest |\w+ year old |\w+ month old )?{CHILD}\b",
    ),
    Rule(
        "shook the baby",
        HARM_TO_CHILD,
        r"\b(?:shook|shake|shaking|smothered|threw|dropped on purpose|hit|hurt|choked) (?:my |the |our )?(?:baby|newborn|infant)\b",
    ),
    Rule(
        "harm someone",
        HARM_TO_OTHERS,
        r"\b(?:want|wanted|wanting|going|planning|plan|planned|thinking about|thought about|think about|fantasi\w* about|fantasi\w* of|urge|urges|tempted|decided|ready|about|intend|intending|dream about|dreaming about|prepared) (?:to )?(?:\w+ )?(?:kill|killing|murder|murdering|stab|stabbing|shoot|shooting|strangle|strangling|hurt|hurting|harm|harming|attack|attacking|poison|poisoning|beat up|beating up|run over|torture|torturing) (?:{PERSON})\b",
    ),
    Rule(
        "could hurt someone",
        HARM_TO_OTHERS,
        r"\b(?:afraid|scared|terrified|frightened|worried|fear) (?:that )?i (?:could|might|will|would|am going to) (?:really )?(?:hurt|harm|kill|attack|stab) (?:someone|somebody|people|anyone|a stranger)\b|\bi (?:feel like i )?(?:could|might|will) (?:really )?(?:hurt|harm|attack) (?:someone|somebody|people|anyone)\b(?=.*\b(?:terrif|scar|frighten|afraid|worr)\w*)",
    ),
    Rule(
        "how I'd kill",
        HARM_TO_OTHERS,
        r"\bhow (?:i would|i could|to) (?:kill|murder|hurt|get rid of) (?:him|her|them)\b|\bthought about how i would do it\b|\bkill them all\b|\bshoot up (?:the|my|a) (?:school|office|workplace|class|college|church)\b|\bmake them (?:all )?(?:pay|suffer) for\b",
    ),
    # Warning signs: two different ones together make a text urgent.
    Rule(
        "hopeless",
        WARNING_SIGNS,
        r"\b(?:hopeless|no hope|without hope|lost all hope|helpless and hopeless)\b",
        weak=True,
    ),
    Rule(
        "worthless", WARNING_SIGNS, r"\b(?:worthless|useless piece|waste of space|nothing but a failure)\b", weak=True
    ),
    Rule(
        "no way out", WARNING_SIGNS, r"\bno (?:way out|escape|exit|other way|other option|other choice){END}", weak=True
    ),
    Rule(
        "can't take it",
        WARNING_SIGNS,
        r"\bcan not (?:take|do|handle|cope with|bear|stand) (?:it|this|any of this|life|everything)? ?anymore\b|\bcan not (?:cope|bear it){END}|\btoo much to bear\b",
        weak=True,
    ),
    Rule(
        "I give up",
        WARNING_SIGNS,
        r"\bi (?:just )?give up{END}|\bgiving up on everything\b|\bi am giving up{END}",
        weak=True,
    ),
    Rule(
        "nobody cares",
        WARNING_SIGNS,
        r"\b(?:nobody|no one) (?:cares|would care|will care|loves me|would notice|wants me|would miss me)\b|\beveryone hates me\b|\beveryone is tired of me\b",
        weak=True,
    ),
    Rule(
        "nothing matters",
        WARNING_SIGNS,
        r"\bnothing matters\b|\bwhat is the point\b|\bno point anymore\b|\bpointless\b|\bmeaningless\b|\bno meaning\b|\bi want out\b",
        weak=True,
    ),
    Rule(
        "no future",
        WARNING_SIGNS,
        r"\b(?:no|not any|not a|without a|without any) future\b|\bsee (?:a|any) future (?:for myself|for me|ahead)\b|\bnot see (?:a|any) future\b",
        weak=True,
    ),
    Rule(
        "want it to end",
        WARNING_SIGNS,
        r"\bwant (?:it|this|everything|it all|all of it) (?:all )?to (?:end|stop|be over)\b",
        weak=True,
    ),
    Rule("hate myself", WARNING_SIGNS, r"\bhate (?:myself|my life|being me)\b", weak=True),
    Rule(
        "tired of it all",
        WARNING_SIGNS,
        r"\b(?:tired|sick|done) (?:of|with) (?:everything|it all|all of it|fighting|trying)\b|\bi am (?:so )?done{END}|\bi am done\b",
        weak=True,
    ),
    Rule(
        "pain to stop",
        WARNING_SIGNS,
        r"\b(?:pain|hurt|hurting|it) (?:to )?(?:stop|end){END}|\bwant (?:it|the pain|this) to (?:stop|end|be over)\b|\bwant (?:it|this|everything) (?:all )?over(?: with)?\b",
        weak=True,
    ),
]
