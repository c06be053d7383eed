"""The command line the gold scorers share (score_actors, score_samefact, score_stances)."""
import argparse


def parser(*flags):
    """--cli, --corpus and --gold, then each (flag, help) as a switch."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True, help="the parallax binary")
    ap.add_argument("--corpus", required=True, help="a seeds folder or a JSON-lines file")
    ap.add_argument("--gold", required=True, help="the gold TOML file")
    for flag, help in flags:
        ap.add_argument(flag, action="store_true", help=help)
    return ap
