"""Skill extraction: one-pass matching, offsets, ambiguous aliases, required flag."""

from __future__ import annotations

import pytest

from mljobs.enrich import SkillMatcher, SkillTaxonomy, extract_skills
from mljobs.enrich.skills import UNASKED_SKILLS, default_matcher, default_taxonomy, norm_key


def names(text: str) -> set[str]:
    """The skills of ``text``; and the ``UNASKED_SKILLS`` the matcher finds there (the skills
    step leaves them out, but their context rules are the matcher's and tested here too)."""
    found = {s.name for s in extract_skills(text)}
    return found | {m.name for m in default_matcher().find(text) if m.name in UNASKED_SKILLS}


@pytest.mark.parametrize(
    ("text", "skill", "present"),
    [
        ("Acme builds perception software for robotics with Python and C++.", "robotics", False),
        ("About us\nWe partner with pharma on clinical trials.\n\nRequirements\nSQL, R.", "clinical trials", False),
        ("Requirements\nExperience with ROS and robotics.", "robotics", True),
        ("Experience in genomics or drug discovery is a plus; Python.", "drug discovery", True),
        ("Acme builds software for robotics. You know robotics and ROS well.", "robotics", True),
        ("You will report to the Head of Machine Learning. Python required.", "machine learning", False),
        ("We partner with companies such as Snowflake and Databricks.\n\nRequirements\nPython.", "Snowflake", False),
        ("Roles:\n- https://acme.com/careers/senior-software-engineer-backend\nPython.", "backend development", False),
        ("Apply at www.acme.io/jobs/machine-learning-engineer. Python.", "machine learning", False),
        ("Backend: Go. You know backend development and machine learning.", "backend development", True),
        ("We are a team of ex-Google Ads engineers.\n\nRequirements\nPython, Google Ads.", "Google Ads", True),
        ("Work with the VP of Data Science and the team; machine learning a plus.", "machine learning", True),
        ("Hands-on experience with data analysis software such as Spotfire.", "data analysis", False),
        ("Acme | Full-Stack Software Engineer | Remote\nTypeScript, Postgres.", "full-stack development", False),
        ("Experience with business intelligence tools (Tableau, Looker).", "business intelligence", False),
        ("Strong skills in data analysis and SQL; data analysis tools a plus.", "data analysis", True),
        ("You know full-stack development; we ship products.", "full-stack development", True),
        ("Programming experience with Python for data analysis (pandas, NumPy).", "data analysis", False),
        ("Assist in our data science efforts. SQL required.", "data science", False),
        ("We need your data analysis skills and SQL.", "data analysis", True),
        ("Open roles:\n- ML Performance Engineer: https://acme.com/jobs/1\nPython.", "machine learning", False),
        ("Acme | Senior Robotics Software Engineer | Remote\nC++.", "robotics", False),
        ("Experience with Machine Learning Platforms such as SageMaker.", "machine learning", True),
        # a field word in a sentence about the company that asks nothing is its field
        ("Our technical competencies include Big Data analytics and Cloud Computing.\n\nRequirements\nSQL.",
         "big data", False),
        ("Acme is the commercial backend for SaaS products.\nPython.", "backend development", False),
        ("We're obsessed with programming, big data, databases and compilers.", "big data", False),
        # ... but not when it speaks of the role, or asks
        ("We're looking for a backend-leaning fullstack dev.", "full-stack development", True),
        ("This is a primarily backend focused role.", "backend development", True),
        ("We use big data tools daily; you know big data well.", "big data", True),
        # cybersecurity is a field a company works in as much as a skill
        ("About us\nWe serve the government in fields as diverse as cybersecurity and defense.\n\nPython.",
         "computer security", False),
        ("About us\nAcme offers niche services in Cyber Security, Digital and Payroll.\n\nRequirements\nSQL.",
         "computer security", False),
        ("Requirements\nKnowledge of information security and Python.", "computer security", True),
        # a field word followed by its tools: the labels take the tools (twentieth session)
        ("Backend Stack: Ruby / Rails (8.x), Postgres, Docker", "backend development", False),
        ("- Strong backend experience with Elixir", "backend development", False),
        ("Hands-on software development skills (Python, Scala, Java)", "software development", False),
        ("Modern Web Development: Django, Angular, React, etc.", "web development", False),
        ("1-2 years of experience with web development: HTML, CSS and JavaScript", "web development", False),
        ("Experience with big data technologies (e.g., Hadoop, HIVE, HDFS, Spark)", "big data", False),
        # ... not when no tool starts the list, nor after "using" / "in" (the labels take it)
        ("Desired Qualifications:\n•Python\n•Web development (we use React)\n", "web development", True),
        ("Expert in data analysis using R or Python (numpy, scipy)", "data analysis", True),
        ("Experience with data analysis in R is required.", "data analysis", True),
        ("Seeking a backend generalist with deep Python + Postgres experience", "backend development", True),
        ("Software engineering (3+ years), testing and code review", "software engineering", True),
        # the ways of a field name no ask for it (twentieth session)
        ("Good knowledge of software engineering best practices", "software engineering", False),
        ("Write clean code using standard software engineering methodologies", "software engineering", False),
        ("Modify and improve data engineering processes to handle larger data", "data engineering", False),
        ("Strong software engineering skills.", "software engineering", True),
    ],
)
def test_domains_titles_and_company_names_count_when_asked(text: str, skill: str, present: bool) -> None:
    assert (skill in {s.name for s in extract_skills(text)}) is present


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Proven hands-on model development in Python.", "model development"),
        ("Experience in project management with Jira and MS Project.", "project management"),
        ("Strong data management skills, including SQL and MongoDB.", "data management"),
        ("Experience in market research with SQL and Tableau.", "market research"),
        ("Automate model training, testing and deployment with Python.", "model training"),
        ("The data life cycle including data acquisition, ETL and analysis in SQL.", "data acquisition"),
        ("Strong technical writing and verbal communication skills; SQL.", "technical documentation"),
        # a business function, as project management ("Collaborate with product management,
        # engineering and business stakeholders"; nineteenth session)
        ("Collaborate with product management, engineering and business stakeholders; SQL.", "product management"),
    ],
)
def test_vague_practices_are_no_skill(text: str, skill: str) -> None:
    # the matcher finds them (the archetype features count them), the skills step leaves them out
    assert skill in {m.name for m in default_matcher().find(text)}
    got = {s.name for s in extract_skills(text)}
    assert skill not in got and got  # (the text's other skills stay)


