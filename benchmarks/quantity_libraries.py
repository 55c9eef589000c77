"""Which library reads the figures of the project's number cases best: quantulum3, text2num, number-parser, or the
`number` check's own extraction from the spaCy parse.

The sentences are those of tests/cases/number.jsonl and the numeric sentences of seeds/*.txt. GOLD gives, for
each, the figures a reader counts in it (value, and what is counted: `a|b` where either name is right; "age" for
a person's age; no years, dates, ordinals or numbers in names). It was drafted from the new extraction's output and
corrected by hand, so it favours that extraction on which figures count; values and units are as a reader reads
them. A figure is found when a prediction has its value; its unit is right when that prediction names what is
counted. Spurious: predictions of no gold figure (years, dates, "one of", "Air Force One").

    .venv/bin/python benchmarks/quantity_libraries.py
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")  # figures in a library's digit-converted text
QUANTULUM_UNITS = {"percentage": "%", "dimensionless": ""}
Prediction = tuple[float, str]  # value, what is counted ("" if the reader does not say)

GOLD: dict[str, list[tuple[float, str]]] = {
    "The motion failed with 41 votes against.": [(41, "vote")],
    "Lawmakers cast 35 votes against the motion.": [(35, "vote")],
    "The bill passed with 60 votes in favor.": [(60, "vote")],
    "The bill drew 38 votes against.": [(38, "vote")],
    "Canada was one of only three nations, with Chile and Peru, that voted against the plan.": [(3, "vote|nation")],
    "The plan drew 22 votes against and 101 in favour.": [(22, "vote"), (101, "vote")],
    "The plant employs 1,200 workers in the region.": [(1200, "worker")],
    "About 1200 workers are employed at the plant.": [(1200, "worker")],
    "Tariffs on steel rose by 25% last year.": [(25, "%")],
    "Turnout reached 61% in the capital.": [(61, "%")],
    "The fire destroyed 40 homes.": [(40, "home")],
    "The flood destroyed 300 homes.": [(300, "home")],
    "The text got 18 votes against.": [(18, "vote")],
    "The text got 4 votes against.": [(4, "vote")],
    "Inflation rose to 4.1 percent in March, according to the ONS.": [(4.1, "%")],
    "Inflation rose to 2.9 percent in March, according to Eurostat.": [(2.9, "%")],
    "The storm killed 12 people.": [(12, "death|people")],
    "The storm destroyed 300 homes.": [(300, "home")],
    "He spent eight years for the charity.": [(8, "year")],
    "She waited four years for a visa.": [(4, "year")],
    "Militants carried out at least five attacks.": [(5, "attack")],
    "Militants carried out at least six attacks.": [(6, "attack")],
    "Libya lost 11 commercial aircraft.": [(11, "aircraft")],
    "Libya lost nearly a dozen commercial aircraft.": [(12, "aircraft")],
    "More than 50 people died in the blast.": [(50, "death|people")],
    "The blast killed 30 people.": [(30, "death|people")],
    "Fewer than 20 people were hurt.": [(20, "injured|people")],
    "The blast hurt 35 people.": [(35, "injured|people")],
    "About 100 homes burned.": [(100, "home")],
    "The fire burned 150 homes.": [(150, "home")],
    "At least a dozen people were killed.": [(12, "death|people")],
    "Twenty people were killed.": [(20, "death|people")],
    "Fewer than 10 people were hurt.": [(10, "injured|people")],
    "More than 10 people were hurt.": [(10, "injured|people")],
    "Acme agreed to buy Zeta, valuing it at about $6.8 billion.": [(6800000000, "dollar")],
    "The deal values Zeta at $7.6bn.": [(7600000000, "dollar")],
    "The EU is releasing €3 million in humanitarian funding.": [(3000000, "euro")],
    "The EU released 5 million euros in humanitarian aid.": [(5000000, "euro")],
    "Japan pledged $6 million in emergency aid.": [(6000000, "dollar")],
    "Japan has pledged six million dollars in aid.": [(6000000, "dollar")],
    "The deal is worth $42.50 a share.": [(42.5, "dollar")],
    "The company paid 42.50 euros a share.": [(42.5, "euro")],
    "Japan pledged $6 million in aid.": [(6000000, "dollar")],
    "The US pledged $10 million in aid.": [(10000000, "dollar")],
    "Acme expects to cut about 2,400 jobs.": [(2400, "job")],
    "Acme says it will cut 3,100 roles.": [(3100, "job")],
    "The quake had killed nearly 300 people.": [(300, "death|people")],
    "The quake had killed 287 people.": [(287, "death|people")],
    "Some 140 people were rescued.": [(140, "rescued|people")],
    "A total of 141 people were rescued.": [(141, "rescued|people")],
    "By Monday morning, officials had counted 92 deaths.": [(92, "death|people")],
    "Deaths had risen to 287 by Tuesday evening.": [(287, "death|people")],
    "Acme made an initial offer of $38 a share.": [(38, "dollar")],
    "Acme agreed to pay $42.50 a share.": [(42.5, "dollar")],
    "Myagdi accounted for 164 of the deaths.": [(164, "death|people")],
    "In Myagdi, 146 of the dead had been recorded.": [(146, "death|people")],
    "Eight people were still unaccounted for on Monday afternoon.": [(8, "missing|people")],
    "Nine people are still missing.": [(9, "missing|people")],
    "An additional 14 police officers were arrested.": [(14, "officer")],
    "Police arrested 22 police officers.": [(22, "officer")],
    "A further 14 officers were arrested.": [(14, "officer")],
    "Another 22 officers were arrested.": [(22, "officer")],
    "Japan pledged an additional $5 million.": [(5000000, "dollar")],
    "Japan pledged $20 million.": [(20000000, "dollar")],
    "Twelve people were killed and another 30 injured.": [(12, "death|people"), (30, "injured|people")],
    "Forty-five people were injured.": [(45, "injured|people")],
    "Apple said the watch would cost $350.": [(350, "dollar")],
    "Apple said the watch would cost $349.": [(349, "dollar")],
    "Apple said the watch will start at $349.": [(349, "dollar")],
    "Apple said the steel watch will cost $500.": [(500, "dollar")],
    "The watch will cost $500 for steel and up to $5,000 for gold.": [(500, "dollar"), (5000, "dollar")],
    "The gold watch will cost $10,000.": [(10000, "dollar")],
    "The fund holds 20 million kroner.": [(20000000, "krone")],
    "The fund holds 25 million kroner.": [(25000000, "krone")],
    "Apple said pricing would start at $350.": [(350, "dollar")],
    "Apple said the starting price is US$349.": [(349, "dollar")],
    "The analyst predicts the steel watch will cost $999.": [(999, "dollar")],
    "The steel watch costs $99.": [(99, "dollar")],
    "The toll could rise to 500 deaths.": [(500, "death|people")],
    "The quake caused 300 deaths.": [(300, "death|people")],
    "The quake caused 500 deaths.": [(500, "death|people")],
    "The party won 57 of the 183 seats.": [(57, "seat"), (183, "seat")],
    "The party won fifty-seven seats.": [(57, "seat")],
    "The party won 61 seats.": [(61, "seat")],
    "The final turnout, including the postal ballots counted on Monday, was 77.6 per cent.": [(77.6, "%")],
    "Turnout was 76.7 percent, according to the final figures.": [(76.7, "%")],
    "The bus crash killed 12 people and injured 30 people.": [(12, "death|people"), (30, "injured|people")],
    "The bus crash killed 12 people.": [(12, "death|people")],
    "The quake killed 30 people.": [(30, "death|people")],
    "The quake injured 45 people.": [(45, "injured|people")],
    "Australia pledged A$10 million in aid.": [(10000000, "australian dollar")],
    "Australia pledged US$6.5 million in aid.": [(6500000, "dollar")],
    "The firm was fined EUR 3 million by regulators.": [(3000000, "euro")],
    "The firm was fined 5 million euros by regulators.": [(5000000, "euro")],
    "The budget is Rs 1,200 crore for the scheme.": [(12000000000, "rupee")],
    "The budget is Rs 12 billion for the scheme.": [(12000000000, "rupee")],
    "The floods on May 12 killed 300 people.": [(300, "death|people")],
    "The floods on May 12 killed 500 people.": [(500, "death|people")],
    "The June 24 quake killed 300 people.": [(300, "death|people")],
    "The quake killed 250 people.": [(250, "death|people")],
    "The party won 57 of the parliament's 183 seats.": [(57, "seat"), (183, "seat")],
    "The party won 57 seats.": [(57, "seat")],
    "The 183-seat parliament gave the party 57 seats.": [(183, "seat"), (57, "seat")],
    "One hundred and twenty people died in the crash.": [(120, "death|people")],
    "The crash killed 120 people.": [(120, "death|people")],
    "Twenty five people died in the crash.": [(25, "death|people")],
    "The crash killed 25 people.": [(25, "death|people")],
    "A coalition needs 92 seats for a majority.": [(92, "seat")],
    "Together the parties would hold 95 seats.": [(95, "seat")],
    "Acme said it would cut 2,400 jobs.": [(2400, "job")],
    "Acme will cut 3,100 jobs.": [(3100, "job")],
    "The earthquake, which would later be called the deadliest in a decade, killed 287 people in Nepal.": [
        (287, "death|people")
    ],
    "The earthquake killed 301 people in Nepal.": [(301, "death|people")],
    "Acme confirmed it would cut about 2,400 jobs.": [(2400, "job")],
    "His former finance chief Anika Sorell, 46, was sentenced to six years.": [(46, "age"), (6, "year")],
    "Reinholt got nine years, while the 49-year-old Sorell received six years.": [
        (9, "year"),
        (49, "age"),
        (6, "year"),
    ],
    "Sorell (46) left the court.": [(46, "age")],
    "The 49-year-old Reinholt received nine years.": [(49, "age"), (9, "year")],
    "A 12-year-old girl in Gaza was killed.": [(12, "age")],
    "A 9-year-old boy in Gaza was wounded.": [(9, "age")],
    "A 31-year-old Salvadorean nun in Italy gave birth.": [(31, "age")],
    "A 33-year-old Salvadorean nun in Italy gave birth.": [(33, "age")],
    "Mark Smith, 45, and his wife Jane Smith, 43, were injured.": [(45, "age"), (43, "age")],
    "Mark Smith, 45, was hurt.": [(45, "age")],
    "The wildfire had burned 8,600 hectares by Monday evening, the agency said.": [(8600, "hectare")],
    "The wildfire has burned 12,000 hectares of the region.": [(12000, "hectare")],
    "The wildfire had burned 12,000 hectares by Monday evening.": [(12000, "hectare")],
    "The fire was 35 percent contained on Tuesday morning.": [(35, "%")],
    "The fire was 55 percent contained on Tuesday evening.": [(55, "%")],
    "Shares closed close to 50 percent higher on Monday.": [(50, "%")],
    "Shares closed 20 percent higher on Monday morning.": [(20, "%")],
    "Shares in Brennmark were up 2.1 percent by midday on Wednesday.": [(2.1, "%")],
    "Brennmark shares closed 3.4 percent higher on Wednesday.": [(3.4, "%")],
    "The trades let Brennmark report revenue of 1.23 billion crowns.": [(1230000000, "krone")],
    "Brennmark was ordered to pay 40 million crowns towards its costs.": [(40000000, "krone")],
    "The trades let Brennmark report revenue of 2.5 billion crowns.": [(2500000000, "krone")],
    "The fire was 35 percent contained on Tuesday.": [(35, "%")],
    "The fire was 55 percent contained on Tuesday.": [(55, "%")],
    "The RWU, with 38,000 members, is the driving force.": [(38000, "member")],
    "The RWU has about 28,000 members.": [(28000, "member")],
    "Police said the wedding ceremony of 25-year-old Jugal Kishore and his 23-year-old bride Indira was held on Sunday.": [
        (25, "age"),
        (23, "age"),
    ],
    "Police said the wedding ceremony of 25-year-old Jugal Kishore and his 24-year-old bride Indira was held on Sunday.": [
        (25, "age"),
        (24, "age"),
    ],
    "The plan drew none against.": [(0, "vote")],
    "The plan drew 3 votes against.": [(3, "vote")],
    "In late 2022, Russia announced the annexation of Ukraine’s Donetsk, Luhansk, Kherson and Zaporizhzhia regions after holding what it called referendums in occupied areas of Ukraine.": [],
    "Russian Defense Minister Andrei Belousov said in September 2024 that Russia aims to capture all four regions by force in 2025.": [
        (4, "region")
    ],
    "Putin’s comments came as US President Donald Trump pressured Ukraine recently to sign a deal that would take away 50% of profits from mineral rights and other resources to the US as compensation for US aid.": [
        (50, "%")
    ],
    "However, Ukrainian President Volodymyr Zelensky said on Sunday that the profit stipulated in the draft deal goes far beyond what Ukraine received and refused to sign Trump’s deal at its current form, saying that he could not have “ten generations of Ukrainians” to pay off that debt, CNN reported.": [
        (10, "generation")
    ],
    "In the same interview, Putin praised Trump’s recent proposal to reduce defense budgets by 50% for the United States, Russia, and China, billing it as a constructive idea worthy of further discussion.": [
        (50, "%")
    ],
    "Putin downplayed the intensity of recent diplomatic discussions about the conflict, noting that the war was not substantively addressed during his February 12 call with Trump or in subsequent meetings between U.S. and Russian officials in Saudi Arabia.": [],
    "Trump’s statement followed a meeting at the White House with French President Emmanuel Macron, where the two discussed the Russia-Ukraine war, global trade, and an upcoming minerals deal between the US and Ukraine.": [
        (2, "people")
    ],
    "The announcement also came as European leaders gathered in Kyiv to celebrate the third anniversary of Russia’s invasion of Ukraine.": [],
    "The US was one of only four countries—alongside Russia, Belarus, and North Korea—that voted against it.": [
        (4, "vote|country")
    ],
    "The measure passed with 10 votes in favor, but five European countries, including France and the U.K., abstained.": [
        (10, "vote"),
        (5, "abstention|country"),
    ],
    "Trump’s negotiations come after years of economic sanctions imposed on Russia, particularly under the Biden administration, which took an aggressive stance against Putin following the invasion of Ukraine in 2022.": [],
    "The content presented above, whether from a third party or not, is considered as general advice only.": [],
    "In an interview with the New York Post aboard Air Force One on Friday, US President Donald Trump said he had spoken with Russian President Vladimir Putin by phone, attempting to negotiate an end to the war in Ukraine, reports Orda.kz.": [],
    'The US President claimed that the three-year war "would never have started" if he had become president in 2022.': [
        (3, "year")
    ],
    "Zelenskyy revealed that less than 20% of Ukraine's mineral resources, including about half of its rare earth element deposits, are under Russian control.": [
        (20, "%")
    ],
    "He reiterated his position during a conversation with National Security Advisor Mike Waltz aboard Air Force One, saying, \"Let's arrange these meetings.": [],
    'Previously, Trump had claimed he could end the conflict "within 24 hours of taking office."': [(24, "hour")],
    "Original Author: Rimma Karatayeva , second article.": [],
    "- Kazakhstan Marks Independence Day, Remembering the Tragic December Events of 1986": [],
    "- Uzbekistan Aims to Halt Gas Production Decline by 2026 With New Fields": [],
    "- Kazakh Ophthalmologist Wins International Honors at Hong Kong ICT Awards 2025": [],
    "- KTZ Spends 79 Million Tenge on New Workwear After Complaints From Mangystau Employees": [(79000000, "tenge")],
    "- Kadyrov Says He Is Ready to Run Again as Chechnya’s Head in 2026": [],
    "February 25, 2025, 8:09 pm": [],
    "2025-02-25 17:13:51 BdST": [],
    "In the wake of the vote, the Kremlin also sees potential for cooperation with Washington on developing Russia's large reserves of strategically important rare and rare earth minerals in areas including those forcibly taken from Ukraine during the three-year war.": [
        (3, "year")
    ],
    "The United States sided with Russia in two votes in New York on Monday as US president Donald Trump stakes out a drastically new position on Ukraine.": [
        (2, "vote")
    ],
    "On the third anniversary of Russia's offensive in Ukraine, Washington and Moscow aligned first at a Monday morning vote at the General Assembly and again at an afternoon vote of the Security Council.": [],
    "A European-backed text got 93 votes for at the General Assembly and 18 votes against, with 65 abstentions.": [
        (93, "vote"),
        (18, "vote"),
        (65, "abstention"),
    ],
    "Undeterred, the United States brought the earlier, unchanged text to a vote at the Security Council in the afternoon, securing its passage with 10 votes for and none against -- alongside five abstentions.": [
        (0, "vote"),
        (10, "vote"),
        (5, "abstention"),
    ],
}


def new_extraction() -> Callable[[str], list[Prediction]]:
    from checker.checks.quantities import extract_quantities
    from checker.claims import load_nlp

    nlp = load_nlp()

    def read(sentence: str) -> list[Prediction]:
        return [(q.value, _unit_name(q.unit)) for q in extract_quantities(nlp(sentence)[:])]

    return read


def _unit_name(unit: str) -> str:
    """The check's unit as the gold names it: "seat:whole" → seat, "dollar/share" → dollar, "age:sorell" → age."""
    unit = unit.removesuffix(":whole").split("/")[0]
    return "age" if unit.startswith(("age:", "year-old:")) else unit


