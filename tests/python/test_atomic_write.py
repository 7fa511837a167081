"""Files kinerja writes are replaced whole or left as they were: kinerja._files.write_atomic (used by
``kinerja report -o``) and Plan.save (C++ save_plan). Failures are injected mid-write (os.write
writes half and fails, fsync or the rename fails, a file size limit in a subprocess); the original
must stay byte-identical, no temporary file may be left, and the error names the file and the
cause."""

import errno
import os
import resource
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import kinerja
from kinerja import _files, cli
from kinerja.errors import PlanFileError
from kinerja.report import FORMATS

PLANS = Path(__file__).resolve().parent.parent / "data" / "plans"
ORIGINAL = b"the report before the write\n"


def names(folder):
    return sorted(p.name for p in Path(folder).iterdir())


@pytest.fixture
def disk_full_halfway(monkeypatch):
    """os.write puts half of what it is given on the disk and then fails as a full disk does."""
    real_write = os.write
    calls = []

    def write(fd, data):
        calls.append(len(data))
        real_write(fd, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", write)
    return calls


def test_a_write_replaces_the_file_and_keeps_its_permission_bits(tmp_path):
    target = tmp_path / "report.csv"
    target.write_bytes(ORIGINAL)
    target.chmod(0o604)  # neither 0600 (mkstemp) nor 0666 less a usual umask
    _files.write_atomic(target, "a,b\n")
    assert target.read_bytes() == b"a,b\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o604
    assert names(tmp_path) == ["report.csv"]


def test_a_new_file_gets_0666_less_the_umask(tmp_path):
    before = os.umask(0o027)
    try:
        _files.write_atomic(tmp_path / "new.md", "x")
    finally:
        os.umask(before)
    assert stat.S_IMODE((tmp_path / "new.md").stat().st_mode) == 0o640
    assert (tmp_path / "new.md").read_text() == "x"


def test_a_write_that_fails_halfway_leaves_the_original(tmp_path, disk_full_halfway):
    target = tmp_path / "report.csv"
    target.write_bytes(ORIGINAL)
    with pytest.raises(PlanFileError) as info:
        _files.write_atomic(target, b"y" * 1000)
    assert disk_full_halfway == [1000]  # the failure happened in the middle of the write
    e = info.value
    assert e.id == "kinerja.report.io"
    assert e.file == str(target)
    assert str(e) == (f"[kinerja.report.io] {target}: cannot write the file: No space left on device "
                      "(the file is left as it was)")
    assert target.read_bytes() == ORIGINAL
    assert names(tmp_path) == ["report.csv"]


def test_a_failed_write_of_a_new_file_leaves_no_file(tmp_path, disk_full_halfway):
    with pytest.raises(PlanFileError, match="No space left on device"):
        _files.write_atomic(tmp_path / "new.html", "<html>" * 100)
    assert names(tmp_path) == []


@pytest.mark.parametrize("step", ["fsync", "replace", "fchmod"])
def test_a_failing_fsync_rename_or_chmod_leaves_the_original(tmp_path, monkeypatch, step):
    target = tmp_path / "report.json"
    target.write_bytes(ORIGINAL)

    def fail(*args, **kwargs):
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, step, fail)
    with pytest.raises(PlanFileError) as info:
        _files.write_atomic(target, "{}")
    assert info.value.reason == "cannot write the file: Input/output error (the file is left as it was)"
    assert target.read_bytes() == ORIGINAL
    assert names(tmp_path) == ["report.json"]


def test_an_interruption_mid_write_removes_the_temporary_file_and_goes_on(tmp_path, monkeypatch):
    target = tmp_path / "report.txt"
    target.write_bytes(ORIGINAL)

    def interrupted(fd, data):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        _files.write_atomic(target, "new")
    assert target.read_bytes() == ORIGINAL
    assert names(tmp_path) == ["report.txt"]


def test_a_symbolic_link_is_followed_and_stays_a_link(tmp_path):
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / "report.md"
    real.write_bytes(ORIGINAL)
    (tmp_path / "link.md").symlink_to(real)
    _files.write_atomic(tmp_path / "link.md", "through the link\n")
    assert (tmp_path / "link.md").is_symlink()
    assert real.read_text() == "through the link\n"
    assert names(tmp_path) == ["link.md", "real"]
    assert names(tmp_path / "real") == ["report.md"]