@pytest.mark.parametrize(
    ("text", "skill", "present"),
    [
        # a vague practice or business function followed by "experience" is what the post asks for
        ("8+ years of product management experience, including platform products.", "product management", True),
        ("5+ years of project management experience in analytics.", "project management", True),
        ("Previous Digital Marketing experience is a plus.", "digital marketing", True),
        # elsewhere it stays no ask
        ("Collaborate with product management and engineering teams.", "product management", False),
        ("Strong project management skills; experience with SQL.", "project management", False),
    ],
)
def test_vague_practice_named_as_experience_is_an_ask(text: str, skill: str, present: bool) -> None:
    assert (skill in {s.name for s in extract_skills(text)}) is present



def test_offsets_point_at_the_surface() -> None:
    text = "You know sklearn, PyTorch and k8s."
    for s in extract_skills(text):
        assert s.start is not None and s.end is not None
        assert text[s.start:s.end] == s.surface
    assert {"scikit-learn", "PyTorch", "Kubernetes"} <= names(text)


def test_spelling_variants_normalise() -> None:
    assert "scikit-learn" in names("Experience with scikit learn is required.")
    assert "scikit-learn" in names("Experience with Scikit-Learn is required.")


def test_longest_match_wins() -> None:
    found = {s.surface for s in extract_skills("We use Apache Spark and Spark MLlib daily.")}
    assert "Apache Spark" in found


@pytest.mark.parametrize(
    ("text", "skill", "present"),
    [
        ("Strong skills in R, Python and SQL for statistical analysis.", "R", True),
        ("Dr. R. Smith leads the R&D group.", "R", False),
        ("Backend services in Go, Python and gRPC on Kubernetes.", "Go", True),
        ("Ready to go live with customers? Let's go.", "Go", False),
        ("Large-scale data processing with Spark, Hadoop and Hive.", "Apache Spark", True),
        ("Our culture will spark your creativity.", "Apache Spark", False),
        ("Advanced Excel skills: pivot tables and VLOOKUP.", "Excel", True),
        ("We help teams excel at customer service.", "Excel", False),
        ("Online learning with VW (Vowpal Wabbit style) and logistic regression models.",
         "Vowpal Wabbit", True),
        ("Drive a VW to the office car park.", "Vowpal Wabbit", False),
        ("Embedded firmware in C and C++ on microcontrollers.", "C", True),
        ("Grade C candidates need not apply; see section C below.", "C", False),
    ],
)
def test_ambiguous_aliases_need_their_context(text: str, skill: str, present: bool) -> None:
    assert (skill in names(text)) is present


def test_required_versus_nice_to_have() -> None:
    text = "Requirements\n- Python and SQL\nNice to have\n- Scala\n"
    flags = {s.name: s.required for s in extract_skills(text)}
    assert flags["Python"] is True and flags["SQL"] is True
    assert flags["Scala"] is False


def test_each_skill_listed_once_with_first_surface() -> None:
    skills = extract_skills("python, Python, PYTHON")
    assert [s.name for s in skills] == ["Python"]
    assert skills[0].surface == "python"


def test_matcher_on_a_custom_taxonomy(tmp_path) -> None:
    path = tmp_path / "skills.json"
    path.write_text(
        '{"version": "t", "categories": {"tool": "x"}, "skills": ['
        '{"name": "Weka", "category": "tool", "aliases": ["WEKA toolkit"], "context": null}]}'
    )
    matcher = SkillMatcher(SkillTaxonomy.load(path))
    found = matcher.find("We used the WEKA toolkit, then Weka again.")
    assert [(m.name, m.surface) for m in found] == [("Weka", "WEKA toolkit"), ("Weka", "Weka")]


def test_packaged_taxonomy_keys_are_unique_per_skill() -> None:
    owners: dict[str, str] = {}
    for alias in default_taxonomy().aliases():
        key = norm_key(alias.form)
        assert owners.setdefault(key, alias.skill) == alias.skill, key


