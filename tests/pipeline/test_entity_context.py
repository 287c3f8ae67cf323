"""What the entities component reads around a name: the sentence that makes a listed one-word
market a market, and the words that make a capitalised pair a body rather than a person.

Each row is a sentence written for this table and what must (or must not) come out of it.
"""

from __future__ import annotations

import pytest

from takedown import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    ("text", "markets"),
    [
        # what is done to a site, or who runs one, says the name is a site's
        ("Dutch police took down Bohemia and Cannabia.", ["Bohemia Market", "Cannabia"]),
        ("The takedown of Hydra in April hit Russian vendors.", ["Hydra"]),
        ("Investigators arrested the alleged administrator of Agora in Berlin.", ["Agora"]),
        ("Hydra was shut down by German police.", ["Hydra"]),
        # the same names where nothing speaks of a site
        ("Evolution favours the patient investigator.", []),
        ("Hydra, the many-headed serpent, gave the task force its nickname.", []),
        ("Agora is also the name of a square in Athens.", []),
    ],
)
def test_one_word_markets_need_a_site_in_the_sentence(
    ex: Extractor, text: str, markets: list[str]
) -> None:
    assert [e.name for e in ex.extract(text).marketplaces] == markets


@pytest.mark.parametrize(
    ("text", "agency", "not_person"),
    [
        (
            "The Justice Department's Office of Public Affairs said the case was closed.",
            "Office of Public Affairs",
            "Public Affairs",
        ),
        (
            "The Bureau of Consular Affairs said the two men were in custody.",
            "Bureau of Consular Affairs",
            "Consular Affairs",
        ),
        (
            "The Office of Criminal Investigations said the pills were fake.",
            "Office of Criminal Investigations",
            "Criminal Investigations",
        ),
    ],
)
def test_a_body_named_with_of_is_not_a_speaker(
    ex: Extractor, text: str, agency: str, not_person: str
) -> None:
    rec = ex.extract(text)
    assert agency in [e.name for e in rec.agencies] + [a for e in rec.agencies for a in e.aliases]
    assert not_person not in [p.name for p in rec.persons]


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("A man from Atlanta, Georgia, was charged in New Mexico.", []),
        ("The defendant, of New South Wales, posted the parcels.", []),
        ("He shipped pills to Papua New Guinea and Mexico.", ["Papua New Guinea", "Mexico"]),
        ("Two suspects were arrested in Georgia and one in Armenia.", ["Georgia", "Armenia"]),
        ("Officers from Wales and Mexico City took part.", ["United Kingdom", "Mexico"]),
    ],
)
def test_country_names_inside_other_places(ex: Extractor, text: str, countries: list[str]) -> None:
    assert ex.extract(text).countries == countries


def test_a_us_attorneys_office_in_the_justice_departments_comma_form(ex: Extractor) -> None:
    text = (
        "U.S. Attorney's Office\nDistrict of Arizona\n\nPhoenix man sentenced for darknet sales\n"
        "U.S. Attorney's Office, District of Arizona\n"
        "PHOENIX – A man who sold fentanyl pills online was sentenced, the U.S. Attorney's "
        "Office said.\n"
    )
    agencies = ex.extract(text).agencies
    assert [a.name for a in agencies] == [
        "United States Attorney's Office for the District of Arizona"
    ]
    assert len(agencies[0].mentions) == 2  # the page header above the headline is furniture


def test_an_anaphor_before_its_body_stands_for_the_only_one_named(ex: Extractor) -> None:
    text = (
        "The U.S. Attorney's Office said the vendor shipped 10,000 pills. The case was brought "
        "by the U.S. Attorney's Office for the District of Arizona.\n"
    )
    agencies = ex.extract(text).agencies
    assert [(a.name, len(a.mentions)) for a in agencies] == [
        ("United States Attorney's Office for the District of Arizona", 2)
    ]


