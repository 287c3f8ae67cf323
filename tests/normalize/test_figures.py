"""Figures, as a table: the phrase, then every figure it must give (kind, value, unit, extras).

Each row is a sentence the way news write it; the expected list is complete, so a spurious
extra figure fails the row as surely as a missed one.
"""

from __future__ import annotations

from typing import Any

import pytest

from takedown import Extractor

F = dict[str, Any]


def fig(kind: str, value: float, unit: str, **extra: Any) -> F:
    return {"kind": kind, "value": value, "unit": unit, **extra}


CASES: list[tuple[str, list[F]]] = [
    # arrests
    ("Police arrested 288 suspects across Europe.", [fig("arrests", 288, "count")]),
    ("The operation led to 288 arrests worldwide.", [fig("arrests", 288, "count")]),
    ("In total 179 individuals were arrested.", [fig("arrests", 179, "count")]),
    ("Officers detained 12 people in raids on Tuesday.", [fig("arrests", 12, "count")]),
    ("Authorities arrested a total of 150 people.", [fig("arrests", 150, "count")]),
    (
        "More than 270 suspects were arrested.",
        [fig("arrests", 270, "count", qualifier="more than")],
    ),
    ("Agents apprehended two administrators of the site.", [fig("arrests", 2, "count")]),
    ("Eight vendors were charged in the scheme.", [fig("arrests", 8, "count")]),
    ("The market had 1,000 vendors and charged a 5% commission.",
     [fig("other", 1_000, "count"), fig("other", 5, "percent")]),
    ("Seven GTA men charged in dark web drug case", [fig("arrests", 7, "count")]),
    ("Four people from the area were eventually charged.", [fig("arrests", 4, "count")]),
    (
        "A total of 10 people have been arrested in the Netherlands.",
        [fig("arrests", 10, "count", country="Netherlands")],
    ),
    (
        "Arrests included 121 in the U.S., two in Canada and 42 in Germany.",
        [
            fig("arrests", 121, "count", country="United States"),
            fig("arrests", 2, "count", country="Canada"),
            fig("arrests", 42, "count", country="Germany"),
        ],
    ),
    (
        "Arrests were made in the United States (65), Germany (47) and Italy (4).",
        [
            fig("arrests", 65, "count", country="United States"),
            fig("arrests", 47, "count", country="Germany"),
            fig("arrests", 4, "count", country="Italy"),
        ],
    ),
    ("The arrest of 179 of them shows there is no safe haven.", [fig("arrests", 179, "count")]),
    ("Of the arrests, Germany had 52 and Britain accounted for 45.",
     [fig("arrests", 52, "count", country="Germany"),
      fig("arrests", 45, "count", country="United Kingdom")]),
    ("Police made nine arrests in Spain.", [fig("arrests", 9, "count", country="Spain")]),
    ("Dark web market shut; 3 arrested in Germany",
     [fig("arrests", 3, "count", country="Germany")]),
    (
        "Some 61 people were detained by Finnish customs.",
        [fig("arrests", 61, "count", qualifier="about")],
    ),
    (
        "At least 30 suspects were taken into custody.",
        [fig("arrests", 30, "count", qualifier="at least")],
    ),
    # money
    (
        "Investigators seized €50.8 million in cash and virtual currencies.",
        [fig("money_seized", 50_800_000, "EUR")],
    ),
    (
        "Police confiscated more than $6.5 million in funds.",
        [fig("money_seized", 6_500_000, "USD", qualifier="more than")],
    ),
    ("Officers seized 50 million euros in cash.", [fig("money_seized", 50_000_000, "EUR")]),
    ("The agency seized $2.4bn in cryptocurrency.", [fig("money_seized", 2_400_000_000, "USD")]),
    ("Detectives seized £1.2m in cash.", [fig("money_seized", 1_200_000, "GBP")]),
    ("Agents seized €26m from the suspects.", [fig("money_seized", 26_000_000, "EUR")]),
    ("Police seized US$4 million in assets.", [fig("money_seized", 4_000_000, "USD")]),
    ("Officers seized A$1.5 million in cash.", [fig("money_seized", 1_500_000, "AUD")]),
    ("The RCMP seized C$250,000 in cash.", [fig("money_seized", 250_000, "CAD")]),
    ("Officers seized Rs 4.65 lakh in cash.", [fig("money_seized", 465_000, "INR")]),
    ("The NCB seized 15,000 LSD blots.", [fig("drugs_seized", 15_000, "pill", substance="LSD")]),
    ("It was the biggest seizure in two decades.", []),
    (
        "Investigators seized EUR 26.7 million in cash and cryptocurrency.",
        [fig("money_seized", 26_700_000, "EUR")],
    ),
    ("German police seized 543 bitcoin from the servers.", [fig("money_seized", 543, "BTC")]),
    ("The court ordered the forfeiture of 1,000 Monero.", [fig("money_seized", 1000, "XMR")]),
    ("Police seized two million pounds sterling in cash.", [fig("money_seized", 2_000_000, "GBP")]),
    ("Officers seized 3 million pounds in cash.", [fig("money_seized", 3_000_000, "GBP")]),
    (
        "Authorities seized €26 million ($30.17 million) in bitcoin.",
        [fig("money_seized", 26_000_000, "EUR")],
    ),
    ("Police seized 543 bitcoin worth about €23 million.", [fig("money_seized", 543, "BTC")]),
    ("Agents recovered 2,100 BTC, then worth roughly $97 million.",
     [fig("money_seized", 2_100, "BTC")]),
    ("Police seized 1.5 tons of cocaine worth $50 million.",
     [fig("drugs_seized", 1.5, "t", substance="cocaine"), fig("other", 50_000_000, "USD")]),
    ("Officers seized drugs with a street value of £2 million.",
     [fig("other", 2_000_000, "GBP")]),
    ("Police seized cryptocurrency worth about 2.3 million euros.",
     [fig("money_seized", 2_300_000, "EUR", qualifier="about")]),
    ("He was fined $10,000 by the court.", [fig("sentence", 10_000, "USD")]),
    ("The court ordered the confiscation of €1.2 million in criminal proceeds.",
     [fig("money_seized", 1_200_000, "EUR")]),
    # sales
    (
        "The market processed over $18 million in illegal drug sales.",
        [fig("sales", 18_000_000, "USD", qualifier="more than")],
    ),
    (
        "The ring was involved in over 18,000 drug sales.",
        [fig("sales", 18_000, "count", qualifier="more than")],
    ),
    ("Vendors on the site sold $1.2 billion worth of drugs.", [fig("sales", 1_200_000_000, "USD")]),
    ("The platform recorded 30,000 transactions.", [fig("sales", 30_000, "count")]),
    ("Analysts traced about 2,300 bitcoin transactions.",
     [fig("sales", 2_300, "count", qualifier="about")]),
    ("Hydra's revenue reached $1.3 billion in 2020.", [fig("sales", 1_300_000_000, "USD")]),
    # drugs by mass and pills
    ("Police seized 850 kg of drugs.", [fig("drugs_seized", 850, "kg")]),
    (
        "The seizures included 258 kg of amphetamine.",
        [fig("drugs_seized", 258, "kg", substance="amphetamine")],
    ),
    ("Agents seized 43 kg of cocaine.", [fig("drugs_seized", 43, "kg", substance="cocaine")]),
    ("Agents seized 1,875 pounds of pills and other drugs.", [fig("drugs_seized", 1875, "lb")]),
    (
        "Police seized about 152 pounds of fentanyl.",
        [fig("drugs_seized", 152, "lb", substance="fentanyl", qualifier="about")],
    ),
    ("Officers seized 3.5 tonnes of cannabis.", [fig("drugs_seized", 3.5, "t")]),
    ("Investigators seized 60 litres of liquid amphetamine.",
     [fig("drugs_seized", 60, "l", substance="amphetamine")]),
    (
        "Customs officers seized 16 ounces of heroin.",
        [fig("drugs_seized", 16, "oz", substance="heroin")],
    ),
    ("Police seized 500 grams of MDMA.", [fig("drugs_seized", 500, "g", substance="MDMA")]),
    (
        "Police seized 25,000 fentanyl pills.",
        [fig("drugs_seized", 25_000, "pill", substance="fentanyl")],
    ),
    (
        "Officers found 10,000 ecstasy tablets.",
        [fig("drugs_seized", 10_000, "pill", substance="ecstasy")],
    ),
    ("Police recovered 400,000 pills.", [fig("drugs_seized", 400_000, "pill")]),
    (
        "Agents seized 144 kilograms (approximately 317 pounds) of methamphetamine.",
        [fig("drugs_seized", 144, "kg")],
    ),
    (
        "They seized 2 kilos of crystal meth.",
        [fig("drugs_seized", 2, "kg", substance="methamphetamine")],
    ),
    (
        "Investigators found approximately 450 pounds of illegal drugs.",
        [fig("drugs_seized", 450, "lb", qualifier="about")],
    ),
    ("Police seized 1.2 million pills.", [fig("drugs_seized", 1_200_000, "pill")]),
    (
        "The vendor shipped 30 kilograms of methamphetamine to customers.",
        [fig("sales", 30, "kg", substance="methamphetamine")],
    ),
    (
        "He pleaded guilty to conspiracy to distribute over 50 grams of methamphetamine.",
        [fig("other", 50, "g", substance="methamphetamine", qualifier="more than")],
    ),
    # weapons
    ("Police seized 117 firearms.", [fig("weapons_seized", 117, "count")]),
    ("Results of the day:\nArrests: 45\nFirearms seized: 12",
     [fig("arrests", 45, "count"), fig("weapons_seized", 12, "count")]),
    ("Results:\n- 288 arrests\n- 117 firearms seized",
     [fig("arrests", 288, "count"), fig("weapons_seized", 117, "count")]),
    ("Investigators found 10 weapons in the house.", [fig("weapons_seized", 10, "count")]),
    ("Officers seized 45 guns and ammunition.", [fig("weapons_seized", 45, "count")]),
    ("Police seized a dozen firearms.", [fig("weapons_seized", 12, "count")]),
    ("Agents recovered three handguns.", [fig("weapons_seized", 3, "count")]),
    # sentences
    ("He was sentenced to 14 years in prison.", [fig("sentence", 14, "year")]),
    ("She received a 14-year prison sentence.", [fig("sentence", 14, "year")]),
    ("He was sentenced in December to 16 years in prison.", [fig("sentence", 16, "year")]),
    ("The judge sentenced him to 30 months in federal prison.", [fig("sentence", 30, "month")]),
    ("He was jailed for eight years.", [fig("sentence", 8, "year")]),
    ("He got 15 years in prison: the judge imposed 180 months in prison.",
     [fig("sentence", 15, "year")]),
    (
        "The man was sentenced to six years and eight months behind bars.",
        [fig("sentence", 80, "month")],
    ),
    ("He was jailed for five-and-a-half years.", [fig("sentence", 5.5, "year")]),
    # spans between events, doses and penalties that may come are no figures
    ("Two years later, police seized the servers.", []),
    ("The mixer was sanctioned three months after the takedown.", []),
    ("The site ran for three years before police shut it down.", [fig("other", 3, "year")]),
    (
        "As little as 2 milligrams of fentanyl can be fatal. Police seized 3 kg of fentanyl.",
        [fig("drugs_seized", 3, "kg", substance="fentanyl")],
    ),
    ("Possession can attract rigorous imprisonment of 10 to 20 years.", []),
    (
        "The gang sold more than £1.1million of drugs.",
        [fig("sales", 1_100_000, "GBP", qualifier="more than")],
    ),
    (
        "He faced a maximum of life in prison, and was sentenced to 151 months.",
        [fig("sentence", 151, "month")],
    ),
    (
        "The judge ordered the couple to forfeit 14.7 bitcoin, about 212 Monero and a house.",
        [fig("sentence", 14.7, "BTC"), fig("sentence", 212, "XMR", qualifier="about")],
    ),
    (
        "He was fined $5,000 and police seized $20,000 in cash.",
        [fig("sentence", 5_000, "USD"), fig("money_seized", 20_000, "USD")],
    ),
    (
        "Investigators believe about 152,000 bitcoins passed through the mixing service.",
        [fig("sales", 152_000, "BTC", qualifier="about")],
    ),
    (
        "The NCB estimated the value of the seized LSD at more than ₹10 crore.",
        [fig("other", 100_000_000, "INR", qualifier="more than")],
    ),
    (
        "Police put the value of the seized bitcoin at about $5 million.",
        [fig("money_seized", 5_000_000, "USD", qualifier="about")],
    ),
    (
        "Judge Randolph Moss ordered Sterlingov to forfeit approximately $395.6 million.",
        [fig("sentence", 395_600_000, "USD", qualifier="about")],
    ),
    (
        "Vendor jailed for over 12 years. He was sentenced to 12 years and six months in prison.",
        [fig("sentence", 150, "month")],
    ),
    (
        "She was sentenced to five years and ten months in prison. Each will serve five years "
        "of supervised release.",
        [fig("sentence", 70, "month"), fig("sentence", 5, "year")],
    ),
    (
        "Smith was jailed for eight years. Jones was sentenced to 14 years and two months in "
        "prison.",
        [fig("sentence", 8, "year"), fig("sentence", 170, "month")],
    ),
    ("The offence carries a sentence of 14 years.", []),
    (
        "He was given 20 months in prison, suspended for two years.",
        [fig("sentence", 20, "month"), fig("other", 2, "year")],
    ),
    (
        "They received terms of eight to 23 years in prison.",
        [fig("sentence", 8, "year", value_max=23)],
    ),
    (
        "Police seized between 5 and 10 million euros.",
        [fig("money_seized", 5_000_000, "EUR", value_max=10_000_000)],
    ),
    (
        "Police seized between $5 and $10 million in cash.",
        [fig("money_seized", 5_000_000, "USD", value_max=10_000_000)],
    ),
    (
        "Police seized $100 to the east of town and 20 kg of cocaine.",
        [fig("money_seized", 100, "USD"), fig("drugs_seized", 20, "kg", substance="cocaine")],
    ),
    (
        "Investigators seized 144,000 or so bitcoins.",
        [fig("money_seized", 144_000, "BTC", qualifier="about")],
    ),
    (
        "Sixty-five of the arrests were made in the United States.",
        [fig("arrests", 65, "count", country="United States")],
    ),
    ("The two were arrested on Friday.", [fig("arrests", 2, "count")]),
    (
        "Police seized 200,000 ecstasy, fentanyl and oxycodone pills.",
        [fig("drugs_seized", 200_000, "pill", substance="ecstasy")],
    ),
    (
        "Officers seized 10,000 prescription and non-prescription pills.",
        [fig("drugs_seized", 10_000, "pill")],
    ),
    ("Police seized almost one tonne of drugs.", [fig("drugs_seized", 1, "t", qualifier="about")]),
    ("The car, a 2018 Ferrari 488 Spider, was seized.", []),
    ("Friday 7 November 2014 13.05 GMT", []),
    ("He faces a mandatory minimum of 10 years in federal prison.", []),
    ("She could face up to 20 years in prison.", []),
    # other
    ("The operation spanned nine countries.", [fig("other", 9, "count")]),
    ("Officers found six pill presses in the basement.", [fig("other", 6, "count")]),
    ("Desnica took a 5% commission on every sale.", [fig("other", 5, "percent")]),
    ("The FBI has 56 field offices.", [fig("other", 56, "count")]),
    ("Investigators found a list of 6,000 customers.", [fig("other", 6000, "count")]),
    (
        "The JCODE seized over 60 packages containing drugs.",
        [fig("other", 60, "count", qualifier="more than")],
    ),
    ("Deaths rose to 71,238 in 2021.", [fig("other", 71238, "count")]),
    ("The actions took place over the past 1.5 years.", [fig("other", 1.5, "year")]),
    ("It was the fifth coordinated law enforcement action.", [fig("other", 5, "count")]),
    ("The FBI was among 12 U.S. agencies working on the case.", [fig("other", 12, "count")]),
    ("Three hundred officers took part.", [fig("other", 300, "count")]),
    ("The site had twenty-five moderators.", [fig("other", 25, "count")]),
    # forfeiture: a sum the court orders is a sentence, assets handed over are money seized
    ("He was ordered to forfeit $1.3 million in cryptocurrency.",
     [fig("sentence", 1_300_000, "USD")]),
    ("The judge ordered him to forfeit about $183 million.",
     [fig("sentence", 183_000_000, "USD", qualifier="about")]),
    ("The court entered a forfeiture money judgment of $2.4 million.",
     [fig("sentence", 2_400_000, "USD")]),
    ("Singh agreed to forfeit cryptocurrency worth about $150 million.",
     [fig("money_seized", 150_000_000, "USD", qualifier="about")]),
    # partitives: the count is of the people after the owner, not of the owner
    ("Two of the man's alleged associates, aged 22 and 25, were also arrested.",
     [fig("arrests", 2, "count")]),
    ("Two of the market's highest-selling narcotics suppliers were arrested in the United States.",
     [fig("arrests", 2, "count", country="United States")]),
    ("At least two of the vendor's customers died of overdoses.",
     [fig("other", 2, "count", qualifier="at least")]),
    ("Three of the company's employees testified.", []),
    # one count for each of several countries
    ("Police detained 24 in the United Kingdom, four each in Italy and the Netherlands.",
     [fig("arrests", 24, "count", country="United Kingdom"),
      fig("arrests", 4, "count", country="Italy"),
      fig("arrests", 4, "count", country="Netherlands")]),
    ("Police made two arrests each in Austria, Spain and Switzerland.",
     [fig("arrests", 2, "count", country="Austria"),
      fig("arrests", 2, "count", country="Spain"),
      fig("arrests", 2, "count", country="Switzerland")]),
    ("The firm opened two offices each in Spain and France.", [fig("other", 2, "count")]),
    # money: a street value stated as a predicate; money "in cash" under a list heading
    ("The estimated street value of the drugs seized is more than $1.1 million.",
     [fig("other", 1_100_000, "USD", qualifier="more than")]),
    ("Officers seized:\n- more than EUR 184 million in cash and cryptocurrencies;",
     [fig("money_seized", 184_000_000, "EUR", qualifier="more than")]),
    ("The market was valued at $4 million.", [fig("other", 4_000_000, "USD")]),
    # thousands set off by spaces; phone numbers are not
    ("Officers seized:\n- 12 500 counterfeit products.", [fig("other", 12_500, "count")]),
    ("Police seized EUR 1 000 000 in cash.", [fig("money_seized", 1_000_000, "EUR")]),
    ("Call Crimestoppers on 0800 555 111.", []),
    ("Tel.: +49 611 55-13083", []),
    # what drugs are cut with, a strength, what orders were for
    ("They seized 3 kilograms of binding agents and 1.9 kilograms of fentanyl powder.",
     [fig("other", 3, "kg"), fig("drugs_seized", 1.9, "kg", substance="fentanyl")]),
    ("The pills were made to look like 30-milligram oxycodone tablets.", []),
    ("Agents traced 7,500 orders, for a total of roughly 310,000 pills.",
     [fig("sales", 7_500, "count"), fig("sales", 310_000, "pill", qualifier="about")]),
    # capitalised adjectives of nationality are no names
    ("Police shut down two Italian marketplaces.", [fig("other", 2, "count")]),
    ("Police from 16 European countries took part.", [fig("other", 16, "count")]),
    ("Police arrested three German nationals.", [fig("arrests", 3, "count")]),
    # what was sold, supplied or imported, and what the court reckons
    ("He sold cocaine worth £165,000 through his vendor page.", [fig("sales", 165_000, "GBP")]),
    ("The gang imported 100 kilograms of cocaine worth £8 million.",
     [fig("drugs_seized", 100, "kg", substance="cocaine"), fig("other", 8_000_000, "GBP")]),
    ("He admitted supplying 500 grams of ketamine.",
     [fig("sales", 500, "g", substance="ketamine")]),
    ("He had benefited from his crimes to the value of £613,147.",
     [fig("other", 613_147, "GBP")]),
    ("A confiscation order for £250,000 was made.", [fig("sentence", 250_000, "GBP")]),
    ("He was ordered to pay back £80,000 within three months.",
     [fig("sentence", 80_000, "GBP"), fig("other", 3, "month")]),
    # sentences that are not prison terms
    ("He was handed a 12-month community order.", [fig("sentence", 12, "month")]),
    ("He was given a two-year suspended sentence.", [fig("sentence", 2, "year")]),
    ("He got 97 months in federal prison, followed by three years of supervised release.",
     [fig("sentence", 97, "month"), fig("sentence", 3, "year")]),
    # not figures
    ("He was on cloud nine after the verdict.", []),
    ("It was the Fortune 500 company that tipped off police.", []),
    ("He said one or two vendors had moved to other markets.", []),
    ("He said 2 or 3 vendors had moved.", []),
    ("The site operated 24 hours a day, seven days a week.", []),
    ("Police worked round the clock for two weeks.", [fig("other", 2, "week")]),
    ("In December 2023, the two authorities shut down the marketplace.", []),
    ("Detectives traced the two men they believed were running the site.", []),
    ("Hundreds of sellers and buyers were arrested.", []),
    ("Dozens of agencies took part in the operation.", []),
    ("He sold millions of pills to thousands of customers.", []),
    ("A 36-year-old Los Angeles man was charged.", []),
    ("The market launched in 2019.", []),
    ("He violated Section 841 of Title 21.", []),
    ("Two milligrams of fentanyl is a potentially lethal dose.", []),
    ("One of the vendors was known for speed.", []),
    ("The meeting took place at 10:30 on 24/7 support lines.", []),
    ("It was the COVID-19 pandemic.", []),
    ("The 21st century has ushered in a wave of change.", []),
]