# Taxonomy 2026.11.2: company descriptions, product pitches, team names, job
# titles and how-to-apply text are not asks (a positive and a negative each).
@pytest.mark.parametrize(
    ("text", "skill", "present"),
    [
        ("Tools: Git/GitHub, Jira and Docker.", "GitHub", True),
        ("Email jobs@example.com with your GitHub and a short note.", "GitHub", False),
        ("Send your resume/GitHub to hiring@example.com.", "GitHub", False),
        ("We passed 100k stars on GitHub! https://github.com/acme", "GitHub", False),
        ("Stack: TypeScript, Hono, Cloudflare Workers, PostgreSQL.", "Cloudflare", True),
        ("Backed by a16z and founders of Cloudflare, DigitalOcean and Segment.", "Cloudflare", False),
        ("Cloudflare | Systems Engineer | Austin | Full-time", "Cloudflare", False),
        ("AI features use Claude, OpenAI and LangChain.", "OpenAI API", True),
        ("We're a small team of builders (ex-OpenAI, Pinterest, startups).", "OpenAI API", False),
        ("Used by companies like Apple, Dropbox, Stripe and Instacart.", "Stripe", False),
        ("Other: Stripe, SendGrid, Playwright, TypeScript.", "Stripe", True),
        ("Experience with on-call SRE practices and observability.", "site reliability engineering", True),
        ("Acme | Senior DevOps Engineer/SRE/Platform Engineer | Remote", "site reliability engineering", False),
        ("You own environment prep, QA, testing and CI/CD.", "quality assurance", True),
        ("Roles: Mobile QA, Mobile Testing, Test Automation.", "quality assurance", False),
        ("Maintainable, high-quality engineering matters to us.", "quality assurance", False),
        ("Comfortable with gdb and debugging core dumps in C++.", "debugging", True),
        ("Strong debugging and problem-solving skills.", "debugging", False),
        ("IoT firmware over MQTT on microcontrollers.", "Internet of Things", True),
        ("We have 1,000+ IoT deployments on elevators.", "Internet of Things", False),
        ("Shape what data infrastructure, data analysis and data team structure look like.",
         "data infrastructure", True),
        ("Our engineers are key to building our data infrastructure.", "data infrastructure", False),
        ("Skills in data analytics, accounting, internal controls and auditing techniques.", "accounting", True),
        ("Neo.Tax is automating enterprise accounting and tax with AI.", "accounting", False),
        ("Statistical analysis plans using real-world data such as claims and EHR records.",
         "real-world data", True),
        ("Comfort building reliable pipelines over messy real-world data.", "real-world data", False),
        ("Experience with oncology clinical trials design is a plus.", "clinical trials", True),
        ("We expect to begin enrolling patients in our first clinical trial next year.", "clinical trials", False),
        ("Scientific tools, automation & robotics (Linux & ROS level).", "robotics", True),
        ("Acrylic Robotics | ML Lead | Montreal", "robotics", False),
        ("Creating and running simulations, optimization and A/B testing.", "simulation", True),
        ("Electric Twin builds simulations of real customer audiences.", "simulation", False),
        ("Knowledge of cancer biology and immunology.", "cancer biology", True),
        ("We have filed our first oncology IND for RTX-240.", "cancer biology", False),
        ("Proficiency with APIs, containerization and orchestration is a plus.", "orchestration", True),
        ("CoPlane is building the Agentic Orchestration platform for enterprises.", "orchestration", False),
        ("8+ years of product management experience.", "product management", True),
        ("Partner with Data Scientists, Product Management and Operations teams.", "product management", False),
        ("Cyber security domain knowledge is desirable.", "computer security", True),
        ("Oneleet is an all-in-one cybersecurity startup.", "computer security", False),
        ("Threat research in support of incident response efforts.", "alerting", True),
        ("Participate in the on-call rotation.", "alerting", False),
        ("Population PK/PD modeling and simulation.", "modeling and simulation", True),
        ("Experience with M&S tools and DoDAF architecture modeling.", "modeling and simulation", True),
        ("Key business performance metrics for the leadership team.", "performance measurement", False),
        ("Experience in farming, plant breeding, agronomy or genetics.", "genetics", True),
        ("Without regard to national origin, disability, genetics or veteran status.", "genetics", False),
        ("Comfortable presenting data in spreadsheets when that is the right tool.", "spreadsheets", True),
        ("A $650B industry that still runs on spreadsheets and phone calls.", "spreadsheets", False),
        ("Solutions in a cloud-native environment (AWS preferred).", "cloud-native development", True),
        ("Transitioning legacy solutions into a modern, cloud-native suite.", "cloud-native development", False),
        ("You will lead drug discovery projects in a team environment.", "drug discovery", True),
        ("We're a drug discovery company using our technology.", "drug discovery", False),
        ("Proven hands-on model development.", "model development", True),
        ("Projects including cell model development and bioassays.", "model development", False),
        ("Perception for self-driving and robotics is a plus.", "autonomous driving", True),
        ("Help the development of the next generation of autonomous vehicles.", "autonomous driving", False),
        ("Think of GitHub but for hardware design.", "GitHub", False),
        ("Keywords: 3D, SLAM, CAD, iOS, Python", "CAD", True),
        ("Full-Time | $126k-$154k CAD | Immigration support", "CAD", False),
        ("Experience in project management with Jira and MS Project.", "project management", True),
        ("As directed by Project Management staff.", "project management", False),
        ("Strong CS fundamentals: data structures, algorithms and coding.", "data structures", True),
        ("Proficient with dimensional models, cubes and columnar data structures.", "data structures", False),
        ("Knowledge of SQL and databases is required.", "databases", True),
        ("Use web search and scientific databases for bibliographic research.", "databases", False),
        ("Experience with Bazel or similar build systems.", "build systems", True),
        ("You love to build systems that are well tested.", "build systems", False),
        ("Drone autonomy on PX4 with UAVs for aerial imagery.", "drones", True),
        ("Humanoids, drones, industrial arms: if it moves, we can teleoperate it.", "drones", False),
        ("We develop software for monitoring semiconductor manufacturing processes.", "semiconductors", False),
        ("Charts in Observable and D3.", "Observable", True),
        ("Keep our software stack observable and testable.", "Observable", False),
        ("Firmware for embedded systems in C.", "embedded systems", True),
        ("+ Senior Software Engineer (Embedded) - apply online", "embedded systems", False),
        ("Prompting ChatGPT and Claude for code review.", "ChatGPT", True),
        ("Buyers ask ChatGPT, Claude and Perplexity for recommendations.", "ChatGPT", False),
        ("Job Segment: Chemistry, Toxicology, Scientific", "Segment", False),
        ("Experience building AI agents with LangGraph or similar.", "AI agents", True),
        ("Cogram builds AI agents for architects and engineers.", "AI agents", False),
        ("E2B is building infrastructure for AI agents.", "AI agents", False),
        ("Python/Django, MongoDB, LLMs (Gemini/Vertex AI).", "large language models", True),
        ("Our LLM-powered platform is solving chart review.", "large language models", False),
        ("Strong CS fundamentals from the pre-LLM days.", "large language models", False),
        ("DevOps comfort: Docker, CI/CD pipelines, cloud.", "DevOps", True),
        ("Acme | Software Engineers / DevOps | Greece | Remote", "DevOps", False),
        ("No QA team, no DevOps. You own what you build.", "DevOps", False),
        ("Knowledge of UI/UX principles and Figma.", "UI/UX design", True),
        ("Roles: Full-Stack Engineer, UI/UX Designers, DevOps engineers.", "UI/UX design", False),
        ("Build to WCAG accessibility guidelines.", "accessibility", True),
        ("Models that feed BI tools, increasing data accessibility.", "accessibility", False),
        ("Experience with business intelligence and statistical tools.", "business intelligence", True),
        ("A degree in engineering, finance, business intelligence. Advanced degrees preferred.",
         "business intelligence", False),
        ("Strong skills in C/C++ for embedded firmware.", "C", True),
        ("PostHog equips developers to build successful products.", "PostHog", False),
        ("Analytics: PostHog, Sentry, OpenTelemetry.", "PostHog", True),
        ("PayPal acquired Chargehound in 2021.", "PayPal", False),
        ("Modal | Software Engineers (Product, System) | NYC", "Modal", False),
        ("Serverless GPU inference on Modal with Python.", "Modal", True),
        ("Knowledge of ITAR and EAR export regulations.", "ITAR", True),
        ("Automate RFQs and stay ITAR-compliant.", "ITAR", False),
        ("Fine-tuning Stable Diffusion for product imagery.", "Stable Diffusion", True),
        ("Stable diffusion can break so much of this already.", "Stable Diffusion", False),
        ("Experience in market research and survey analysis.", "market research", True),
        ("The brightest in the market research industry.", "market research", False),
        ("Building LLM guardrails and evals.", "guardrails", True),
        ("Others treat regulatory guardrails as an afterthought.", "guardrails", False),
    ],
)
def test_not_asks_of_company_pitches_titles_and_apply_text(text: str, skill: str, present: bool) -> None:
    assert (skill in names(text)) is present


