"""The four output formats, read back with real parsers: SVG (xml.etree), PDF (pypdf), DOT (Graphviz), JSON."""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pypdf import PdfReader

from genorisk.domain.record import CaseRecord
from genorisk.genogram.export import UnknownFormat, write_genogram
from genorisk.genogram.geometry import GEOMETRY_VERSION, Geometry, GeometryFormatError
from genorisk.genogram.pdf import plan_pages, render_pdf
from genorisk.genogram.svg import render_svg
from genorisk.genogram.synthetic import synthetic_case
from tests.genogram import builders
from tests.genogram.builders import FamilyBuilder
from tests.genogram.checks import lay_out

SVG = "{http://www.w3.org/2000/svg}"


def _record() -> CaseRecord:
    return builders.blended_family_three_fathers().record()


def test_svg_has_one_element_per_person_and_the_marking(tmp_path: Path) -> None:
    record = _record()
    path = write_genogram(record, tmp_path / "family.svg", marking="OFFICIAL-SENSITIVE")
    root = ET.parse(path).getroot()
    people = [element.get("data-person-id") for element in root.iter() if element.get("data-person-id")]
    assert sorted(people) == sorted(person.id for person in record.people)
    assert "OFFICIAL-SENSITIVE" in root.find(f"{SVG}title").text  # type: ignore[union-attr, operator]
    assert "OFFICIAL-SENSITIVE" in root.find(f"{SVG}desc").text  # type: ignore[union-attr, operator]
    texts = ["".join(element.itertext()) for element in root.iter(f"{SVG}text")]
    assert texts.count("OFFICIAL-SENSITIVE") == 2  # on the canvas, top and bottom
    assert "Kelly Hart" in texts and "b. 14/02/1990" in texts


def test_svg_escapes_text() -> None:
    fam = builders.unknown_partner()
    from dataclasses import replace

    entities = [replace(e, given_names='<Max> & "Co"') if getattr(e, "id", "") == "max" else e
                for e in fam.entities]
    svg = render_svg(lay_out(FamilyBuilder(entities=entities).record()), marking="A & B <marking>")
    root = ET.fromstring(svg)
    texts = ["".join(element.itertext()) for element in root.iter(f"{SVG}text")]
    assert '<Max> & "Co" Test' in texts
    assert "A & B <marking>" in texts


def test_pdf_text_marking_and_page_numbers(tmp_path: Path) -> None:
    record = _record()
    path = write_genogram(record, tmp_path / "family.pdf", marking="OFFICIAL-SENSITIVE", generated_by="Test User")
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert text.count("OFFICIAL-SENSITIVE") == 2
    assert "Page 1 of 1" in text
    for name in ("Kelly Hart", "Ruby Hart", "Jason Webb", "Key"):
        assert name in text
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert width > height  # landscape


def test_large_family_pdf_tiles_without_cutting_anyone(tmp_path: Path) -> None:
    case, entities = synthetic_case(300, seed=3)
    geometry = lay_out(CaseRecord.build(case, entities))
    plan = plan_pages(geometry)
    assert plan.overview and len(plan.regions) > 1
    for symbol in geometry.symbols:
        holders = [region for region in plan.regions if region.contains_box(symbol.footprint)]
        assert holders, f"{symbol.person_id} is cut by every page"
    data = render_pdf(geometry, marking="OFFICIAL-SENSITIVE")
    (tmp_path / "big.pdf").write_bytes(data)
    reader = PdfReader(tmp_path / "big.pdf")
    pages = len(reader.pages)
    assert pages == len(plan.regions) + 1
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert text.count("OFFICIAL-SENSITIVE") == 2
        assert f"Page {number} of {pages}" in text


def test_dot_contains_every_person(tmp_path: Path) -> None:
    record = _record()
    path = write_genogram(record, tmp_path / "family.dot")
    source = path.read_text()
    assert source.startswith("digraph genogram")
    if shutil.which("dot") is None:
        pytest.skip("Graphviz 'dot' is not installed, so the DOT output cannot be parsed here")
    result = subprocess.run(["dot", "-Tjson", str(path)], capture_output=True, text=True, check=True)
    graph = json.loads(result.stdout)
    names = {node["name"] for node in graph["objects"]}
    assert {person.id for person in record.people} <= names


def test_json_is_the_geometry_model(tmp_path: Path) -> None:
    record = _record()
    path = write_genogram(record, tmp_path / "family.json")
    data = json.loads(path.read_text())
    assert data["format"] == "genorisk-genogram-geometry" and data["version"] == GEOMETRY_VERSION
    geometry = Geometry.from_json(path.read_text())
    assert geometry == lay_out(record) or {s.person_id for s in geometry.symbols} == {p.id for p in record.people}
    with pytest.raises(GeometryFormatError, match="version 99"):
        Geometry.from_data({**data, "version": 99})
    with pytest.raises(GeometryFormatError, match="format"):
        Geometry.from_data({**data, "format": "something else"})
    broken = {**data, "symbols": [{**data["symbols"][0], "shape": "hexagon"}]}
    with pytest.raises(GeometryFormatError, match=r"symbols\[0\]\.shape"):
        Geometry.from_data(broken)


def test_unknown_extension_is_refused_and_nothing_written(tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(UnknownFormat, match=r"\.png"):
        write_genogram(_record(), tmp_path / "family.png")
    assert list(tmp_path.iterdir()) == []


def test_files_are_replaced_atomically(tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    target = tmp_path / "family.svg"
    target.write_text("old")
    write_genogram(_record(), target)
    assert target.read_text().startswith("<?xml")
    assert [p.name for p in tmp_path.iterdir()] == ["family.svg"]  # no temporary file left behind