def test_a_missing_folder_a_file_as_the_folder_and_a_folder_as_the_file(tmp_path):
    missing = tmp_path / "missing" / "report.csv"
    with pytest.raises(PlanFileError) as info:
        _files.write_atomic(missing, "x")
    assert str(info.value) == (f"[kinerja.report.io] {missing}: cannot write the file: cannot create a file in the "
                               f"folder \"{tmp_path / 'missing'}\": No such file or directory "
                               "(the file is left as it was)")
    (tmp_path / "plain").write_bytes(ORIGINAL)
    with pytest.raises(PlanFileError, match="Not a directory"):
        _files.write_atomic(tmp_path / "plain" / "report.csv", "x")
    with pytest.raises(PlanFileError) as info:
        _files.write_atomic(tmp_path, "x")
    assert info.value.reason == "cannot write the file: it is a folder"
    assert names(tmp_path) == ["plain"]
    assert (tmp_path / "plain").read_bytes() == ORIGINAL


def test_a_device_is_written_directly_and_its_failure_reported():
    with pytest.raises(PlanFileError) as info:
        _files.write_atomic("/dev/full", "x")  # opens, and every write fails with ENOSPC
    assert str(info.value) == "[kinerja.report.io] /dev/full: cannot write the file: No space left on device"


# ----------------------------------------------------------------------------- kinerja report -o

@pytest.mark.parametrize("fmt", FORMATS)
def test_report_output_that_fails_halfway_leaves_the_old_report(capsys, tmp_path, monkeypatch, fmt):
    target = tmp_path / f"report.{fmt}"
    target.write_bytes(ORIGINAL)
    real_write = os.write

    def write(fd, data):
        real_write(fd, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", write)
    code = cli.main(["report", str(PLANS / "valid-small.yaml"), "--format", fmt, "-o", str(target)])
    monkeypatch.undo()
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert err == (f"kinerja: error: [kinerja.report.io] {target}: cannot write the file: No space left on device "
                   "(the file is left as it was)\n")
    assert target.read_bytes() == ORIGINAL
    assert names(tmp_path) == [target.name]


def test_report_output_into_a_missing_folder_is_one_line_and_exit_2(capsys, tmp_path):
    target = tmp_path / "no-such-folder" / "report.xlsx"
    code = cli.main(["report", str(PLANS / "valid-small.yaml"), "--format", "xlsx", "-o", str(target)])
    out, err = capsys.readouterr()
    assert code == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"kinerja: error: [kinerja.report.io] {target}: cannot write the file: cannot create a file")
    assert "No such file or directory" in err
    assert names(tmp_path) == []


def _run_with_file_size_limit(limit, *argv):
    """Runs python with RLIMIT_FSIZE set: a write past `limit` bytes fails with EFBIG, as a full
    disk would, partway through the file."""
    def limited():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))

    env = dict(os.environ)
    pkg_dir = os.path.dirname(os.path.dirname(os.path.abspath(kinerja.__file__)))
    env["PYTHONPATH"] = pkg_dir + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, *argv], capture_output=True, text=True, env=env, timeout=120,
                          preexec_fn=limited)


def test_report_output_cut_short_by_a_file_size_limit_leaves_the_old_report(tmp_path):
    target = tmp_path / "report.html"
    target.write_bytes(ORIGINAL)
    proc = _run_with_file_size_limit(4096, "-m", "kinerja", "report", "--format", "html", "-o", str(target))
    assert target.read_bytes() == ORIGINAL  # the old write had left the first 4,096 bytes of the new report
    assert names(tmp_path) == ["report.html"]
    assert proc.returncode == 2
    assert proc.stderr == (f"kinerja: error: [kinerja.report.io] {target}: cannot write the file: File too large "
                           "(the file is left as it was)\n")


def test_plan_save_cut_short_by_a_file_size_limit_leaves_the_saved_plan(tmp_path):
    target = tmp_path / "plan.yaml"
    kinerja.load_plan(PLANS / "clean.yaml").save(target)
    before = target.read_bytes()
    assert len(before) < 4096 < len(kinerja.bundled_plan().to_yaml().encode())
    script = ("import kinerja, sys\n"
              "try:\n"
              f"    kinerja.bundled_plan().save({str(target)!r})\n"
              "except kinerja.errors.PlanFileError as e:\n"
              "    print(e.id, e.reason, sep='|')\n")
    proc = _run_with_file_size_limit(4096, "-c", script)
    assert target.read_bytes() == before  # the old save had left the first 4,096 bytes of the bundled plan
    assert names(tmp_path) == ["plan.yaml"]
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "kinerja.plan.io|cannot write the file: File too large (the file is left as it was)\n"


def test_a_dangling_link_is_replaced_by_the_file(tmp_path):
    (tmp_path / "link.md").symlink_to(tmp_path / "gone" / "report.md")
    _files.write_atomic(tmp_path / "link.md", "x")
    assert not (tmp_path / "link.md").is_symlink()
    assert (tmp_path / "link.md").read_text() == "x"
    assert names(tmp_path) == ["link.md"]