# Taxonomy 2026.11.3: stack words that need their stack, plural and modelling
# variants, page boilerplate, equal-opportunity text and wrong senses.
@pytest.mark.parametrize(
    ("text", "skill", "present"),
    [
        # Short product names that are English words or names need their stack beside them.
        ("Stack: Rails 8, Hotwire (Turbo + Stimulus), Postgres.", "Stimulus", True),
        ("Stack: Rails 8, Hotwire (Turbo + Stimulus), Postgres.", "Turbo", True),
        ("Stack: Rails 8, Hotwire (Turbo + Stimulus), Postgres.", "Hotwire", True),
        ("A visual stimulus triggers the response in the turbo engine.", "Stimulus", False),
        ("Turbo charge your career with us.", "Turbo", False),
        ("On the backend we use Drizzle with Neon on Vercel.", "Drizzle ORM", True),
        ("On the backend we use Drizzle with Neon on Vercel.", "Neon (Postgres)", True),
        ("Expect a light drizzle in the morning.", "Drizzle ORM", False),
        ("Retro signage in Neon lights our office.", "Neon (Postgres)", False),
        ("TypeScript, Effect-TS, Bun, PostgreSQL, AWS.", "Bun.js", True),
        ("Free coffee and a Bun every morning.", "Bun.js", False),
        ("Columnar formats (Parquet/Arrow) and production data systems.", "Apache Arrow", True),
        ("Arrow keys navigate the editor.", "Apache Arrow", False),
        ("Backend: Elixir / Phoenix, PostgreSQL.", "Phoenix Framework", True),
        ("Hybrid role in Phoenix, AZ.", "Phoenix Framework", False),
        ("Messaging solutions like Kafka and MQ.", "IBM MQ", True),
        ("Our HQ and MQ teams meet weekly.", "IBM MQ", False),
        ("Our stack: .NET Core, C#, PostgreSQL, CQRS, Angular.", "CQRS", True),
        ("Reports in SAS Visual Analytics or Tableau.", "SAS Visual Analytics", True),
        # Plurals and modelling variants.
        ("Build and maintain ETLs to fetch data into the warehouse.", "ETL", True),
        ("Cluster analysis (K-means, K-nearest Neighbor, Hierarchical).", "k-nearest neighbors", True),
        ("Random forest, decision trees, supervised and unsupervised modeling.", "supervised learning", True),
        ("Random forest, decision trees, supervised and unsupervised modeling.", "unsupervised learning", True),
        # Page boilerplate, equal-opportunity text, software regressions, everyday verbs, industries.
        ("Experience with JavaScript and React.", "JavaScript", True),
        ("Acme Jobs You need to enable JavaScript to run this app.", "JavaScript", False),
        ("JavaScript must be enabled in order to use Notion.", "JavaScript", False),
        ("Build classification models for fraud.", "classification", True),
        ("Veteran status, or any other classification protected by law.", "classification", False),
        ("Candidates may be considered for alternative classification.", "classification", False),
        ("Experience with regression and classification.", "regression", True),
        ("Statistical testing, and regression.", "regression", True),
        ("Perform quality assurance and regression tests on internal code.", "regression", False),
        ("Inspect commits, spot regressions, and maintain quality.", "regression", False),
        ("Experience visualizing data and presenting findings.", "data visualization", True),
        ("Visualizing what the final destination looks and feels like.", "data visualization", False),
        ("Integrate with other agtech products.", "precision agriculture", False),
        ("Broad knowledge of supervised and unsupervised techniques.", "supervised learning", True),
        ("Oversee extracting data from existing databases and literature.", "databases", False),
        ("Extracts, transforms, and loads data into databases for reporting.", "databases", False),
        ("Background in databases, text processing, or search engines.", "databases", True),
        ("How did the path of the solar eclipse affect hotel bookings?", "Eclipse", False),
        ("Experience with Eclipse or IntelliJ.", "Eclipse", True),
        ("Perks: free lunch and impromptu Nerf gun battles.", "NeRF", False),
    ],
)
def test_stack_words_boilerplate_and_wrong_senses(text: str, skill: str, present: bool) -> None:
    assert (skill in names(text)) is present


