"""The demo site's words, for `manage.py seed_demo`: data only, our own writing.

The people here are invented. StreamField bodies are lists of (block_type,
value) pairs in the shapes `core.blocks.StoryBlock` accepts; an image block's
image names one of IMAGES by key and the command swaps in the Wagtail image.
A hero image's alternative text is its image's description.
"""

SITE_NAME = "Steady Ground"

# --- Accounts (the table in README.md and DESIGN.md) ------------------------

ACCOUNTS = {
    "admin": {
        "email": "admin@example.com",
        "password": "demo-admin-pass",
        "display_name": "Alex (editor)",
        "is_staff": True,
        "is_superuser": True,
        "groups": ["Editors"],
    },
    "moderator": {
        "email": "moderator@example.com",
        "password": "demo-moderator-pass",
        "display_name": "Morgan (moderator)",
        "is_staff": True,
        "is_superuser": False,
        "groups": ["Moderators"],
    },
    "specialist": {
        "email": "specialist@example.com",
        "password": "demo-specialist-pass",
        "display_name": "Dr Miriam Hale",
        "is_staff": False,
        "is_superuser": False,
        "groups": ["Members", "Specialists"],
    },
    "member": {
        "email": "member@example.com",
        "password": "demo-member-pass",
        "display_name": "Robin",
        "is_staff": False,
        "is_superuser": False,
        "groups": ["Members"],
    },
    # More people, so the Q&A has several askers and answering specialists.
    "member2": {
        "email": "sam@example.com",
        "password": "demo-member-pass",
        "display_name": "Sam",
        "is_staff": False,
        "is_superuser": False,
        "groups": ["Members"],
    },
    "member3": {
        "email": "jo@example.com",
        "password": "demo-member-pass",
        "display_name": "Jo",
        "is_staff": False,
        "is_superuser": False,
        "groups": ["Members"],
    },
    "specialist2": {
        "email": "amara@example.com",
        "password": "demo-specialist-pass",
        "display_name": "Dr Amara Okafor",
        "is_staff": False,
        "is_superuser": False,
        "groups": ["Members", "Specialists"],
    },
    "specialist3": {
        "email": "tomas@example.com",
        "password": "demo-specialist-pass",
        "display_name": "Tomás Ferreira",
        "is_staff": False,
        "is_superuser": False,
        "groups": ["Members", "Specialists"],
    },
}

CONTACT_PAGE = {
    "title": "Contact us",
    "slug": "contact",
    "intro": "<p>Questions about the site, your account or an article? Write to the team here. "
    "We read every message and usually answer within two working days.</p>",
}

GROUPS = ["Members", "Specialists", "Moderators", "Editors"]

# Two-factor secret of the demo staff accounts. Public on purpose: local demo only.
DEMO_TOTP_SECRET = "DEMOSTEADYGROUNDDEMOSTEADYGROUND"  # noqa: S105

# --- Topics -----------------------------------------------------------------

TOPICS = [
    {
        "name": "Relationships",
        "slug": "relationships",
        "description": "Partners, families and friendships: how closeness works, what strains it and how to repair it.",
    },
    {
        "name": "Anxiety",
        "slug": "anxiety",
        "description": "Worry, panic and fear that get in the way of life, and the approaches that help.",
    },
    {
        "name": "Depression",
        "slug": "depression",
        "description": "Low mood, loss of interest and exhaustion: recognising depression and finding support.",
    },
    {
        "name": "Parenting",
        "slug": "parenting",
        "description": "Raising children and teenagers, their feelings and yours, and looking after yourself "
        "as a parent.",
    },
    {
        "name": "Trauma",
        "slug": "trauma",
        "description": "How overwhelming experiences affect body and mind, and how recovery happens.",
    },
    {
        "name": "Stress and burnout",
        "slug": "stress-and-burnout",
        "description": "When demands outrun resources at work or at home, and how to recover well.",
    },
    {
        "name": "Sleep",
        "slug": "sleep",
        "description": "Insomnia, night-time worry and rest, and how sleep and mood affect each other.",
    },
]

# --- Site settings ----------------------------------------------------------

CRISIS_RESOURCES = [
    {
        "name": "Emergency services",
        "phone": "112",
        "text_line": "",
        "url": "",
        "hours": "24/7",
        "description": "Works across Europe and on most mobile phones elsewhere. "
        "In the US and Canada call 911; in the UK 999 also works.",
    },
    {
        "name": "Find A Helpline",
        "phone": "",
        "text_line": "",
        "url": "https://findahelpline.com/",
        "hours": "",
        "description": "A free, searchable directory of crisis lines and helplines around the world, "
        "by country and by topic.",
    },
    {
        "name": "988 Suicide & Crisis Lifeline (United States)",
        "phone": "988",
        "text_line": "988",
        "url": "https://988lifeline.org/",
        "hours": "24/7",
        "description": "Free and confidential support for anyone in suicidal crisis or emotional distress.",
    },
    {
        "name": "Samaritans (UK and Ireland)",
        "phone": "116 123",
        "text_line": "",
        "url": "https://www.samaritans.org/",
        "hours": "24/7",
        "description": "Free to call from any phone, day or night, for anyone who is struggling to cope.",
    },
]

# --- Pictures: drawn with Pillow by core.demo_images ------------------------
# kind "avatar" (initials), "hills" (hero, 1600x900) or "connection" (inline).

IMAGES = {
    "attachment-connection": {
        "title": "Two overlapping circles",
        "kind": "connection",
        "size": (1200, 800),
        "palette": 5,
        "description": "Two soft, overlapping circles in green and blue on a pale background",
    },
}

# --- Home and index pages ---------------------------------------------------

HOME = {
    "hero_heading": "Steady support for the things that weigh on you",
    "hero_text": "Clear articles by named specialists, a community where you can ask questions anonymously, "
    "and a free first conversation with a professional when you are ready.",
    "search_description": "Articles by named mental health specialists, community questions and answers, "
    "and a directory of verified professionals.",
    "featured": [
        "attachment-wounds-in-relationships",
        "when-worry-wont-switch-off",
        "helping-your-child-through-big-feelings",
    ],
}

ARTICLE_INDEX = {
    "title": "Articles",
    "slug": "articles",
    "intro": "<p>Practical, carefully checked articles on relationships, anxiety, low mood, parenting and more, "
    'each written by a named specialist. <a href="/editorial-standards/">How we review articles</a>.</p>',
    "search_description": "Mental health articles written by named specialists and checked by a second clinician.",
}

SPECIALIST_INDEX = {
    "title": "Specialists",
    "slug": "specialists",
    "intro": "<p>Psychologists, psychotherapists, counsellors and psychiatrists. A moderator checks each "
    "specialist's registration with the body that issued it before their profile appears here.</p>",
    "search_description": "Find a psychologist, psychotherapist, counsellor or psychiatrist.",
}

# --- Specialists ------------------------------------------------------------
# "account" names one of ACCOUNTS; the page's user is that account. Approaches
# and languages name the slugs and codes that specialists/migrations/0003 adds
# (the names below are used if an editor has removed one). Licence numbers
# start with DEMO- so they can never match a real registration.

DEMO_LANGUAGES = {
    "en": "English",
    "de": "German",
    "pt": "Portuguese",
    "es": "Spanish",
    "ig": "Igbo",
    "sv": "Swedish",
    "ta": "Tamil",
    "fr": "French",
}
DEMO_APPROACHES = {
    "emotionally-focused-therapy": "Emotionally focused therapy (EFT)",
    "systemic-family-therapy": "Systemic family therapy",
    "cognitive-behavioural-therapy": "Cognitive behavioural therapy (CBT)",
    "cbt-for-insomnia": "CBT for insomnia (CBT-I)",
    "acceptance-and-commitment-therapy": "Acceptance and commitment therapy (ACT)",
    "psychiatric-assessment": "Psychiatric assessment and medication review",
    "interpersonal-therapy": "Interpersonal therapy (IPT)",
    "trauma-informed-practice": "Trauma-informed practice",
    "psychodynamic-therapy": "Psychodynamic therapy",
    "play-therapy": "Play therapy",
    "person-centred-counselling": "Person-centred counselling",
    "solution-focused-brief-therapy": "Solution-focused brief therapy",
}