def _project(record_fig: dict[str, Any], expected: F) -> dict[str, Any]:
    return {k: record_fig.get(k) for k in expected}


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:60] for c in CASES])
def test_figures(extractor: Extractor, sentence: str, expected: list[F]) -> None:
    record = extractor.extract(sentence)
    got = [f.model_dump() for f in record.figures]
    assert len(got) == len(expected), f"{sentence!r}: got {got}"
    for exp, g in zip(expected, got, strict=False):
        assert _project(g, exp) == exp, f"{sentence!r}: got {g}"
        assert sentence[g["start"] : g["end"]] == g["text"]


def test_restatement_is_an_equivalent_not_a_second_fact(extractor: Extractor) -> None:
    rec = extractor.extract("Agents seized 144 kilograms (approximately 317 pounds) of meth.")
    assert len(rec.figures) == 1
    (eq,) = rec.figures[0].equivalents
    assert (eq.value, eq.unit, eq.qualifier) == (317, "lb", "about")


@pytest.mark.parametrize(
    ("text", "equivalent"),
    [
        ("The wallet held cryptocurrency worth £212,000 (roughly 7.9 bitcoin at the time).",
         "7.9 bitcoin"),
        ("The coins are worth around 23 million euros, or roughly US$25 million.",
         "US$25 million"),
    ],
)
def test_restatements_with_words_after_or_behind_or(
    extractor: Extractor, text: str, equivalent: str
) -> None:
    rec = extractor.extract(text)
    assert len(rec.figures) == 1
    assert [e.text for e in rec.figures[0].equivalents] == [equivalent]


