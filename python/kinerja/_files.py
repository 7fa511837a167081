"""Writing files so that a failure never leaves one half written (the Python side of
``kinerja::detail::write_file_atomic``, which ``Plan.save`` uses).

:func:`write_atomic` writes the bytes to a new hidden file in the target's folder, flushes it to
the disk (``fsync``) and renames it over the target; on any failure the temporary file is removed,
the target is left byte-identical and a :class:`~kinerja.errors.PlanFileError` names the file and
the cause. :func:`shown_path` and :func:`shown_location` give a file as its user knows it (the
bundled plan as ``bundled:NAME``, a file below the working directory relative to it). Private:
not part of the public API (``kinerja.shown_location`` is exported).
"""

from __future__ import annotations

import itertools
import os
import re
import secrets
import stat
from typing import List, Union

from .errors import PlanFileError

__all__ = ["write_atomic", "shown_path", "shown_location"]

_LOCATION = re.compile(r"^(.*?)((?::\d+){1,2})$", re.S)


def _bundled_folders() -> List[str]:
    """The folders of the bundled plans: the Python package's and the C++ library's data."""
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "plans")
    folders = [os.path.realpath(here)]
    try:
        from . import _core

        folders.append(os.path.realpath(os.path.join(_core.data_directory(), "plans")))
    except Exception:  # no data directory: only the package's
        pass
    return folders


def _below(path: str, folder: str) -> bool:
    return path != folder and path.startswith(folder.rstrip(os.sep) + os.sep)


def shown_path(path: str) -> str:
    """A plan file as its user knows it: a bundled plan (one of kinerja's own data files,
    wherever it is installed) as ``bundled:NAME``; a file below the current working directory
    relative to it; any other path (and ``<input>``, ``""``) as given.

    >>> import kinerja
    >>> from kinerja._files import shown_path
    >>> shown_path(str(kinerja.bundled_plan_path()))
    'bundled:bekasi-dpppa-2024-2026.yaml'
    """
    if not path or path.startswith("<"):
        return path
    try:
        absolute = os.path.abspath(path)
        real = os.path.realpath(absolute)
        for folder in _bundled_folders():
            if _below(real, folder):
                return "bundled:" + os.path.relpath(real, folder).replace(os.sep, "/")
        cwd = os.getcwd()
    except (OSError, ValueError):  # no working directory, a path with a NUL: as given
        return path
    if _below(absolute, cwd):
        return os.path.relpath(absolute, cwd)
    return path


def shown_location(location: str) -> str:
    """A location ``file:line:column`` (or ``file``) with its file as :func:`shown_path` shows it.

    >>> from kinerja._files import shown_location
    >>> shown_location("<input>:3:7")
    '<input>:3:7'
    """
    if not location:
        return location
    m = _LOCATION.match(location)
    file, marks = (m.group(1), m.group(2)) if m else (location, "")
    return shown_path(file) + marks

_counter = itertools.count()
_KEEP = 96  # bytes of the target's name kept in the temporary name (NAME_MAX is 255)


def _fail(error_id: str, path: str, reason: str, untouched: bool = True) -> PlanFileError:
    reason = f"cannot write the file: {reason}" + (" (the file is left as it was)" if untouched else "")
    return PlanFileError(f"[{error_id}] {path}: {reason}", id=error_id, file=path, line=0, column=0, reason=reason)


def _cause(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def _temporary_name(folder: str, name: str) -> str:
    raw = os.fsencode(name)
    if len(raw) > _KEEP:
        cut = _KEEP
        while cut > 0 and raw[cut] & 0xC0 == 0x80:  # a whole UTF-8 character
            cut -= 1
        raw = raw[:cut]
    tail = f".{os.getpid()}.{next(_counter)}.{secrets.token_hex(4)}.tmp"
    return os.path.join(folder, os.fsdecode(b"." + raw) + tail)


def write_atomic(path: Union[str, "os.PathLike[str]"], data: Union[bytes, str],
                 error_id: str = "kinerja.report.io") -> None:
    """Write ``data`` (text is written as UTF-8) to ``path``, replacing the file whole or not at
    all. The file keeps the permission bits of the file it replaces (a new file gets 0666 less
    the umask); a symbolic link is followed and its target replaced; a path that exists but is
    not a regular file (``/dev/stdout``, a pipe) is written directly. Writing needs permission to
    create a file in the folder.

    :raises PlanFileError: ``error_id``, naming the file and the cause.
    """
    path = os.fspath(path)
    payload = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    # a link is followed to the file it names (a dangling link is replaced, as in C++)
    target = os.path.realpath(path) if os.path.islink(path) and os.path.exists(path) else path
    try:
        info = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _fail(error_id, path, _cause(exc), untouched=False) from exc
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise _fail(error_id, path, "it is a folder", untouched=False)
    if info is not None and not stat.S_ISREG(info.st_mode):  # a device or a pipe: nothing to replace
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CLOEXEC)
            try:
                _write_all(fd, payload)
            finally:
                os.close(fd)
        except OSError as exc:
            raise _fail(error_id, path, _cause(exc), untouched=False) from exc
        return

    folder, name = os.path.split(target)
    folder = folder or "."
    fd = -1
    temporary = ""
    for attempt in range(101):
        temporary = _temporary_name(folder, name)
        try:
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
            break
        except FileExistsError:
            if attempt == 100:
                raise _fail(error_id, path, f'cannot create a file in the folder "{folder}": too many name collisions')
        except OSError as exc:
            raise _fail(error_id, path, f'cannot create a file in the folder "{folder}": {_cause(exc)}') from exc
    try:
        if info is not None:
            os.fchmod(fd, stat.S_IMODE(info.st_mode))
        _write_all(fd, payload)
        os.fsync(fd)
        closing, fd = fd, -1
        os.close(closing)
        os.replace(temporary, target)
    except BaseException as exc:
        if fd >= 0:
            os.close(fd)
        try:
            os.unlink(temporary)
        except OSError:
            pass
        if isinstance(exc, Exception):
            raise _fail(error_id, path, _cause(exc)) from exc
        raise  # KeyboardInterrupt and the like: the file is left as it was, the interruption goes on
    # The rename is done; syncing the folder makes it durable. A file system that cannot sync a
    # folder has still replaced the file, so this is not an error.
    try:
        dir_fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)
