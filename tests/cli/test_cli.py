"""The genorisk command, run in-process against a real data directory."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from genorisk import __version__
from genorisk.cli.main import main
from genorisk.store.repository import Store


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"genorisk {__version__}"


def test_demo_prints_its_reference_once_installed_and_case_list_is_tab_separated(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "demo") == (0, "DEMO-0001\n", "")
    assert run(capsys, "demo")[1] == "DEMO-0001\n"  # installed once
    code, out, _ = run(capsys, "case", "list")
    assert code == 0
    (line,) = out.splitlines()
    fields = line.split("\t")
    assert fields[:3] == ["DEMO-0001", "Child in Need", "Ashby–Pryce family (fictional demo)"]
    assert fields[3] == "13"


def test_export_into_an_empty_data_directory_and_back_is_identical(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run(capsys, "demo")
    assert run(capsys, "case", "export", "DEMO-0001", "-o", str(tmp_path / "one.genorisk.json"))[0] == 0
    monkeypatch.setenv("GENORISK_HOME", str(tmp_path / "elsewhere"))
    assert run(capsys, "case", "import", str(tmp_path / "one.genorisk.json")) == (0, "DEMO-0001\n", "")
    run(capsys, "case", "export", "DEMO-0001", "-o", str(tmp_path / "two.genorisk.json"))
    assert (tmp_path / "one.genorisk.json").read_bytes() == (tmp_path / "two.genorisk.json").read_bytes()


def test_a_malformed_bundle_exits_2_naming_the_field_and_leaves_the_database_unchanged(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, private_home: Path) -> None:
    run(capsys, "demo")
    run(capsys, "case", "export", "DEMO-0001", "-o", str(tmp_path / "demo.genorisk.json"))
    data = json.loads((tmp_path / "demo.genorisk.json").read_text())
    data["case"]["reference"] = "NEW-1"
    data["case"]["id"] = data["case"]["case_id"] = "other"
    data["records"]["Person"][3]["sex"] = "robot"
    (tmp_path / "bad.genorisk.json").write_text(json.dumps(data))
    before = (private_home / "genorisk.db").read_bytes()
    code, out, err = run(capsys, "case", "import", str(tmp_path / "bad.genorisk.json"))
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "$.records.Person[3].sex" in err and "'robot' is not one of" in err
    assert [c.reference for c in Store.open(private_home / "genorisk.db").list_cases()] == ["DEMO-0001"]
    assert (private_home / "genorisk.db").read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("case", "export", "NOPE-9", "-o", "x.json"), "no case with reference 'NOPE-9'"),
        (("case", "import", "missing.genorisk.json"), "missing.genorisk.json: no such file"),
        (("case",), "choose 'case list'"),
        (("frobnicate",), "invalid choice: 'frobnicate'"),
    ],
)
def test_bad_input_exits_2_with_one_line(capsys: pytest.CaptureFixture[str], args: tuple[str, ...],
                                        message: str) -> None:
    code, _, err = run(capsys, *args)
    assert code == 2
    assert message in err
    assert err.count("\n") == 1


def test_headless_commands_never_load_qt(private_home: Path) -> None:
    script = ("import sys; from genorisk.cli.main import main; main(['case', 'list']);"
              "import genorisk.store, genorisk.domain, genorisk.interop.bundle;"
              "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt loaded'")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