def test_an_anaphor_before_its_body_needs_that_body_alone(ex: Extractor) -> None:
    # two offices are named: the header's bare "U.S. Attorney's Office" could be either
    text = (
        "U.S. Attorney's Office\n\nTwo vendors sentenced for darknet sales\n"
        "The U.S. Attorney's Office for the District of Maryland and the U.S. Attorney's Office "
        "for the District of Arizona announced the sentences.\n"
    )
    names = [a.name for a in ex.extract(text).agencies]
    assert "United States Attorney's Office for the District of Maryland" in names
    assert "United States Attorney's Office for the District of Arizona" in names
    maryland = next(
        a for a in ex.extract(text).agencies if a.name.endswith("District of Maryland")
    )
    assert all(m.start > 30 for m in maryland.mentions)


@pytest.mark.parametrize(
    ("text", "not_agency"),
    [
        ("Agents of the IRS Criminal Investigation, Washington, D.C. Field Office, helped.",
         "Field Office"),
        ("For more information contact the Press Office on 555-0100.", "Press Office"),
    ],
)
def test_a_kind_of_office_is_not_a_name(ex: Extractor, text: str, not_agency: str) -> None:
    assert not_agency not in [a.name for a in ex.extract(text).agencies]


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("FBI agents seized bitcoin from a man at his home in Georgia.", []),
        ("The U.S. Attorney said the vendor lived in Georgia.", ["United States"]),
        ("Europol said arrests were made in Georgia and Moldova.", ["Georgia", "Moldova"]),
        (
            "The FBI and police in Tbilisi arrested two men in Georgia.",
            ["Georgia"],
        ),
    ],
)
def test_georgia_in_a_us_story_is_the_state(ex: Extractor, text: str, countries: list[str]) -> None:
    assert ex.extract(text).countries == countries


def test_a_market_short_form_is_not_read_inside_a_country(ex: Extractor) -> None:
    text = (
        "Police shut down Kingdom Market, a darknet marketplace. Kingdom had 40,000 users. "
        "Arrests followed in the United Kingdom and the Netherlands."
    )
    rec = ex.extract(text)
    [market] = rec.marketplaces
    assert [m.text for m in market.mentions] == ["Kingdom Market", "Kingdom"]
    assert rec.countries == ["United Kingdom", "Netherlands"]


@pytest.mark.parametrize(
    ("text", "persons"),
    [
        ("Defendant Marcus Johnson pleaded guilty.", ["Marcus Johnson"]),
        ("Suspect Anna Berg was released on bail.", ["Anna Berg"]),
        (
            "Prosecutors charged Michael Ray Carter II and his wife, Emily Carter, with fraud.",
            ["Michael Ray Carter II", "Emily Carter"],
        ),
        ("The vendors, identified as Ahmed Khan and others, were charged.", ["Ahmed Khan"]),
        ('Market admin "Pharoah", whose real name is Rui-Siang Lin, ran it.', ["Rui-Siang Lin"]),
        # the same words before what is not a person
        ("The site was identified as Hydra Market by analysts.", []),
        ("Police identified as many as 40 buyers in Ohio.", []),
    ],
)
def test_people_named_by_a_role_or_a_relation(
    ex: Extractor, text: str, persons: list[str]
) -> None:
    assert [p.name for p in ex.extract(text).persons] == persons


@pytest.mark.parametrize(
    ("text", "countries", "agencies"),
    [
        ("Search Canada.ca for the notice.", [], []),
        ("Send tips to tips.fbi.gov or visit www.europol.europa.eu today.", [], []),
        ("Police in Canada said the FBI. helped", ["Canada"], ["Federal Bureau of Investigation"]),
    ],
)
def test_names_inside_web_addresses_are_not_mentions(
    ex: Extractor, text: str, countries: list[str], agencies: list[str]
) -> None:
    rec = ex.extract(text)
    assert rec.countries == countries
    assert [a.name for a in rec.agencies] == agencies


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("RCMP officers in British Columbia searched the flat.", []),
        ("Money moved through the British Virgin Islands.", []),
        ("Vendors on a Russian-language forum sold the pills.", []),
        ("Russian-speaking vendors sold the pills.", []),
        ("Weather for Lebanon, OH: 54 degrees.", []),
        ("He lived in Mexico, Missouri, before moving.", []),
        ("British police and Russian officials met.", ["United Kingdom", "Russia"]),
        ("Police in Lebanon, Syria and Jordan cooperated.", ["Lebanon", "Syria", "Jordan"]),
    ],
)
def test_country_words_inside_other_names(ex: Extractor, text: str, countries: list[str]) -> None:
    assert ex.extract(text).countries == countries


