#!/usr/bin/env python3
"""Writes the inputs of `make bench` (see bench.sh in this folder). Deterministic: a fixed seed, so
the same repository gives the same bytes.

    generate_inputs.py --repo DIR --out DIR --ballot-template FILE --ballot-template-semicolon FILE

Under --out it writes:

  many/ctx-NNNN.json     1,000 contextualization files; about 10% carry one typical mistake
  many.tsv               one line per file: name, verdict expected from cpms, verdict expected from
                         the JSON Schema alone, and the mistake (or "-")
  parsable/              the files of many/ that are well-formed JSON (jq 1.6 stops at the first
                         malformed file, so the jq comparison uses these, and so does cpms beside it)
  big/ctx-{1,10,100}mb.json  valid files of about 1, 10 and 100 MB (10^6 bytes)
  big.tsv                name and size in bytes of each big file
  pack/ballots/NN.csv    30 filled ballots made from the `cpms ballot` templates
  pack/workshop.json     a workshop selecting 10 standards from the 4 pillars, with the 30 ballots

The valid files follow Data/schema/contextualization.schema.json and the rules only cpms checks:
key-action and indicator ids that exist in Data/standards, an added action's phase matching its
section, no standard listed twice.
"""

import argparse
import csv
import io
import json
import pathlib
import random
import shutil

SEED = 20261014
FILE_COUNT = 1000
MISTAKE_SHARE = 0.10
BIG_SIZES = [("ctx-1mb.json", 1_000_000), ("ctx-10mb.json", 10_000_000), ("ctx-100mb.json", 100_000_000)]
BALLOT_COUNT = 30
PACK_SELECTION = [1, 5, 6, 9, 13, 15, 18, 19, 23, 28]