# Taxonomy 2026.11.3: products named as the employer's customers, partners or
# backers, and everyday senses of product and method names.
@pytest.mark.parametrize(
    ("text", "skill", "present"),
    [
        ("Our data powers customers such as Cloudflare, T-Mobile and SpaceX.", "Cloudflare", False),
        ("Inference for AI companies such as Cursor, Notion, Abridge and Writer.", "Cursor", False),
        ("Trusted by teams at Cloudflare, Vercel, Mozilla, Pydantic, and Astral.", "Pydantic", False),
        ("Data models in Pydantic and FastAPI.", "Pydantic", True),
        ("We work with some amazing companies (Docker, Riot Games, Synthesia).", "Docker", False),
        ("Docker is a plus.", "Docker", True),
        ("H2O partners with leading technology companies such as NVIDIA, IBM, AWS, Intel.", "AWS", False),
        ("AWS is a plus; Python | AWS | Docker.", "AWS", True),
        ("Proficiency with cloud providers such as Amazon Web Services. The platform is used by builders.",
         "AWS", True),
        ("Skills: Kubernetes, Python, Redis, PostgreSQL. Connect directly with founders of YC startups.",
         "Redis", True),
        ("Already in production with Volvo, ClickHouse, and others.", "ClickHouse", False),
        ("A modern data stack (Postgres, ClickHouse, DuckDB) backed by Kubernetes.", "ClickHouse", True),
        ("A Django REST API backed by PostgreSQL. Integrations with OpenAI, HubSpot, Twilio.", "Twilio", True),
        ("Lago is now trusted by CoreWeave, Synthesia, Groq and PayPal.", "Groq", False),
        ("Cloudflare is building across the entire AI stack.", "Cloudflare", False),
        ("Apply: https://job-boards.greenhouse.io/cloudflare/jobs/123", "Cloudflare", False),
        ("Aiming to take on the likes of Adobe, Figma, Blender.", "Figma", False),
        ("No mockups, no Figma, no roadmap waiting for you.", "Figma", False),
        ("Culture: No Jira. No PMs. Just code and shipping.", "Jira", False),
        ("Track work in Jira and Confluence.", "Jira", True),
        ("Milestone criteria (e.g. Go/No Go criteria).", "Go", False),
        ("Drive your own roadmap. Go super deep on infra problems.", "Go", False),
        ("ac.type = 'text/javascript';", "JavaScript", False),
        ("Git, Pull Requests, testing and code review.", "Requests", False),
        ("HTTP clients in Python with Requests and httpx.", "Requests", True),
        ("Onboarding and KYC, payments rails, accounting and billing for our backend.", "Ruby on Rails", False),
        ("Backend in Ruby on Rails and Postgres.", "Ruby on Rails", True),
        ("Hello, I am bootstrapping an AI companion startup.", "bootstrapping", False),
        ("Resampling methods such as bootstrapping and cross-validation.", "bootstrapping", True),
        ("Please review our CCPA Policy with regard to applicant data.", "CCPA", False),
        ("Privacy: https://www.example.com/legal/ccpa-privacy-policy", "CCPA", False),
        ("Knowledge of GDPR and CCPA compliance for data pipelines.", "CCPA", True),
        ("A horizontally scalable compute engine (DuckDB-based).", "Google Compute Engine", False),
        ("Deploy on GCP Compute Engine and GKE.", "Google Compute Engine", True),
        ("Loyalty programs for brands like American Girl and Old Spice.", "LTspice", False),
        ("Analog circuit simulation in SPICE and LTspice.", "LTspice", True),
        ("Hospital information systems (ex: EMR, LIS, RIS) preferred.", "Amazon EMR", False),
        ("Spark jobs on EMR with S3 and AWS Glue.", "Amazon EMR", True),
    ],
)
def test_customer_lists_and_everyday_senses(text: str, skill: str, present: bool) -> None:
    assert (skill in names(text)) is present


