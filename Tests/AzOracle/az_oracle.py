#!/usr/bin/env python3
"""The real Azure CLI's argument parser as an oracle for the az commands azlin generates.

Each form is run with an empty AZURE_CONFIG_DIR and no login: a command az's parser accepts
stops at "Please run 'az login'" (exit 1); one it rejects exits 2 (unknown flag, missing
required argument, value outside an enum). Anything else is a failure too, shown in full.

  az_oracle.py check AZ RESULTS LINE   one form; LINE is "accept<TAB>[argv…]" or
                                       "reject<TAB>[argv…]" (a control the parser must
                                       reject); writes RESULTS/<n>.pass or .fail
  az_oracle.py summary RESULTS         prints the failures, then "N passed, M failed";
                                       exits 1 on any failure or when nothing ran
  az_oracle.py selftest                checks the classification on az's known outputs
"""

import hashlib
import io
import json
import os
import subprocess
import sys
import tempfile
import unittest

LOGIN = "Please run 'az login'"


def classify(exit_code, stderr):
    """'accepted', 'rejected' or 'unexpected' for one az run."""
    if exit_code == 1 and LOGIN in stderr:
        return "accepted"
    if exit_code == 2:
        return "rejected"
    return "unexpected"


def run_az(az, argv, timeout=120):
    """Runs az with argv in a fresh, empty configuration folder; returns (exit code, stderr)."""
    with tempfile.TemporaryDirectory(prefix="az-oracle-") as config:
        env = dict(os.environ)
        env.update(
            {
                "AZURE_CONFIG_DIR": config,
                "AZURE_CORE_COLLECT_TELEMETRY": "false",
                "AZURE_CORE_NO_COLOR": "true",
            }
        )
        try:
            done = subprocess.run(
                [az] + argv,
                env=env,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                timeout=timeout,
            )
        except subprocess.TimeoutExpired:
            return None, f"az did not finish within {timeout} seconds"
        return done.returncode, done.stderr


def check(az, results, line):
    expectation, _, text = line.partition("\t")
    argv = json.loads(text)
    if expectation not in ("accept", "reject") or not isinstance(argv, list):
        raise SystemExit(f"az_oracle: malformed line: {line!r}")
    exit_code, stderr = run_az(az, argv)
    verdict = classify(exit_code, stderr)
    wanted = "accepted" if expectation == "accept" else "rejected"
    passed = verdict == wanted
    shown = "az " + " ".join(argv)
    report = f"{'ok  ' if passed else 'FAIL'} {shown}"
    if not passed:
        report += f"\n     expected {wanted}, got {verdict} (exit {exit_code})"
        report += "".join(f"\n     | {l}" for l in stderr.strip().splitlines()[:12])
    name = hashlib.sha256(line.encode()).hexdigest()[:16]
    with open(os.path.join(results, f"{name}.{'pass' if passed else 'fail'}"), "w") as f:
        f.write(report + "\n")
    print(report, flush=True)


def summary(results):
    names = sorted(os.listdir(results))
    passed = [n for n in names if n.endswith(".pass")]
    failed = [n for n in names if n.endswith(".fail")]
    if failed:
        print("\nRejected or unexpected:")
        for n in failed:
            with open(os.path.join(results, n)) as f:
                print(f.read(), end="")
    print(f"{len(passed)} passed, {len(failed)} failed")
    return 0 if passed and not failed else 1


class ClassifyTests(unittest.TestCase):
    def test_login_prompt_is_accepted(self):
        self.assertEqual(
            classify(1, "ERROR: Please run 'az login' to setup account.\n"), "accepted")

    def test_parser_errors_are_rejected(self):
        for stderr in (
            "ERROR: unrecognized arguments: --bogus\n",
            "ERROR: the following arguments are required: --name/-n\n",
            "ERROR: az vm create: 'Bogus' is not a valid value for '--os-disk-delete-option'.",
        ):
            self.assertEqual(classify(2, stderr), "rejected")

    def test_anything_else_is_unexpected(self):
        self.assertEqual(classify(0, ""), "unexpected")
        self.assertEqual(classify(1, "ERROR: (ResourceNotFound) gone\n"), "unexpected")
        self.assertEqual(classify(None, "timed out"), "unexpected")


def main(args):
    if args[:1] == ["check"] and len(args) == 4:
        check(args[1], args[2], args[3])
        return 0
    if args[:1] == ["summary"] and len(args) == 2:
        return summary(args[1])
    if args == ["selftest"]:
        suite = unittest.defaultTestLoader.loadTestsFromTestCase(ClassifyTests)
        log = io.StringIO()
        if unittest.TextTestRunner(stream=log, verbosity=0).run(suite).wasSuccessful():
            return 0
        print(log.getvalue(), file=sys.stderr)
        return 1
    print(__doc__, file=sys.stderr)
    return 64


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