# Wording by language; the files mix them so the parsers meet accents, other scripts and escapes.
WORDS = {
    "en": {
        "who": ["Caseworkers", "Community volunteers", "Social welfare officers", "Member agencies",
                "Teachers in temporary learning spaces", "Health staff", "Camp managers",
                "Child protection focal points", "Women's groups", "Youth committees"],
        "do": ["identify and refer", "register", "follow up with", "train staff to support", "map services for",
               "visit the families of", "keep confidential records of", "consult"],
        "whom": ["unaccompanied and separated children", "children at risk of violence", "adolescent girls",
                 "children with disabilities", "children out of school", "child-headed households",
                 "children formerly associated with armed groups", "working children"],
        "where": ["in the evacuation sites", "in each district", "in the camps", "along the border",
                  "in the host communities", "in the flooded villages", "in the urban settlements"],
        "when": ["within 72 hours", "every month", "before the rainy season", "each quarter",
                 "as soon as a case is reported", "during the first two weeks of the response"],
        "why": ["The group agreed this after the rapid assessment.",
                "Government and NGO partners use different forms; the group chose one.",
                "Schools are used as shelters, so the education cluster asked for joint work.",
                "The last monitoring round showed gaps in the northern districts.",
                "Displacement separated many children from their families."],
        "name": "{} response", "places": ["Northern Province flood", "Coastal cyclone", "Eastern drought",
                                         "Border displacement", "Capital city urban"],
        "freq": ["Monthly", "Quarterly", "Weekly", "Every six months"],
        "source": ["Case management working group", "Agency case management reports",
                   "Site monitoring by the camp management sector", "Inter-agency information system"],
        "group": "Child Protection Sub-Cluster, {}",
    },
    "fr": {
        "who": ["Les travailleurs sociaux", "Les bénévoles communautaires", "Les agents de l'action sociale",
                "Les agences membres", "Les enseignants des espaces d'apprentissage", "Le personnel de santé"],
        "do": ["identifient et orientent", "enregistrent", "assurent le suivi des", "recensent les services pour",
               "rendent visite aux familles des"],
        "whom": ["enfants non accompagnés et séparés", "enfants exposés à la violence", "adolescentes",
                 "enfants handicapés", "enfants déscolarisés", "ménages dirigés par un enfant"],
        "where": ["dans les sites d'évacuation", "dans chaque district", "dans les camps", "le long de la frontière",
                  "dans les communautés d'accueil"],
        "when": ["sous 72 heures", "chaque mois", "avant la saison des pluies", "chaque trimestre"],
        "why": ["Le groupe l'a décidé après l'évaluation rapide.",
                "Les partenaires utilisent des formulaires différents ; le groupe en a choisi un.",
                "Les écoles servent d'abris ; le cluster éducation a demandé un travail commun."],
        "name": "Réponse {}", "places": ["aux inondations du Nord", "au cyclone côtier", "à la sécheresse de l'Est"],
        "freq": ["Mensuelle", "Trimestrielle", "Hebdomadaire"],
        "source": ["Groupe de travail gestion de cas", "Rapports des agences", "Système d'information inter-agences"],
        "group": "Sous-cluster Protection de l'enfance, {}",
    },
    "es": {
        "who": ["Los trabajadores sociales", "Los voluntarios comunitarios", "Las agencias miembro",
                "El personal de salud", "Los docentes de los espacios temporales"],
        "do": ["identifican y derivan a", "registran a", "hacen seguimiento de", "visitan a las familias de"],
        "whom": ["niñas y niños no acompañados y separados", "niñas y niños en riesgo de violencia",
                 "adolescentes", "niñas y niños con discapacidad", "niñas y niños fuera de la escuela"],
        "where": ["en los albergues", "en cada municipio", "en la frontera", "en las comunidades de acogida"],
        "when": ["en 72 horas", "cada mes", "antes de la temporada de lluvias", "cada trimestre"],
        "why": ["El grupo lo acordó tras la evaluación rápida.",
                "Las organizaciones usan formularios distintos; el grupo eligió uno.",
                "La migración separó a muchas familias en la frontera."],
        "name": "Respuesta {}", "places": ["a la migración en la frontera", "al huracán", "a las inundaciones"],
        "freq": ["Mensual", "Trimestral", "Semanal"],
        "source": ["Grupo de trabajo de gestión de casos", "Informes de las agencias"],
        "group": "Área de Responsabilidad de Protección de la Niñez, {}",
    },
    "ar": {
        "who": ["الأخصائيون الاجتماعيون", "المتطوعون المجتمعيون", "الوكالات الأعضاء", "العاملون الصحيون"],
        "do": ["يحددون ويحيلون", "يسجلون", "يتابعون", "يزورون أسر"],
        "whom": ["الأطفال غير المصحوبين والمنفصلين", "الأطفال المعرضين للعنف", "المراهقات", "الأطفال ذوي الإعاقة"],
        "where": ["في مواقع الإيواء", "في كل محافظة", "في المخيمات"],
        "when": ["خلال 72 ساعة", "كل شهر", "كل ثلاثة أشهر"],
        "why": ["اتفقت المجموعة على ذلك بعد التقييم السريع.", "تستخدم الجهات الشريكة نماذج مختلفة."],
        "name": "الاستجابة {}", "places": ["للفيضانات", "للنزوح", "للزلزال"],
        "freq": ["شهري", "ربع سنوي"],
        "source": ["فريق عمل إدارة الحالات", "تقارير الوكالات"],
        "group": "المجموعة الفرعية لحماية الطفل، {}",
    },
}
LANGUAGES = ["en", "en", "en", "en-GB", "fr", "fr-CD", "es", "es-CO", "ar", "ar-SY"]
DISAGGREGATIONS = ["sex", "age", "disability", "displacement status", "location", "nationality"]