SPECIALISTS = [
    {
        "slug": "miriam-hale",
        "approaches": ["emotionally-focused-therapy", "systemic-family-therapy"],
        "languages": ["en", "de"],
        "online": True,
        "in_person": True,
        "location": "Bristol (Clifton)",
        "fees": "£85 for a 50-minute session; lower fees for students",
        "accepting_new_clients": True,
        "licence": ("DEMO-PYL-20417", "Health and Care Professions Council (HCPC)", "United Kingdom"),
        "title": "Dr Miriam Hale",
        "initials": "MH",
        "palette": 0,
        "professional_title": "Family psychologist",
        "account": "specialist",
        "offers_free_consultation": True,
        "topics": ["relationships", "parenting", "trauma"],
        "short_bio": "Family psychologist helping couples and families through conflict, distance and big "
        "life changes. Offers a free 30-minute first conversation online.",
        "long_bio": "<p>Miriam has worked with couples and families for more than fifteen years, first in a "
        "community family service and now in her own practice. She helps partners understand the patterns "
        "that keep them stuck, repair after betrayal or long periods of distance, and keep parenting together "
        "after a separation.</p>"
        "<p>Her work draws on emotionally focused therapy and systemic family therapy. Clients describe her as "
        "warm and direct; she makes sure that both partners feel heard.</p>",
    },
    {
        "slug": "tomas-ferreira",
        "approaches": ["cognitive-behavioural-therapy", "cbt-for-insomnia", "acceptance-and-commitment-therapy"],
        "languages": ["en", "pt", "es"],
        "online": True,
        "in_person": False,
        "location": "",
        "fees": "£70 for a 50-minute session",
        "accepting_new_clients": True,
        "licence": ("DEMO-PYL-18820", "Health and Care Professions Council (HCPC)", "United Kingdom"),
        "title": "Tomás Ferreira",
        "initials": "TF",
        "palette": 2,
        "professional_title": "Clinical psychologist",
        "account": "specialist3",
        "offers_free_consultation": True,
        "topics": ["anxiety", "sleep", "stress-and-burnout"],
        "short_bio": "Clinical psychologist helping adults with worry, panic and sleep problems, using "
        "cognitive behavioural therapy and its newer variants.",
        "long_bio": "<p>Tomás trained as a clinical psychologist and spent eight years in hospital and community "
        "mental health teams before starting an independent practice. He specialises in anxiety in its many "
        "forms, and in insomnia, which so often travels with it.</p>"
        "<p>Sessions with Tomás are practical and collaborative: together you work out what keeps the problem "
        "going and try small experiments between sessions.</p>",
    },
    {
        "slug": "amara-okafor",
        "approaches": ["psychiatric-assessment", "interpersonal-therapy"],
        "languages": ["en", "ig"],
        "online": True,
        "in_person": True,
        "location": "Manchester city centre",
        "fees": "£250 for a 90-minute assessment; £150 for a follow-up",
        "accepting_new_clients": False,
        "licence": ("DEMO-GMC-7712345", "General Medical Council (GMC)", "United Kingdom"),
        "title": "Dr Amara Okafor",
        "initials": "AO",
        "palette": 4,
        "professional_title": "Psychiatrist",
        "account": "specialist2",
        "offers_free_consultation": False,
        "topics": ["depression", "anxiety", "sleep"],
        "short_bio": "Consultant psychiatrist with a focus on depression, anxiety and the way sleep and mood "
        "affect each other. Offers assessment and advice on medication.",
        "long_bio": "<p>Amara is a consultant psychiatrist with a background in general adult psychiatry. She "
        "sees adults with depression and anxiety, including people who have tried treatment before without "
        "enough benefit.</p>"
        "<p>She believes good care starts with a careful assessment and an honest conversation about options, "
        "so that people can make informed choices about therapy, medication or both.</p>",
    },
    {
        "slug": "jonas-lindqvist",
        "approaches": ["emotionally-focused-therapy", "trauma-informed-practice"],
        "languages": ["en", "sv"],
        "online": True,
        "in_person": True,
        "location": "Edinburgh (Leith)",
        "fees": "£95 for a 75-minute couple session",
        "accepting_new_clients": True,
        "licence": ("DEMO-UKCP-0912", "UK Council for Psychotherapy (UKCP)", "United Kingdom"),
        "title": "Jonas Lindqvist",
        "initials": "JL",
        "palette": 3,
        "professional_title": "Couples therapist",
        "account": None,
        "offers_free_consultation": True,
        "topics": ["relationships", "trauma"],
        "short_bio": "Couples therapist working with partners who feel stuck in the same arguments, or "
        "who want to rebuild trust after a difficult time.",
        "long_bio": "<p>Jonas has worked as a couples therapist for twelve years. He sees couples at every stage, "
        "from those newly living together to partners who have shared decades, and he has a particular "
        "interest in how past trauma shows up in present relationships.</p>"
        "<p>He offers a calm space where hard conversations can happen safely, and he is clear about when "
        "individual support would help alongside couple work.</p>",
    },
    {
        "slug": "priya-raman",
        "approaches": ["psychodynamic-therapy", "play-therapy"],
        "languages": ["en", "ta"],
        "online": True,
        "in_person": True,
        "location": "London (Walthamstow)",
        "fees": "£80 for a 50-minute session; online sessions are for parents",
        "accepting_new_clients": True,
        "licence": ("DEMO-ACP-4471", "Association of Child Psychotherapists (ACP)", "United Kingdom"),
        "title": "Priya Raman",
        "initials": "PR",
        "palette": 1,
        "professional_title": "Child and adolescent psychotherapist",
        "account": None,
        "offers_free_consultation": False,
        "topics": ["parenting", "anxiety", "trauma"],
        "short_bio": "Child and adolescent psychotherapist supporting children, teenagers and their parents "
        "with anxiety, big feelings and difficult experiences.",
        "long_bio": "<p>Priya works with children from the age of four, teenagers and their parents. Much of her "
        "work is with anxious children, children whose feelings overwhelm them, and families recovering from "
        "difficult events.</p>"
        "<p>With younger children she uses play and drawing; with teenagers, conversation at their pace. She "
        "always involves parents, because they are the most important people in a child's recovery.</p>",
    },
    {
        "slug": "elena-marsh",
        "approaches": ["person-centred-counselling", "solution-focused-brief-therapy"],
        "languages": ["en", "fr"],
        "online": True,
        "in_person": False,
        "location": "",
        "fees": "£55 for a 50-minute session; sliding scale on request",
        "accepting_new_clients": True,
        "licence": (
            "DEMO-BACP-330187",
            "British Association for Counselling and Psychotherapy (BACP)",
            "United Kingdom",
        ),
        "title": "Elena Marsh",
        "initials": "EM",
        "palette": 5,
        "professional_title": "Counsellor",
        "account": None,
        "offers_free_consultation": False,
        "topics": ["stress-and-burnout", "depression"],
        "short_bio": "Counsellor specialising in work-related stress and burnout, and in finding your footing "
        "again after a long period of pressure.",
        "long_bio": "<p>Elena spent ten years in human resources before retraining as a counsellor, and she "
        "knows from both sides how workplaces can wear people down. She works with professionals, carers "
        "and anyone who has been running on empty for too long.</p>"
        "<p>Her sessions combine space to talk with practical planning for a sustainable return to work.</p>",
    },
]

# --- Articles ---------------------------------------------------------------
# Dates are days before the day the demo is built; the review happens a few
# days before publication.