def test_two_sums_in_one_currency_are_not_restatements(extractor: Extractor) -> None:
    rec = extractor.extract("Police seized $5 million, or $6 million by another count.")
    assert [f.value for f in rec.figures] == [5_000_000, 6_000_000]


def test_a_bulleted_breakdown_of_arrests_by_country(extractor: Extractor) -> None:
    text = (
        "Customs shut down a darknet drug market on the Tor network\n\n"
        "The investigation has so far led to nine people being arrested. By country:\n\n"
        "  • Finland: six suspects, including the administrator\n"
        "  • Sweden: two suspects\n"
        "  - Estonia: one suspect\n\n"
        "Vendors: 40 people sold drugs on the site.\n"
    )
    rec = extractor.extract(text)
    assert [(f.kind, f.value, f.country) for f in rec.figures] == [
        ("arrests", 9, None),
        ("arrests", 6, "Finland"),
        ("arrests", 2, "Sweden"),
        ("arrests", 1, "Estonia"),
        ("other", 40, None),
    ]


def test_a_country_list_without_arrests_is_no_breakdown(extractor: Extractor) -> None:
    text = (
        "Vendors on the market came from many countries\n\n"
        "The site listed its sellers by country.\n\n"
        "  • Finland: six vendors\n"
    )
    rec = extractor.extract(text)
    assert [(f.kind, f.value, f.country) for f in rec.figures] == [("other", 6, None)]


def test_less_precise_restatement_is_absorbed(extractor: Extractor) -> None:
    text = (
        "Police seized €50.8 million in the operation. In all, more than 50 million euros in "
        "cash and virtual currencies were seized."
    )
    rec = extractor.extract(text)
    assert [(f.kind, f.value, f.unit) for f in rec.figures] == [("money_seized", 50_800_000, "EUR")]


def test_repeated_fact_counts_once(extractor: Extractor) -> None:
    rec = extractor.extract("Police made 288 arrests. The 288 arrests were announced today.")
    assert [(f.kind, f.value) for f in rec.figures] == [("arrests", 288)]
