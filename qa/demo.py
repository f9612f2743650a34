"""Demo questions and answers for seed_demo: our own words, fixed dates,
idempotent (looked up by title).

build_demo_questions(members=[...], specialists_users=[...], topics=[...], today=date)
"""

import datetime

from django.utils import timezone

from .models import Answer, AnswerVote, Question, Status

# (title, body, topic index, anonymous, days ago, answers)
# answers: (specialist index, body, accepted, helpful votes)
QUESTIONS = [
    (
        "How do I stop replaying arguments with my partner at night?",
        "After we argue I lie awake going over every sentence, even when we have made up. "
        "It is starting to wear me out. Is there a way to put it down until the morning?",
        0,
        True,
        40,
        [
            (
                0,
                "Replaying is the mind trying to finish something that feels unfinished. Two things help many "
                "couples I see:\n\n- **Close the loop on purpose.** Before bed, write one line: what you still "
                "need to say and when you will say it.\n- **Give the body a task.** Slow breathing with a longer "
                "out-breath tells your nervous system the danger has passed.\n\nIf the replaying comes with dread "
                "about the relationship itself, that is worth talking through with someone.",
                True,
                6,
            ),
            (
                1,
                "It can also help to notice *what* you replay. Often it is one moment where you felt unheard. "
                "Naming that moment to your partner, calmly and the next day, usually quietens the loop.",
                False,
                3,
            ),
        ],
    ),
    (
        "Is it normal to feel anxious before every work meeting?",
        "I have a good job and my colleagues are kind, but I get a racing heart and a dry mouth before every "
        "meeting, even small ones. I prepare a lot. I'm not sure whether this is something to worry about.",
        1,
        False,
        35,
        [
            (
                1,
                "What you describe is very common and it is your body preparing for something it reads as a test. "
                "It becomes worth working on when it starts to shape your choices: avoiding meetings, or "
                "over-preparing until you are exhausted. Gradual practice of speaking up early in a meeting, "
                "before the worry builds, is one of the most effective steps.",
                True,
                4,
            ),
        ],
    ),
    (
        "Our teenager has stopped talking to us. What can we do?",
        "Our fifteen-year-old comes home, goes to their room and answers everything with one word. "
        "We don't want to push them away further. How do we reopen the door without a big confrontation?",
        2,
        True,
        30,
        [
            (
                0,
                "Side-by-side time often works better than face-to-face talks at this age: car journeys, cooking, "
                "a walk with the dog. Keep your questions small and your reactions calm, so that telling you "
                "things feels safe. Quiet withdrawal together with changes in sleep, eating or school is a "
                "reason to ask your GP or a specialist for advice.",
                False,
                5,
            ),
        ],
    ),
    (
        "I wake at 4am every night and cannot get back to sleep",
        "For about two months I wake around four, my thoughts start racing and that is the end of the night. "
        "I'm tired all day. I've cut out coffee after lunch. What else can I try?",
        3,
        False,
        26,
        [
            (
                1,
                "Early waking with racing thoughts is worth taking seriously, because it can go with low mood. "
                "Some practical steps: keep the same getting-up time every day, get daylight early, and if you are "
                "awake for more than twenty minutes, get up and do something dull in dim light until you feel "
                "sleepy. If your mood has dropped too, please talk to your GP.",
                True,
                7,
            ),
            (
                0,
                "A notebook by the bed helps some people: write the racing thought down with *tomorrow* next to "
                "it. It tells your mind the thought is parked, not lost.",
                False,
                2,
            ),
        ],
    ),
    (
        "How can I support a friend who has just lost her mother?",
        "My closest friend's mother died last week. I keep worrying about saying the wrong thing, so I've said "
        "very little. How do I show up for her without making it about me?",
        0,
        True,
        22,
        [
            (
                0,
                "Saying *I don't know what to say, but I'm here* is honest and kind. Practical help matters: "
                "a meal, a lift, sitting with her while she makes phone calls. And keep showing up in the months "
                "after the funeral, when most people have gone quiet.",
                True,
                8,
            ),
        ],
    ),
    (
        "Why do I panic when my partner doesn't reply to messages?",
        "If my partner takes a few hours to reply I start imagining the worst: that they are angry or about to "
        "leave. Logically I know they are just busy. Where does this come from?",
        0,
        True,
        18,
        [
            (
                0,
                "This is a very human pattern, often learnt early, when closeness felt uncertain. The gap in "
                "replies becomes a question: *am I still safe with you?* It helps to tell your partner what the "
                "silence does to you, and to practise soothing the alarm before acting on it.",
                False,
                4,
            ),
            (
                1,
                "A small experiment: when the worry starts, write down what you predict, then check later what "
                "actually happened. Over a few weeks the evidence usually softens the alarm.",
                False,
                2,
            ),
        ],
    ),
    (
        "Can breathing exercises really help with anxiety?",
        "People keep telling me to breathe when I'm anxious, and it sounds too simple. Is there any real "
        "evidence that breathing exercises make a difference, or is it just a way of calming down for a minute?",
        1,
        False,
        15,
        [
            (
                1,
                "Slow breathing, especially with a longer out-breath, does shift the body towards rest. It will "
                "not solve what causes the anxiety, but it lowers the volume enough for you to think clearly. "
                "It works best when practised daily, not only in a crisis.",
                False,
                3,
            ),
        ],
    ),
    (
        "How do we co-parent after separating without fighting in front of the kids?",
        "My ex and I share care of two young children. Handovers often end in tense exchanges and the children "
        "notice. We both want to do better. Where do we start?",
        2,
        False,
        12,
        [
            (
                0,
                "Start by moving the difficult conversations away from handovers: agree a weekly time, by phone "
                "or message, for practical matters. Keep handovers short and warm. Children cope well with two "
                "homes; what hurts them is being in the middle of conflict.",
                True,
                5,
            ),
        ],
    ),
    (
        "Is it burnout or am I just lazy?",
        "I used to enjoy my job. Now I dread Mondays, procrastinate all day and feel numb. I keep telling myself "
        "to try harder but nothing changes. How do I tell the difference?",
        1,
        True,
        9,
        [
            (
                1,
                "Laziness rarely comes with this much guilt. Exhaustion, detachment and a sense that effort no "
                "longer pays off are the signs of burnout. Rest alone often isn't enough: look at workload, "
                "control and support, and talk to your GP if the numbness spreads to the rest of your life.",
                False,
                6,
            ),
        ],
    ),
    (
        "My toddler has huge tantrums. Am I doing something wrong?",
        "Our two-year-old screams and throws himself on the floor several times a day. We try to stay calm but "
        "we are exhausted. Is this normal, and how should we respond?",
        2,
        False,
        6,
        [],
    ),
    (
        "How do I talk to my doctor about my mental health?",
        "I have an appointment next week and I want to mention that I've been feeling low, but I'm worried I "
        "will freeze or play it down. How do I make sure I say what I need to say?",
        1,
        True,
        4,
        [],
    ),
    (
        "Why do I feel lonely even when I'm with friends?",
        "I have a good group of friends and we see each other often, but I still feel alone a lot of the time, "
        "as if nobody really knows me. Is something wrong with me?",
        0,
        False,
        2,
        [],
    ),
]