ARTICLES = [
    {
        "slug": "attachment-wounds-in-relationships",
        "title": "Attachment wounds in relationships: how they form and how couples heal",
        "summary": "When a partner is absent at the moment you need them most, the hurt can outlast the event. "
        "A family psychologist explains what an attachment wound is, how it shows up and how couples rebuild "
        "trust together.",
        "author": "miriam-hale",
        "reviewer": "jonas-lindqvist",
        "days_ago": 12,
        "topics": ["relationships", "trauma"],
        "tags": ["attachment", "couples", "trust", "repair"],
        "palette": 0,
        "body": [
            (
                "paragraph",
                "<p>Most couples weather a great deal: forgotten errands, sharp words at the end of a long day, "
                "evenings when neither of you has anything left to give. These moments sting, and then they "
                "fade, usually after an apology or simply a good night's sleep.</p>"
                "<p>Some hurts behave differently. They happen at a moment when one partner badly needed the "
                "other, and the other was not there, or turned away. Long after the event the hurt keeps "
                "coming back, and it quietly changes how safe the relationship feels. Couple therapists call "
                "this an attachment wound. In this article I explain what it is, how it tends to show up, why "
                "couples so often miss it, and what helps a relationship recover.</p>",
            ),
            ("heading", {"text": "What an attachment wound is", "level": "h2"}),
            (
                "paragraph",
                "<p>We all rely on a small number of people to be there when life gets frightening, and for "
                "most adults a partner is one of them. That reliance is not a weakness; it is how people are "
                "built. When we trust that someone will respond if we call, we are braver, calmer and better "
                "able to cope.</p>"
                "<p>An attachment wound forms when that trust breaks at a moment of real need. What hurts most "
                "is often not the event itself but the message the injured partner takes from it: <i>when it "
                "really matters, I am on my own</i>. Because the moment touched something so basic, it does not "
                "fade the way everyday disappointments do.</p>"
                "<p>Size alone does not decide whether a hurt becomes a wound. A missed dinner reservation "
                "rarely does. The events that leave wounds usually share two features: one partner was "
                "vulnerable, and the other was absent, dismissive or disloyal. Common examples include:</p>",
            ),
            (
                "bulleted_list",
                {
                    "items": [
                        "<p><b>An affair or secret intimacy</b>: physical or emotional closeness with someone "
                        "else that breaks what the couple had agreed.</p>",
                        "<p><b>Being left alone in a crisis</b>: a partner who stayed away during a miscarriage, "
                        "a serious diagnosis, a bereavement or a frightening stay in hospital.</p>",
                        "<p><b>Dismissal at a turning point</b>: distress after a birth, a job loss or a move "
                        "that was brushed aside, joked about or treated as a nuisance.</p>",
                        "<p><b>Taking the other side</b>: siding with a parent, a friend or a former partner at "
                        "the very moment you needed your partner beside you.</p>",
                    ]
                },
            ),
            (
                "callout",
                {
                    "kind": "note",
                    "title": "A description, not a diagnosis",
                    "text": "<p>“Attachment wound” (sometimes “attachment injury”) is a working term used by "
                    "couple therapists, particularly in emotionally focused therapy. It describes something "
                    "that happened between two people. It does not mean that either of you is damaged.</p>",
                },
            ),
            ("heading", {"text": "How a hurt partner may act", "level": "h2"}),
            (
                "paragraph",
                "<p>From the outside, the injured partner's reactions can look out of proportion, or unrelated "
                "to anything in particular. They make more sense once you see the wound underneath. You might "
                "notice:</p>",
            ),
            (
                "bulleted_list",
                {
                    "items": [
                        "<p><b>Coming back to the event</b>: the same episode resurfaces months or years later, "
                        "often in the middle of an argument about something else.</p>",
                        "<p><b>Protest</b>: criticism, testing or checking up, and strong reactions to small "
                        "lapses. Underneath is a question: <i>will you show up for me this time?</i></p>",
                        "<p><b>Pulling away</b>: keeping feelings and plans private, going quiet, spending more "
                        "time apart. Needing someone less can feel safer than being let down again.</p>",
                        "<p><b>Sharp edges</b>: sarcasm, small digs or coldness that let some of the pain out "
                        "without ever naming it.</p>",
                    ]
                },
            ),
            (
                "paragraph",
                "<p>These are ways of protecting yourself, not flaws of character. The trouble is that each of "
                "them tends to draw out the very response the hurt partner fears. Criticism makes the other "
                "person defensive; distance makes them withdraw too. Before long both people feel alone, and "
                "each believes the other started it.</p>",
            ),
            ("heading", {"text": "Why it is easy to miss", "level": "h2"}),
            (
                "paragraph",
                "<p>Many couples know that something is wrong long before they can name it. Several things keep "
                "an attachment wound out of sight:</p>",
            ),
            (
                "bulleted_list",
                {
                    "items": [
                        "<p><b>It can look small to others.</b> Friends may not understand why a single weekend "
                        "still matters so much, and the hurt partner may start to agree with them.</p>",
                        "<p><b>Old lessons about needs.</b> People who learned early in life that their feelings "
                        "were a burden often play down their own pain, even to themselves.</p>",
                        "<p><b>Earlier attempts went badly.</b> If raising the subject was met with “you're "
                        "overreacting” or “not this again”, it makes sense to stop raising it.</p>",
                        "<p><b>Shame on the other side.</b> The partner who caused the hurt may feel so guilty "
                        "that they avoid the subject entirely, which from the outside looks exactly like not "
                        "caring.</p>",
                    ]
                },
            ),
            (
                "paragraph",
                "<p>So the arguments end up being about chores, money or time spent on the phone, while the real "
                "question, <i>can I count on you?</i>, never gets asked out loud.</p>",
            ),
            ("heading", {"text": "How couples heal an attachment wound together", "level": "h2"}),
            (
                "paragraph",
                "<p>The encouraging news is that these wounds can heal, and couples who work through one often "
                "say they feel closer afterwards than before. Healing needs both partners, and it usually moves "
                "through a recognisable sequence. Treat the steps below as a guide rather than a script; most "
                "couples go round some of them more than once.</p>",
            ),
            (
                "numbered_steps",
                {
                    "steps": [
                        {
                            "title": "Name the moment",
                            "text": "<p>The hurt partner describes the specific event and, more importantly, what "
                            "it meant to them: “When you stayed at the conference while I was in hospital, I "
                            "felt completely alone, and I started to wonder whether I mattered to you.”</p>",
                        },
                        {
                            "title": "Listen for the feeling, not the facts",
                            "text": "<p>The other partner resists the urge to correct details, explain the "
                            "circumstances or describe their own stress at the time. There will be room for that "
                            "later. For now the task is to understand what it was like.</p>",
                        },
                        {
                            "title": "Acknowledge the impact",
                            "text": "<p>A useful acknowledgement is specific: what happened, how it hurt, and that "
                            "you understand why. An apology followed by “but” usually undoes itself.</p>",
                        },
                        {
                            "title": "Share the softer feelings underneath",
                            "text": "<p>Anger is often the part that shows. Beneath it there is usually fear, "
                            "sadness or shame. When the hurt partner can show those, and the other meets them with "
                            "care, something important begins to change.</p>",
                        },
                        {
                            "title": "Write a different ending",
                            "text": "<p>Trust returns through new experiences of being there, repeated over time: "
                            "reaching for each other, offering comfort, following through. Each one is small "
                            "evidence that the relationship is safe again.</p>",
                        },
                        {
                            "title": "Ask for help if you keep getting stuck",
                            "text": "<p>If every attempt ends in the same argument, a couple therapist can slow the "
                            "conversation down and keep it safe enough for both of you to stay in it.</p>",
                        },
                    ]
                },
            ),
            (
                "image",
                {
                    "image": {
                        "image": "attachment-connection",
                        "alt_text": "Two soft, overlapping circles in green and blue on a pale background.",
                        "decorative": False,
                    },
                    "caption": "Repair is rarely one big conversation. It is many small moments of turning "
                    "towards each other.",
                },
            ),
            ("heading", {"text": "If you are the partner who caused the hurt", "level": "h2"}),
            (
                "paragraph",
                "<p>Being on this side is painful too. You may feel guilty, misunderstood, or tired of being "
                "reminded of a moment you cannot change. Those feelings are understandable and deserve care of "
                "their own. What tends to help your partner most is this:</p>",
            ),
            (
                "numbered_steps",
                {
                    "steps": [
                        {
                            "title": "Listen to understand",
                            "text": "<p>Let your partner finish. Reflect back what you heard before you say "
                            "anything about your side.</p>",
                        },
                        {
                            "title": "Apologise without conditions",
                            "text": "<p>Say what you did and how you see it affected them. Leave the explanations "
                            "for later, when your partner feels heard.</p>",
                        },
                        {
                            "title": "Expect the subject to come back",
                            "text": "<p>A question asked for the fifth time is usually a sign that the hurt is "
                            "still healing, not a punishment. Patient, consistent answers rebuild trust faster "
                            "than irritation does.</p>",
                        },
                        {
                            "title": "Be dependable in small things",
                            "text": "<p>Turn up when you said you would, answer messages, follow through. Trust is "
                            "rebuilt from many ordinary moments rather than one grand gesture.</p>",
                        },
                        {
                            "title": "Look after yourself as well",
                            "text": "<p>Shame can make people defensive or withdrawn. Talking with a friend, or a "
                            "therapist of your own, can help you stay open with your partner.</p>",
                        },
                    ]
                },
            ),
            ("heading", {"text": "Can it heal if the relationship has ended?", "level": "h2"}),
            (
                "paragraph",
                "<p>Yes. Healing does not depend on the person who caused the hurt. After a separation, an old "
                "wound can show up as difficulty trusting a new partner, or as a strong reaction to small "
                "disappointments. Understanding where that reaction comes from, and talking it through with "
                "someone you trust or with a therapist, can loosen its hold.</p>",
            ),
            (
                "callout",
                {
                    "kind": "important",
                    "title": "When leaving is the right choice",
                    "text": "<p>If the hurt came from violence, threats, controlling behaviour or repeated "
                    "betrayal without real change, healing may mean leaving rather than repairing. Your safety "
                    "comes first. If you are in danger, call your local emergency number, or see "
                    '<a href="/help-now/">Need help now?</a> for helplines.</p>',
                },
            ),
            ("heading", {"text": "Protecting your relationship from new wounds", "level": "h2"}),
            (
                "bulleted_list",
                {
                    "items": [
                        "<p>Say clearly when something matters: “I really need you with me at this "
                        "appointment.” Partners are not mind readers.</p>",
                        "<p>Check in with each other during big life changes, when wounds are most likely to form.</p>",
                        "<p>Repair small ruptures quickly, before they harden into stories about who cares less.</p>",
                        "<p>Keep other sources of support, so that no single moment carries the whole weight of "
                        "your safety.</p>",
                    ]
                },
            ),
            (
                "key_takeaways",
                {
                    "title": "Key takeaways",
                    "items": [
                        "An attachment wound is a hurt from a moment of real need when a partner was absent, "
                        "dismissive or disloyal.",
                        "Protest, withdrawal and sharpness are forms of self-protection, and they often keep "
                        "couples stuck in a cycle.",
                        "Healing needs both partners: naming the moment, listening for the feeling and "
                        "acknowledging the impact.",
                        "Trust returns through many small, dependable moments rather than one grand gesture.",
                    ],
                },
            ),
            ("heading", {"text": "Frequently asked questions", "level": "h2"}),
            (
                "faq",
                {
                    "items": [
                        {
                            "question": "Is an attachment wound the same as an attachment style?",
                            "answer": "<p>No. Your attachment style describes how you tend to approach closeness in "
                            "general, shaped by earlier relationships. An attachment wound is a specific injury within "
                            "one relationship. The two can interact: someone who already expects to be let down may "
                            "feel a wound more sharply.</p>",
                        },
                        {
                            "question": "How long does healing take?",
                            "answer": "<p>It varies. Some couples notice a real change after a handful of honest "
                            "conversations; for others, especially after an affair, it takes many months. Progress "
                            "tends to come in waves rather than a straight line.</p>",
                        },
                        {
                            "question": "My partner has apologised and wants to move on. Why do I still hurt?",
                            "answer": "<p>An apology is a beginning. The wound heals as you gather new experiences of "
                            "your partner being there for you. It can help to tell your partner what those experiences "
                            "might look like, so they know how to help.</p>",
                        },
                        {
                            "question": "Should we see a couple therapist or go to therapy separately?",
                            "answer": "<p>If you both want to repair the relationship, couple therapy is usually the "
                            "place to start. Individual therapy can help alongside it, or on its own if your partner "
                            "is not willing. If there is violence or control in the relationship, speak to a "
                            "specialist service first, because joint sessions may not be safe.</p>",
                        },
                    ]
                },
            ),
        ],
    },
    {
        "slug": "when-worry-wont-switch-off",
        "title": "When worry won't switch off: understanding generalised anxiety",
        "summary": "Everyone worries. When worry fills most of the day, jumps from one subject to the next and "
        "wears out body and mind, it may be generalised anxiety. Here is how it works and what helps.",
        "author": "tomas-ferreira",
        "reviewer": "amara-okafor",
        "days_ago": 34,
        "topics": ["anxiety"],
        "tags": ["worry", "cbt", "generalised anxiety"],
        "palette": 2,
        "body": [
            (
                "paragraph",
                "<p>Worry has a job. It helps us notice problems, plan ahead and prepare for things that matter. "
                "A little worry before an exam or a difficult conversation is part of being human.</p>"
                "<p>For some people, though, worry stops being a tool and starts running the day. It moves from "
                "health to money to family to work, and as soon as one concern settles another takes its place. "
                "If that sounds familiar, you are far from alone: generalised anxiety is one of the most common "
                "mental health difficulties, and it responds well to treatment.</p>",
            ),
            ("heading", {"text": "Everyday worry and generalised anxiety", "level": "h2"}),
            (
                "paragraph",
                "<p>The difference lies less in what people worry about than in how the worry behaves. In "
                "generalised anxiety disorder (GAD), worry is hard to control, takes up much of the day on most "
                "days and carries on for months. Clinicians usually look for a pattern lasting six months or "
                "more, together with some of these signs:</p>",
            ),
            (
                "bulleted_list",
                {
                    "items": [
                        "<p>Feeling restless, keyed up or on edge</p>",
                        "<p>Tiring easily, even without much activity</p>",
                        "<p>Difficulty concentrating, or the mind going blank</p>",
                        "<p>Irritability</p>",
                        "<p>Muscle tension, aches or headaches</p>",
                        "<p>Trouble falling or staying asleep, or sleep that does not refresh</p>",
                    ]
                },
            ),
            (
                "paragraph",
                "<p>Only a qualified professional can make a diagnosis, and these signs can have other causes, "
                "including an overactive thyroid, some medicines and a lot of caffeine. A check-up with your "
                "doctor is a sensible first step.</p>",
            ),
            ("heading", {"text": "Why worry is so sticky", "level": "h2"}),
            (
                "paragraph",
                "<p>Worry keeps itself going in a few predictable ways. Knowing them makes it easier to step out "
                "of the loop.</p>",
            ),
            ("heading", {"text": "Beliefs about worry", "level": "h3"}),
            (
                "paragraph",
                "<p>Many people hold two opposite beliefs at once: that worry is useful (“if I stop, I'll be "
                "caught off guard”) and that it is dangerous (“this will make me ill”, “I'm losing control”). "
                "The first keeps the worry going; the second adds a layer of worry about worrying.</p>",
            ),
            ("heading", {"text": "Difficulty living with uncertainty", "level": "h3"}),
            (
                "paragraph",
                "<p>Worry often tries to reach certainty before it lets you relax. Since most of life is "
                "uncertain, the search never ends. Learning to tolerate “I don't know yet” is one of the central "
                "skills in treatment.</p>",
            ),
            ("heading", {"text": "Avoidance and reassurance", "level": "h3"}),
            (
                "paragraph",
                "<p>Putting off phone calls, checking the news again and again, or asking others whether things "
                "will be all right brings quick relief. Over time it teaches the brain that the situation really "
                "was dangerous, and the worry returns stronger.</p>",
            ),
            (
                "quote",
                {
                    "quote": "Worry promises to keep you safe, and it charges interest every time you listen to it.",
                    "attribution": "Tomás Ferreira",
                },
            ),
            ("heading", {"text": "Try this: a daily worry time", "level": "h2"}),
            (
                "paragraph",
                "<p>Postponing worry is a well-studied technique that many people find surprisingly helpful. It "
                "is not about pushing thoughts away, which tends to backfire, but about choosing when to give "
                "them your attention.</p>",
            ),
            (
                "numbered_steps",
                {
                    "steps": [
                        {
                            "title": "Pick a time and a place",
                            "text": "<p>Choose 15 to 20 minutes at the same time each day, not too close to "
                            "bedtime, somewhere other than your bed.</p>",
                        },
                        {
                            "title": "Notice and postpone",
                            "text": "<p>When a worry arrives during the day, jot it down in a word or two and tell "
                            "yourself you will give it proper attention later. Then return to what you were "
                            "doing.</p>",
                        },
                        {
                            "title": "Use the time on purpose",
                            "text": "<p>At worry time, look at your list. For each item, ask whether it is a "
                            "problem you can act on. If it is, write down one small next step. If it is not, "
                            "notice that, and let it be.</p>",
                        },
                        {
                            "title": "Stop when the time is up",
                            "text": "<p>Finish with something that absorbs your attention, such as a walk, a call "
                            "or a task that uses your hands.</p>",
                        },
                        {
                            "title": "Review after two weeks",
                            "text": "<p>Many people find that worries which felt urgent in the morning seem smaller "
                            "by the evening, or have resolved themselves. That is useful information for your "
                            "brain.</p>",
                        },
                    ]
                },
            ),
            (
                "callout",
                {
                    "kind": "important",
                    "title": "When to seek help",
                    "text": "<p>Talk to your doctor or a mental health professional if worry is affecting your "
                    "work, relationships or sleep, if you are having panic attacks, or if you rely on alcohol "
                    "or other substances to cope.</p>",
                },
            ),
            ("heading", {"text": "Treatment works", "level": "h2"}),
            (
                "paragraph",
                "<p>Generalised anxiety is very treatable. Cognitive behavioural therapy (CBT) has strong "
                "evidence: it helps people change their relationship with worry and uncertainty, usually over a "
                "course of weekly sessions. Guided self-help based on CBT is a good first step when difficulties "
                "are milder. Some people also benefit from medication, most often an antidepressant that reduces "
                "anxiety too, prescribed and monitored by a doctor. Regular physical activity, enough sleep and "
                "cutting back on caffeine and alcohol support all of these.</p>",
            ),
            (
                "key_takeaways",
                {
                    "title": "Key takeaways",
                    "items": [
                        "Generalised anxiety is persistent, hard-to-control worry that moves between subjects "
                        "and lasts for months.",
                        "Beliefs about worry, difficulty with uncertainty and avoidance keep the cycle going.",
                        "Postponing worry to a set daily time can loosen its grip.",
                        "CBT has strong evidence, and a doctor can advise on medication.",
                    ],
                },
            ),
            ("heading", {"text": "Frequently asked questions", "level": "h2"}),
            (
                "faq",
                {
                    "items": [
                        {
                            "question": "Can anxiety harm my body?",
                            "answer": "<p>Anxiety produces real physical sensations, such as a racing heart, a tight "
                            "chest or dizziness, and they can be frightening. On their own they are not dangerous, "
                            "although long periods of stress are worth addressing for your overall health. New or "
                            "severe physical symptoms should always be checked by a doctor.</p>",
                        },
                        {
                            "question": "Should I cut out caffeine?",
                            "answer": "<p>Caffeine can mimic and amplify the body's alarm response. Many people notice "
                            "a difference after reducing it, especially after midday. Stopping suddenly can cause "
                            "headaches, so cut down over a week or two.</p>",
                        },
                        {
                            "question": "Will I need medication?",
                            "answer": "<p>Not necessarily. Many people recover with therapy alone. Medication is one "
                            "option among several, and the decision is yours to make with your doctor, weighing the "
                            "likely benefits against side effects.</p>",
                        },
                    ]
                },
            ),
        ],
    },
    {
        "slug": "depression-more-than-sadness",
        "title": "Depression is more than sadness: recognising it and taking the first steps",
        "summary": "Depression changes energy, sleep, concentration and hope, not only mood. A psychiatrist "
        "explains how to recognise it, why willpower is not the answer, and which steps and treatments help.",
        "author": "amara-okafor",
        "reviewer": "tomas-ferreira",
        "days_ago": 58,
        "topics": ["depression"],
        "tags": ["low mood", "behavioural activation", "treatment"],
        "palette": 4,
        "body": [
            (
                "paragraph",
                "<p>People often describe depression as a heaviness rather than sadness. Everything takes more "
                "effort, things that used to bring pleasure feel flat, and the future seems to have lost its "
                "colour. Depression is one of the most common health conditions in the world and one of the "
                "most treatable, yet many people wait a long time before asking for help.</p>"
                "<p>This article explains what depression can look like, why telling yourself to try harder "
                "rarely works, and what you can do, starting today.</p>",
            ),
            ("heading", {"text": "What depression can look like", "level": "h2"}),
            (
                "paragraph",
                "<p>Depression shows up differently in different people. Doctors look for a cluster of changes "
                "that are present most of the day, nearly every day, for at least two weeks. The two core signs "
                "are a persistently low, empty or hopeless mood, and a loss of interest or pleasure in things "
                "you used to enjoy. Others include:</p>",
            ),
            (
                "bulleted_list",
                {
                    "items": [
                        "<p>Sleeping much more or much less than usual</p>",
                        "<p>Changes in appetite or weight</p>",
                        "<p>Tiredness and low energy, even after rest</p>",
                        "<p>Slowed thinking, poor concentration or difficulty making decisions</p>",
                        "<p>Feeling worthless or excessively guilty</p>",
                        "<p>Moving or speaking more slowly than usual, or feeling restless</p>",
                        "<p>Thoughts of death or suicide</p>",
                    ]
                },
            ),
            (
                "paragraph",
                "<p>Depression does not always look like sadness. Some people mostly notice irritability, "
                "physical aches or a kind of numbness, which is one reason it is often missed, particularly in "
                "men and in older adults.</p>",
            ),
            (
                "callout",
                {
                    "kind": "important",
                    "title": "If you are thinking about suicide",
                    "text": "<p>You deserve support right now. If you feel you might act on these thoughts, "
                    "call your local emergency number or go to an emergency department. You can also talk to a "
                    'crisis line at any hour: see <a href="/help-now/">Need help now?</a> for numbers.</p>',
                },
            ),
            ("heading", {"text": "Why “just try harder” does not work", "level": "h2"}),
            (
                "paragraph",
                "<p>Depression affects the very systems that produce motivation. Waiting until you feel like "
                "doing something makes sense when you are well; in depression, that feeling may not come. This "
                "is not laziness or a weakness of character. It is part of the condition, and it is why the "
                "approaches that work start with action instead of waiting for motivation to return.</p>",
            ),
            (
                "quote",
                {
                    "quote": "You do not have to feel better before you do something. Often it works the other "
                    "way round.",
                    "attribution": "Dr Amara Okafor",
                },
            ),
            ("heading", {"text": "Small steps that help", "level": "h2"}),
            (
                "paragraph",
                "<p>Behavioural activation is a structured approach used by therapists, and its core ideas are "
                "simple enough to begin on your own:</p>",
            ),
            (
                "numbered_steps",
                {
                    "steps": [
                        {
                            "title": "Notice what you do now",
                            "text": "<p>For a few days, jot down what you do each hour and rate your mood from 0 "
                            "to 10. Patterns often appear: some activities lift your mood a little, others drain "
                            "it.</p>",
                        },
                        {
                            "title": "Choose a few small, valued activities",
                            "text": "<p>Pick things that matter to you or used to bring some pleasure: a short "
                            "walk, a shower, a message to a friend, ten minutes of a hobby.</p>",
                        },
                        {
                            "title": "Make them smaller than feels necessary",
                            "text": "<p>“Walk to the end of the street” beats “go for a run”. Success builds "
                            "momentum, while plans that are too big feed the sense of failure.</p>",
                        },
                        {
                            "title": "Put them in your diary",
                            "text": "<p>Give each one a specific time, as you would an appointment, rather than "
                            "waiting to see how you feel.</p>",
                        },
                        {
                            "title": "Notice the effect, and build slowly",
                            "text": "<p>After each activity, rate your mood again. Over days and weeks, add a "
                            "little more. Progress is rarely a straight line, and setbacks are expected.</p>",
                        },
                    ]
                },
            ),
            ("heading", {"text": "Treatment works", "level": "h2"}),
            (
                "paragraph",
                "<p>For milder depression, guided self-help, behavioural activation and regular physical "
                "activity can be enough. For moderate or severe depression, talking therapies such as cognitive "
                "behavioural therapy, behavioural activation or interpersonal therapy, antidepressant medication, "
                "or a combination of the two, all help. Antidepressants usually take a few weeks to show a "
                "benefit, and they should not be stopped suddenly without talking to your doctor.</p>",
            ),
            ("heading", {"text": "Preparing to talk to your doctor", "level": "h3"}),
            (
                "bulleted_list",
                {
                    "items": [
                        "<p>Write down what you have noticed and for how long.</p>",
                        "<p>Mention sleep, appetite, alcohol or drug use, and any medicines you take.</p>",
                        "<p>Say honestly if you have had thoughts of self-harm or suicide. Doctors ask because it "
                        "helps them help you.</p>",
                        "<p>Consider bringing someone you trust.</p>",
                    ]
                },
            ),
            (
                "key_takeaways",
                {
                    "title": "Key takeaways",
                    "items": [
                        "Depression is a common, treatable condition, not a weakness.",
                        "Signs include low mood, loss of interest and changes in sleep, energy and concentration "
                        "lasting two weeks or more.",
                        "Action often comes before motivation: start with small, scheduled steps.",
                        "Therapy, medication or both help most people; thoughts of suicide need help straight away.",
                    ],
                },
            ),
            ("heading", {"text": "Frequently asked questions", "level": "h2"}),
            (
                "faq",
                {
                    "items": [
                        {
                            "question": "How is depression different from grief?",
                            "answer": "<p>Grief after a loss is natural. It tends to come in waves, often mixed with "
                            "warm memories, and self-esteem usually stays intact. Depression is more constant and "
                            "often brings feelings of worthlessness. Grief can turn into depression, so if it is not "
                            "easing with time, talk to a professional.</p>",
                        },
                        {
                            "question": "Are antidepressants addictive?",
                            "answer": "<p>They do not cause craving the way addictive drugs do, but stopping suddenly "
                            "can cause unpleasant withdrawal effects. When the time comes, your doctor can help you "
                            "reduce the dose gradually.</p>",
                        },
                        {
                            "question": "Can exercise really help?",
                            "answer": "<p>Yes. Regular physical activity has good evidence for easing depressive "
                            "symptoms, especially when it is enjoyable and done with others. In moderate or severe "
                            "depression it works best as part of a wider plan rather than as a replacement for "
                            "treatment.</p>",
                        },
                    ]
                },
            ),
        ],
    },
    {
        "slug": "burnout-early-signs-and-recovery",
        "title": "Burnout: noticing the early signs and recovering well",
        "summary": "Burnout builds slowly when demands outrun resources for too long. How it differs from "
        "ordinary tiredness and from depression, what the early signs are, and what real recovery involves.",
        "author": "elena-marsh",
        "reviewer": "amara-okafor",
        "days_ago": 81,
        "topics": ["stress-and-burnout", "depression"],
        "tags": ["work", "exhaustion", "recovery"],
        "palette": 3,
        "body": [
            (
                "paragraph",
                "<p>Burnout rarely arrives in a single day. It builds over months of running on too little: too "
                "little rest, too little support, too little sense that effort makes a difference. By the time "
                "people recognise it, they have often been pushing through for a long while.</p>"
                "<p>The good news is that burnout is a signal, not a verdict. With the right changes people "
                "recover, and many come out of it with a clearer sense of what they need.</p>",
            ),
            ("heading", {"text": "What burnout is", "level": "h2"}),
            (
                "paragraph",
                "<p>The World Health Organization describes burnout as an occupational phenomenon: the result "
                "of chronic workplace stress that has not been successfully managed. It is not classed as a "
                "medical condition in its own right, but it is a recognised reason to seek help. It has three "
                "features:</p>",
            ),
            (
                "bulleted_list",
                {
                    "items": [
                        "<p><b>Exhaustion</b>: feeling drained, physically and emotionally, in a way that rest "
                        "does not fix.</p>",
                        "<p><b>Distance</b>: growing cynicism or detachment about your work, or about the people "
                        "you work with or for.</p>",
                        "<p><b>Reduced effectiveness</b>: a sense that you are getting less done, or that what you "
                        "do no longer matters.</p>",
                    ]
                },
            ),
            (
                "paragraph",
                "<p>Although the definition refers to paid work, people describe very similar patterns after "
                "long periods of caring for a relative, parenting under pressure or volunteering.</p>",
            ),
            ("heading", {"text": "Burnout or depression?", "level": "h2"}),
            (
                "paragraph",
                "<p>The two overlap, and one can lead to the other. As a rough guide, burnout is tied to a "
                "particular setting and often eases when you step away from it, while depression tends to "
                "colour every part of life, including holidays and things you used to love. If low mood, "
                "hopelessness or loss of pleasure follow you everywhere, speak to a doctor. Getting the right "
                "support matters more than getting the label right.</p>",
            ),
            ("heading", {"text": "Early warning signs", "level": "h2"}),
            (
                "bulleted_list",
                {
                    "items": [
                        "<p>Sunday evenings filled with dread about the week ahead</p>",
                        "<p>Needing more caffeine to start the day, or alcohol to wind down</p>",
                        "<p>Irritability with colleagues or family over small things</p>",
                        "<p>Forgetting things you would normally remember</p>",
                        "<p>Frequent minor illnesses, headaches or stomach upsets</p>",
                        "<p>Dropping the things you enjoy because you are too tired</p>",
                    ]
                },
            ),
            ("heading", {"text": "Steps towards recovery", "level": "h2"}),
            (
                "numbered_steps",
                {
                    "steps": [
                        {
                            "title": "Admit the load",
                            "text": "<p>Write down everything you are carrying, at work and at home. Seeing it in "
                            "one place makes it easier to talk about and to prioritise.</p>",
                        },
                        {
                            "title": "Protect the basics first",
                            "text": "<p>Regular sleep, meals and a little movement each day are not luxuries. They "
                            "are the foundation the rest of recovery is built on.</p>",
                        },
                        {
                            "title": "Reduce demands where you can",
                            "text": "<p>Look for one or two things to drop, hand over or postpone. Small reductions "
                            "matter, and they show you that the situation can change.</p>",
                        },
                        {
                            "title": "Rebuild recovery time",
                            "text": "<p>Plan real breaks in the day and evenings without work messages. Rest works "
                            "best when it is predictable rather than something you collapse into.</p>",
                        },
                        {
                            "title": "Reconnect with what matters",
                            "text": "<p>Burnout wears away meaning. Spend time on relationships and activities "
                            "that remind you who you are outside your role.</p>",
                        },
                        {
                            "title": "Get support",
                            "text": "<p>A counsellor, psychologist or doctor can help you make a plan, and may "
                            "suggest time off if you need it. A gradual return tends to work better than going "
                            "straight back to full speed.</p>",
                        },
                    ]
                },
            ),
            (
                "callout",
                {
                    "kind": "note",
                    "title": "Talking to your employer",
                    "text": "<p>Many workplaces offer occupational health services or an employee assistance "
                    "programme with free, confidential counselling. You can ask for adjustments, such as "
                    "changes to workload or hours, without sharing every detail of your health. A short list "
                    "of what would help makes the conversation easier.</p>",
                },
            ),
            (
                "quote",
                {
                    "quote": "Recovery is not about becoming someone who can carry more. It is about carrying "
                    "what is yours, in a way you can keep up.",
                    "attribution": "Elena Marsh",
                },
            ),
            (
                "key_takeaways",
                {
                    "title": "Key takeaways",
                    "items": [
                        "Burnout combines exhaustion, growing distance from your work and a sense of doing less well.",
                        "It overlaps with depression; if low mood follows you everywhere, see a doctor.",
                        "Recovery starts with the basics and with reducing demands, not with trying harder.",
                        "A gradual, supported return lasts better than a sudden one.",
                    ],
                },
            ),
            ("heading", {"text": "Frequently asked questions", "level": "h2"}),
            (
                "faq",
                {
                    "items": [
                        {
                            "question": "How long does recovery take?",
                            "answer": "<p>It depends on how long you have been running on empty and how much your "
                            "situation can change. Some people feel better within weeks of real changes; for others it "
                            "takes several months. Regular check-ins during a gradual return help the recovery "
                            "last.</p>",
                        },
                        {
                            "question": "Is a holiday enough?",
                            "answer": "<p>A break can restore some energy, but if the causes are still there when you "
                            "return, the exhaustion usually comes back. Use the time away to think about what needs to "
                            "change.</p>",
                        },
                        {
                            "question": "Can I stop it coming back?",
                            "answer": "<p>Keep an eye on your own early warning signs, protect your sleep and breaks, "
                            "and notice when demands start to climb again. Agreeing a plan with your manager or a "
                            "trusted colleague makes it easier to act early.</p>",
                        },
                    ]
                },
            ),
        ],
    },
    {
        "slug": "quietening-a-racing-mind-at-night",
        "title": "Quietening a racing mind at night",
        "summary": "Lying awake with a busy mind is exhausting, and worrying about sleep makes it worse. These "
        "well-tested habits help your body relearn that bed is a place for sleep.",
        "author": "tomas-ferreira",
        "reviewer": None,
        "days_ago": 105,
        "topics": ["sleep", "anxiety"],
        "tags": ["insomnia", "sleep", "worry"],
        "palette": 4,
        "body": [
            (
                "paragraph",
                "<p>Few things feel as lonely as lying awake at three in the morning while your thoughts run on. "
                "You know you need to sleep, and the harder you try, the more awake you feel. This is common, "
                "especially in stressful times, and there is a lot you can do about it.</p>",
            ),
            ("heading", {"text": "How worry and sleep feed each other", "level": "h2"}),
            (
                "paragraph",
                "<p>Sleep comes when the body is tired and the mind feels safe enough to let go. Worry works "
                "against the second part. When you lie awake thinking, your brain starts to link the bed with "
                "alertness and frustration, so the next night the same thing happens sooner. Before long, worry "
                "about sleep itself becomes the main thing keeping you awake.</p>"
                "<p>The approaches below aim to break that link. They come from cognitive behavioural therapy "
                "for insomnia (CBT-I), the recommended first treatment for long-term insomnia, which helps most "
                "people who complete it.</p>",
            ),
            ("heading", {"text": "What helps", "level": "h2"}),
            (
                "numbered_steps",
                {
                    "steps": [
                        {
                            "title": "Keep a fixed wake-up time",
                            "text": "<p>Get up at the same time every day, weekends included, however the night "
                            "went. It is the strongest signal you can give your body clock.</p>",
                        },
                        {
                            "title": "Go to bed when sleepy, not just tired",
                            "text": "<p>Sleepiness means heavy eyelids and nodding off. If you feel tired but "
                            "wired, wait a little longer.</p>",
                        },
                        {
                            "title": "Get up if sleep will not come",
                            "text": "<p>If you have been awake for what feels like twenty minutes or so, get up, "
                            "go to another dimly lit room and do something quiet until you feel sleepy again. It "
                            "feels backwards, but it teaches your brain that bed is for sleeping.</p>",
                        },
                        {
                            "title": "Give worries an earlier slot",
                            "text": "<p>In the early evening, spend ten minutes writing down what is on your mind "
                            "and a possible next step for each item. When the thoughts return at night, you can "
                            "remind yourself that they already have a place.</p>",
                        },
                        {
                            "title": "Build a wind-down hour",
                            "text": "<p>Dim the lights, put work away and choose something calming: a bath, "
                            "reading, gentle stretching or music. Keep it much the same each night, so that it "
                            "becomes a cue.</p>",
                        },
                    ]
                },
            ),
            ("heading", {"text": "Habits that keep the cycle going", "level": "h3"}),
            (
                "bulleted_list",
                {
                    "items": [
                        "<p>Checking the clock during the night, which adds arithmetic and pressure</p>",
                        "<p>Long lie-ins or long daytime naps to make up for a bad night</p>",
                        "<p>Caffeine after midday: it can stay in your system for many hours</p>",
                        "<p>Alcohol as a sleep aid: it may help you drop off, but it disturbs sleep later in the "
                        "night</p>",
                        "<p>Scrolling, working or arguing in bed</p>",
                    ]
                },
            ),
            (
                "quote",
                {
                    "quote": "You cannot force sleep, but you can set up the conditions for it and then get out "
                    "of its way.",
                    "attribution": "Tomás Ferreira",
                },
            ),
            (
                "callout",
                {
                    "kind": "important",
                    "title": "When to see a doctor",
                    "text": "<p>Speak to a doctor if poor sleep happens three or more nights a week for three "
                    "months or longer, if it is affecting your days, or if you snore loudly, stop breathing or "
                    "gasp during sleep, which can be signs of sleep apnoea. Sleep problems can also be part of "
                    "depression or anxiety, both of which are treatable.</p>",
                },
            ),
            (
                "key_takeaways",
                {
                    "title": "Key takeaways",
                    "items": [
                        "Worry and poor sleep feed each other, and the bed can become a cue for alertness.",
                        "A fixed wake-up time and getting up when you cannot sleep retrain that link.",
                        "Give worries an earlier slot in the evening, and build a calm wind-down hour.",
                        "CBT for insomnia is the recommended first treatment for long-term sleep problems.",
                    ],
                },
            ),
            ("heading", {"text": "Frequently asked questions", "level": "h2"}),
            (
                "faq",
                {
                    "items": [
                        {
                            "question": "Should I try sleeping pills?",
                            "answer": "<p>Sleeping tablets can help for a short time in particular situations, but "
                            "they are generally not recommended for long-term use, and they do not change the habits "
                            "that keep insomnia going. Talk to your doctor about the risks and benefits for you.</p>",
                        },
                        {
                            "question": "What about melatonin?",
                            "answer": "<p>Melatonin is a prescription medicine in some countries and sold as a "
                            "supplement in others. It can help with some problems of sleep timing, such as jet lag, "
                            "but its effect on ordinary insomnia is modest. Ask a doctor or pharmacist before taking "
                            "it, especially if you take other medicines.</p>",
                        },
                        {
                            "question": "How long before these changes work?",
                            "answer": "<p>Many people notice a difference within two to four weeks. The first week of "
                            "getting up at a fixed time can leave you sleepier during the day, so take care with "
                            "driving and be kind to yourself.</p>",
                        },
                    ]
                },
            ),
        ],
    },
    {
        "slug": "helping-your-child-through-big-feelings",
        "title": "Helping your child through big feelings",
        "summary": "Meltdowns, slammed doors and tears at bedtime are part of growing up. A child psychotherapist "
        "explains what helps in the moment, what helps afterwards, and when to look for more support.",
        "author": "priya-raman",
        "reviewer": "miriam-hale",
        "days_ago": 140,
        "topics": ["parenting", "anxiety"],
        "tags": ["children", "emotions", "teenagers"],
        "palette": 1,
        "body": [
            (
                "paragraph",
                "<p>Children feel things with their whole bodies. A lost game, a friend's unkind word or a "
                "change of plan can set off a storm of tears or fury that seems far bigger than its cause. For "
                "parents these moments can be exhausting, and sometimes frightening.</p>"
                "<p>Big feelings are not a sign that something is wrong. The parts of the brain that help us "
                "pause and calm down keep developing into early adulthood, so children and teenagers rely on the "
                "adults around them to help. Every time you help your child through a storm, you are teaching "
                "them how to steady themselves.</p>",
            ),
            ("heading", {"text": "In the moment", "level": "h2"}),
            (
                "numbered_steps",
                {
                    "steps": [
                        {
                            "title": "Steady yourself first",
                            "text": "<p>Take a breath and lower your voice. Children borrow calm from the adults "
                            "near them; your calm makes theirs easier to find.</p>",
                        },
                        {
                            "title": "Get close, and keep it simple",
                            "text": "<p>Come down to their level if they will let you. Long explanations rarely "
                            "land when a child is flooded; a few words and a calm presence do more.</p>",
                        },
                        {
                            "title": "Name the feeling",
                            "text": "<p>“You're really disappointed that we have to leave.” Naming a feeling "
                            "without judging it helps children feel understood and gives them words for what is "
                            "happening inside.</p>",
                        },
                        {
                            "title": "Hold the limits on behaviour",
                            "text": "<p>All feelings are allowed; not all actions are. “You're angry, and I won't "
                            "let you hit. You can stamp your feet or squeeze this cushion.”</p>",
                        },
                        {
                            "title": "Wait to solve problems",
                            "text": "<p>Lessons and plans can wait until everyone is calm. Reasoning during the "
                            "storm usually makes it last longer.</p>",
                        },
                    ]
                },
            ),
            ("heading", {"text": "After the storm", "level": "h2"}),
            (
                "paragraph",
                "<p>Once things have settled there is a window for connection and learning. Keep it short and "
                "warm:</p>",
            ),
            (
                "bulleted_list",
                {
                    "items": [
                        "<p>Talk about what happened with curiosity rather than blame: “What was the hardest "
                        "part?”</p>",
                        "<p>Think together about what might help next time: a signal, a calm corner, a plan for "
                        "tricky transitions.</p>",
                        "<p>Notice and praise the moments when your child manages a feeling well.</p>",
                        "<p>With older children and teenagers, choose side-by-side moments such as a car journey "
                        "or a walk, when eye contact does not feel like pressure.</p>",
                    ]
                },
            ),
            ("heading", {"text": "When you lose your temper too", "level": "h3"}),
            (
                "paragraph",
                "<p>Every parent shouts sometimes. What matters most is what happens next. Coming back to your "
                "child, taking responsibility and apologising (“I shouted, and that wasn't fair. I was "
                "frustrated, and I'm working on staying calmer”) shows them that relationships can be repaired, "
                "which is one of the most valuable things a child can learn.</p>",
            ),
            (
                "quote",
                {
                    "quote": "Children don't need perfect parents. They need parents who come back and put "
                    "things right.",
                    "attribution": "Priya Raman",
                },
            ),
            (
                "callout",
                {
                    "kind": "note",
                    "title": "When to look for more support",
                    "text": "<p>Talk to your family doctor, your child's school or a child mental health "
                    "professional if strong feelings have been stopping your child from going to school, "
                    "sleeping or keeping friends for several weeks, or if you are worried about their safety. "
                    "If a child talks about wanting to die or is hurting themselves, seek help the same "
                    "day.</p>",
                },
            ),
            (
                "key_takeaways",
                {
                    "title": "Key takeaways",
                    "items": [
                        "Big feelings are a normal part of development, and children learn calm from calm adults.",
                        "In the moment: steady yourself, name the feeling and hold limits on behaviour.",
                        "Afterwards: reflect together with curiosity and plan for next time.",
                        "Repair after your own outbursts teaches children that relationships can mend.",
                    ],
                },
            ),
            ("heading", {"text": "Frequently asked questions", "level": "h2"}),
            (
                "faq",
                {
                    "items": [
                        {
                            "question": "Is it bad to let my child see me upset?",
                            "answer": "<p>Not at all, as long as they also see how you handle it. Saying “I'm feeling "
                            "stressed, so I'm going to take a few slow breaths” models exactly the skill you want them "
                            "to learn.</p>",
                        },
                        {
                            "question": "Should I ignore tantrums?",
                            "answer": "<p>Not reacting to the behaviour while staying nearby can help with younger "
                            "children, especially when a tantrum is about getting something. Ignoring the child's "
                            "distress, though, can leave them feeling alone. Stay calm and close, and reconnect once "
                            "the storm has passed.</p>",
                        },
                        {
                            "question": "My teenager won't talk to me. What can I do?",
                            "answer": "<p>Keep offering low-pressure time together, listen more than you advise, and "
                            "take their concerns seriously even when they seem small. Teenagers often open up when "
                            "they sense they will not be lectured.</p>",
                        },
                    ]
                },
            ),
        ],
    },
]

