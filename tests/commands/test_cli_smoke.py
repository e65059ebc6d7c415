import subprocess
import sys


def test_help_lists_subcommands():
    out = subprocess.run([sys.executable, "-m", "kg", "--help"], capture_output=True, text=True, check=True).stdout
    for cmd in ("build", "extract", "query", "serve", "view", "stats", "path", "train-ner", "push", "check", "migrate"):
        assert cmd in out
