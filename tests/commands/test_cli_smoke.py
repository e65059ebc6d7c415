from tests.conftest import kg


def test_help_lists_subcommands():
    done = kg("--help")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    for cmd in ("build", "extract", "query", "serve", "view", "stats", "path", "train-ner", "push", "check", "migrate"):
        assert cmd in out