# --- Standard pages ---------------------------------------------------------

STANDARD_PAGES = [
    {
        "slug": "about",
        "title": "About us",
        "intro": "Steady Ground brings together articles by named specialists, a community where you can ask "
        "questions, and a directory of professionals who can help.",
        "body": [
            ("heading", {"text": "Why we exist", "level": "h2"}),
            (
                "paragraph",
                "<p>Looking for help with your mental health can be confusing. Advice online is plentiful, but "
                "it is often hard to tell who wrote it, whether they are qualified, or whether it still "
                "reflects current practice. We built Steady Ground so that people can find clear, careful "
                "information and, when they are ready, a real person to talk to.</p>",
            ),
            ("heading", {"text": "What you will find here", "level": "h2"}),
            (
                "bulleted_list",
                {
                    "items": [
                        "<p><b>Articles</b> written by specialists who sign their work, many of them checked by "
                        'a second clinician. Read <a href="/editorial-standards/">how we review articles</a>.</p>',
                        "<p><b>Questions and answers</b>: ask a question, anonymously if you prefer, and verified "
                        "specialists reply in public so that others can learn too.</p>",
                        '<p><b>A directory of <a href="/specialists/">specialists</a></b>, several of whom offer '
                        'a <a href="/free-consultation/">free 30-minute first conversation</a>.</p>',
                    ]
                },
            ),
            ("heading", {"text": "What we are not", "level": "h2"}),
            (
                "paragraph",
                "<p>We are not an emergency service, and an article cannot replace a conversation with a "
                "professional who knows your situation. If you are in danger or thinking about harming "
                'yourself, please go to <a href="/help-now/">Need help now?</a>.</p>',
            ),
            ("heading", {"text": "How we keep it safe", "level": "h2"}),
            (
                "bulleted_list",
                {
                    "items": [
                        "<p>Moderators review questions, answers and comments, and act on every report.</p>",
                        "<p>We check each specialist's professional registration before their profile is "
                        "published.</p>",
                        "<p>Your e-mail address is never shown to other members, and anonymous questions stay "
                        "anonymous.</p>",
                        '<p>We run no advertising and no trackers. See our <a href="/privacy/">privacy page</a>.</p>',
                    ]
                },
            ),
            (
                "callout",
                {
                    "kind": "note",
                    "title": "About this demo",
                    "text": "<p>This is a demonstration site. The specialists, their profiles and the comments "
                    "are invented, and any resemblance to real people is coincidental. The articles aim to be "
                    "accurate, but they are examples, not medical advice.</p>",
                },
            ),
        ],
    },
    {
        "slug": "privacy",
        "title": "Privacy",
        "intro": "We collect as little as we can, we never sell it, and we do not follow you around the web. "
        "Here is what we keep and why.",
        "body": [
            ("heading", {"text": "No trackers, no advertising", "level": "h2"}),
            (
                "paragraph",
                "<p>Steady Ground has no analytics scripts, advertising tags, social media widgets or "
                "third-party fonts. Our share buttons are plain links: nothing is sent to a social network "
                "unless you click one and choose to share.</p>",
            ),
            ("heading", {"text": "Cookies", "level": "h2"}),
            (
                "paragraph",
                "<p>We use only the cookies the site needs to work: a session cookie that keeps you signed in "
                "and carries short notices from one page to the next, and a security cookie that protects our "
                "forms against misuse. There are no tracking or advertising cookies, so there is nothing to "
                "accept or decline.</p>",
            ),
            ("heading", {"text": "What we store", "level": "h2"}),
            (
                "bulleted_list",
                {
                    "items": [
                        "<p><b>Your account</b>: your e-mail address, the display name you choose, and your "
                        "password, which we keep only in a scrambled (hashed) form that nobody can read back.</p>",
                        "<p><b>What you post</b>: questions, answers and comments, with the date and your display "
                        "name. Your e-mail address is never shown next to anything you post, and a question you "
                        "ask anonymously shows no name at all.</p>",
                        "<p><b>Messages and consultation requests</b> between you and a specialist, visible only "
                        "to the two of you and, if one of you reports a problem, to our moderators.</p>",
                        "<p><b>Technical records</b>: like most websites, our servers keep short-lived logs of "
                        "requests to keep the service secure and working.</p>",
                    ]
                },
            ),
            ("heading", {"text": "Who can see your information", "level": "h2"}),
            (
                "paragraph",
                "<p>What you publish is public under your display name. Everything else is seen only by the "
                "small team that runs the site, when they need to, for example to deal with a report. We do "
                "not sell or share personal information with advertisers or data brokers.</p>",
            ),
            ("heading", {"text": "Your choices", "level": "h2"}),
            (
                "paragraph",
                '<p>Everything below is in <a href="/accounts/">your account area</a>:</p>',
            ),
            (
                "bulleted_list",
                {
                    "items": [
                        "<p><b>Change</b> your display name and e-mail address at any time.</p>",
                        "<p><b>Download</b> a copy of everything tied to your account, as a file you can keep "
                        "or take elsewhere.</p>",
                        "<p><b>Delete</b> your account. Your personal data goes for good. Comments that others "
                        "have replied to stay, signed “Deleted member”, so that the conversation still makes "
                        "sense; everything else you posted is removed.</p>",
                    ]
                },
            ),
            (
                "callout",
                {
                    "kind": "note",
                    "title": "Questions about your data",
                    "text": "<p>If something here is unclear, or you cannot reach your account any more, "
                    "contact us from the e-mail address you signed up with and we will help.</p>",
                },
            ),
        ],
    },
    {
        "slug": "editorial-standards",
        "title": "How we review articles",
        "intro": "Every article on Steady Ground is written by a named specialist, and many are checked by a "
        "second clinician before publication. This is how it works.",
        "body": [
            ("heading", {"text": "Who writes our articles", "level": "h2"}),
            (
                "paragraph",
                "<p>Our authors are practising psychologists, psychotherapists, counsellors and psychiatrists. "
                "We check each author's identity and professional registration before they publish, and every "
                "article shows who wrote it, with a link to their profile.</p>",
            ),
            ("heading", {"text": "Clinical review", "level": "h2"}),
            (
                "paragraph",
                "<p>A second specialist with relevant expertise reads the article for accuracy, safety and tone "
                "before it is published. Reviewed articles carry a “Clinically reviewed” label with the "
                "reviewer's name and the date of the review.</p>",
            ),
            ("heading", {"text": "How an article is made", "level": "h3"}),
            (
                "numbered_steps",
                {
                    "steps": [
                        {
                            "title": "A question worth answering",
                            "text": "<p>Topics come from what members ask and from gaps our specialists see in "
                            "reliable information.</p>",
                        },
                        {
                            "title": "A draft by a specialist",
                            "text": "<p>The author writes from their professional experience and current "
                            "evidence, in plain language.</p>",
                        },
                        {
                            "title": "Clinical review",
                            "text": "<p>A second clinician checks facts, safety advice and anything that could be "
                            "misread, and the author revises.</p>",
                        },
                        {
                            "title": "Editing for clarity",
                            "text": "<p>An editor checks that the article is easy to read, well organised and free "
                            "of jargon.</p>",
                        },
                        {
                            "title": "Regular re-review",
                            "text": "<p>We aim to look at every article again at least every two years, and sooner "
                            "when guidance changes.</p>",
                        },
                    ]
                },
            ),
            ("heading", {"text": "What we hold ourselves to", "level": "h2"}),
            (
                "bulleted_list",
                {
                    "items": [
                        "<p><b>Evidence first.</b> We follow recognised clinical guidelines and research, and say "
                        "so when the evidence is uncertain.</p>",
                        "<p><b>Plain, calm language.</b> No alarming headlines, no miracle cures.</p>",
                        "<p><b>Safety.</b> Articles that touch on self-harm or suicide follow safe messaging "
                        "guidance and point to crisis support.</p>",
                        "<p><b>Independence.</b> We publish no sponsored articles, and authors are not paid to "
                        "mention products or services.</p>",
                    ]
                },
            ),
            ("heading", {"text": "Corrections", "level": "h2"}),
            (
                "paragraph",
                "<p>If you think something in an article is wrong or out of date, please tell us. We look into "
                "every report, correct mistakes promptly and note significant changes at the end of the "
                "article.</p>",
            ),
            (
                "callout",
                {
                    "kind": "important",
                    "title": "Articles are not a diagnosis",
                    "text": "<p>Our articles explain and inform, but they cannot assess your situation. For "
                    "advice about your own health, talk to a doctor or a qualified mental health "
                    "professional.</p>",
                },
            ),
        ],
    },
    {
        "slug": "free-consultation",
        "title": "Free initial consultation",
        "intro": "Many specialists on Steady Ground offer a free 30-minute first conversation: a chance to ask "
        "questions and see whether you would like to work together, with no obligation.",
        "body": [
            ("heading", {"text": "For members", "level": "h2"}),
            (
                "paragraph",
                "<p>Starting therapy can feel like a big step, especially when you are not sure what kind of "
                "help you need or whom to trust. A free first conversation lets you meet a specialist, explain "
                "briefly what is going on and ask how they work, before you commit to anything.</p>",
            ),
            ("heading", {"text": "What to expect", "level": "h3"}),
            (
                "bulleted_list",
                {
                    "items": [
                        "<p>A 30-minute conversation, online or in person depending on the specialist.</p>",
                        "<p>Time to describe what brings you, in as much or as little detail as you like.</p>",
                        "<p>A chance to ask about their approach, experience, fees and availability.</p>",
                        "<p>An honest view on whether they are the right person to help, and suggestions if "
                        "they are not.</p>",
                    ]
                },
            ),
            ("heading", {"text": "How to ask for one", "level": "h3"}),
            (
                "numbered_steps",
                {
                    "steps": [
                        {
                            "title": "Find a specialist",
                            "text": '<p>In the <a href="/specialists/">specialist directory</a>, profiles marked '
                            "“Free 30-minute consultation” offer one.</p>",
                        },
                        {
                            "title": "Send a request",
                            "text": "<p>Sign in and use the consultation button on their profile to suggest a few "
                            "times that suit you and, if you wish, add a short note.</p>",
                        },
                        {
                            "title": "Agree a time",
                            "text": "<p>The specialist replies to confirm a time or suggest another. You can follow "
                            "everything from your messages.</p>",
                        },
                        {
                            "title": "Meet, then decide",
                            "text": "<p>After the conversation you decide whether to book further sessions. There "
                            "is no pressure and no charge.</p>",
                        },
                    ]
                },
            ),
            (
                "callout",
                {
                    "kind": "important",
                    "title": "Not for emergencies",
                    "text": "<p>A consultation is not a crisis service, and it may be some days before a "
                    "specialist can meet you. If you are in danger now, call your local emergency number or "
                    'see <a href="/help-now/">Need help now?</a>.</p>',
                },
            ),
            ("heading", {"text": "For specialists", "level": "h2"}),
            (
                "paragraph",
                "<p>A free first conversation lowers the barrier for people who are unsure about therapy, and "
                "it gives you both a chance to judge fit before any fee is involved. It also means you never "
                "have to charge for a session that ends in a referral elsewhere.</p>",
            ),
            (
                "bulleted_list",
                {
                    "items": [
                        '<p>Turn the option on in <a href="/specialists/me/edit/">your profile</a>: it then '
                        "shows a “Free 30-minute consultation” label and is listed first in the directory.</p>",
                        "<p>Keep the conversation to understanding the request and judging fit. It is not a "
                        "therapy session.</p>",
                        "<p>Be clear about your fees and availability, so that people can make an informed choice.</p>",
                        "<p>If you are not the right person, say so kindly and suggest where else they might look.</p>",
                    ]
                },
            ),
            ("heading", {"text": "Frequently asked questions", "level": "h2"}),
            (
                "faq",
                {
                    "items": [
                        {
                            "question": "Is it really free?",
                            "answer": "<p>Yes. The first 30 minutes cost nothing. Fees apply only if you decide to "
                            "continue, and the specialist tells you what they are beforehand.</p>",
                        },
                        {
                            "question": "Do I have to continue afterwards?",
                            "answer": "<p>No. You are free to decide not to continue, or to take time to think. You do "
                            "not need to give a reason.</p>",
                        },
                        {
                            "question": "Can I talk to more than one specialist?",
                            "answer": "<p>Yes. Finding someone you feel comfortable with matters, and many people "
                            "speak to two or three specialists before choosing.</p>",
                        },
                        {
                            "question": "Is what I say confidential?",
                            "answer": "<p>Specialists follow the confidentiality rules of their profession. As in any "
                            "therapy, there are limits when someone's safety is at serious risk; a specialist can "
                            "explain these at the start.</p>",
                        },
                        {
                            "question": "Can a specialist say no?",
                            "answer": "<p>Yes. A specialist may suggest someone else if your needs fall outside their "
                            "expertise. That is a sign of good practice, not a rejection.</p>",
                        },
                    ]
                },
            ),
        ],
    },
]

