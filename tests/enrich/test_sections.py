"""Sections: headings split a description; nice-to-have is read per clause."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mljobs.enrich import sections
from mljobs.enrich.alternation import by_first_letter
from mljobs.enrich.sections import (
    _CLAUSE_END,
    SectionMap,
    split_sections,
)

TEXT = (
    "About us\nWe build search for lawyers.\n"
    "Responsibilities\n- Build ranking models\n"
    "Requirements:\n- 3+ years of Python\n"
    "Nice to have\n- Rust\n"
    "Benefits\n- Health insurance\n"
)


def test_headings_split_the_text_in_order() -> None:
    kinds = [s.kind for s in split_sections(TEXT)]
    assert kinds == ["about", "responsibilities", "requirements", "nice", "benefits"]


def test_sections_cover_the_text_without_gaps() -> None:
    sections = split_sections(TEXT)
    assert sections[0].start == 0 and sections[-1].end == len(TEXT)
    assert all(a.end == b.start for a, b in pairwise(sections))


def test_kind_at_and_is_nice() -> None:
    smap = SectionMap(TEXT)
    assert smap.kind_at(TEXT.index("Python")) == "requirements"
    assert smap.is_nice(TEXT.index("Rust"))
    assert not smap.is_nice(TEXT.index("Python"))


def test_inline_cue_marks_only_its_clause() -> None:
    text = "Bachelor's degree required. Master's degree preferred.\nKnowledge of Go is a plus."
    smap = SectionMap(text)
    assert not smap.is_nice(text.index("Bachelor"))
    assert smap.is_nice(text.index("Master"))
    assert smap.is_nice(text.index("Go"))


def test_cue_inside_an_unrelated_parenthesis_is_ignored() -> None:
    text = "PhD in immunology with 0-2 years of research experience (biotech experience preferred)."
    assert not SectionMap(text).is_nice(0, 3)


def test_preferred_qualifications_heading_is_nice_not_requirements() -> None:
    text = "Minimum qualifications\nSQL\nPreferred qualifications\nSpark\n"
    smap = SectionMap(text)
    assert smap.kind_at(text.index("SQL")) == "requirements"
    assert smap.kind_at(text.index("Spark")) == "nice"


def test_heading_alternatives_must_start_with_a_letter() -> None:
    with pytest.raises(ValueError):
        by_first_letter([("nice", "plus"), ("nice", "(?:a|b)")])


def _plain_is_nice(smap: SectionMap, start: int, end: int) -> bool:
    """``SectionMap.is_nice`` over every clause bound, without the same-line shortcut."""
    text = smap.text
    line = text[text.rfind("\n", 0, start) + 1:].partition("\n")[0].lower()
    if smap.kind_at(start) == "nice" and re.search(r"(?<!not )\brequired\b|\bmust\b", line) is None:
        return True
    bounds = [m.end() for m in _CLAUSE_END.finditer(text)]
    lo = max([b for b in bounds if b <= start], default=0)
    hi = min([b for b in bounds if b >= end], default=len(text))
    if lo in smap._heading_lines:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    for a, b in smap._cues:
        opens_line = not text[line_start:a].strip(" \t•*-–·▪●>") and len(
            text[line_start:].partition("\n")[0]) <= 200
        if line_start <= a < lo and (text[b:b + 3].lstrip("s ").startswith(":") or opens_line):
            return True  # a label earlier on the line, or a cue that opens a short line
        if not lo <= a < hi:
            continue
        if a >= end:
            if smap._reaches_back(end, a, b):
                return True
            continue
        after = text[b:start]
        opening = text.rfind("(", lo, a)
        if after.count(")") <= after.count("(") or not text[lo:opening + 1].rstrip("( "):
            return True
    return False


_NICE_PIECES = ["a plus", "preferred", "Bonus", "nice to have", "(", ")", ". ", ";", "!\n", "?", "\n",
                "Python", "x" * 20, "Nice to have:", "Requirements", " ", "\t", ".\u2028", "ideally",
                "would be helpful", " for", "is an asset", "It’d be even better if you…",
                "Experience with SQL:", "Education", "e.g. ", " etc. x", "etc. X", " required", ", ",
                "(preferred) or"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_NICE_PIECES), max_size=30).map("".join), st.data())
def test_is_nice_matches_the_plain_clause_scan(text: str, data: st.DataObject) -> None:
    smap = SectionMap(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 12)))
    assert smap.is_nice(start, end) == _plain_is_nice(smap, start, end)
    assert smap.is_nice(start) == _plain_is_nice(smap, start, start)


def test_curly_apostrophe_headings() -> None:
    """Glassdoor texts write "’": "It’d be even better if you…" heads a nice-to-have list."""
    text = ("Qualifications\nYou’d be a great fit if…\nPython\nIt’d be even better if you…\n"
            "Experience with Apache Spark.\nWhat you’ll get…\nA 401(K)\n")
    smap = SectionMap(text)
    assert not smap.is_nice(text.index("Python"))
    assert smap.kind_at(text.index("Spark")) == "nice" and smap.is_nice(text.index("Spark"))
    assert smap.kind_at(text.index("401")) == "benefits"
    straight = "What you'll do\nBuild\nIt would be great if you have\nRust\n"
    assert SectionMap(straight).is_nice(straight.index("Rust"))


@pytest.mark.parametrize("text", [
    "Experience with Iceberg or Flink would also be valuable.",
    "Knowledge of Kubernetes is helpful.",
    "Familiarity with Terraform would be beneficial",
    "Experience with Tableau is an asset.",
])
def test_helpful_beneficial_valuable_asset_mark_nice(text: str) -> None:
    assert SectionMap(text).is_nice(text.index(" of " if " of " in text else " with "))


def test_valuable_for_something_is_no_cue() -> None:
    text = "Find patterns that could be valuable for predictive analytics efforts."
    assert not SectionMap(text).is_nice(text.index("predictive"))


def test_an_experience_item_with_a_colon_does_not_end_a_nice_list() -> None:
    """"Experience using web services: Redshift, S3" is an item, not a requirements heading."""
    text = ("Qualifications\nExperience with statistics\nDesired Skills\nExperience with large data sets\n"
            "Experience using web services: Redshift, S3, Spark\nKnowledge of GIS: QGIS\n")
    smap = SectionMap(text)
    for word in ("Redshift", "Spark", "QGIS"):
        assert smap.kind_at(text.index(word)) == "nice"
    assert not smap.is_nice(text.index("statistics"))
    headed = "Nice to have\nRust\nExperience:\nPython\nSkills and Knowledge\nSQL\n"
    smap = SectionMap(headed)
    assert smap.kind_at(headed.index("Python")) == "requirements"
    assert smap.kind_at(headed.index("SQL")) == "requirements"


def test_education_heading_starts_requirements() -> None:
    text = "DESIRED SKILLS/KNOWLEDGE\nPython\nEDUCATION AND EXPERIENCE\nExperience with SQL Server\n"
    smap = SectionMap(text)
    assert smap.is_nice(text.index("Python"))
    assert not smap.is_nice(text.index("SQL"))


def test_a_heading_on_two_lines_keeps_its_first_line_kind() -> None:
    """"Preferred" / "Qualifications:" is one nice-to-have heading written on two lines."""
    text = "Basic Qualifications:\nPython\nPreferred\nQualifications:\nSpark\n"
    smap = SectionMap(text)
    assert not smap.is_nice(text.index("Python"))
    assert smap.is_nice(text.index("Spark"))
    apart = "Nice to have\nRust\nQualifications:\nSQL\n"
    assert not SectionMap(apart).is_nice(apart.index("SQL"))


@pytest.mark.parametrize(("text", "nice", "required"), [
    # a requirement between a mention and a later cue ends the cue's reach
    ("5+ years backend experience; Go required, Rust a plus.", ["Rust"], ["Go"]),
    ("Excel, SQL, and R required, Python, Tableau are a plus.", ["Python", "Tableau"], ["Excel", "SQL"]),
    # a parenthesis closed and followed by a comma: the cue is about a later item
    ("Knowledge of languages (e.g. SQL, Python), software development experience, a plus",
     ["software"], ["SQL", "Python"]),
    # a cue alone in a parenthesis right after the item
    ("MongoDB, Cassandra, MySQL (Desirable)", ["MongoDB", "MySQL"], []),
    ("Python (preferred) or Java", [], ["Python", "Java"]),
    # a cue in a parenthesis after an earlier item does not reach past it
    ("Statistical programming in SAS (strongly preferred) and/or R", [], ["R"]),
    ("(Preferred) Experience using Git or other version control systems.", ["Git"], []),
    # "e.g." ends no clause
    ("Cloud data warehouses are a big plus - e.g. Amazon Redshift, BigQuery", ["Redshift", "BigQuery"], []),
    ("Techniques (clustering, decision trees, etc.) and their trade-offs; Rust is a plus",
     ["Rust"], ["clustering"]),
    # "ideally" qualifies what follows it only
    ("Programming experience with Python and SQL, ideally in a full-stack setting.", [], ["Python", "SQL"]),
    # a "Nice to have:" label reaches past the sentence ends of its line
    ("Stack: TypeScript, Postgres. Nice to have: ClickHouse; monorepos (pnpm); IaC (Terraform).",
     ["ClickHouse", "pnpm", "Terraform"], ["TypeScript", "Postgres"]),
])
def test_the_reach_of_an_inline_cue(text: str, nice: list[str], required: list[str]) -> None:
    smap = SectionMap(text)
    for word in nice:
        assert smap.is_nice(text.index(word), text.index(word) + len(word)), word
    for word in required:
        assert not smap.is_nice(text.index(word), text.index(word) + len(word)), word


@pytest.mark.parametrize("heading", [
    "Knowledge Preferred:", "Highly Desired:", "These Qualifications Would be Nice to Have:",
    "Great to haves:", "THE FOLLOWING IS DESIRED, BUT NOT REQUIRED", "Experience in these areas is a Plus:",
])
def test_a_label_with_a_cue_heads_a_nice_to_have_list(heading: str) -> None:
    text = f"Requirements\nExperience with SQL\n{heading}\nExperience with Spark\nBenefits\nHealth\n"
    smap = SectionMap(text)
    assert not smap.is_nice(text.index("SQL"))
    assert smap.is_nice(text.index("Spark"))
    assert smap.kind_at(text.index("Health")) == "benefits"


@pytest.mark.parametrize("line", [
    "Strong programming skills. Preferred languages: Python, SQL",  # a sentence before the label
    "Required and preferred skills:",
    "Python, SQL preferred",  # an item, not a label
])
def test_a_cue_in_an_item_or_a_required_label_heads_no_list(line: str) -> None:
    text = f"Requirements\n{line}\nExperience with Spark\n"
    assert not SectionMap(text).is_nice(text.index("Spark"))


def test_an_item_marked_must_in_a_nice_list_is_required() -> None:
    text = "Highly Desirable Skills:\nFrameworks:\nKeras, TensorFlow (Must)\nMySQL (Desirable)\n"
    smap = SectionMap(text)
    assert not smap.is_nice(text.index("Keras"))
    assert smap.is_nice(text.index("MySQL"))


@pytest.mark.parametrize(("text", "word"), [
    ("Research experience in drug design and/or small molecule identification is also highly valued.",
     "drug design"),
    ("Experience with other languages like Go, C++, Python is valued.", "Go"),
    ("Tech-wise, it's React/Typescript + Julia (no worries if you haven't used it).", "Julia"),
    ("We use AWS, K8s, React, and Rust but there is no requirement to have prior experience with them.",
     "K8s"),
    ("Practical experience with Machine Learning would also be welcome.", "Machine Learning"),
    ("- (Optional) Access to a Mac for iOS development", "iOS"),
])
def test_more_nice_cues(text: str, word: str) -> None:
    assert SectionMap(text).is_nice(text.index(word))


def test_optionally_and_the_former_qualify_no_earlier_item() -> None:
    text = "At least ten years of full stack experience, and optionally some experience building LLM products."
    smap = SectionMap(text)
    assert not smap.is_nice(text.index("full stack")) and smap.is_nice(text.index("LLM"))
    text = "Proficiency in R or Python, where the former is preferred."
    assert not SectionMap(text).is_nice(text.index("Python"))


def test_lead_in_saying_not_all_are_required_heads_a_nice_list() -> None:
    text = ("Responsibilities\nDeliver software to clients\nA Data Analyst here would make use of the "
            "following experience and skills (not all of these are required, but highly desirable):\n"
            "Agile methodologies (Scrum, XP), tools (JIRA)\nPrior technical knowledge (SOA, Java, SQL)\n")
    smap = SectionMap(text)
    assert smap.is_nice(text.index("Scrum")) and smap.is_nice(text.index("SQL"))
    # a long line that says what is required is no such lead-in
    text = ("Responsibilities\nYou will build models in Python, and experience with the following is "
            "required (Kubernetes is a plus), as you will own the whole of our platform:\nSQL\n")
    assert not SectionMap(text).is_nice(text.index("SQL"))


def test_longer_nice_labels_and_what_you_might_have() -> None:
    text = ("Minimum requirements\nPython\nAdditional qualifications that will help in the role:\n"
            "RDKit\nWhat you must bring:\nSQL\nWhat you might have:\nCRISPR\n")
    smap = SectionMap(text)
    assert not smap.is_nice(text.index("Python")) and not smap.is_nice(text.index("SQL"))
    assert smap.is_nice(text.index("RDKit")) and smap.is_nice(text.index("CRISPR"))


def test_bullets_run_into_the_line_end_clauses() -> None:
    """Texts that lost their line breaks: "queries* Facility with Python", " -Experience with AWS"."""
    text = ("We're looking for teammates who have:* Comfort writing SQL queries* Facility with Python or R"
            "* Knowledge of causal inference and statisticsBonus points:* You are an expert in operations "
            "research* You love customers")
    smap = SectionMap(text)
    assert not smap.is_nice(text.index("SQL")) and not smap.is_nice(text.index("Python"))
    assert smap.is_nice(text.index("operations research"))
    text = ("-Experience with AWS -Knowledge of languages used for analysis (e.g. SQL, Python), software "
            "development experience, a plus -Experience with Tableau")
    smap = SectionMap(text)
    assert not smap.is_nice(text.index("AWS")) and not smap.is_nice(text.index("Tableau"))


def test_a_cue_that_opens_a_short_line_reaches_the_whole_line() -> None:
    text = "Skills\nPreferredTechnical Knowledge -CRM experience,Python or R, database documentation\n"
    assert SectionMap(text).is_nice(text.index("Python"))
    para = ("Preferred Networks builds AI. " + "We design chips and models for many customers. " * 5
            + "You may know software we've built, such as Optuna.\n")
    assert not SectionMap(para).is_nice(para.index("Optuna"))


def _in_degree_list(text: str, word: str) -> bool:
    smap = SectionMap(text)
    i = text.index(word)
    return any(a <= i < b for a, b in smap.degree_spans)


@pytest.mark.parametrize(("text", "word"), [
    (("MS/PhD degree in a quantitative discipline (e.g. statistical genetics, machine learning, "
      "bioinformatics, statistics, computational biology, or similar)."), "computational biology"),
    (("Master's degree in a quantitative field from an accredited university (e.g., statistics/ "
      "biostatistics, epidemiology) or related field"), "epidemiology"),
    ("BA/BS in Applied Math, Statistics, Agronomy, Engineering or a related quantitative discipline",
     "Agronomy"),
    ("PhD in metallurgy, materials science, physics or a closely related field", "materials science"),
    # abbreviations with their periods ("Ph.D.", "M.S.", "B.S."), also after another degree
    (("M.S. or Ph.D. in Mathematics, Applied Mathematics, Statistics, Data Science, Biomedical, "
      "Electrical or Computer Engineering or Computer Science"), "Data Science"),
    ("A Ph.D. in Computer Science, Statistics, Math, Economics, Engineering, or Data Science.", "Data Science"),
    ("Ph.D. in immunology, cancer biology, cell biology, gene therapy or related field", "gene therapy"),
    ("B.S. in Computer Science. Experience with Python", "Computer Science"),
    # the subjects in brackets after the field of a degree
    ("Bachelor’s Degree within a STEM discipline (Computer Science, Statistics, Data Science, etc.)",
     "Data Science"),
])
def test_degree_subject_lists(text: str, word: str) -> None:
    assert _in_degree_list(text, word)


@pytest.mark.parametrize(("text", "word"), [
    # what follows "with" / "experience" / "years" is asked of the hire
    ("BS in Computer Science with 3 years of experience in Python and SQL", "SQL"),
    ("Ph.D. in cell biology or a related discipline with direct experience in CAR-T cell analysis",
     "CAR-T"),
    ("Have a high degree of comfort in Excel", "Excel"),
    ("MS in Statistics. Knowledge of machine learning", "machine learning"),
    ("B.S. in Computer Science. Experience with Python", "Python"),
    ("Must hold a B.S. Experience in Python is required", "Python"),
    ("Ph.D. preferred. Fluency in SQL", "SQL"),
    # a degree's abbreviation that ends a sentence ends the list (its periods end no clause
    # inside one: "Ph.D. in immunology", "M.S. or Ph.D. in ...")
    ("MS in Computer Science or related field, or a B.S. Proficiency in Python and SQL", "Python"),
    ("Master's degree in Data Science or M.S. Knowledge of PyTorch, TensorFlow", "PyTorch"),
    ("Bachelor's in Math or B.A. Hands-on Spark", "Spark"),
    ("Must hold a B.S. Proficiency in Python is required", "Python"),
    ("We are particularly interested in DevOps experience for the role", "DevOps"),
])
def test_no_degree_subject_list(text: str, word: str) -> None:
    assert not _in_degree_list(text, word)


@pytest.mark.parametrize(("text", "word"), [
    ("Acme | Staff Engineer | NYC\n\nAcme is building AI agents for advertising teams.\n", "AI agents"),
    ("We're building an AI-native platform that turns physics simulations into millisecond inference.",
     "simulations"),
    ("About us\nOur platform delivers real-time analytics derived from millions of LLM answers.\n",
     "real-time analytics"),
    ("Zigment is a customer journey platform. We make it simple to build AI agents for enterprises.",
     "AI agents"),
])
def test_company_pitch_sentences(text: str, word: str) -> None:
    assert SectionMap(text).in_pitch(text.index(word), text.index(word) + len(word))


@pytest.mark.parametrize(("text", "word"), [
    ("We use Rust, TypeScript and Postgres.", "Postgres"),
    ("We're an agentic-first startup building with Python, FastAPI and React.", "FastAPI"),
    ("Acme is hiring engineers with experience in Kubernetes.", "Kubernetes"),
    ("This is an open-ended role: databases, distributed systems and machine learning.", "databases"),
    ("Requirements\nAcme builds on Kafka; you will too.\n", "Kafka"),  # not the company text
    ("L2 Labs is an applied AI lab advancing database systems and data integration.", "database systems"),
])
def test_no_company_pitch(text: str, word: str) -> None:
    assert not SectionMap(text).in_pitch(text.index(word), text.index(word) + len(word))


@pytest.mark.parametrize(("text", "word", "company"), [
    ("Acme builds software for robotics and autonomous driving.", "robotics", True),
    ("Our partners span clinical trials and toxicology. You will know SQL.", "clinical trials", True),
    ("Experience in drug discovery is a plus.", "drug discovery", False),
    ("You will lead genomics projects.\nAcme is in Boston.", "genomics", False),
    ("A background in neuroscience helps. We are in Boston.", "neuroscience", False),
    ("Scientific tools, automation & robotics (Linux & ROS level).", "robotics", False),
])
def test_in_company_sentence(text: str, word: str, company: bool) -> None:
    start = text.index(word)
    assert SectionMap(text).in_company_sentence(start, start + len(word)) is company


@pytest.mark.parametrize(("text", "word", "company"), [
    ("Our platform combines machine learning and big data.", "big data", True),
    ("We're looking for a backend-leaning fullstack dev.", "fullstack", False),
    ("This is also a primarily backend focused role.", "backend", False),
    ("Acme is hiring: Staff Software Engineer - Frontend.", "Frontend", False),
])
def test_in_company_sentence_of_the_hire(text: str, word: str, company: bool) -> None:
    # with ``hire``, a sentence that speaks of the role or the hiring is no company sentence
    start = text.index(word)
    smap = SectionMap(text)
    assert smap.in_company_sentence(start, start + len(word), hire=True) is company
    assert smap.in_company_sentence(start, start + len(word))  # (all speak of the company)


@pytest.mark.parametrize(("text", "word", "listed"), [
    ("About us\nH2O.ai partners with leading technology companies such as NVIDIA, AWS and Microsoft Azure.",
     "Microsoft Azure", True),
    ("We are a team of 25 with experience at companies such as Google, Snowflake and Kaggle.", "Kaggle", True),
    ("We are a mix of startup hustlers and ex-Google Ads engineers.", "Google Ads", True),
    ("Backed by founders of OpenAI, MotherDuck and dbt Labs. You will use dbt daily.", "dbt daily", False),
    ("Requirements\nWorked at companies such as Google; Kubernetes.", "Kubernetes", False),  # not company text
    ("Our customers love the complex-looking dashboards built on Snowflake.", "Snowflake", False),
])
def test_in_name_list(text: str, word: str, listed: bool) -> None:
    assert SectionMap(text).in_name_list(text.index(word)) is listed


def _plain_name_lists(smap: SectionMap) -> list[tuple[int, int]]:
    """``SectionMap._name_lists`` from every offset where a ``_NAME_LIST_WORDS`` phrase starts
    (``str.startswith``, no trigger-word scan); the earliest phrase at an offset first."""
    text = smap.text
    low = text.lower()
    if len(low) != len(text):
        return []
    spans: list[tuple[int, int]] = []
    for h in range(len(low)):
        for n in sorted(len(w) for w in sections._NAME_LIST_WORDS if low.startswith(w, h)):
            if (h and low[h - 1].isalnum()) or (spans and h < spans[-1][1]) or smap.kind_at(h) not in (
                    "other", "about", "benefits"):
                continue
            ends = [i for i in (text.find(mark, h + n) for mark in sections._SENTENCE_MARKS) if i >= 0]
            spans.append((h + n, min(ends) if ends else len(text)))
    return spans


_NAME_PIECES = ["Acme", " partners with ", " partners", "partnership with", " leading firms", " such as ", " like ",
                "customers include ", "clients like ", "trusted by ", "investors, including ", "founders of ",
                " companies", " including ",
                "alumni", "ex-", "complex-", "formerly at ", "previously at ", "worked at ", "companies such as ",
                "Google", "AWS", "Requirements:", "About us:", "Benefits", "\n", ". ", " ", "ſ", "İ"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_NAME_PIECES), max_size=25).map("".join))
def test_name_list_gates_keep_the_spans(text: str) -> None:
    smap = SectionMap(text)
    assert smap._name_lists() == _plain_name_lists(smap)


_SENTENCE_PIECES = ["you", "your", "you'll", "you’ll", "young", "experienced", "experience", "skill", "skills",
                    "skillset", "track record", "working in", "we", "we're", "we’re", "wed", "our", "us", "is",
                    "isn", "platform", "hire", "hiring", "join", "joined", "engineers", "dev", "devs", "proficient",
                    "é", "_", "a", "x", " ", "  ", ".", ",", "'", "’", "-", "\n", "1"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCE_PIECES), max_size=30), st.integers(0, 200), st.integers(0, 200))
def test_word_sets_agree_with_their_regexes(pieces: list[str], a: int, b: int) -> None:
    # ``_found`` (one automaton pass) is the regex search it replaces, bounds included
    low = "".join(pieces)
    lo, hi = min(a, b, len(low)), min(max(a, b), len(low))
    for heads, pattern in ((sections._ASK_HEADS, sections._SENTENCE_ASK),
                           (sections._COMPANY_HEADS, sections._SENTENCE_COMPANY),
                           (sections._HIRE_HEADS, sections._SENTENCE_HIRE)):
        assert sections._found(heads, pattern, low, lo, hi) == (pattern.search(low, lo, hi) is not None)


def test_word_lists_are_the_regexes_words_and_heads() -> None:
    # the sentence regexes and their automata are built from one tuple of words each: every
    # word is found as a whole word by both, and not inside a longer word
    for words, pattern, heads in (
            (sections._SENTENCE_ASK_WORDS, sections._SENTENCE_ASK, sections._ASK_HEADS),
            (sections._SENTENCE_COMPANY_WORDS, sections._SENTENCE_COMPANY, sections._COMPANY_HEADS),
            (sections._SENTENCE_HIRE_WORDS, sections._SENTENCE_HIRE, sections._HIRE_HEADS)):
        for word in words:
            head = sections._literal_head(word)
            for low in (f"then {head} here", f"{head}", f"x{head}x"):
                found = sections._found(heads, pattern, low, 0, len(low))
                assert found is (not low.startswith("x")), (word, low)


@pytest.mark.parametrize("verb", [*sections._PITCH_WE_WORDS])
def test_every_pitch_verb_of_we_makes_a_pitch(verb: str) -> None:
    text = f"We {verb} software for hospitals."
    assert SectionMap(text).in_pitch(text.index("hospitals"), len(text) - 1)


@pytest.mark.parametrize("verb", [v.replace("an?", "an") for v in sections._PITCH_IS_WORDS])
def test_every_pitch_verb_of_a_name_makes_a_pitch(verb: str) -> None:
    text = f"Acme {verb} software for hospitals."
    assert SectionMap(text).in_pitch(text.index("hospitals"), len(text) - 1)


@pytest.mark.parametrize("heading", ["About the Role:", "ABOUT THE ROLE AND OUR TEAM:", "About the job",
                                     "About The Position", "About this opportunity"])
def test_about_the_role_heads_the_role_not_the_company(heading: str) -> None:
    # (it was "about", company text: a field word there in a sentence that asks nothing was
    # dropped, "uses advanced business intelligence" of the role's own team; corpus rows
    # gd-14cb70379233 and gd-77beda5bbab9, whose labels list it)
    text = f"Acme is a bank.\n{heading}\nThe analytics team uses business intelligence.\n"
    assert SectionMap(text).kind_at(text.index("business")) == "responsibilities"
    for company in ("About the team", "About the company", "About us"):
        text = f"{company}\nWe are a bank.\n"
        assert SectionMap(text).kind_at(text.index("bank")) == "about"


def test_a_heading_with_a_qualifier_first_is_found() -> None:
    # ("Required Skills", "Key Responsibilities", "Job Requirements" ... were no headings: the
    # list went on in the section before, and after "Preferred Qualifications:" it was read
    # as nice-to-have; corpus gd-994a8d72621f's "Required Qualifications: ... Bachelor's
    # degree" gave no degree, gd-d347f5ec8941's "Your Responsibilities" duties were a plus)
    text = ("Preferred Qualifications:\n- Spark\nRequired Skills:\n- Python\nKey Responsibilities\n"
            "- Build models\nJob Requirements\n- SQL\nWhat Will Make You Stand Out\n- Rust\n"
            "Who we are looking for\n- Go\n")
    smap = SectionMap(text)
    kinds = {word: smap.kind_at(text.index(word)) for word in ("Spark", "Python", "Build", "SQL",
                                                             "Rust", "Go")}
    assert kinds == {"Spark": "nice", "Python": "requirements", "Build": "responsibilities",
                     "SQL": "requirements", "Rust": "nice", "Go": "requirements"}
    assert not smap.is_nice(text.index("Python"))
    # (an item that starts so is still no heading, nor a skill line)
    item = "Preferred:\n- Spark\n- Required skills in Python are a must\n- Strong communication skills\n"
    assert SectionMap(item).kind_at(item.index("communication")) == "nice"