def _at(today, days_ago, hour=10):
    moment = datetime.datetime.combine(today - datetime.timedelta(days=days_ago), datetime.time(hour, 0))
    return timezone.make_aware(moment, datetime.UTC)


def build_demo_questions(*, members, specialists_users, topics, today):
    """Create the demo questions (idempotent) and return them.

    members: askers and voters (at least one); specialists_users: users with
    a verified specialist page (at least one); topics: Topic rows, used in
    order (relationships, anxiety, parenting, sleep work best)."""
    members = list(members)
    specialists_users = list(specialists_users)
    topics = list(topics)
    created = []
    for number, (title, body, topic_index, anonymous, days_ago, answers) in enumerate(QUESTIONS):
        asker = members[number % len(members)]
        question, is_new = Question.objects.get_or_create(
            title=title,
            defaults={
                "author": asker,
                "body": body,
                "topic": topics[topic_index % len(topics)] if topics else None,
                "anonymous": anonymous,
                "status": Status.PUBLISHED,
            },
        )
        created.append(question)
        if not is_new:
            continue
        asked_at = _at(today, days_ago)
        Question.objects.filter(pk=question.pk).update(created_at=asked_at, updated_at=asked_at, published_at=asked_at)
        accepted = None
        for position, (specialist_index, answer_body, is_accepted, votes) in enumerate(answers):
            specialist = specialists_users[specialist_index % len(specialists_users)]
            if specialist.pk == asker.pk:
                continue
            answer, _answer_new = Answer.objects.get_or_create(
                question=question, author=specialist, defaults={"body": answer_body}
            )
            answered_at = _at(today, days_ago, hour=12 + position) if days_ago else asked_at
            Answer.objects.filter(pk=answer.pk).update(created_at=answered_at, updated_at=answered_at)
            voters = [member for member in members if member.pk not in (asker.pk, specialist.pk)][:votes]
            for voter in voters:
                AnswerVote.objects.get_or_create(answer=answer, user=voter)
            if is_accepted:
                accepted = answer
        answer_count = Answer.objects.filter(question=question, status=Status.PUBLISHED).count()
        Question.objects.filter(pk=question.pk).update(answer_count=answer_count, accepted_answer=accepted)
    # Helpful counts follow the votes actually stored (fewer members than votes in a small demo).
    for answer in Answer.objects.filter(question__in=created):
        Answer.objects.filter(pk=answer.pk).update(helpful_count=answer.votes.count())
    return created