# --- Comments ---------------------------------------------------------------
# "author" names one of ACCOUNTS; replies answer the comment they sit under.

COMMENTS = [
    {
        "article": "attachment-wounds-in-relationships",
        "author": "member",
        "days_after": 2,
        "text": "This put words to something I have struggled to explain for years. Our arguments really were "
        "about chores on the surface, and about whether I could count on my partner underneath.",
        "replies": [
            {
                "author": "specialist",
                "days_after": 3,
                "text": "Thank you for sharing this, Robin. Noticing the question underneath is often the turning "
                "point. If you would like support with those conversations, a couple therapist can help keep "
                "them safe for both of you.",
            }
        ],
    },
    {
        "article": "quietening-a-racing-mind-at-night",
        "author": "member",
        "days_after": 9,
        "text": "Getting up after twenty minutes felt impossible at first, but after about a week it became "
        "easier to fall asleep. Keeping the same wake-up time helped most.",
        "replies": [],
    },
    {
        "article": "burnout-early-signs-and-recovery",
        "author": "member",
        "days_after": 5,
        "text": "I had no idea the cynicism was part of it. I thought I had simply become worse at my job.",
        "replies": [],
    },
    {
        "article": "depression-more-than-sadness",
        "author": "member",
        "days_after": 4,
        "text": "Planning one small thing at a time is helping. Today it was a ten-minute walk, and that counts.",
        "replies": [],
    },
]