def quantulum() -> Callable[[str], list[Prediction]]:
    import quantulum3.classifier
    from quantulum3 import parser

    quantulum3.classifier.USE_CLF = False  # its shipped classifier does not unpickle with the installed scikit-learn

    def read(sentence: str) -> list[Prediction]:
        found = parser.parse(sentence)
        return [(q.value, QUANTULUM_UNITS.get(q.unit.name, q.unit.name)) for q in found]

    return read


def text2num() -> Callable[[str], list[Prediction]]:
    from text_to_num import alpha2digit

    return lambda sentence: _digits(alpha2digit(sentence, "en"))


def number_parser() -> Callable[[str], list[Prediction]]:
    from number_parser import parse

    return lambda sentence: _digits(parse(sentence))


def _digits(text: str) -> list[Prediction]:
    """Figures of a text whose number words a library turned into digits; these libraries name no unit."""
    return [(float(m.group().replace(",", "")), "") for m in DIGITS.finditer(text)]


def score(read: Callable[[str], list[Prediction]]) -> tuple[int, int, int]:
    """(figures found with their value, of those with what they count right, spurious predictions)."""
    found = right_unit = spurious = 0
    for sentence, figures in GOLD.items():
        predictions = read(sentence)
        for value, units in figures:
            matches = [unit for v, unit in predictions if abs(v - value) <= 1e-9 * max(1.0, abs(value))]
            found += bool(matches)
            right_unit += any(unit in units.split("|") for unit in matches)
        gold_values = [value for value, _ in figures]
        spurious += sum(not any(abs(v - g) <= 1e-9 * max(1.0, abs(g)) for g in gold_values) for v, _ in predictions)
    return found, right_unit, spurious


def main() -> None:
    total = sum(len(figures) for figures in GOLD.values())
    print(f"{len(GOLD)} sentences, {total} figures\n")
    print(f"{'reader':<18} {'value right':>12} {'unit right':>11} {'spurious':>9}")
    readers = {
        "new extraction": new_extraction,
        "quantulum3": quantulum,
        "text2num": text2num,
        "number-parser": number_parser,
    }
    for name, make in readers.items():
        found, right_unit, spurious = score(make())
        print(f"{name:<18} {found:>7}/{total:<4} {right_unit:>6}/{total:<4} {spurious:>9}")


if __name__ == "__main__":
    main()