# Taxonomy 2026.11.3: the employer's product or audience, umbrella terms
# followed by their tools, and modelling methods beside bare "optimization".
@pytest.mark.parametrize(
    ("text", "skill", "present"),
    [
        ("Progress on Atrium, our operating system for robotics.", "robotics", False),
        ("Munich is arguably the best robotics ecosystem in Europe.", "robotics", False),
        ("Robotics experience not required!", "robotics", False),
        ("Experience in robotics and motion planning.", "robotics", True),
        ("A startup building cutting-edge agentic systems.", "agentic systems", False),
        ("Experience designing agentic systems with tool calling.", "agentic systems", True),
        ("Own services end-to-end, from agent orchestration to media systems.", "AI agents", True),
        ("I'm an engineer on the iOS team; ask me anything.", "iOS", False),
        ("Static analysis of Android APKs and iOS IPAs.", "Android", False),
        ("Location more accurate than iOS and Android.", "iOS", False),
        ("Native mobile development for iOS and Android.", "iOS", True),
        ("You enjoy rapid experimentation and own outcomes.", "experimentation", False),
        ("Experience with experimentation and causal inference.", "experimentation", True),
        ("Experience with workflow orchestration (Temporal, Airflow, Dagster, etc.).", "orchestration", False),
        ("Kubernetes deployment and Temporal.io workflow orchestration.", "orchestration", False),
        ("Experience with workflow orchestration for batch jobs.", "orchestration", True),
        ("Classification, clustering, regularization, optimization, dimension reduction.",
         "mathematical optimization", True),
        ("Natural language processing, optimization, or causal inference.", "mathematical optimization", True),
    ],
)
def test_employer_products_umbrellas_and_methods(text: str, skill: str, present: bool) -> None:
    assert (skill in names(text)) is present


