import pytest


def pytest_collection_finish(session):
    # a run that collects no test must fail, not pass silently
    if not session.items:
        raise pytest.UsageError("no tests were collected")