@pytest.mark.parametrize(
    ("text", "persons", "agencies"),
    [
        (
            "Trial Attorneys Alden Whitcombe and Priya Venkataraman of the Criminal Division "
            "prosecuted the case.",
            ["Alden Whitcombe", "Priya Venkataraman"],
            ["Criminal Division"],
        ),
        ("Special Agents John Roe and Mary Major arrested him.", ["John Roe", "Mary Major"], []),
        (
            "DEA agent Carl Mark Force IV and Secret Service agent Shaun Bridges stole bitcoin.",
            ["Carl Mark Force IV", "Shaun Bridges"],
            ["Drug Enforcement Administration", "United States Secret Service"],
        ),
        (
            "Judge Sarah Netburn and Homeland Security Investigations were praised.",
            ["Sarah Netburn"],
            ["Homeland Security Investigations"],
        ),
        # a nationality before a name, a fugitive after it, a menu of blank-separated items
        (
            "Its founder, the Canadian Alexandre Cazes, was arrested in Bangkok.",
            ["Alexandre Cazes"],
            [],
        ),
        (
            "Police urged Hakan Ayik, the Australian fugitive, to hand himself in.",
            ["Hakan Ayik"],
            [],
        ),
        (
            "Menu   Private customers   Businesses   Customs information\n\n"
            "Finnish Customs said the case was closed.",
            [],
            ["Finnish Customs"],
        ),
    ],
)
def test_people_inside_a_run_of_names_and_the_body_after_them(
    ex: Extractor, text: str, persons: list[str], agencies: list[str]
) -> None:
    rec = ex.extract(text)
    assert [p.name for p in rec.persons] == persons
    assert [a.name for a in rec.agencies] == agencies


@pytest.mark.parametrize(
    ("text", "agencies"),
    [
        ("Parcels intercepted by Royal Mail and Border Force were examined.", ["Border Force"]),
        ("Officers at the Vancouver International Mail Processing Centre found 62 parcels.", []),
        (
            "U.S. Immigration and Customs Enforcement and the Bureau of Alcohol, Tobacco, Firearms "
            "and Explosives helped.",
            [
                "U.S. Immigration and Customs Enforcement",
                "Bureau of Alcohol, Tobacco, Firearms and Explosives",
            ],
        ),
        ("The European Cybercrime Centre coordinated.", ["European Cybercrime Centre"]),
    ],
)
def test_places_and_lists_are_not_one_body(ex: Extractor, text: str, agencies: list[str]) -> None:
    assert [a.name for a in ex.extract(text).agencies] == agencies


@pytest.mark.parametrize(
    ("text", "persons"),
    [
        ("Courier Tyler Quinn, 24, was jailed for four years.", [("Tyler Quinn", [])]),
        ("Miss Kellaway told the court she was sorry.", []),
        ("Prosecuting, Gillian Hartwell KC said the gang was organised.",
         [("Gillian Hartwell", [])]),
        (
            "Brandon Keith Lowery, 38, and Alyssa Marie Lowery, 35, sold drugs. Brandon Lowery "
            "pleaded guilty in April. Alyssa Lowery pleaded guilty too.",
            [
                ("Brandon Keith Lowery", ["Brandon Lowery"]),
                ("Alyssa Marie Lowery", ["Alyssa Lowery"]),
            ],
        ),
    ],
)
def test_roles_honours_and_middle_names(
    ex: Extractor, text: str, persons: list[tuple[str, list[str]]]
) -> None:
    assert [(p.name, p.aliases) for p in ex.extract(text).persons] == persons


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("The U.S. Postal Inspection Service flagged the parcels.", []),
        ("Officers worked with the US Drug Enforcement Administration (DEA).", []),
        ("The U.S. Postal Inspection Service flagged parcels sent to the U.S.", ["United States"]),
        ("The Dutch National Police took the site offline.", ["Netherlands"]),
    ],
)
def test_a_country_word_that_names_a_bodys_country(
    ex: Extractor, text: str, countries: list[str]
) -> None:
    assert ex.extract(text).countries == countries