class Catalog:
    """The ids cpms knows, read from Data/standards."""

    def __init__(self, repo):
        self.standards = {}
        for path in sorted((repo / "Data" / "standards").glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            sections = {}
            for action in data["keyActions"]:
                _, section, item = (int(part) for part in action["id"].split("."))
                phase, items = sections.setdefault(section, (action["phase"], []))
                items.append(item)
            self.standards[data["number"]] = {
                "pillar": data["pillar"],
                "actions": [action["id"] for action in data["keyActions"]],
                "sections": sections,
                "indicators": [indicator["id"] for indicator in data["indicators"]],
            }
        if sorted(self.standards) != list(range(1, 29)):
            raise SystemExit("generate_inputs.py: Data/standards does not hold standards 1 to 28")


class Writer:
    def __init__(self, rng, language):
        self.rng = rng
        self.language = language
        self.words = WORDS[language.split("-")[0]]

    def sentence(self):
        w, pick = self.words, self.rng.choice
        return f"{pick(w['who'])} {pick(w['do'])} {pick(w['whom'])} {pick(w['where'])} {pick(w['when'])}."

    def text(self, low=1, high=3):
        parts = [self.sentence() for _ in range(self.rng.randint(low, high))]
        if self.rng.random() < 0.3:
            parts.append(self.rng.choice(self.words["why"]))
        text = " ".join(parts)
        if self.rng.random() < 0.05:
            text += ' (see the "referral pathway" agreed in the last meeting)\nNext review: with the group.'
        return text

    def target(self):
        roll = self.rng.random()
        if roll < 0.45:
            return f"{self.rng.randrange(50, 101, 5)}%"
        if roll < 0.55:
            return f"{self.rng.randrange(500, 1000) / 10}%"
        if roll < 0.65:
            return self.rng.choice(["yes", "no", "Yes"])
        if roll < 0.75:
            return "set in context"
        if roll < 0.9:
            return self.rng.randint(1, 500)
        return str(self.rng.randint(1, 60))


def indicator_details(writer, rng, doc):
    w = writer.words
    if rng.random() < 0.7:
        doc["target"] = writer.target()
    if rng.random() < 0.6:
        doc["definition"] = writer.text(1, 2)
    if rng.random() < 0.4:
        doc["method"] = writer.text(1, 1)
    if rng.random() < 0.5:
        doc["frequency"] = rng.choice(w["freq"])
    if rng.random() < 0.5:
        doc["dataSource"] = rng.choice(w["source"])
    if rng.random() < 0.4:
        doc["disaggregation"] = rng.sample(DISAGGREGATIONS, rng.randint(1, 4))
    if rng.random() < 0.15:
        doc["note"] = writer.text(1, 1)
    return doc


def added_action(rng, writer, number, standard, taken):
    """A local action in an existing section, numbered after that section's last item."""
    section = rng.choice(sorted(standard["sections"]))
    phase, items = standard["sections"][section]
    item = max(items) + 1
    while f"{number}.{section}.{item}" in taken:
        item += 1
    action_id = f"{number}.{section}.{item}"
    taken.add(action_id)
    return {"id": action_id, "added": True, "phase": phase, "text": writer.text(1, 2)}


def standard_entry(rng, writer, catalog, number):
    standard = catalog.standards[number]
    entry = {"number": number}
    if rng.random() < 0.25:
        entry["title"] = writer.sentence().split(" ", 3)[-1].rstrip(".").capitalize()
    if rng.random() < 0.2:
        entry["statement"] = writer.text(1, 2)
    if rng.random() < 0.85:
        entry["rationale"] = rng.choice(writer.words["why"]) + " " + writer.text(0, 1)
    actions, taken = [], set(standard["actions"])
    for action_id in rng.sample(standard["actions"], rng.randint(0, min(3, len(standard["actions"])))):
        actions.append({"id": action_id, "text": writer.text(1, 2)})
    for _ in range(rng.choice([0, 0, 0, 1, 2])):
        actions.append(added_action(rng, writer, number, standard, taken))
    if actions:
        entry["keyActions"] = actions
    indicators = []
    for indicator_id in rng.sample(standard["indicators"], rng.randint(0, len(standard["indicators"]))):
        indicator = {"id": indicator_id}
        if rng.random() < 0.2:
            indicator["text"] = writer.text(1, 1)
        indicators.append(indicator_details(writer, rng, indicator))
    if indicators:
        entry["indicators"] = indicators
    local = []
    for k in range(1, rng.choice([0, 0, 1, 1, 2, 3]) + 1):
        indicator = {"id": f"{number}.L{k}", "text": writer.text(1, 1), "target": writer.target()}
        local.append(indicator_details(writer, rng, indicator))
    if local:
        entry["additionalIndicators"] = local
    return entry


def valid_document(rng, catalog):
    language = rng.choice(LANGUAGES)
    writer = Writer(rng, language)
    place = rng.choice(writer.words["places"])
    context = {"name": writer.words["name"].format(place)}
    if rng.random() < 0.9:
        context["language"] = language
    if rng.random() < 0.8:
        context["updated"] = f"{rng.randint(2020, 2027)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if rng.random() < 0.7:
        context["coordinationGroup"] = writer.words["group"].format(place)
    count = rng.choice([1, 1, 2, 2, 3, 3, 4, 5, 6, 8, 10, 14])
    numbers = rng.sample(range(1, 29), count)
    if rng.random() < 0.5:
        numbers.sort()
    standards = [standard_entry(rng, writer, catalog, number) for number in numbers]
    return {"cpms": "contextualization/1", "context": context, "standards": standards}, writer


# Mistakes. Each takes a valid document and returns it changed; `schema` says whether the JSON Schema
# alone sees it (True for syntax errors too: check-jsonschema then fails to parse the file). The text
# mistakes put a marker in the document that `serialize` turns into the broken text.

def first_standard(doc):
    return doc["standards"][0]


def m_unknown_standard(rng, doc, catalog, writer):
    first_standard(doc)["number"] = rng.choice([0, 29, 30, 99])


def m_unknown_indicator(rng, doc, catalog, writer):
    entry = first_standard(doc)
    missing = len(catalog.standards[entry["number"]]["indicators"]) + rng.randint(1, 3)
    entry["indicators"] = [{"id": f"{entry['number']}.{missing}", "target": "80%"}]


def m_indicator_id_format(rng, doc, catalog, writer):
    entry = first_standard(doc)
    entry["indicators"] = [{"id": rng.choice([f"{entry['number']}-1", f"{entry['number']}.1.1", "Indicator 1"]),
                            "target": "75%"}]


def m_indicator_of_other_standard(rng, doc, catalog, writer):
    entry = first_standard(doc)
    other = entry["number"] % 28 + 1
    entry["indicators"] = [{"id": f"{other}.1", "target": "yes"}]


def m_unknown_key_action(rng, doc, catalog, writer):
    entry = first_standard(doc)
    entry["keyActions"] = entry.get("keyActions", []) + [
        {"id": f"{entry['number']}.{rng.randint(4, 9)}.{rng.randint(20, 40)}", "text": writer.text(1, 1)}]


def m_wrong_type(rng, doc, catalog, writer):
    entry, kind = first_standard(doc), rng.randrange(4)
    if kind == 0:
        entry["number"] = str(entry["number"])
    elif kind == 1:
        entry["indicators"] = [{"id": catalog.standards[entry["number"]]["indicators"][0], "target": True}]
    elif kind == 2:
        entry["indicators"] = [{"id": catalog.standards[entry["number"]]["indicators"][0],
                                "disaggregation": "sex, age"}]
    else:
        entry["rationale"] = ["The group agreed it.", "See the minutes."]


def m_missing_required(rng, doc, catalog, writer):
    kind = rng.randrange(3)
    if kind == 0:
        doc["context"].pop("name")
    elif kind == 1:
        entry = first_standard(doc)
        entry["additionalIndicators"] = [{"id": f"{entry['number']}.L9", "text": writer.text(1, 1)}]
    else:
        entry = first_standard(doc)
        entry["keyActions"] = [{"id": catalog.standards[entry["number"]]["actions"][0]}]


def m_unknown_key(rng, doc, catalog, writer):
    entry = first_standard(doc)
    typo = rng.choice(["indicator", "titel", "rationales", "keyAction"])
    entry[typo] = entry.pop("rationale", writer.text(1, 1)) if typo != "indicator" else []


def m_bad_target(rng, doc, catalog, writer):
    entry = first_standard(doc)
    entry["indicators"] = [{"id": catalog.standards[entry["number"]]["indicators"][0],
                            "target": rng.choice(["120%", "about 80 percent", "-5", "80 %%"])}]


def m_bad_date(rng, doc, catalog, writer):
    doc["context"]["updated"] = rng.choice(["30/09/2026", "2026-13-01", "Sept 2026", "2026-9-30"])


def m_impossible_date(rng, doc, catalog, writer):
    doc["context"]["updated"] = rng.choice(["2026-02-30", "2025-02-29", "2026-04-31"])


def m_blank_text(rng, doc, catalog, writer):
    first_standard(doc)["rationale"] = rng.choice(["", "   ", "\n"])


def m_added_without_phase(rng, doc, catalog, writer):
    entry = first_standard(doc)
    action = added_action(rng, writer, entry["number"], catalog.standards[entry["number"]], set())
    action.pop("phase")
    entry["keyActions"] = [action]


def m_phase_mismatch(rng, doc, catalog, writer):
    # Only standards whose sections hold different phases can have a wrong one that the schema allows.
    candidates = [n for n in range(1, 29) if len({p for p, _ in catalog.standards[n]["sections"].values()}) > 1]
    number = rng.choice(candidates)
    doc["standards"] = [s for s in doc["standards"] if s["number"] != number]
    standard = catalog.standards[number]
    action = added_action(rng, writer, number, standard, set(standard["actions"]))
    section = int(action["id"].split(".")[1])
    action["phase"] = next(p for p, _ in standard["sections"].values() if p != standard["sections"][section][0])
    doc["standards"].insert(0, {"number": number, "keyActions": [action]})


def m_repeated_standard(rng, doc, catalog, writer):
    doc["standards"].append({"number": first_standard(doc)["number"], "rationale": writer.text(1, 1)})


def m_bad_language(rng, doc, catalog, writer):
    doc["context"]["language"] = rng.choice(["english", "French", "en_US", "e"])


def m_duplicate_key(rng, doc, catalog, writer):
    first_standard(doc)["rationale"] = "@@DUPLICATE@@"


def m_syntax(rng, doc, catalog, writer):
    doc["@@SYNTAX@@"] = rng.choice(["trailing-comma", "missing-brace", "bare-key", "single-quotes",
                                    "missing-comma"])


MISTAKES = [
    # (name, function, seen by the schema alone)
    ("unknown standard number", m_unknown_standard, True),
    ("unknown indicator id", m_unknown_indicator, False),
    ("badly written indicator id", m_indicator_id_format, True),
    ("indicator of another standard", m_indicator_of_other_standard, False),
    ("unknown key action id", m_unknown_key_action, False),
    ("wrong type", m_wrong_type, True),
    ("missing required key", m_missing_required, True),
    ("unknown key", m_unknown_key, True),
    ("bad target", m_bad_target, True),
    ("badly written date", m_bad_date, True),
    ("date not in the calendar", m_impossible_date, False),
    ("empty text", m_blank_text, True),
    ("added action without phase", m_added_without_phase, True),
    ("phase not that of the section", m_phase_mismatch, False),
    ("standard listed twice", m_repeated_standard, False),
    ("bad language tag", m_bad_language, True),
    ("duplicate key", m_duplicate_key, False),
    ("syntax error", m_syntax, True),
    ("syntax error", m_syntax, True),
]


def serialize(doc, rng):
    """JSON text in one of several layouts, with the marked text mistakes applied."""
    syntax = doc.pop("@@SYNTAX@@", None)
    style = rng.randrange(5)
    if style == 0:
        text, colon = json.dumps(doc, ensure_ascii=False, separators=(",", ":")), ":"
    elif style == 1:
        text, colon = json.dumps(doc, ensure_ascii=True, indent=2), ": "
    elif style == 2:
        text, colon = json.dumps(doc, ensure_ascii=False, indent="\t"), ": "
    else:
        text, colon = json.dumps(doc, ensure_ascii=False, indent=2 + 2 * (style == 4)), ": "
    text = text.replace('"@@DUPLICATE@@"', f'"The first wording.", "rationale"{colon}"The second wording."')
    if syntax == "trailing-comma":
        end = text.rindex("]")
        text = text[:end].rstrip() + ",\n" + text[end:]
    elif syntax == "missing-brace":
        text = text.rstrip()[:-1]
    elif syntax == "bare-key":
        text = text.replace('"context"', "context", 1)
    elif syntax == "single-quotes":
        text = text.replace('"contextualization/1"', "'contextualization/1'", 1)
    elif syntax == "missing-comma":
        text = text.replace('"contextualization/1",', '"contextualization/1"', 1)
    if rng.random() < 0.1:
        text = text.replace("\n", "\r\n")
    return text + "\n"


def write_many(out, catalog, rng):
    many, parsable = out / "many", out / "parsable"
    for folder in (many, parsable):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    mistake_count = round(FILE_COUNT * MISTAKE_SHARE)
    wrong = set(rng.sample(range(FILE_COUNT), mistake_count))
    kinds = [MISTAKES[i % len(MISTAKES)] for i in range(mistake_count)]
    rng.shuffle(kinds)
    rows = []
    for index in range(FILE_COUNT):
        doc, writer = valid_document(rng, catalog)
        name = f"ctx-{index + 1:04d}.json"
        mistake, schema_sees = "-", False
        if index in wrong:
            mistake, function, schema_sees = kinds.pop()
            function(rng, doc, catalog, writer)
        text = serialize(doc, rng)
        (many / name).write_text(text, encoding="utf-8", newline="")
        if mistake != "syntax error":
            (parsable / name).write_text(text, encoding="utf-8", newline="")
        rows.append((name, "valid" if mistake == "-" else "invalid", "invalid" if schema_sees else "valid", mistake))
    with open(out / "many.tsv", "w", encoding="utf-8") as manifest:
        manifest.write("file\tcpms\tschema\tmistake\n")
        for row in rows:
            manifest.write("\t".join(row) + "\n")


def big_document(rng, catalog, size):
    """All 28 standards, each with many long local indicators and added actions, up to `size` bytes."""
    writer = Writer(rng, "en")
    doc = {"cpms": "contextualization/1",
           "context": {"name": "Generated benchmark context, about %d MB" % (size // 1_000_000),
                       "language": "en", "updated": "2026-10-14",
                       "coordinationGroup": "Child Protection Sub-Cluster (generated for benchmarks)"},
           "standards": []}
    entries = []
    for number in range(1, 29):
        entry = standard_entry(rng, writer, catalog, number)
        entry.pop("additionalIndicators", None)
        entry["additionalIndicators"] = []
        entries.append(entry)
        doc["standards"].append(entry)
    taken = {entry["number"]: set(catalog.standards[entry["number"]]["actions"])
             | {action["id"] for action in entry.get("keyActions", [])} for entry in entries}
    total = len(json.dumps(doc, indent=2).encode())
    counter = 0
    while True:
        while total < size:
            entry = entries[counter % 28]
            number = entry["number"]
            if counter % 5 == 4:
                action = added_action(rng, writer, number, catalog.standards[number], taken[number])
                action["text"] = writer.text(4, 10)
                entry.setdefault("keyActions", []).append(action)
                item = action
            else:
                local = len(entry["additionalIndicators"]) + 1
                item = {"id": f"{number}.L{local}", "text": writer.text(1, 2), "target": writer.target(),
                        "definition": writer.text(3, 8), "method": writer.text(2, 5), "frequency": "Monthly",
                        "dataSource": writer.text(1, 1), "disaggregation": rng.sample(DISAGGREGATIONS, 3),
                        "note": writer.text(2, 6)}
                entry["additionalIndicators"].append(item)
            # In the file an item sits four levels deep: 8 more spaces per line, and a comma.
            shown = json.dumps(item, indent=2)
            total += len(shown.encode()) + 8 * (shown.count("\n") + 1) + 2
            counter += 1
        # The estimate above is rough; measure, and add more until the file reaches the size.
        text = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
        total = len(text.encode())
        if total >= size:
            return text


def write_big(out, catalog, rng):
    big = out / "big"
    shutil.rmtree(big, ignore_errors=True)
    big.mkdir(parents=True)
    with open(out / "big.tsv", "w", encoding="utf-8") as manifest:
        manifest.write("file\tbytes\n")
        for name, size in BIG_SIZES:
            data = big_document(rng, catalog, size).encode()
            (big / name).write_bytes(data)
            manifest.write(f"{name}\t{len(data)}\n")


PARTICIPANTS = ["Amina", "Jean", "Lucía", "Mohammed", "Grace", "Olena", "Tariq", "Marie-Claire", "Sami",
                "Nadia", "Kofi", "Ana", "Hassan", "Fatima", "Pierre", "Joy", "Ibrahim", "Rosa", "Yusuf",
                "Esther", "David", "Aïcha", "Carlos", "Leila", "Samuel", "Mariam", "Thomas", "Zainab",
                "Diego", "Chloé"]


def fill_ballot(template, participant, rng, semicolon):
    rows = list(csv.reader(io.StringIO(template), delimiter=";" if semicolon else ","))
    header = [cell.strip().lower() for cell in rows[0]]
    standard, score, who, comment = (header.index(name) for name in ("standard", "score", "participant", "comment"))
    # Each participant leans towards a few pillars, as real groups do.
    liked = set(rng.sample([1, 2, 3, 4], 2))
    for row in rows[1:]:
        if not row or row[0].startswith("#") or not row[standard].strip().isdigit():
            continue
        number = int(row[standard])
        pillar = 1 if number <= 6 else 2 if number <= 13 else 3 if number <= 20 else 4
        if rng.random() < 0.05:
            value = ""
        else:
            value = min(5.0, max(0.0, rng.gauss(3.6 if pillar in liked else 2.4, 1.1)))
            value = round(value * 2) / 2
            value = str(int(value)) if value == int(value) else str(value)
            if semicolon:
                value = value.replace(".", ",")
        row[score], row[who] = value, participant
        if rng.random() < 0.08:
            row[comment] = rng.choice(['Gaps in "who does what"', "Urgent, see the assessment; needs funding",
                                       "Not sure", "Government lead, agencies support"])
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";" if semicolon else ",", lineterminator="\r\n" if semicolon else "\n") \
        .writerows(rows)
    return ("\ufeff" if semicolon else "") + buffer.getvalue()


def write_pack(out, rng, template, template_semicolon):
    pack = out / "pack"
    shutil.rmtree(pack, ignore_errors=True)
    (pack / "ballots").mkdir(parents=True)
    ballots = []
    for index, participant in enumerate(PARTICIPANTS[:BALLOT_COUNT]):
        semicolon = index % 3 == 2
        name = f"ballots/{index + 1:02d}.csv"
        text = fill_ballot(template_semicolon if semicolon else template, participant, rng, semicolon)
        (pack / name).write_text(text, encoding="utf-8", newline="")
        ballots.append(name)
    workshop = {"cpms": "workshop/1", "contextName": "Generated benchmark workshop", "date": "2026-10-14",
                "situation": "none", "select": PACK_SELECTION, "ballots": ballots}
    (pack / "workshop.json").write_text(json.dumps(workshop, indent=2) + "\n", encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repo", type=pathlib.Path, required=True)
    parser.add_argument("--out", type=pathlib.Path, required=True)
    parser.add_argument("--ballot-template", type=pathlib.Path, required=True)
    parser.add_argument("--ballot-template-semicolon", type=pathlib.Path, required=True)
    args = parser.parse_args()
    catalog = Catalog(args.repo)
    args.out.mkdir(parents=True, exist_ok=True)
    # One generator per kind of input, so changing one kind leaves the others' bytes alone.
    write_many(args.out, catalog, random.Random(SEED))
    write_pack(args.out, random.Random(SEED + 1),
               args.ballot_template.read_text(encoding="utf-8-sig"),
               args.ballot_template_semicolon.read_text(encoding="utf-8-sig"))
    write_big(args.out, catalog, random.Random(SEED + 2))


if __name__ == "__main__":
    main()