# Taxonomy 2026.11.3: common surface forms the taxonomy lacked.
@pytest.mark.parametrize(
    ("text", "skill", "present"),
    [
        ("Experience with an auto-ML tool like DataRobot is a plus.", "AutoML", True),
        ("Areas such as automatic machine learning and model management.", "AutoML", True),
        ("Rigor in study design and sample size calculations.", "study design", True),
        ("Experience with computational geometry or computer graphics.", "computational geometry", True),
        ("Implement new NFC + Bluetooth protocols in Swift/Kotlin.", "NFC", True),
        ("Rethinking how software is built using AI coding agents.", "agentic coding", True),
        ("Webscraping leveraging BeautifulSoup, Selenium, Scrapy.", "web scraping", True),
        ("Data systems using APIs, Selenium, web scrapers, etc.", "web scraping", True),
        ("Expert dimensional data modeling skills.", "dimensional modeling", True),
        ("Improve model quality by tuning hyper-parameters.", "hyperparameter tuning", True),
        ("TypeScript, Python, Postgres, AWS, Lambdas.", "AWS Lambda", True),
        ("The lambdas of the lab's calibration curve.", "AWS Lambda", False),
        ("Our stack is Go, NextJS (TS), Postgres and ClickHouse.", "Go", True),
        ("Written in Python, Rust, SQL, TypeScript, and Nix.", "Nix", True),
        ("Nix the idea and start again.", "Nix", False),
        ("A runtime on top of the Linux BPF sub-system; eBPF/XDP.", "eBPF", True),
        ("Solid blockchain knowledge and consensus algorithms.", "consensus algorithms", True),
        ("Building fault-tolerant distributed algorithms.", "distributed algorithms", True),
        ("Mobile architecture and state management.", "state management", True),
        ("High-volume scraping, browser automation & agents.", "browser automation", True),
        ("Nice-to-have: event-driven architectures, CQRS, event sourcing.", "event sourcing", True),
        ("Writing highly-concurrent, performant multi-threaded Rust.", "concurrent programming", True),
        # Named tools the taxonomy lacked; those that are words need their stack.
        ("Stack: TypeScript, React, Next.js, Hasura (GraphQL), Trigger.dev, AWS GovCloud.", "Hasura", True),
        ("Stack: TypeScript, React, Next.js, Hasura (GraphQL), Trigger.dev, AWS GovCloud.", "AWS GovCloud", True),
        ("Aeron Transport, Aeron Cluster, Artio, Agrona, or CoinTossX.", "Artio", True),
        ("Tree induction techniques like CHAID, CART, random forest.", "CHAID", True),
        ("Integration adapters for major EMR systems (Epic, Cerner, etc.).", "Epic (EHR)", True),
        ("An epic journey awaits; Epic quests for the brave.", "Epic (EHR)", False),
        ("Containerization, e.g. Docker and/or Singularity.", "Singularity", True),
        ("The singularity is near, says our founder.", "Singularity", False),
        ("Experience with a Map Reduce or an MPP system.", "massively parallel processing", True),
        ("Spark, working in RDDs and DataFrames.", "RDDs", True),
        ("Stack: React Native/Expo, Next.js, Hono, Cloudflare Workers.", "Hono", True),
        ("APIs, auth/RBAC, job orchestration, observability.", "RBAC", True),
        ("Networking: eBPF/XDP at line rate.", "XDP", True),
        ("WebGL2 for node-based tools & CRDTs for collaboration.", "CRDTs", True),
        ("Familiarity with MedDRA/WHO-Drug and CDISC CDASH standards.", "WHO-Drug", True),
        ("Spacelift | Senior Platform Engineer | Remote", "Spacelift", False),
        ("GitOps (Flux, Spacelift), Datadog, CI/CD automation.", "Spacelift", True),
        ("Logistic regression, naive Bayes and tree-based models.", "tree-based models", True),
        ("Knowledge of adaptive designs, Bayesian methodology, trial simulation.", "adaptive trial design", True),
        ("Applied statistics and clinical trial data management.", "clinical data management", True),
        ("Endpoint selection and sample size calculations.", "power analysis", True),
        ("Flow cytometry, ligand binding assays, mass spectrometry.", "ligand binding assays", True),
        ("Hands-on experience with high content microscopy.", "high content microscopy", True),
        ("Optimizing lock-free data structures at nanosecond scale.", "lock-free data structures", True),
        ("Distributed architecture, APIs, AWS, event-driven systems.", "event-driven architecture", True),
        # Project management listed among soft skills is one of them.
        ("Strong project management skills, excellent communication.", "project management", False),
        ("Excellent project management and organizational skills.", "project management", False),
        ("Basic Project Management and Business Process modeling.", "project management", True),
        # Umbrella followed by the tools it stands for.
        ("Experience with visualization tools (e.g., Periscope, D3, Tableau).", "data visualization", False),
        ("Working knowledge of data visualization tools, such as Shiny or Power BI.", "data visualization", False),
        ("Data visualization and storytelling with dashboards.", "data visualization", True),
        ("Experience with data visualization tools and techniques.", "data visualization", True),
        # "large-scale data" describes the data, it is not the big-data skill.
        ("You'll design large-scale data pipelines and analyse large scale data.", "big data", False),
        ("Exploration and modeling work on massive data sets.", "big data", False),
        # (followed by its tools it is no ask, the tools are: twentieth session)
        ("Experience with big data technologies in production.", "big data", True),
        ("Experience with big data technologies such as Hadoop.", "Hadoop", True),
        # A coordinated modifier that ends the skill before it; industries and markets.
        ("Experience in machine learning and predictive analytics.", "educational data mining", False),
        ("Learning analytics for online courses.", "educational data mining", True),
        ("Data platforms for a Berlin asset management fund.", "portfolio management", False),
        ("An emerging company in the cybersecurity market.", "computer security", False),
        ("Security Engineer | Cybersecurity | Full-time", "computer security", False),
        ("Knowledge of cybersecurity and threat modeling.", "computer security", True),
    ],
)
def test_missing_surface_forms(text: str, skill: str, present: bool) -> None:
    assert (skill in names(text)) is present


@pytest.mark.parametrize(
    ("text", "skill", "present"),
    [
        # "fine-tune" as the English verb is not model fine-tuning
        ("Experience designing data schemas and fine-tuning queries around large data sets.",
         "fine-tuning", False),
        ("Including assessing performance, debugging, and fine tuning those systems.", "fine-tuning", False),
        ("Our AI and ML algorithms analyze an audience and fine-tune offers.", "fine-tuning", False),
        ("Experience fine-tuning LLMs with LoRA.", "fine-tuning", True),
        ("Deep learning (fine-tuning Transformers, custom training loops).", "fine-tuning", True),
        # summarizing data is not text summarization
        ("You will do data summarization, data manipulation and literature review.",
         "text summarization", False),
        ("Data modeling (variable transformation and summarization) and processing.",
         "text summarization", False),
        ("NLP tasks such as entity recognition, summarization and translation.", "text summarization", True),
    ],
)
def test_everyday_senses_of_ml_words(text: str, skill: str, present: bool) -> None:
    assert (skill in names(text)) is present


def test_c_slash_cpp_gives_c_and_cpp() -> None:
    text = "Experience with Python and C/C++ is required."
    found = {s.name: s for s in extract_skills(text)}
    assert {"C", "C++"} <= set(found)
    assert found["C"].surface == found["C++"].surface == "C/C++"
    assert found["C++"].category == default_taxonomy().category_of["C++"]
    assert found["C++"].required


# Taxonomy 2026.11.7: React beside "JS" / "TS" / "UIs" (its ecosystem's short names); a
# cluster or graph node is no Node.js.
@pytest.mark.parametrize(
    ("text", "skill", "present"),
    [
        ("Strong proficiency in PHP/Laravel or JS/React.", "React", True),
        ("Operator UIs with real-time streams (React).", "React", True),
        ("React quickly to incidents and page the on-call.", "React", False),
        ("Control plane: per-node DaemonSet streaming checkpoints to the API.", "Node.js", False),
        ("WebGL2/WebGPU for node-based tools in the web app.", "Node.js", False),
        ("Backend in Node and TypeScript.", "Node.js", True),
    ],
)
def test_react_and_node_contexts(text: str, skill: str, present: bool) -> None:
    assert (skill in names(text)) is present


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # spelled out, "quality assurance" is a function or a vague check, no ask ...
        ("Work with project teams comprising technical, regulatory and quality assurance.", False),
        ("Provide quality assurance of imported data. SQL required.", False),
        ("Working with R&D, Quality Control/ Quality Assurance and GMP Manufacturing.", False),
        # ... the acronym is the testing practice
        ("You own environment prep, QA, testing, CI/CD.", True),
        ("You write tests and own QA for the app.", True),
        ("Liaise with Quality Assurance (QA) on releases; QA testing is part of the job.", True),
    ],
)
def test_quality_assurance_spelled_out_is_no_ask(text: str, present: bool) -> None:
    assert ("quality assurance" in {s.name for s in extract_skills(text)}) is present


@pytest.mark.parametrize(
    ("text", "skill", "present"),
    [
        # an umbrella word introducing its tools: the tools are the ask ...
        ("Fluency in statistical programming languages (R, Python, etc.).", "statistical programming", False),
        ("Experience with statistical programming software, such as R, SAS, or Stata.", "statistical programming",
         False),
        ("Experience working with database systems (e.g. SQL, NoSQL, MongoDB, Postgres).", "database systems", False),
        ("5+ years experience with DBMS (MySQL, SQL Server, Postgres, Oracle).", "database systems", False),
        ("Proficiency with statistical software packages including: SAS, SPSS.", "statistical software", False),
        ("Fluency in statistical programming languages (R, Python, etc.).", "R", True),
        # ... alone, the umbrella is one
        ("Knowledge of data mining, database systems, system programming and system design.", "database systems",
         True),
        ("Knowledge of statistical programming languages, data queries and SQL.", "statistical programming", True),
    ],
)
def test_umbrella_words_before_their_tools_are_no_ask(text: str, skill: str, present: bool) -> None:
    assert (skill in {s.name for s in extract_skills(text)}) is present


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # "agile" coordinated with another adjective describes a team, a company or a person ...
        ("We're a small, agile and cross-functional team. Python.", False),
        ("Delivering results in an agile, dynamic startup environment.", False),
        ("Right attitude (agile, curious, open-minded).", False),
        ("Strong prioritization skills, while being dynamic and agile.", False),
        ("Our open and Agile workspace gives our employees time.", False),
        ("A platform that stays agile under demanding product needs.", False),
        # ... beside a method, or alone, it is the method
        ("Experience with Agile and Waterfall projects.", True),
        ("Familiarity with SDLC, Agile, XP and Git.", True),
        ("Experience working in an Agile environment.", True),
        ("Familiarity with Agile or Lean approaches.", True),
    ],
)
def test_agile_beside_another_adjective_is_no_method(text: str, present: bool) -> None:
    assert ("Agile" in {s.name for s in extract_skills(text)}) is present


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # "skills:" (or a bracket) after an umbrella word starts no list of its tools when
        # no tool follows: the umbrella is the ask
        ("Statistical programming skills: writing clean, reproducible analysis code.", True),
        ("Statistical programming skills: ability to validate and document analysis outputs.", True),
        ("Experience with statistical software packages (3+ years).", True),
        ("Experience with database systems (3+ years).", True),
        # a tool right after the colon, bracket or "such as": the tools are the ask
        ("Statistical programming skills: R, SAS and Stata.", False),
        ("Statistical programming skills, such as R, Matlab, Python data science toolkits, etc.", False),
        ("Statistical software packages (for example, SAS, R).", False),
        ("Experience in a statistical programming language(Python or R) for data cleaning.", False),
        # "e.g." / "i.e." before a space introduce the list too (the regex wanted a letter next)
        ("Experience with database systems, e.g. SQL, MongoDB.", False),
        ("Statistical software packages, i.e. SAS and SPSS.", False),
    ],
)
def test_umbrella_word_before_no_tool_is_an_ask(text: str, present: bool) -> None:
    name = ("statistical software" if "software" in text else "database systems" if "database" in text
            else "statistical programming")
    assert (name in {s.name for s in extract_skills(text)}) is present


def test_umbrella_word_before_names_it_does_not_know_is_no_ask() -> None:
    # a bracket naming tools the taxonomy does not know still lists the umbrella's tools
    text = "Pull data from the MHS and BUMED database systems (M2, MDR, etc.) and report on it."
    assert "database systems" not in {s.name for s in extract_skills(text)}
